/**
 * The audit, end to end, with no knowledge of GitHub Actions: settings + catalog + a transport in, a report out.
 * plan → probe → decide → find → assemble. Identity first (one GET /user gives the owner, the expiry, the scopes
 * and the rate budget, and gates the rest), then every planned probe concurrently, then verdicts with their evidence.
 */
import type { Catalog } from '../catalog/catalog.js'
import type { Edition } from '../catalog/github-data.js'
import type { Settings } from '../inputs/settings.js'
import type { Transport } from './transport.js'
import type { Report } from '../report/report.js'
import type { CoverageListing, CoverageResult } from './coverage.js'
import type { OrgRecord } from './org-record.js'
import type { Session } from './session.js'
import type { Probed } from './probe.js'
import type { TokenVerdict } from '../verdicts/token.js'
import { buildPlan } from './plan.js'
import { openSession } from './session.js'
import { probe } from './probe.js'
import { decideCoverage, listCoverage } from './coverage.js'
import { readOrgRecord } from './org-record.js'
import { tokenKind } from '../verdicts/token-kind.js'
import { parseScopes } from '../verdicts/headers.js'
import { decidePermission } from '../verdicts/permissions.js'
import { collectBlockings, decideToken } from '../verdicts/token.js'
import { identityAnswered } from '../verdicts/identity.js'
import { compareWithProbes } from '../verdicts/record.js'
import { decideExcess, excessCandidates } from '../verdicts/excess.js'
import { auditFindings } from '../report/findings.js'
import { assembleReport, replacementUrlFor } from '../report/assemble.js'
import { REPOSITORY_PROBE_ID } from './plan.js'
import { visibilityOf } from '../verdicts/visibility.js'
import { decideByRecord } from '../verdicts/record-verdict.js'
import { withApprovalHint } from '../verdicts/pending.js'
import type { PermissionReport } from '../report/report.js'
import type { Level } from '../types.js'

export interface AuditDependencies {
  readonly transport: Transport
  readonly now: () => number
  readonly randomHex: () => string
  readonly sleep: (ms: number) => Promise<void>
  readonly debug?: (message: string) => void
  /** Sends with the org-admin token (input org-admin-token), when one is given. */
  readonly adminTransport?: Transport
}

export interface AuditContext {
  readonly catalog: Catalog
  /** The GitHub.com catalog, to tell a GHES user that a permission exists only on GitHub.com. */
  readonly edition: Edition
  readonly serverUrl: string
}

export async function audit(settings: Settings, context: AuditContext, deps: AuditDependencies): Promise<Report> {
  const session = openSession(settings.timeoutSeconds, deps)
  const kind = tokenKind(settings.token)
  // Plan, before the token's login is known; with report-excess, every level above the requirement too.
  const target = { owner: settings.repository?.owner, repo: settings.repository?.repo, org: settings.organization }
  const extra = settings.reportExcess && kind !== 'classic' && kind !== 'oauth' ? excessCandidates(context.catalog, settings.required) : []
  const plan = buildPlan([...settings.required, ...extra], context.catalog, target, deps.randomHex)
  // Probe.
  // Repository coverage lists what the token reaches beside the probes (its first page with the first wave).
  let listing: Promise<CoverageListing> | undefined
  const probed = await probe(session, plan, context.catalog, target, deps, (schedule) => {
    if (settings.repositories.length > 0) listing = listCoverage(settings.repositories, kind, session.send, schedule)
  })
  const { identity } = probed
  // Decide.
  const scopes = identity.headers['x-oauth-scopes'] !== undefined ? parseScopes(identity.headers['x-oauth-scopes']) : undefined
  // On a public repository public data proves nothing (visibility.ts); joint sets need their partners proven (joint-sets.ts).
  const visibility = visibilityOf([...probed.evidence].find(([p]) => p.probe.id === REPOSITORY_PROBE_ID)?.[1])
  const inputs = { kind, evidence: probed.evidence, reach: probed.reach, skipped: probed.skipped, scopes, visibility }
  const firstPass = probed.permissions.map((pp) => decidePermission(pp, inputs))
  const held = heldFrom(firstPass)
  const decided = probed.permissions.map((pp, i) => (firstPass[i].code === 'joint-set' ? decidePermission(pp, { ...inputs, held }) : firstPass[i]))
  const [byProbes, beyond] = [decided.slice(0, settings.required.length), decided.slice(settings.required.length)]
  const blockings = collectBlockings([identity, ...probed.evidence.values()])
  const authenticated = identityAnswered(identity) && identity.status !== 401 && identity.status < 500
  const token = decideToken({ kind, login: probed.login, identity, authenticated, blockings, maxLifetimeDays: settings.maxLifetimeDays, scopes, now: session.now() })
  // Probe beyond a check: the organization's record, repository coverage.
  const { record, coverage } = await probeBeyond(session, settings, probed, token, await listing)
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
  const parts = { settings, edition: context.edition, serverUrl: context.serverUrl, token, permissions, beyond, findings, excess, coverage, record, disagreements }
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
