/** Settings for core tests: a fine-grained token, the defaults of action.yml, and what the test overrides. */
import type { Settings } from '../../src/inputs/settings.js'
import type { RequiredPermission } from '../../src/types.js'

export const FG = 'github_pat_11AAAAAAAAAAAAAAAAAAAA_unit0000000000000000000000000000000000000000000000000000000'

export function settingsFor(required: RequiredPermission[], extra: Partial<Settings> = {}): Settings {
  return {
    token: FG,
    required,
    repository: { owner: 'acme', repo: 'infra' },
    organization: 'acme',
    expiryWarnDays: 30,
    expiryFailDays: 7,
    maxLifetimeDays: 366,
    failOn: 'error',
    apiUrl: 'https://api.github.com',
    timeoutSeconds: 60,
    reportExcess: false,
    repositories: [],
    notify: 'none',
    inputWarnings: [],
    ...extra
  }
}
