/**
 * Verdicts made while the last answers are awaited (decided-early.ts): whatever arrives in whatever order and
 * whenever the passes run, each verdict the audit concludes with is the one decidePermission gives on the final
 * inputs.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { decisionMemo, earlyDecisions } from '../../src/audit/decided-early.js'
import { buildPlan, REPOSITORY_PROBE_ID } from '../../src/audit/plan.js'
import type { PlannedProbe } from '../../src/audit/plan.js'
import { shippedCatalog } from '../../src/catalog/shipped.js'
import { excessCandidates } from '../../src/verdicts/excess.js'
import { deriveReachability } from '../../src/verdicts/classify.js'
import { visibilityOf } from '../../src/verdicts/visibility.js'
import { parseScopes } from '../../src/verdicts/headers.js'
import type { DecideInputs } from '../../src/verdicts/permissions.js'
import { decidePermission } from '../../src/verdicts/permissions.js'
import type { HttpEvidence, TokenKind } from '../../src/types.js'
import { ev } from '../helpers/evidence.js'

const catalog = shippedCatalog('fpt')
/** Every probed level of every permission: with their alternatives, every kind of plan entry the audit makes. */
const required = excessCandidates(catalog, [])
let n = 0
const plan = buildPlan(required, catalog, { owner: 'acme', repo: 'infra', org: 'acme', login: 'octocat' }, () => (++n).toString(16).padStart(32, '0'))

const ANSWERS = ['200', '200-public', '200-private', '403-refused', '403-other', '404', '404-org', '409', '422', '401', '500', 'network'] as const
type Answer = (typeof ANSWERS)[number]

function answer(planned: PlannedProbe, kind: Answer): HttpEvidence {
  const at = { method: planned.request.method, path: planned.request.path }
  switch (kind) {
    case '200':
      return ev(200, 'OK', {}, { ...at, body: {} })
    case '200-public':
    case '200-private':
      return ev(200, 'OK', {}, { ...at, body: { visibility: kind === '200-public' ? 'public' : 'private' } })
    case '403-refused':
      return ev(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': 'contents=read' }, at)
    case '403-other':
      return ev(403, 'Must have admin rights to Repository.', {}, at)
    case '404':
    case '404-org':
      return ev(404, 'Not Found', {}, at)
    case 'network':
      return ev(0, 'connect ECONNREFUSED', {}, { ...at, failure: 'network' })
    default:
      return ev(Number(kind), 'Answer', {}, at)
  }
}

function identity(scopes: string | undefined): HttpEvidence {
  return ev(200, 'OK', scopes !== undefined ? { 'x-oauth-scopes': scopes } : {}, { path: '/user', body: { login: 'octocat' } })
}

/** The inputs conclude.ts works out from the final evidence (the plan's order, as probe.ts builds it). */
function finalInputs(kind: TokenKind, id: HttpEvidence, evidence: ReadonlyMap<PlannedProbe, HttpEvidence>): DecideInputs {
  const header = id.headers['x-oauth-scopes']
  return {
    kind,
    evidence,
    reach: deriveReachability([...evidence].map(([planned, e]) => ({ planned, evidence: e }))),
    scopes: header !== undefined ? parseScopes(header) : undefined,
    visibility: visibilityOf([...evidence].find(([p]) => p.probe.id === REPOSITORY_PROBE_ID)?.[1])
  }
}

describe('decisionMemo', () => {
  const pp = plan.permissions.find((p) => p.planned && p.planned.context === 'repository' && p.alternatives.length === 0)
  if (!pp?.planned) throw new Error('no repository permission in the plan')
  const planned = pp.planned
  const base = (): DecideInputs => ({ kind: 'fine-grained', evidence: new Map([[planned, answer(planned, '404')]]), reach: { repository: true } })

  it('gives the kept verdict back when every input it read is the same, and decides again when one differs', () => {
    let calls = 0
    const memo = decisionMemo((p, i) => {
      calls++
      return decidePermission(p, i)
    })
    const inputs = base()
    const first = memo.decide(pp, inputs)
    expect(memo.decide(pp, { ...inputs })).toBe(first)
    expect(calls).toBe(1)
    const changes: Array<Partial<DecideInputs>> = [
      { reach: { repository: false } },
      { reach: { repository: true, organization: true } },
      { visibility: 'public' },
      { scopes: ['repo'] },
      { kind: 'classic' },
      { skipped: { status: 'inconclusive', code: 'network', reason: 'skipped' } },
      { held: () => true },
      // The same answer, another object: another request's evidence.
      { evidence: new Map([[planned, answer(planned, '404')]]) }
    ]
    for (const change of changes) {
      const before = calls
      memo.decide(pp, { ...inputs, ...change })
      expect(calls).toBe(before + 1)
    }
    expect(memo.stats).toEqual({ reused: 1, decided: 1 + changes.length })
  })
})

describe('earlyDecisions', () => {
  it('each final verdict is the one decidePermission gives on the final inputs, whatever arrived when (property)', () => {
    let reused = 0
    let redecided = 0
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ANSWERS), { minLength: plan.requests.length, maxLength: plan.requests.length }),
        fc.array(fc.nat(), { minLength: plan.requests.length, maxLength: plan.requests.length }),
        fc.array(fc.boolean(), { minLength: plan.requests.length, maxLength: plan.requests.length }),
        fc.constantFrom<TokenKind>('fine-grained', 'classic'),
        fc.option(fc.constantFrom('', 'repo', 'public_repo, read:org', 'repo, admin:org, workflow')),
        (answers, order, passAfter, kind, scopes) => {
          const id = identity(scopes ?? undefined)
          const final = new Map(plan.requests.map((p, i) => [p, answer(p, answers[i] ?? '200')] as const))
          const arrival = plan.requests.map((p, i) => ({ p, key: order[i] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i)
          const early = earlyDecisions(kind, plan.permissions)
          const arrived = new Map<PlannedProbe, HttpEvidence>()
          for (const { p, i } of arrival) {
            arrived.set(p, final.get(p) as HttpEvidence)
            early.answered(p)
            if (passAfter[i]) early.pass({ identity: id, evidence: arrived })
          }
          const inputs = finalInputs(kind, id, final)
          const before = early.memo.stats.decided
          for (const pp of plan.permissions) expect(early.memo.decide(pp, inputs)).toEqual(decidePermission(pp, inputs))
          reused += early.memo.stats.reused
          redecided += early.memo.stats.decided - before
        }
      ),
      { numRuns: 60 }
    )
    // Both ways were taken: kept verdicts used, and verdicts whose inputs had changed decided again.
    expect(reused).toBeGreaterThan(0)
    expect(redecided).toBeGreaterThan(0)
  })

  it('decides a permission only once its probe and every alternative have answered', () => {
    const pp = plan.permissions.find((p) => p.planned && p.alternatives.some((a) => a.planned))
    if (!pp?.planned) throw new Error('no permission with an alternative in the plan')
    const alt = pp.alternatives.find((a) => a.planned)?.planned as PlannedProbe
    const early = earlyDecisions('fine-grained', [pp])
    const id = identity(undefined)
    const arrived = new Map<PlannedProbe, HttpEvidence>([[pp.planned, answer(pp.planned, '200')]])
    early.answered(pp.planned)
    early.pass({ identity: id, evidence: arrived })
    expect(early.memo.stats.decided).toBe(0)
    arrived.set(alt, answer(alt, '403-refused'))
    early.answered(alt)
    early.pass({ identity: id, evidence: arrived })
    expect(early.memo.stats.decided).toBe(1)
  })

  it('hands each verdict a pass makes to onVerdict with its permission: the object the memo gives back on the same inputs', () => {
    const [first, second] = plan.permissions.filter((p) => p.planned && p.alternatives.length === 0)
    if (!first?.planned || !second?.planned) throw new Error('no two permissions without alternatives in the plan')
    const seen: Array<[unknown, unknown]> = []
    const early = earlyDecisions('fine-grained', [first, second], undefined, (pp, report) => seen.push([pp, report]))
    const id = identity(undefined)
    const arrived = new Map<PlannedProbe, HttpEvidence>([[first.planned, answer(first.planned, '200')]])
    early.answered(first.planned)
    early.pass({ identity: id, evidence: arrived })
    expect(seen.map(([pp]) => pp)).toEqual([first])
    arrived.set(second.planned, answer(second.planned, '403-refused'))
    early.answered(second.planned)
    early.pass({ identity: id, evidence: arrived })
    expect(seen.map(([pp]) => pp)).toEqual([first, second])
    const inputs = finalInputs('fine-grained', id, arrived)
    expect(early.memo.decide(second, inputs)).toBe(seen[1]?.[1])
  })
})
