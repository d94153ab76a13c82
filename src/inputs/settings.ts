/**
 * Every input, validated into typed settings. Each error is one line naming the input and what it expects;
 * values are shown truncated and never the token.
 */
import './zod-config.js'
import * as z from 'zod/mini'
import { text } from './text-schema.js'
import type { RequiredPermission } from '../types.js'
import type { PermissionNames } from './required-permissions.js'
import { parseRequiredPermissions, quote } from './required-permissions.js'
import { API_URL_FORMS, validateApiUrl } from '../github/url-guard.js'
import { organizationSchema, repositoriesSchema, repositorySchema } from './github-names.js'

export const INPUT_NAMES = [
  'token',
  'required-permissions',
  'repository',
  'organization',
  'expiry-warn-days',
  'expiry-fail-days',
  'max-lifetime-days',
  'fail-on',
  'api-url',
  'timeout-seconds',
  'report-excess',
  'repositories',
  'org-admin-token',
  'notify',
  'github-token'
] as const
export type InputName = (typeof INPUT_NAMES)[number]
export type RawInputs = Partial<Record<InputName, string>>

export const DEFAULTS = {
  'expiry-warn-days': '30',
  'expiry-fail-days': '7',
  'max-lifetime-days': '366',
  'fail-on': 'error',
  'api-url': 'https://api.github.com',
  'timeout-seconds': '60',
  'report-excess': 'false',
  notify: 'none'
} as const

export type FailOn = 'error' | 'warning' | 'never'

export interface Settings {
  readonly token: string
  readonly required: readonly RequiredPermission[]
  readonly repository?: { readonly owner: string; readonly repo: string }
  readonly organization?: string
  readonly expiryWarnDays: number
  readonly expiryFailDays: number
  readonly maxLifetimeDays: number
  readonly failOn: FailOn
  readonly apiUrl: string
  readonly timeoutSeconds: number
  /** Probe every catalog permission that is not required, to list what the token holds beyond the requirement. */
  readonly reportExcess: boolean
  /** Repositories the token must reach; `repo: '*'` stands for all of an owner's repositories. */
  readonly repositories: ReadonlyArray<{ readonly owner: string; readonly repo: string }>
  /** A GitHub App installation token with "Personal access tokens: read" on the organization. */
  readonly orgAdminToken?: string
  readonly notify: 'none' | 'issue'
  /** The workflow's own token, for the tracking issue; never the audited token. */
  readonly githubToken?: string
  /** Problems in the inputs that do not stop the audit (a permission listed twice). */
  readonly inputWarnings: readonly string[]
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] }

export const MAX_TOKEN_LENGTH = 1024

const wholeNumber = (input: InputName, min: number, max: number, what: string) =>
  text((value, ctx) => {
    const trimmed = value.trim()
    if (!/^\d{1,6}$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
      ctx.addIssue({ code: 'custom', message: `Input '${input}': expected ${what} (a whole number from ${min} to ${max}), got ${quote(value)}.` })
      return z.NEVER
    }
    return Number(trimmed)
  })

/** The audited token (required) or another token input (optional: empty means not given). */
const secretSchema = (input: 'token' | 'org-admin-token' | 'github-token') => text((value, ctx) => {
  const token = value.trim()
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message: `Input '${input}': ${message}` })
    return z.NEVER
  }
  if (token === '' && input !== 'token') return undefined
  if (token === '')
    return fail(
      'is empty. Pass the token from a secret, e.g. `token: ${{ secrets.MY_PAT }}`. Secrets are not given to workflows triggered by pull requests from forks, and a secret that does not exist reads as empty.'
    )
  if (token.length > MAX_TOKEN_LENGTH) return fail(`is ${token.length} characters long; expected a GitHub token (at most ${MAX_TOKEN_LENGTH}).`)
  if (/\s/.test(token)) return fail('contains whitespace inside it; expected a single GitHub token (check the secret for a pasted line break or a second value).')
  if (!/^[\x21-\x7e]+$/.test(token)) return fail('contains non-ASCII or control characters; expected a GitHub token (letters, digits and underscores).')
  return token
})
const tokenSchema = secretSchema('token') as z.ZodMiniType<string, string>

const booleanSchema = (input: InputName) =>
  text((value, ctx) => {
    const v = value.trim().toLowerCase()
    if (v === 'true' || v === 'false') return v === 'true'
    ctx.addIssue({ code: 'custom', message: `Input '${input}': expected true or false, got ${quote(value)}.` })
    return z.NEVER
  })

const notifySchema = text((value, ctx) => {
  const v = value.trim().toLowerCase()
  if (v === 'none' || v === 'issue') return v as 'none' | 'issue'
  ctx.addIssue({ code: 'custom', message: `Input 'notify': expected none or issue, got ${quote(value)}.` })
  return z.NEVER
})

const failOnSchema = text((value, ctx) => {
  const v = value.trim().toLowerCase()
  if (v === 'error' || v === 'warning' || v === 'never') return v as FailOn
  ctx.addIssue({ code: 'custom', message: `Input 'fail-on': expected one of error, warning, never, got ${quote(value)}.` })
  return z.NEVER
})

const apiUrlSchema = text((value, ctx) => {
  const checked = validateApiUrl(value)
  if (!checked.ok) {
    let url: URL | undefined
    try {
      url = new URL(value.trim())
    } catch {
      url = undefined
    }
    ctx.addIssue({ code: 'custom', message: `Input 'api-url': expected the REST API root as an http(s) URL: ${API_URL_FORMS}; ${checked.reason}; got ${quote(url ? shownUrl(url, value.trim()) : value)}.` })
    return z.NEVER
  }
  return checked.url
})

/** A URL as shown in an error: credentials, query and fragment can hold secrets, so only their presence is shown. */
function shownUrl(url: URL, text: string): string {
  const credentials = url.username || url.password ? '***@' : ''
  const query = url.search || text.includes('?') ? '?…' : ''
  const hash = url.hash || (text.includes('#') && !query) ? '#…' : ''
  return `${url.protocol}//${credentials}${url.host}${url.pathname}${query}${hash}`
}

/** What each input expects, for the error about the token pasted into it. */
const EXPECTED: Record<Exclude<InputName, 'token'>, string> = {
  'required-permissions': '`name: level` entries (for example `contents: read`)',
  repository: 'owner/repo (e.g. octo-org/infra)',
  organization: 'an organization login',
  'expiry-warn-days': 'a number of days',
  'expiry-fail-days': 'a number of days',
  'max-lifetime-days': 'a number of days',
  'fail-on': 'one of error, warning, never',
  'api-url': 'the REST API root as an http(s) URL',
  'timeout-seconds': 'a number of seconds',
  'report-excess': 'true or false',
  repositories: 'owner/repo or owner/* entries',
  'org-admin-token': 'a GitHub App installation token of its own',
  notify: 'none or issue',
  'github-token': 'the workflow token (`${{ github.token }}`)'
}

/** Pieces of the token long enough to be recognised in another input (a real token is 40 characters or more). */
const MIN_SECRET_PIECE = 16
const SECRET_FRAGMENT = 20

function secretPieces(rawToken: string): string[] {
  const token = rawToken.trim().toLowerCase()
  const pieces = new Set(token.split(/[^\x21-\x7e]+/).filter((p) => p.length >= MIN_SECRET_PIECE))
  if (token.length >= MIN_SECRET_PIECE) pieces.add(token)
  // Any 20 consecutive characters of the token (a paste cut short) count too.
  for (let i = 0; i + SECRET_FRAGMENT <= token.length; i++) pieces.add(token.slice(i, i + SECRET_FRAGMENT))
  return [...pieces]
}

const schema = z
  .object({
    token: tokenSchema,
    repository: repositorySchema,
    organization: organizationSchema,
    'expiry-warn-days': wholeNumber('expiry-warn-days', 0, 3650, 'a number of days'),
    'expiry-fail-days': wholeNumber('expiry-fail-days', 0, 3650, 'a number of days'),
    'max-lifetime-days': wholeNumber('max-lifetime-days', 0, 3650, 'a number of days, 0 to turn the check off'),
    'fail-on': failOnSchema,
    'api-url': apiUrlSchema,
    'timeout-seconds': wholeNumber('timeout-seconds', 1, 3600, 'a number of seconds'),
    'report-excess': booleanSchema('report-excess'),
    repositories: repositoriesSchema,
    'org-admin-token': secretSchema('org-admin-token'),
    notify: notifySchema,
    'github-token': secretSchema('github-token')
  })
  .check(
    z.superRefine((v, ctx) => {
    if (v.notify === 'issue' && !v['github-token']) {
      ctx.addIssue({ code: 'custom', message: "Input 'github-token': expected the workflow token (`${{ github.token }}`, with issues: write) when notify is issue; it is empty." })
    }
    if (v['expiry-warn-days'] < v['expiry-fail-days']) {
      ctx.addIssue({
        code: 'custom',
        message: `Input 'expiry-warn-days': expected at least expiry-fail-days (${v['expiry-fail-days']}), got ${v['expiry-warn-days']}; a token must be warned about before it fails the gate.`
      })
    }
  }))

/** Validates raw inputs (as read from the workflow) into settings, or the list of one-line errors. */
export function parseSettings(raw: RawInputs, names: PermissionNames): SettingsResult {
  // The token pasted into another input (a secret in the wrong field) is reported without its value and that
  // input is not validated further: its own error would quote the value, and a valid-looking one (a repository
  // named like the token) would put the token in request paths.
  const pieces = secretPieces(raw.token ?? '')
  const leaks: string[] = []
  // Worked out once per input (an input of 1,000 repositories is 25 kB, lower-cased for each question otherwise).
  const holding = new Map<InputName, boolean>()
  const holdsToken = (name: InputName): boolean => {
    if (name === 'token' || pieces.length === 0) return false
    let holds = holding.get(name)
    if (holds === undefined) {
      const given = (raw[name] ?? '').toLowerCase()
      holds = pieces.some((p) => given.includes(p))
      holding.set(name, holds)
    }
    return holds
  }
  for (const name of INPUT_NAMES) {
    if (name !== 'token' && holdsToken(name)) {
      leaks.push(`Input '${name}': contains the value of the 'token' input; expected ${EXPECTED[name]}. Pass the token only as 'token'.`)
    }
  }
  const value = (name: InputName): string => {
    const given = holdsToken(name) ? undefined : raw[name]
    if (given !== undefined && given.trim() !== '') return given
    return (DEFAULTS as Record<string, string>)[name] ?? given ?? ''
  }
  const parsed = schema.safeParse({
    token: raw.token ?? '',
    repository: value('repository'),
    organization: value('organization'),
    'expiry-warn-days': value('expiry-warn-days'),
    'expiry-fail-days': value('expiry-fail-days'),
    'max-lifetime-days': value('max-lifetime-days'),
    'fail-on': value('fail-on'),
    'api-url': value('api-url'),
    'timeout-seconds': value('timeout-seconds'),
    'report-excess': value('report-excess'),
    repositories: value('repositories'),
    'org-admin-token': value('org-admin-token'),
    notify: value('notify'),
    // The workflow token is read and validated only when the tracking issue needs it.
    'github-token': value('notify').trim().toLowerCase() === 'issue' ? value('github-token') : ''
  })
  const permissions = parseRequiredPermissions(holdsToken('required-permissions') ? '' : (raw['required-permissions'] ?? ''), names)
  const errors = [...leaks, ...(parsed.success ? [] : parsed.error.issues.map((i) => i.message)), ...permissions.errors]
  if (!parsed.success || errors.length > 0) return { ok: false, errors }
  const v = parsed.data
  const organization = v.organization ?? v.repository?.owner
  const needing = (scope: string) => permissions.required.filter((p) => names.scopeOf?.(p.name) === scope).map((p) => p.name)
  if (!v.repository && needing('repository').length > 0) {
    return { ok: false, errors: [`Input 'repository': expected owner/repo, needed to probe repository permissions (${needing('repository').join(', ')}); it is empty.`] }
  }
  if (!organization && needing('organization').length > 0) {
    return { ok: false, errors: [`Input 'organization': expected an organization login, needed to probe organization permissions (${needing('organization').join(', ')}); it is empty.`] }
  }
  return {
    ok: true,
    settings: {
      token: v.token,
      required: permissions.required,
      ...(v.repository ? { repository: v.repository } : {}),
      ...(organization ? { organization } : {}),
      expiryWarnDays: v['expiry-warn-days'],
      expiryFailDays: v['expiry-fail-days'],
      maxLifetimeDays: v['max-lifetime-days'],
      failOn: v['fail-on'],
      apiUrl: v['api-url'],
      timeoutSeconds: v['timeout-seconds'],
      reportExcess: v['report-excess'],
      repositories: v.repositories,
      ...(v['org-admin-token'] ? { orgAdminToken: v['org-admin-token'] } : {}),
      notify: v.notify,
      ...(v['github-token'] ? { githubToken: v['github-token'] } : {}),
      inputWarnings: permissions.warnings
    }
  }
}
