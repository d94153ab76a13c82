/**
 * An audit that verified nothing never passes. When GitHub could not be reached, `GET /user` never answered, or no
 * probe decided anything because of the network or the server, the report fails with one finding that says so and why
 * (`fail-on: never` still reports without failing the step).
 */
import type { PermissionReport } from '../report/report.js'
import type { Finding, HttpEvidence } from '../types.js'

/** Decision codes that mean the request got no usable answer: nothing about the token was learnt. */
const UNANSWERED = new Set(['network', 'server-error', 'deadline', 'bad-response'])

export interface VerifiedInputs {
  readonly identity: HttpEvidence
  readonly permissions: readonly PermissionReport[]
}

/** Why nothing was verified, or undefined when something was. */
export function whyNothingVerified({ identity, permissions }: VerifiedInputs): string | undefined {
  if (identity.status === 0) return `GitHub could not be reached: ${identity.message}`
  if (identity.failure !== undefined) return `GET /user was not answered with GitHub's JSON (${identity.status}): ${identity.message}`
  if (identity.status >= 500) return `GET /user answered ${identity.status} (after retries): GitHub did not answer who the token belongs to.`
  const decided = permissions.some((p) => p.status !== 'inconclusive')
  const unanswered = permissions.filter((p) => p.status === 'inconclusive' && UNANSWERED.has(p.code))
  if (!decided && unanswered.length > 0) {
    return `No probe was answered usefully (${unanswered.map((p) => `${p.name}: ${p.level}`).join(', ')}): ${unanswered[0].reason}`
  }
  return undefined
}

/** `code`: `api-unreachable` (no answer), `api-unexpected` (not GitHub's JSON), `not-checked` (anything else). */
export function notCheckedFinding(why: string, code: 'api-unreachable' | 'api-unexpected' | 'not-checked' = 'not-checked'): Finding {
  return {
    severity: 'error',
    code,
    title: 'The token could not be checked',
    message: `${why} Nothing about the token was verified, so the audit cannot pass.`,
    fix: 'Run the audit again; if it keeps failing, check that the runner can reach the API (`api-url`, proxy settings) and GitHub\'s status page.'
  }
}
