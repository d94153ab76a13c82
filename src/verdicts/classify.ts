/**
 * Reads evidence into verdicts. A permission is `missing` only when a response proves it (GitHub's
 * "Resource not accessible" 403 for an endpoint that accepts the permission, or a classic token's scope list);
 * `granted` only when GitHub let the request through its permission check; everything else is `inconclusive`
 * with the reason.
 */
import type { PlannedProbe } from '../audit/plan.js'
import { REPOSITORY_PROBE_ID } from '../audit/plan.js'
import type { HttpEvidence, Level, PermissionScope, PermissionStatus } from '../types.js'
import { formatPartners, readRefusal } from './joint-sets.js'
import { basisOf, trustsNotFound } from '../catalog/probe-basis.js'
import { formatAcceptedPermissions, parseAcceptedPermissions } from './headers.js'
import type { Condition, ConditionCode } from './policy-texts.js'
import { namesRepositoryLookup, readCondition } from './policy-texts.js'
import { describeCondition } from './conditions.js'

export type DecisionCode =
  | 'answered'
  | 'authorised-not-found'
  | 'authorised-invalid'
  | 'accepted-write'
  | 'not-accessible'
  | 'scope-missing'
  | 'scope-granted'
  | 'public-fallback'
  | 'accepted-mismatch'
  | 'refused-other'
  | 'repository-unreachable'
  | 'organization-unreachable'
  | 'not-found'
  | ConditionCode
  | 'public-data'
  | 'visibility-unknown'
  | 'joint-set'
  | 'not-checked'
  | 'not-found-ambiguous'
  | 'org-record'
  | 'server-error'
  | 'network'
  | 'deadline'
  | 'bad-response'
  | 'refused-by-guard'
  | 'redirected'
  | 'unexpected-status'
  | 'uncheckable'
  | 'not-on-server'
  | 'no-scope-mapping'
  | 'satisfied-by-alternative'
  | 'alternative-unknown'

export interface Decision {
  readonly status: PermissionStatus
  readonly code: DecisionCode
  /** One or two sentences a person can act on. */
  readonly reason: string
}

/** A condition GitHub reported that stops the token on a resource, whatever permissions it holds (policy-texts.ts). */
export type Blocking = Condition

/** The condition an answer shows (see policy-texts.ts), or undefined. */
export function blockingCondition(ev: HttpEvidence): Blocking | undefined {
  return readCondition(ev)
}

export function describeBlocking(b: Blocking): string {
  return describeCondition(b)
}

export interface Reachability {
  /** true: the repository answered; false: GET on it was a 404; undefined: not known. */
  readonly repository?: boolean
  readonly organization?: boolean
}

function passedPermissionCheck(ev: HttpEvidence): boolean {
  return (ev.status >= 200 && ev.status < 300) || ev.status === 409 || ev.status === 422 || (ev.status === 403 && /resource not accessible by/i.test(ev.message))
}

/** What the responses tell about whether the repository and the organization exist for this token. */
export function deriveReachability(results: ReadonlyArray<{ planned: PlannedProbe; evidence: HttpEvidence }>): Reachability {
  let repository: boolean | undefined
  let organization: boolean | undefined
  for (const { planned, evidence } of results) {
    if (planned.context === 'repository') {
      if (planned.probe.id === REPOSITORY_PROBE_ID && evidence.status === 404) repository = false
      else if (repository === undefined && passedPermissionCheck(evidence)) repository = true
      if (planned.probe.id === REPOSITORY_PROBE_ID && evidence.status === 200) repository = true
    }
    if (planned.context === 'organization') {
      if (planned.probe.template === '/orgs/{org}' && evidence.status === 404) organization = false
      else if (organization === undefined && passedPermissionCheck(evidence)) organization = true
    }
  }
  return { ...(repository !== undefined ? { repository } : {}), ...(organization !== undefined ? { organization } : {}) }
}

/** Why a 404 on the repository or organization itself leaves the permissions undecided (the finding and each permission say the same). */
export const UNREACHABLE: Readonly<Record<'repository' | 'organization', string>> = {
  repository:
    'GitHub answered 404 for the repository itself: it is not selected for this token, the token is pending an organization owner\'s approval (it can then only read public resources), or the repository does not exist.',
  organization: 'GitHub answered 404 for the organization: it does not exist, or this token cannot see it.'
}

function reachOf(context: PermissionScope, reach: Reachability): boolean | undefined {
  return context === 'account' ? true : reach[context]
}

/** The decision one probe's evidence supports for one permission (a fine-grained or app token). */
export interface ClassifyOptions {
  /** The level the probe is meant to prove (a refusal of a higher level proves nothing about a lower one). */
  readonly level?: Level
  /** Whether a response proved another permission held (for joint sets, see joint-sets.ts). */
  readonly held?: (name: string, level: Level) => boolean
}

export function classifyEvidence(permission: string, planned: PlannedProbe, ev: HttpEvidence, reach: Reachability, options: ClassifyOptions = {}): Decision {
  // A 5xx is a server error whatever its body: GitHub's 502 and 504 pages are HTML, not the JSON expected.
  const serverFailure = ev.status >= 500 && (ev.failure === 'not-json' || ev.failure === 'empty-body')
  const failure = serverFailure ? undefined : failureDecision(ev)
  if (failure) return failure
  const blocking = blockingCondition(ev)
  if (blocking && blocking.code !== 'sso-partial') return { status: 'inconclusive', code: blocking.code, reason: describeBlocking(blocking) }
  const { probe, context } = planned
  const contextReach = reachOf(context, reach)
  if (ev.status >= 500) return { status: 'inconclusive', code: 'server-error', reason: `GitHub answered ${ev.status} ${probe.method === 'GET' ? '(after retries)' : '(a write is never sent twice: the error may have come after GitHub acted)'}; the permission could not be checked.` }
  if (ev.status >= 200 && ev.status < 300) {
    if (probe.publicFallback) {
      return { status: 'inconclusive', code: 'public-fallback', reason: 'This endpoint answers public data without the permission, so a 200 proves nothing by itself.' }
    }
    if (probe.method === 'GET') return { status: 'granted', code: 'answered', reason: `GitHub answered ${ev.status} to a request that needs this permission.` }
    return { status: 'granted', code: 'accepted-write', reason: `GitHub accepted the ${probe.method} (${ev.status}) on a resource that does not exist; it passed the permission check.` }
  }
  if (ev.status === 403) {
    if (/resource not accessible by/i.test(ev.message)) {
      const accepted = parseAcceptedPermissions(ev.headers['x-accepted-github-permissions'] ?? '')
      const reading = readRefusal(permission, options.level ?? 'admin', accepted, options.held)
      if (reading.proves === 'nothing' && reading.why === 'not-listed') {
        return {
          status: 'inconclusive',
          code: 'accepted-mismatch',
          reason: `GitHub refused it, but says this endpoint accepts ${formatAcceptedPermissions(accepted)}, not '${permission}'${options.level ? ` at '${options.level}'` : ''}: the refusal does not prove the permission missing.`
        }
      }
      if (reading.proves === 'nothing') {
        return {
          status: 'inconclusive',
          code: 'joint-set',
          reason: `GitHub answered 403 "${ev.message}", but this endpoint accepts ${formatAcceptedPermissions(accepted)}: '${permission}' is needed together with ${formatPartners(reading.partners)}, and nothing proved ${reading.partners.flat().length > 1 ? 'those' : 'that'} held, so either may be what is missing.`
        }
      }
      // The same sentence for every missing permission (the accepted permissions are in each one's evidence), so a
      // summary of five missing permissions says it once.
      return { status: 'missing', code: 'not-accessible', reason: `GitHub answered 403 "${ev.message}" to a request that needs it.` }
    }
    return {
      status: 'inconclusive',
      code: 'refused-other',
      reason: `GitHub answered 403 "${ev.message}": the token's permission was not what it objected to (often the user's own role in the organization or repository).`
    }
  }
  if (ev.status === 404) {
    // A 404 whose documentation_url names the repository lookup (cli/cli#13350) is about the repository, not the id.
    if (probe.id === REPOSITORY_PROBE_ID || contextReach === false || (context === 'repository' && namesRepositoryLookup(ev.body))) {
      const where = context === 'organization' ? 'organization' : 'repository'
      return { status: 'inconclusive', code: `${where}-unreachable`, reason: UNREACHABLE[where] }
    }
    if (contextReach === true && !trustsNotFound(probe)) {
      const basis = basisOf(probe)
      return {
        status: 'inconclusive',
        code: 'not-found-ambiguous',
        reason: `GitHub answered 404, which on this endpoint can also mean the permission is missing (${basis ? `${basis.reading}; ${basis.source}` : 'no source reads it as passing'}).`
      }
    }
    if (contextReach === true) {
      return {
        status: 'granted',
        code: 'authorised-not-found',
        reason: `GitHub answered 404 for ${probe.randomParams.length > 0 ? 'a random name that cannot exist' : 'a resource that does not exist here'} under a ${context} it can reach: it checks the permission first, so the request passed it.`
      }
    }
    return { status: 'inconclusive', code: 'not-found', reason: 'GitHub answered 404 and nothing shows whether the resource owner itself is reachable.' }
  }
  if (ev.status === 409 || ev.status === 422) {
    return { status: 'granted', code: 'authorised-invalid', reason: `GitHub answered ${ev.status} "${ev.message}": it refused the input after the permission check passed.` }
  }
  return { status: 'inconclusive', code: 'unexpected-status', reason: `GitHub answered ${ev.status} "${ev.message}", which does not tell whether the permission is held.` }
}

export function failureDecision(ev: HttpEvidence): Decision | undefined {
  switch (ev.failure) {
    case undefined:
      return undefined
    case 'refused':
      return { status: 'inconclusive', code: 'refused-by-guard', reason: ev.message }
    case 'redirect':
      // Redirects are never followed (a 307 or 308 would repeat a write elsewhere): where it pointed is the evidence.
      return {
        status: 'inconclusive',
        code: 'redirected',
        reason: `GitHub answered ${ev.message} A redirect proves nothing about the permission.${/^\/repos\/[^/]+\/[^/]+/.test(ev.path) ? ' GitHub redirects a repository that was renamed or transferred: point `repository` at its new name.' : ''}`
      }
    case 'deadline':
      return { status: 'inconclusive', code: 'deadline', reason: ev.message }
    case 'network':
    case 'timeout':
      return { status: 'inconclusive', code: 'network', reason: `No answer from GitHub: ${ev.message}` }
    case 'not-json':
    case 'empty-body':
      return { status: 'inconclusive', code: 'bad-response', reason: `GitHub's answer (${ev.status}) was not the JSON expected: ${ev.message}` }
  }
}
