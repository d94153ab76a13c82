/**
 * What GET /user says before anything else is judged: whether the audit may go on probing (an invalid token,
 * an unreachable API or a spent rate budget stops it), the login, and the rate budget left.
 */
import type { HttpEvidence } from '../types.js'
import type { Decision } from './classify.js'
import { describeBlocking } from './classify.js'
import { personDate } from '../report/when.js'

/** Why nothing more is probed after this identity answer; undefined when probing may go on. */
export function identityGate(identity: HttpEvidence): Decision | undefined {
  if (identity.status === 401) return { status: 'inconclusive', code: 'invalid-token', reason: describeBlocking({ code: 'invalid-token' }) }
  if (identity.status === 0 || identity.failure !== undefined) {
    return identity.status > 0
      ? { status: 'inconclusive', code: 'bad-response', reason: `GET /user was not answered with GitHub's JSON (${identity.message}); nothing more was probed.` }
      : { status: 'inconclusive', code: 'network', reason: `GitHub could not be reached (${identity.message}); nothing more was probed.` }
  }
  return undefined
}

/** The probes that would not fit the rate budget: nothing more is sent. */
export function rateLimitedDecision(budget: RateBudget, needed: number): Decision {
  return {
    status: 'inconclusive',
    code: 'rate-limited',
    reason: `The token has ${budget.remaining} requests left this hour and the audit needs ${needed} more; they were not sent. The budget resets at ${personDate(new Date(budget.resetAt))}.`
  }
}

export interface RateBudget {
  readonly remaining: number
  /** Epoch milliseconds. */
  readonly resetAt: number
}

/** The rate budget GitHub reports (x-ratelimit-remaining, x-ratelimit-reset), when it reports one. */
export function rateBudget(ev: HttpEvidence): RateBudget | undefined {
  const remaining = Number(ev.headers['x-ratelimit-remaining'])
  const reset = Number(ev.headers['x-ratelimit-reset'])
  if (ev.headers['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining) || !Number.isFinite(reset)) return undefined
  // The identity request itself was counted; the remaining budget is what the probes can use.
  return { remaining, resetAt: reset * 1000 }
}

/**
 * Whether an answer other than GET /user's already lets `needed` more requests go: a 200 (the token works) whose rate
 * budget covers them. GitHub sends the rate-limit headers with every REST response
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit);
 * without them, or with too small a budget, GET /user's gate decides as before.
 */
export function answerOpensGate(ev: HttpEvidence, needed: number): boolean {
  if (ev.status !== 200 || ev.failure !== undefined) return false
  const budget = rateBudget(ev)
  return budget !== undefined && budget.remaining >= needed
}

/** The token owner's login, when GET /user answered it. */
export function loginOf(identity: HttpEvidence): string | undefined {
  const body = identity.body as { login?: unknown } | undefined
  return identity.status === 200 && typeof body?.login === 'string' ? body.login : undefined
}

/** GET /user got an HTTP answer with GitHub's JSON (any status). */
export function identityAnswered(identity: HttpEvidence): boolean {
  return identity.status > 0 && identity.failure === undefined
}
