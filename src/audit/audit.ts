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
import type { CoverageResult } from './coverage.js'
import type { OrgRecord } from './org-record.js'
import type { Session } from './session.js'
import type { Probed } from './probe.js'
import type { TokenVerdict } from '../verdicts/token.js'
import { buildPlan } from './plan.js'
import { openSession } from './session.js'
import { probe } from './probe.js'
import { checkCoverage } from './coverage.js'
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
  const probed = await probe(session, plan, context.catalog, target, deps)
  const { identity } = probed
  // Decide.
  const scopes = identity.headers['x-oauth-scopes'] !== undefined ? parseScopes(identity.headers['x-oauth-scopes']) : undefined
  const decided = probed.permissions.map((pp) => decidePermission(pp, { kind, evidence: probed.evidence, reach: probed.reach, skipped: probed.skipped, scopes }))
  const [permissions, beyond] = [decided.slice(0, settings.required.length), decided.slice(settings.required.length)]
  const blockings = collectBlockings([identity, ...probed.evidence.values()])
  const authenticated = identityAnswered(identity) && identity.status !== 401 && identity.status < 500
  const token = decideToken({ kind, login: probed.login, identity, authenticated, blockings, maxLifetimeDays: settings.maxLifetimeDays, scopes, now: session.now() })
  // Probe beyond a check: the organization's record, repository coverage.
  const { record, coverage } = await probeBeyond(session, settings, probed, token)
  const disagreements = record?.grant ? compareWithProbes(record.grant, settings.required, permissions) : []
  const excess = settings.reportExcess ? decideExcess(permissions, beyond, settings.required) : undefined
  // Find, then assemble.
  const replacementUrl = replacementUrlFor(settings, context.serverUrl, token)
  const findings = auditFindings({ settings, kind, identity, skipped: probed.skipped, blockings, reach: probed.reach, permissions, token, record, disagreements, coverage, excess, scopes, serverUrl: context.serverUrl, replacementUrl })
  const parts = { settings, edition: context.edition, serverUrl: context.serverUrl, token, permissions, beyond, findings, excess, coverage, record, disagreements }
  return assembleReport({ ...parts, generatedAt: session.now(), requests: session.requests(), durationMs: Math.max(0, session.now() - session.started) })
}

/** With org-admin-token, the organization's record of the token; with repositories, which of them it reaches. */
async function probeBeyond(session: Session, settings: Settings, probed: Probed, token: TokenVerdict): Promise<{ record?: OrgRecord; coverage?: CoverageResult }> {
  const canContinue = probed.identity.status !== 401 && identityAnswered(probed.identity) && session.timeLeft()
  const record =
    canContinue && session.sendAsAdmin && settings.organization && probed.login
      ? await readOrgRecord(settings.organization, probed.login, token.report.expiresAt, session.sendAsAdmin)
      : undefined
  const selectionByOwner = new Map(record?.grant?.repositorySelection ? [[record.organization.toLowerCase(), record.grant.repositorySelection]] : [])
  const coverage = canContinue && settings.repositories.length > 0 ? await checkCoverage({ repositories: settings.repositories, kind: token.report.kind, selectionByOwner }, session.send) : undefined
  return { ...(record ? { record } : {}), ...(coverage ? { coverage } : {}) }
}
