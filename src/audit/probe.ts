/**
 * Probing: GET /user goes out with the first wave of probes and gates the rest (an invalid token, an unreachable
 * API or a spent rate budget stops them); once the login is known, the probes that need it; then, when a 404
 * under the organization needs reading, whether the organization exists.
 */
import type { Catalog } from '../catalog/catalog.js'
import type { HttpEvidence, ProbeSpec } from '../types.js'
import type { Decision, Reachability } from '../verdicts/classify.js'
import { deriveReachability } from '../verdicts/classify.js'
import { identityGate, loginOf, rateBudget, rateLimitedDecision } from '../verdicts/identity.js'
import type { PermissionPlan, Plan, PlannedProbe, Target } from './plan.js'
import { buildPlan, LOGIN_UNKNOWN } from './plan.js'
import { createLimiter } from './runner.js'
import type { Session } from './session.js'
import type { Schedule } from './coverage.js'
import { FIRST_WAVE, MAX_IN_FLIGHT, MAX_RATE_LIMIT_WAIT_MS } from '../facts/limits.js'

export const IDENTITY_PROBE: ProbeSpec = {
  id: 'GET /user',
  method: 'GET',
  template: '/user',
  query: {},
  safety: { kind: 'read-only' },
  randomParams: [],
  accepts: [],
  publicFallback: false
}

const ORGANIZATION_PROBE: ProbeSpec = { ...IDENTITY_PROBE, id: 'GET /orgs/{org}', template: '/orgs/{org}' }

export interface ProbeDependencies {
  readonly randomHex: () => string
  readonly sleep: (ms: number) => Promise<void>
  readonly debug?: (message: string) => void
  /** Told of each probe's answer as it arrives (decided-early.ts). */
  readonly onEvidence?: (planned: PlannedProbe, evidence: HttpEvidence) => void
}

export interface Probed {
  readonly identity: HttpEvidence
  readonly login?: string
  /** Why probes after the first wave were not sent, when they were not. */
  readonly skipped?: Decision
  readonly evidence: ReadonlyMap<PlannedProbe, HttpEvidence>
  /** The plan, with the probes that needed the login filled in once it was known. */
  readonly permissions: readonly PermissionPlan[]
  readonly reach: Reachability
}

/** GET /user, sent before anything else is prepared, and the bound on requests in flight it counts against. */
export interface IdentityRequest {
  readonly limit: <T>(task: () => Promise<T>) => Promise<T>
  readonly identity: Promise<HttpEvidence>
  /** Gives GET /user's place among the requests in flight back once `settled` has settled. */
  readonly releaseAfter: (settled: Promise<unknown>) => void
}

/**
 * Sends GET /user at once (under `limit`, the bound on requests in flight, shared with repository coverage's first page
 * when that went first): the plan is built while it is in flight (it needs nothing from the answer). Its place in
 * flight is given back only once the first wave's probes have answered too: they leave a few milliseconds after it
 * (the plan, then each request's own preparation), and a later probe taking that place as soon as GET /user answered
 * would start its chain of round trips that much earlier than the rest of its wave, one round trip more over a long
 * audit (measured by npm run bench at 50 ms). The answer itself is used as soon as it arrives.
 */
export function sendIdentity(session: Session, limit: <T>(task: () => Promise<T>) => Promise<T> = createLimiter(MAX_IN_FLIGHT)): IdentityRequest {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  const identity = new Promise<HttpEvidence>((resolve, reject) => {
    void limit(async () => {
      try {
        resolve(await session.send(IDENTITY_PROBE, { method: 'GET', path: '/user', query: {} }))
      } catch (error: unknown) {
        reject(error)
        return
      }
      await released
    })
  })
  return { limit, identity, releaseAfter: (settled) => void settled.then(release, release) }
}

/** Requests sent beside the probes under the same bound and gate (repository coverage). */
export interface Alongside {
  /** How many went out with GET /user, before the plan: each takes a place of the first wave. */
  readonly sentAhead: number
  /** Receives the schedule for requests after the first wave: they go once the identity let the probes go. */
  readonly onGate: (later: Schedule) => void
}

/**
 * Before the identity answers, at most FIRST_WAVE requests go out beside it (the probes first in the plan, less
 * what `alongside` sent ahead); the rest wait for the identity's gate (an invalid token, a spent rate budget).
 */
export async function probe(
  session: Session,
  identityRequest: IdentityRequest,
  firstPlan: Plan,
  catalog: Catalog,
  target: Target,
  deps: ProbeDependencies,
  alongside: Alongside = { sentAhead: 0, onGate: () => undefined }
): Promise<Probed> {
  const { limit } = identityRequest
  const firstWave = Math.max(0, FIRST_WAVE - alongside.sentAhead)
  let skipped: Decision | undefined
  const gate = identityRequest.identity.then(async (identity) => {
    skipped = identityGate(identity)
    const budget = skipped ? undefined : rateBudget(identity)
    const needed = firstPlan.requests.length - firstWave
    if (budget && needed > 0 && budget.remaining < needed) {
      const wait = budget.resetAt - session.now()
      if (wait <= Math.min(MAX_RATE_LIMIT_WAIT_MS, session.deadline - session.now() - 1000)) {
        deps.debug?.(`Rate limit: ${budget.remaining} requests left for ${needed} more probes; waiting ${Math.ceil(wait / 1000)} s for the reset.`)
        await deps.sleep(Math.max(0, wait))
      } else skipped = rateLimitedDecision(budget, needed)
    }
    return identity
  })
  const sendOne = async (planned: PlannedProbe): Promise<HttpEvidence> => {
    const ev = await session.send(planned.probe, planned.request)
    deps.onEvidence?.(planned, ev)
    return ev
  }
  const send = (planned: PlannedProbe, index: number): Promise<HttpEvidence | undefined> =>
    index < firstWave ? limit(() => sendOne(planned)) : gate.then(() => (skipped ? undefined : limit(() => sendOne(planned))))
  const sends = firstPlan.requests.map(send)
  const firstResults = Promise.all(sends)
  identityRequest.releaseAfter(Promise.allSettled(sends.slice(0, firstWave)))
  alongside.onGate((task) => gate.then(() => (skipped ? undefined : limit(task))))

  // Once the login is known: the probes that need it, reusing whatever the first plan already sends.
  const identity = await gate
  const login = loginOf(identity)
  const waiting = firstPlan.permissions.filter((pp) => pp.notProbed === LOGIN_UNKNOWN)
  const loginPlan =
    login && waiting.length > 0 && !skipped ? buildPlan(waiting.map((pp) => pp.required), catalog, { ...target, login }, deps.randomHex, firstPlan.requests) : undefined
  const added = loginPlan ? loginPlan.requests.filter((p) => !firstPlan.requests.includes(p)) : []
  const [first, later] = await Promise.all([firstResults, Promise.all(added.map((p) => send(p, firstWave)))])
  const evidence = new Map<PlannedProbe, HttpEvidence>()
  firstPlan.requests.forEach((p, i) => {
    const ev = first[i]
    if (ev) evidence.set(p, ev)
  })
  added.forEach((p, i) => {
    const ev = later[i]
    if (ev) evidence.set(p, ev)
  })
  const byPermission = new Map((loginPlan?.permissions ?? []).map((pp) => [`${pp.required.name}:${pp.required.level}`, pp]))
  const permissions = firstPlan.permissions.map((pp) => byPermission.get(`${pp.required.name}:${pp.required.level}`) ?? pp)

  const reach = await probeOrganization(session, evidence, target.org)
  return { identity, ...(login ? { login } : {}), ...(skipped ? { skipped } : {}), evidence, permissions, reach }
}

/** An organization whose existence nothing proved, when a 404 under it needs reading. Adds its evidence. */
async function probeOrganization(session: Session, evidence: Map<PlannedProbe, HttpEvidence>, organization: string | undefined): Promise<Reachability> {
  const reach = deriveReachability([...evidence].map(([planned, ev]) => ({ planned, evidence: ev })))
  const orgAmbiguous = [...evidence].some(([p, ev]) => p.context === 'organization' && ev.status === 404)
  if (!orgAmbiguous || reach.organization !== undefined || !organization || !session.timeLeft()) return reach
  const path = `/orgs/${encodeURIComponent(organization)}`
  const orgEvidence = await session.send(ORGANIZATION_PROBE, { method: 'GET', path, query: {} })
  evidence.set({ probe: ORGANIZATION_PROBE, request: { method: 'GET', path, query: {} }, context: 'organization' }, orgEvidence)
  return { ...reach, ...(orgEvidence.status === 200 ? { organization: true } : orgEvidence.status === 404 ? { organization: false } : {}) }
}
