/**
 * The token's own verdicts, from GET /user and the conditions GitHub reported: its expiry, days remaining and
 * compliance with the lifetime policy. Pure.
 */
import type { HttpEvidence, TokenKind } from '../types.js'
import type { Blocking } from './classify.js'
import { blockingCondition } from './classify.js'
import type { LifetimeCompliance, TokenReport } from '../report/report.js'
import { isPersonalAccessToken } from './token-kind.js'
import { parseExpiration } from './headers.js'

const DAY = 86_400_000

export type LifetimePolicy = Extract<Blocking, { code: 'lifetime-policy' }>

/** Conditions that stop the token on a resource (401, SSO, lifetime policy, classic refused, rate limit), each once. */
export function collectBlockings(evidence: Iterable<HttpEvidence>): Map<Blocking['code'], Blocking> {
  const blockings = new Map<Blocking['code'], Blocking>()
  for (const ev of evidence) {
    const b = blockingCondition(ev)
    if (b && !blockings.has(b.code)) blockings.set(b.code, b)
  }
  return blockings
}

export interface TokenVerdict {
  readonly report: TokenReport
  /** The expiration header, when GitHub sent one this audit could not read. */
  readonly unreadableExpiry?: string
  /** The organization's lifetime policy that refused the token, when one did. */
  readonly policy?: LifetimePolicy
}

export interface TokenInputs {
  readonly kind: TokenKind
  readonly login?: string
  readonly identity: HttpEvidence
  /** GET /user answered for a valid token with a real answer (not a 5xx): a missing expiration header then means 'never'. */
  readonly authenticated: boolean
  readonly blockings: ReadonlyMap<string, Blocking>
  readonly maxLifetimeDays: number
  readonly scopes?: readonly string[]
  readonly now: number
}

export function decideToken(inputs: TokenInputs): TokenVerdict {
  const { kind, now } = inputs
  const header = inputs.identity.headers['github-authentication-token-expiration']
  let expiresAt: Date | 'never' | undefined
  // Only a successful answer says anything by lacking the header: error and rate-limit answers carry no token headers.
  const successful = inputs.identity.status >= 200 && inputs.identity.status < 300
  if (inputs.authenticated) expiresAt = header === undefined ? (successful ? 'never' : undefined) : parseExpiration(header)
  const daysRemaining = expiresAt instanceof Date ? Math.floor((expiresAt.getTime() - now) / DAY) : null
  const policy = inputs.blockings.get('lifetime-policy') as LifetimePolicy | undefined
  const report: TokenReport = {
    kind,
    ...(inputs.login ? { owner: inputs.login } : {}),
    expiresAt: expiresAt === undefined ? null : expiresAt === 'never' ? 'never' : expiresAt.toISOString(),
    daysRemaining,
    lifetime: lifetimeCompliance(kind, expiresAt, inputs.maxLifetimeDays, policy, now),
    ...(inputs.scopes ? { scopes: inputs.scopes } : {})
  }
  const unreadable = inputs.authenticated && header !== undefined && expiresAt === undefined
  return { report, ...(unreadable ? { unreadableExpiry: header } : {}), ...(policy ? { policy } : {}) }
}

export function lifetimeCompliance(
  kind: TokenKind,
  expiresAt: Date | 'never' | undefined,
  maxLifetimeDays: number,
  policy: { maxDays: number } | undefined,
  now: number
): TokenReport['lifetime'] {
  const policyDays = policy ? (maxLifetimeDays > 0 ? Math.min(maxLifetimeDays, policy.maxDays) : policy.maxDays) : maxLifetimeDays
  const base = { policyDays, ...(policy ? { organizationLimitDays: policy.maxDays } : {}) }
  const verdict = (compliant: LifetimeCompliance, reason: string) => ({ ...base, compliant, reason })
  if (policy) return verdict('false', `GitHub refused the token: the organization allows at most ${policy.maxDays} days.`)
  if (maxLifetimeDays === 0) return verdict('unknown', 'The lifetime check is off (max-lifetime-days: 0).')
  if (!isPersonalAccessToken(kind)) return verdict('unknown', 'Lifetime policies apply to personal access tokens only.')
  if (expiresAt === undefined) return verdict('unknown', 'The expiry is unknown.')
  if (expiresAt === 'never') return verdict('false', `The token never expires; the policy allows at most ${maxLifetimeDays} days.`)
  const daysLeft = (expiresAt.getTime() - now) / DAY
  if (daysLeft > maxLifetimeDays) return verdict('false', `The token expires in ${Math.floor(daysLeft)} days, beyond the ${maxLifetimeDays}-day policy.`)
  return verdict('true', `The token expires within the ${maxLifetimeDays}-day policy.`)
}

