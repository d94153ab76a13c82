/**
 * After the probes: decide (each permission, the token, the organization's record, repository coverage, excess),
 * find (the problems, each with its fix) and assemble the report. Loaded by audit.ts while the requests are in flight.
 */
import type { AuditContext } from './audit.js'
import type { Settings } from '../inputs/settings.js'
import type { Report } from '../report/report.js'
import type { CoverageListing, CoverageResult } from './coverage.js'
import type { OrgRecord } from './org-record.js'
import type { Send, Session } from './session.js'
import type { Probed } from './probe.js'
import type { TokenVerdict } from '../verdicts/token.js'
import type { HttpEvidence, Level, TokenKind } from '../types.js'
import type { Plan, PlannedProbe } from './plan.js'
import { deriveReachability } from '../verdicts/classify.js'
import { decideCoverage, listCoverage, PAGE_SIZE } from './coverage.js'
import { readOrgRecord } from './org-record.js'
import { decidePermission } from '../verdicts/permissions.js'
import { collectBlockings, decideToken } from '../verdicts/token.js'
import { identityAnswered } from '../verdicts/identity.js'
import { compareWithProbes } from '../verdicts/record.js'
import { decideExcess } from '../verdicts/excess.js'
import { auditFindings } from '../report/findings.js'
import { assembleReport, replacementUrlFor } from '../report/assemble.js'
import { decideByRecord } from '../verdicts/record-verdict.js'
import { withApprovalHint } from '../verdicts/pending.js'
import { formatExpiration } from '../verdicts/headers.js'
import type { PermissionReport } from '../report/report.js'
import type { DecisionMemo } from './decided-early.js'
import { auditWide } from './decided-early.js'

export interface Concluding {
  readonly settings: Settings
  readonly context: AuditContext
  readonly session: Session
  readonly kind: TokenKind
  readonly probed: Probed
  /** Repository coverage's listing, when `repositories` is given. */
  readonly listing: CoverageListing | undefined
  /** Verdicts made while the last answers were awaited (decided-early.ts), used where their inputs are the final ones. */
  readonly memo?: DecisionMemo
}

export { earlyDecisions } from './decided-early.js'
export { prepareReplacement } from '../report/assemble.js'

export async function conclude({ settings, context, session, kind, probed, listing, memo }: Concluding): Promise<Report> {
  const { identity } = probed
  // Decide.
  // On a public repository public data proves nothing (visibility.ts); joint sets need their partners proven (joint-sets.ts).
  const { scopes, visibility } = auditWide(identity, probed.evidence)
  const inputs = { kind, evidence: probed.evidence, reach: probed.reach, skipped: probed.skipped, scopes, visibility }
  const firstPass = probed.permissions.map((pp) => (memo ? memo.decide(pp, inputs) : decidePermission(pp, inputs)))
  const held = heldFrom(firstPass)
  const decided = probed.permissions.map((pp, i) => (firstPass[i].code === 'joint-set' ? decidePermission(pp, { ...inputs, held }) : firstPass[i]))
  const [byProbes, beyond] = [decided.slice(0, settings.required.length), decided.slice(settings.required.length)]
  const blockings = collectBlockings([identity, ...probed.evidence.values()])
  const authenticated = identityAnswered(identity) && identity.status !== 401 && identity.status < 500
  const token = decideToken({ kind, login: probed.login, identity, authenticated, blockings, maxLifetimeDays: settings.maxLifetimeDays, scopes, now: session.now() })
  // Probe beyond a check: the organization's record, repository coverage.
  const { record, coverage } = await probeBeyond(session, settings, probed, token, listing)
  const disagreements = record?.grant ? compareWithProbes(record.grant, settings.required, byProbes) : []
  // With org-admin-token the organization's record decides (record-verdict.ts); a missing permission of a fine-grained
  // token also says who approves a pending token, and where (pending.ts).
  const grant = record?.grant
  const permissions = (grant && record ? byProbes.map((p) => decideByRecord(p, grant, record.organization)) : byProbes).map((p) =>
    withApprovalHint(p, kind, settings.organization, context.serverUrl)
  )
  const excess = settings.reportExcess ? decideExcess(byProbes, beyond, settings.required) : undefined
  // Find, then assemble.
  const replacementUrl = replacementUrlFor(settings, context.serverUrl, token)
  const findings = auditFindings({ settings, kind, identity, skipped: probed.skipped, blockings, reach: probed.reach, permissions, probed: byProbes, visibility, token, record, disagreements, coverage, excess, scopes, serverUrl: context.serverUrl, replacementUrl })
  const parts = { settings, edition: context.edition, serverUrl: context.serverUrl, token, permissions, beyond, findings, excess, coverage, record, disagreements, replacementUrl }
  return assembleReport({ ...parts, generatedAt: session.now(), requests: session.requests(), durationMs: Math.max(0, session.now() - session.started) })
}

/** With org-admin-token, the organization's record of the token; with repositories, which of them it reaches. */
async function probeBeyond(
  session: Session,
  settings: Settings,
  probed: Probed,
  token: TokenVerdict,
  listing: CoverageListing | undefined
): Promise<{ record?: OrgRecord; coverage?: CoverageResult }> {
  const canContinue = probed.identity.status !== 401 && identityAnswered(probed.identity) && session.timeLeft()
  const record =
    canContinue && session.sendAsAdmin && settings.organization && probed.login
      ? await readOrgRecord(settings.organization, probed.login, token.report.expiresAt, session.sendAsAdmin)
      : undefined
  const selectionByOwner = new Map(record?.grant?.repositorySelection ? [[record.organization.toLowerCase(), record.grant.repositorySelection]] : [])
  const coverage = canContinue && listing ? decideCoverage({ repositories: settings.repositories, kind: token.report.kind, selectionByOwner }, listing) : undefined
  return { ...(record ? { record } : {}), ...(coverage ? { coverage } : {}) }
}

/** Whether the first pass proved a permission held at a level (a higher level proven covers it). */
function heldFrom(decided: readonly PermissionReport[]): (name: string, level: Level) => boolean {
  const proven = new Set(decided.filter((p) => p.status === 'granted').map((p) => `${p.name}:${p.level}`))
  return (name, level) => proven.has(`${name}:admin`) || (level !== 'admin' && proven.has(`${name}:write`)) || proven.has(`${name}:${level}`)
}

/** How many permissions a rehearsal decides (and as many beyond them with report-excess). */
const REHEARSED = 3

/** What a rehearsal needs: the real settings and plan; the answers are invented. */
export interface Rehearsal {
  readonly settings: Settings
  readonly context: AuditContext
  readonly kind: TokenKind
  readonly plan: Plan
  readonly now: () => number
}

/**
 * decide → find → assemble once, on invented answers, while the real requests are in flight; the report is thrown
 * away. V8 compiles a function when it is first called and learns its shapes on the first calls: done here, in time
 * the audit spends waiting for GitHub, that work is no longer between the last answer and the exit. No request is
 * sent (the session has no org-admin transport and its send refuses), nothing is written, and the invented answers
 * never meet the real ones (each run builds its own).
 */
export async function rehearse({ settings: real, context, kind, plan: whole, now }: Rehearsal): Promise<Report> {
  const started = now()
  // A few permissions are enough to run every function once (and less garbage is less memory): the first required
  // ones, and with report-excess the first levels beyond them.
  const required = real.required.length
  const permissions = [...whole.permissions.slice(0, Math.min(required, REHEARSED)), ...whole.permissions.slice(required, required + REHEARSED)]
  const used = new Set(permissions.flatMap((pp) => [pp.planned, ...pp.alternatives.map((a) => a.planned)]))
  const plan: Plan = { permissions, requests: whole.requests.filter((p) => used.has(p)) }
  // With repositories, three of them: one listed, one answering 404, one answering 200.
  const repositories = real.repositories.filter((r) => r.repo !== '*').slice(0, REHEARSED)
  const settings: Settings = { ...real, required: real.required.slice(0, REHEARSED), repositories }
  const answer = (planned: PlannedProbe, i: number): HttpEvidence => {
    const common = { method: planned.request.method, path: planned.request.path, durationMs: 1 }
    const permission = plan.permissions.find((pp) => pp.planned === planned)?.required
    if (i % 3 === 0) return { ...common, status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, message: 'OK', body: {} }
    if (i % 3 === 1)
      return {
        ...common,
        status: 403,
        headers: { 'content-type': 'application/json; charset=utf-8', ...(permission ? { 'x-accepted-github-permissions': `${permission.name}=${permission.level}` } : {}) },
        message: 'Resource not accessible by personal access token'
      }
    return { ...common, status: 404, headers: { 'content-type': 'application/json; charset=utf-8' }, message: 'Not Found' }
  }
  const evidence = new Map(plan.requests.map((planned, i) => [planned, answer(planned, i)] as const))
  const identity: HttpEvidence = {
    method: 'GET',
    path: '/user',
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': String(Math.floor(started / 1000) + 3600),
      // An expiry 90 days out, in GitHub's form, so that its parser is compiled here too, not after the last answer.
      'github-authentication-token-expiration': formatExpiration(new Date(started + 90 * 86_400_000))
    },
    message: 'OK',
    body: { login: 'rehearsal', id: 1, type: 'User' },
    durationMs: 1
  }
  const refuse: Send = async (_probe, request) => ({ ...request, status: 0, headers: {}, message: 'Not sent: a rehearsal.', failure: 'refused', durationMs: 0 })
  // Time left, so that repository coverage is decided too; no org-admin transport, so the organization's record is
  // never read; and a send that refuses, should anything try.
  const session: Session = { started, deadline: started + 1, now, send: refuse, requests: () => 0, timeLeft: () => true }
  const probed: Probed = { identity, login: 'rehearsal', evidence, permissions: plan.permissions, reach: deriveReachability([...evidence].map(([planned, ev]) => ({ planned, evidence: ev }))) }
  // Repository coverage runs for real on invented answers (a full first page showing the first name and saying there
  // are two, an empty second one, then a 404 and a 200 for the other two), through a send that sends nothing.
  const [listed, notFound] = repositories
  const invented: Send = async (_probe, request) => {
    const common = { method: request.method, path: request.path, durationMs: 1, message: 'OK' }
    if (!request.path.startsWith('/repos/')) {
      const first = request.query.page === '1'
      const names = first ? [listed ? `${listed.owner}/${listed.repo}` : 'octo-org/rehearsal', ...Array.from({ length: PAGE_SIZE - 1 }, (_, i) => `octo-org/rehearsal-${i}`)] : []
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
      if (first) headers.link = `<https://api.github.com${request.path}?per_page=${PAGE_SIZE}&page=2>; rel="next", <https://api.github.com${request.path}?per_page=${PAGE_SIZE}&page=2>; rel="last"`
      return { ...common, status: 200, headers, body: names.map((full_name) => ({ full_name })) }
    }
    return notFound && request.path === `/repos/${notFound.owner}/${notFound.repo}` ? { ...common, status: 404, headers: {}, message: 'Not Found' } : { ...common, status: 200, headers: {}, body: {} }
  }
  const listing: CoverageListing | undefined = repositories.length > 0 ? await listCoverage(repositories, kind, invented) : undefined
  return conclude({ settings, context, session, kind, probed, listing })
}
