/**
 * The audit, end to end, with no knowledge of GitHub Actions: settings + catalog + a transport in, a report out.
 * plan → probe → decide → find → assemble. Identity first (one GET /user gives the owner, the expiry, the scopes
 * and the rate budget, and gates the rest; only repository coverage's first page goes before it), then every planned
 * probe concurrently, then verdicts with their evidence (conclude.ts). The verdict and report modules load while the
 * first requests are in flight, not before them, and run once there on invented answers (conclude.ts rehearse), so
 * that V8 has compiled them before the last answer.
 */
import type { Catalog } from '../catalog/catalog.js'
import type { Edition } from '../catalog/github-data.js'
import type { Settings } from '../inputs/settings.js'
import type { Transport } from './transport.js'
import type { PermissionReport, Report } from '../report/report.js'
import type { CoverageListing, Schedule } from './coverage.js'
import type { PlannedProbe } from './plan.js'
import type { EarlyDecisions } from './decided-early.js'
import type { HttpEvidence } from '../types.js'
import { buildPlan, REPOSITORY_PROBE_ID } from './plan.js'
import { openSession } from './session.js'
import { probe, sendIdentity } from './probe.js'
import { createLimiter, nextTurn } from './runner.js'
import { keyOf, listCoverage } from './coverage.js'
import { MAX_IN_FLIGHT } from '../facts/limits.js'
import { tokenKind } from '../verdicts/token-kind.js'
import { answerOpensGate } from '../verdicts/identity.js'
import { excessCandidates } from '../verdicts/excess.js'

export interface AuditDependencies {
  readonly transport: Transport
  readonly now: () => number
  readonly randomHex: () => string
  readonly sleep: (ms: number) => Promise<void>
  readonly debug?: (message: string) => void
  /** Sends with the org-admin token (input org-admin-token), when one is given. */
  readonly adminTransport?: Transport
  /** Called once the first requests are on their way: the shell loads what it needs after the audit (its summary). */
  readonly whileWaiting?: () => void
  /** Receives the rehearsal's report (conclude.ts rehearse), to warm up what renders it; it is thrown away. */
  readonly rehearsed?: (report: Report) => void
  /**
   * Receives each required permission's verdict as it is made while the last answers are awaited (decided-early.ts),
   * to prepare what shows it; the report uses the same verdict only where its inputs turned out to be the final ones.
   */
  readonly decided?: (permission: PermissionReport) => void
}

export interface AuditContext {
  readonly catalog: Catalog
  /** The GitHub.com catalog, to tell a GHES user that a permission exists only on GitHub.com. */
  readonly edition: Edition
  readonly serverUrl: string
}

export async function audit(settings: Settings, context: AuditContext, deps: AuditDependencies): Promise<Report> {
  const session = openSession(settings.timeoutSeconds, deps)
  const limit = createLimiter(MAX_IN_FLIGHT)
  const kind = tokenKind(settings.token)
  // Repository coverage lists what the token reaches beside the probes. Its first page needs nothing from the plan or
  // from the identity's answer and it is on the critical path (the other pages wait for it, the unlisted repositories
  // for them), so it leaves first, then GET /user. When it answers 200 with the rate budget for the other pages and
  // the probes, they go at once (answerOpensGate); otherwise they wait for the identity's gate, like the probes after
  // the first wave. The repositories asked one by one after the pages always wait for that gate; the audited one is not
  // asked again when the probes ask for it.
  // The probes' answer to GET /repos/{owner}/{repo} for the audited repository: undefined once the plan turns out not to
  // ask it, or the request is not sent after all.
  let answerRepository: (ev: HttpEvidence | undefined) => void = () => undefined
  const audited = settings.repository
  const repositoryAnswer = audited ? new Promise<HttpEvidence | undefined>((resolve) => (answerRepository = resolve)) : undefined
  // The owner/repo entries coverage lists or asks for (owner/* is decided by the organization's record).
  let listed = 0
  for (const r of settings.repositories) if (r.repo !== '*') listed++
  let openGate: (later: Schedule) => void = () => undefined
  const gate = new Promise<Schedule>((resolve) => (openGate = resolve))
  let probes = Number.POSITIVE_INFINITY
  const listing: Promise<CoverageListing> | undefined =
    settings.repositories.length > 0
      ? listCoverage(settings.repositories, kind, session.send, {
          first: (task) => limit(task),
          later: (task) => gate.then((later) => later(task)),
          opened: (firstPage, pages) => (answerOpensGate(firstPage, pages + probes) ? (task) => limit(task) : undefined),
          // The audited repository, named in `repositories` but not listed: the probes ask GET /repos/{owner}/{repo} for it.
          known: (r) => (audited && keyOf(r) === keyOf(audited) ? repositoryAnswer : undefined)
        })
      : undefined
  // GET /user (its promise jobs run before the next turn of the event loop); the plan is built while it is in flight.
  const identityRequest = sendIdentity(session, limit)
  await nextTurn()
  // Plan, before the token's login is known; with report-excess, every level above the requirement too.
  const target = { owner: settings.repository?.owner, repo: settings.repository?.repo, org: settings.organization }
  const extra = settings.reportExcess && kind !== 'classic' && kind !== 'oauth' ? excessCandidates(context.catalog, settings.required) : []
  const plan = buildPlan([...settings.required, ...extra], context.catalog, target, deps.randomHex)
  const repositoryRequest = plan.requests.find((p) => p.probe.id === REPOSITORY_PROBE_ID)
  if (!repositoryRequest) answerRepository(undefined)
  probes = plan.requests.length
  // Verdicts are made while the last wave is in flight, once the modules that decide are loaded (decided-early.ts):
  // a pass after each turn of the event loop that brought answers (setImmediate: after the requests those answers let
  // go were written), none before the last requests are on their way (kept verdicts alive across the waves' garbage
  // collections grew V8's young generation: peak RSS +2 MiB with report-excess), none once the audit concludes.
  const arrived = new Map<PlannedProbe, HttpEvidence>()
  let identity: HttpEvidence | undefined
  identityRequest.identity.then((ev) => (identity = ev), () => undefined)
  let early: { readonly decisions: EarlyDecisions; readonly pass: () => void } | undefined
  let passQueued = false
  const onEvidence = (planned: PlannedProbe, ev: HttpEvidence) => {
    arrived.set(planned, ev)
    if (planned === repositoryRequest) answerRepository(ev)
    early?.decisions.answered(planned)
    if (passQueued || !early || arrived.size + MAX_IN_FLIGHT < plan.requests.length) return
    passQueued = true
    setImmediate(() => {
      passQueued = false
      early?.pass()
    })
  }
  // Probe: the first wave has one place less when the coverage's first page took it.
  const probing = probe(session, identityRequest, plan, context.catalog, target, { ...deps, onEvidence }, { sentAhead: listed > 0 ? 1 : 0, onGate: openGate })
  // Not sent after all (an invalid token, a spent rate budget): coverage asks for itself, or is refused as the probes were.
  void probing.then(
    () => answerRepository(undefined),
    () => answerRepository(undefined)
  )
  // The first wave is on its way once the promise jobs above have run (setImmediate comes after them): only then
  // are the modules that decide, find and assemble loaded, while GitHub answers.
  const concluding = nextTurn()
    .then(nextTurn)
    .then(() => {
      deps.whileWaiting?.()
      // The transport prepares while GitHub answers: its answer path rehearsed, and with repositories to list, the
      // connections for coverage's next requests, which go at once after its first page.
      deps.transport.prepare?.(listed > 0 ? Math.min(MAX_IN_FLIGHT, 1 + listed) : 0)
      return import('./conclude.js')
    })
    .then(async (module) => {
      try {
        deps.rehearsed?.(await module.rehearse({ settings, context, kind, plan, now: deps.now }))
      } catch {
        // A rehearsal only warms code up.
      }
      // The replacement link as it is when the answers show no lifetime policy (the usual case): conclude gets it back.
      module.prepareReplacement(settings, context.serverUrl)
      // The plan lists the required permissions first, then report-excess's levels beyond them (conclude.ts).
      const required = new Set(plan.permissions.slice(0, settings.required.length))
      const decided = deps.decided
      const decisions = module.earlyDecisions(
        kind,
        plan.permissions,
        undefined,
        decided
          ? (pp, report) => {
              if (required.has(pp)) decided(report)
            }
          : undefined
      )
      for (const planned of arrived.keys()) decisions.answered(planned)
      early = {
        decisions,
        pass: () => {
          if (!identity) return
          try {
            decisions.pass({ identity, evidence: arrived })
          } catch {
            // Only moves work earlier: conclude decides whatever was not decided here.
          }
        }
      }
      return { module, memo: decisions.memo }
    })
  const probed = await probing
  const { module, memo } = await concluding
  early = undefined
  return module.conclude({ settings, context, session, kind, probed, listing: await listing, memo })
}
