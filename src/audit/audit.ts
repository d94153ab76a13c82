/**
 * The audit, end to end, with no knowledge of GitHub Actions: settings + catalog + a transport in,
 * a report out. Identity first (one GET /user gives the owner, the expiry, the scopes and the rate budget),
 * then every planned probe concurrently, then verdicts with their evidence.
 */
import type { Catalog } from '../catalog/catalog.js'
import type { Edition } from '../catalog/github-data.js'
import type { Settings } from '../inputs/settings.js'
import type { Transport } from './transport.js'
import type { Finding, HttpEvidence, ProbeSpec, RequiredPermission, TokenKind } from '../types.js'
import type { Blocking, Decision, Reachability } from '../verdicts/classify.js'
import type { PermissionPlan, PlannedProbe } from './plan.js'
import type { EvidenceRecord, LifetimeCompliance, PermissionReport, Report, TokenReport } from '../report/report.js'
import type { OrgRecord } from './org-record.js'
import { SCHEMA_VERSION, resultOf } from '../report/report.js'
import { blockingCondition, classifyEvidence, deriveReachability, describeBlocking } from '../verdicts/classify.js'
import { buildPlan, LOGIN_UNKNOWN } from './plan.js'
import { createLimiter, sendOne } from './runner.js'
import { holdsScopes, isPersonalAccessToken, tokenKind, TOKEN_KIND_LABELS } from '../verdicts/token-kind.js'
import { parseExpiration, parseScopes } from '../verdicts/headers.js'
import { decideFromScopes, expandScopes } from '../verdicts/classic-scopes.js'
import { regenerateUrl } from '../report/regenerate-url.js'
import { excessCandidates, excessFrom } from '../verdicts/excess.js'
import { checkCoverage } from './coverage.js'
import { compareWithProbes, readOrgRecord } from './org-record.js'
import { conditionFinding } from '../verdicts/conditions.js'
import { limitByVisibility, visibilityOf } from '../verdicts/visibility.js'
import { notCheckedFinding, whyNothingVerified } from './verified.js'
import { approvalPage, pendingApprovalFinding, unreachableRepositoryText, withApprovalHint } from '../verdicts/pending.js'
import { basisOf, basisText } from '../catalog/probe-basis.js'
import { decideByRecord } from '../verdicts/record-verdict.js'
import type { RepoVisibility } from '../verdicts/visibility.js'
import { REPOSITORY_PROBE_ID } from './plan.js'

export const MAX_IN_FLIGHT = 10
/** Probes sent together with GET /user, before its answer is known (the rest of the ten in flight). */
export const FIRST_WAVE = MAX_IN_FLIGHT - 1
const DAY = 86_400_000
/** Wait for a rate-limit reset at most this long before giving up on probing. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000

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

const IDENTITY_PROBE: ProbeSpec = {
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

export async function audit(settings: Settings, context: AuditContext, deps: AuditDependencies): Promise<Report> {
  const started = deps.now()
  const deadline = started + settings.timeoutSeconds * 1000
  deps = { ...deps, transport: logged(deps.transport, deps.debug), ...(deps.adminTransport ? { adminTransport: logged(deps.adminTransport, deps.debug, 'org-admin ') } : {}) }
  const runOptions = { deadline, now: deps.now }
  const kind = tokenKind(settings.token)
  const findings: Finding[] = []
  let requests = 0
  const sendGet = async (probe: ProbeSpec, path: string) => {
    requests++
    return sendOne(probe, { method: 'GET', path, query: {} }, deps.transport, runOptions)
  }

  // 1. Plan, before the token's login is known: the probes that name the token owner ({username}) wait for it.
  const target = { owner: settings.repository?.owner, repo: settings.repository?.repo, org: settings.organization }
  // With report-excess, every level above the requirement is planned too; shared probes are sent once.
  const extra = settings.reportExcess && kind !== 'classic' && kind !== 'oauth' ? excessCandidates(context.catalog, settings.required) : []
  const firstPlan = buildPlan([...settings.required, ...extra], context.catalog, target, deps.randomHex)

  // 2. Identity (owner, expiry, scopes, rate budget: one request that needs no permission) goes out with the first
  // wave of probes; everything after that wave waits for its answer, so an invalid token or a spent budget stops it.
  const limit = createLimiter(MAX_IN_FLIGHT)
  requests++
  let skipped: Decision | undefined
  const gate = limit(() => sendOne(IDENTITY_PROBE, { method: 'GET', path: '/user', query: {} }, deps.transport, runOptions)).then(async (identity) => {
    if (identity.status === 401) {
      skipped = { status: 'inconclusive', code: 'invalid-token', reason: describeBlocking({ code: 'invalid-token' }) }
    } else if (identity.status === 0 || identity.failure !== undefined) {
      skipped =
        identity.status > 0
          ? { status: 'inconclusive', code: 'bad-response', reason: `GET /user was not answered with GitHub's JSON (${identity.message}); nothing more was probed.` }
          : { status: 'inconclusive', code: 'network', reason: `GitHub could not be reached (${identity.message}); nothing more was probed.` }
    } else {
      const budget = rateBudget(identity)
      const needed = firstPlan.requests.length - FIRST_WAVE
      if (budget && needed > 0 && budget.remaining < needed) {
        const wait = budget.resetAt - deps.now()
        if (wait <= Math.min(MAX_RATE_LIMIT_WAIT_MS, deadline - deps.now() - 1000)) {
          deps.debug?.(`Rate limit: ${budget.remaining} requests left for ${needed} more probes; waiting ${Math.ceil(wait / 1000)} s for the reset.`)
          await deps.sleep(Math.max(0, wait))
        } else {
          skipped = {
            status: 'inconclusive',
            code: 'rate-limited',
            reason: `The token has ${budget.remaining} requests left this hour and the audit needs ${needed} more; they were not sent. The budget resets at ${new Date(budget.resetAt).toISOString()}.`
          }
        }
      }
    }
    return identity
  })
  const send = (planned: PlannedProbe, index: number): Promise<HttpEvidence | undefined> =>
    index < FIRST_WAVE
      ? limit(() => sendOne(planned.probe, planned.request, deps.transport, runOptions))
      : gate.then(() => (skipped ? undefined : limit(() => sendOne(planned.probe, planned.request, deps.transport, runOptions))))
  const firstResults = Promise.all(firstPlan.requests.map(send))

  // 3. Once the login is known: the probes that need it, reusing whatever the first plan already sends.
  const identity = await gate
  const identityBody = identity.body as { login?: unknown } | undefined
  const login = identity.status === 200 && typeof identityBody?.login === 'string' ? identityBody.login : undefined
  const tokenValid = identity.status !== 401
  const identityAnswered = identity.status > 0 && identity.failure === undefined
  const waiting = firstPlan.permissions.filter((pp) => pp.notProbed === LOGIN_UNKNOWN)
  const loginPlan =
    login && waiting.length > 0 && !skipped ? buildPlan(waiting.map((pp) => pp.required), context.catalog, { ...target, login }, deps.randomHex, firstPlan.requests) : undefined
  const added = loginPlan ? loginPlan.requests.filter((p) => !firstPlan.requests.includes(p)) : []
  const [first, later] = await Promise.all([firstResults, Promise.all(added.map((p) => send(p, FIRST_WAVE)))])
  const evidence = new Map<PlannedProbe, HttpEvidence>()
  firstPlan.requests.forEach((p, i) => {
    const ev = first[i]
    if (ev) evidence.set(p, ev)
  })
  added.forEach((p, i) => {
    const ev = later[i]
    if (ev) evidence.set(p, ev)
  })
  requests += evidence.size
  const byPermission = new Map((loginPlan?.permissions ?? []).map((pp) => [`${pp.required.name}:${pp.required.level}`, pp]))
  const plan = { permissions: firstPlan.permissions.map((pp) => byPermission.get(`${pp.required.name}:${pp.required.level}`) ?? pp) }

  // 4. Context: an organization whose existence nothing proved, when a 404 under it needs reading.
  let reach = deriveReachability([...evidence].map(([planned, ev]) => ({ planned, evidence: ev })))
  const orgAmbiguous = [...evidence].some(([p, ev]) => p.context === 'organization' && ev.status === 404)
  if (orgAmbiguous && reach.organization === undefined && settings.organization && deadline > deps.now()) {
    const path = `/orgs/${encodeURIComponent(settings.organization)}`
    const orgEvidence = await sendGet(ORGANIZATION_PROBE, path)
    const planned: PlannedProbe = { probe: ORGANIZATION_PROBE, request: { method: 'GET', path, query: {} }, context: 'organization' }
    evidence.set(planned, orgEvidence)
    reach = {
      ...reach,
      ...(orgEvidence.status === 200 ? { organization: true } : orgEvidence.status === 404 ? { organization: false } : {})
    }
  }

  // 5. Verdicts.
  const scopes = identity.headers['x-oauth-scopes'] !== undefined ? parseScopes(identity.headers['x-oauth-scopes']) : undefined
  const repositoryAnswer = [...evidence].find(([p]) => p.probe.id === REPOSITORY_PROBE_ID)?.[1]
  const visibility = visibilityOf(repositoryAnswer)
  const firstPass = plan.permissions.map((pp) => decidePermission(pp, { kind, evidence, reach, skipped, scopes, visibility }))
  // Joint sets: a refusal proves a permission missing once every partner in its set is proven held (joint-sets.ts).
  const proven = new Set(firstPass.filter((p) => p.status === 'granted').map((p) => `${p.name}:${p.level}`))
  const held = (name: string, level: RequiredPermission['level']) => proven.has(`${name}:${level}`) || (level === 'read' && proven.has(`${name}:write`)) || proven.has(`${name}:admin`)
  const decided = plan.permissions.map((pp, i) => (firstPass[i].code === 'joint-set' ? decidePermission(pp, { kind, evidence, reach, skipped, scopes, visibility, held }) : firstPass[i]))
  /** What the probes decided; the organization's record may decide instead (below). */
  const probed = decided.slice(0, settings.required.length)
  let permissions = probed

  // 6. Findings: blocking conditions (each once), permissions, expiry, lifetime, token kind.
  const blockings = new Map<string, Blocking>()
  for (const ev of [identity, ...evidence.values()]) {
    const b = blockingCondition(ev)
    if (b && !blockings.has(b.code)) blockings.set(b.code, b)
  }
  if (skipped?.code === 'rate-limited' && !blockings.has('rate-limited')) {
    findings.push({ severity: 'warning', code: 'rate-limited', title: 'Rate limit', message: skipped.reason })
  }
  for (const b of blockings.values()) findings.push(conditionFinding(b))
  if (reach.repository === false && settings.repository) {
    findings.push({
      severity: 'error',
      code: 'repository-unreachable',
      title: `Repository ${settings.repository.owner}/${settings.repository.repo} not reachable`,
      message: unreachableRepositoryText(kind).message,
      fix:
        kind === 'fine-grained' && settings.organization
          ? `Edit the token's repository access to include it; if ${settings.organization} requires approval of tokens, ask an owner to approve it at ${approvalPage(context.serverUrl, settings.organization)} (organization settings → Personal access tokens → Pending requests); or check the \`repository\` input.`
          : unreachableRepositoryText(kind).fix
    })
  }
  if (reach.organization === false && settings.organization) {
    findings.push({ severity: 'error', code: 'organization-unreachable', title: `Organization ${settings.organization} not reachable`, message: 'GitHub answered 404 for the organization.', fix: 'Check the `organization` input.' })
  }
  for (const w of settings.inputWarnings) findings.push({ severity: 'warning', code: 'input', title: 'Input', message: w })

  // An audit that verified nothing fails (verified.ts); a 5xx answer carries no token headers, so the expiry stays unknown.
  const identityServerError = identityAnswered && identity.status >= 500
  const nothingVerified = whyNothingVerified({ identity, permissions })
  if (nothingVerified) findings.push(notCheckedFinding(nothingVerified, identity.status === 0 ? 'api-unreachable' : identity.failure !== undefined ? 'api-unexpected' : 'not-checked'))
  const token = tokenReport(kind, login, identity, identityAnswered && tokenValid && !identityServerError, blockings, settings, deps.now(), findings, scopes)
  if (kind === 'classic' || kind === 'oauth') {
    findings.push({
      severity: 'warning',
      code: 'classic-token',
      title: `A ${TOKEN_KIND_LABELS[kind]}`,
      message: 'Classic tokens hold broad scopes over every repository and organization the user can reach. A fine-grained token limits access to one resource owner and named permissions.',
      fix: 'Create a fine-grained replacement with the link below, then delete this token.'
    })
  } else if (kind === 'unknown') {
    findings.push({ severity: 'warning', code: 'unknown-token-kind', title: 'Unrecognised token', message: 'The token has none of GitHub\'s documented prefixes (github_pat_, ghp_, gho_, ghu_, ghs_).' })
  }

  // 7. Beyond a check: the organization's record, repository coverage, excess permissions.
  const canContinue = tokenValid && identityAnswered && deadline > deps.now()
  const record =
    canContinue && deps.adminTransport && settings.organization && login
      ? await readOrgRecord(settings.organization, login, token.expiresAt, deps.adminTransport, runOptions)
      : undefined
  if (record) {
    requests += record.requests
    findings.push(...recordFindings(record, settings, probed, context.serverUrl))
    // The organization's record decides the token's permissions there (record-verdict.ts).
    const grant = record.grant
    if (grant) permissions = probed.map((p) => decideByRecord(p, grant, record.organization))
  }
  permissions = permissions.map((p) => withApprovalHint(p, kind, settings.organization, context.serverUrl))
  for (const p of permissions) findings.push(...permissionFindings(p))
  // Public reads answered while the organization's resources refused the token: it may be waiting for approval (pending.ts).
  const pending = pendingApprovalFinding({
    kind,
    ...(settings.organization ? { organization: settings.organization } : {}),
    serverUrl: context.serverUrl,
    visibility,
    repositoryUnreachable: reach.repository === false,
    permissions: decided,
    recordRead: record?.grant !== undefined || record?.pendingRequest !== undefined
  })
  if (pending) findings.push(pending)
  const coverage =
    canContinue && settings.repositories.length > 0
      ? await checkCoverage(
          {
            repositories: settings.repositories,
            kind,
            selectionByOwner: new Map(record?.grant?.repositorySelection ? [[record.organization.toLowerCase(), record.grant.repositorySelection]] : [])
          },
          deps.transport,
          runOptions
        )
      : undefined
  if (coverage) {
    requests += coverage.requests
    if (coverage.unreachable.length > 0) {
      findings.push({
        severity: 'error',
        code: 'repositories-unreachable',
        title: `${coverage.unreachable.length} of ${coverage.checked} repositories unreachable`,
        message: `The token cannot reach ${coverage.unreachable.join(', ')}.`,
        fix: 'Add them to the token\'s repository access (a token with selected repositories does not see repositories created after it).'
      })
    }
    for (const u of coverage.undecided) findings.push({ severity: 'warning', code: 'repository-undecided', title: `Reach of ${u.repository} unknown`, message: u.reason })
  }
  const excess = settings.reportExcess ? excessFrom(decided.slice(settings.required.length).concat(permissions)).filter((e) => !settings.required.some((r) => `${r.name}:${r.level}` === e)) : undefined
  if (excess && excess.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'excess-permissions',
      title: `${excess.length} permission${excess.length === 1 ? '' : 's'} beyond the requirement`,
      message: `The token holds ${excess.join(', ')}, which the requirement does not need.`,
      fix: 'Least privilege: create a replacement with only the required permissions (link below), then delete this token.'
    })
  } else if (settings.reportExcess && (kind === 'classic' || kind === 'oauth')) {
    findings.push({ severity: 'notice', code: 'excess-classic', title: 'Excess permissions of a classic token', message: `A classic token's scopes are its permissions: ${(scopes ?? []).join(', ') || 'none'}.` })
  }

  const policyLimit = blockings.get('lifetime-policy') as Extract<Blocking, { code: 'lifetime-policy' }> | undefined
  const lifetimeDays = Math.min(
    settings.maxLifetimeDays > 0 ? settings.maxLifetimeDays : 366,
    policyLimit ? policyLimit.maxDays : 366
  )
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    result: resultOf(findings),
    generatedAt: new Date(deps.now()).toISOString(),
    target: {
      apiUrl: settings.apiUrl,
      edition: context.edition,
      ...(settings.repository ? { repository: `${settings.repository.owner}/${settings.repository.repo}` } : {}),
      ...(settings.organization ? { organization: settings.organization } : {})
    },
    token,
    permissions,
    findings: sortFindings(findings),
    regenerateUrl: regenerateUrl({
      serverUrl: context.serverUrl,
      required: settings.required,
      resourceOwner: settings.organization ?? settings.repository?.owner,
      ...(settings.repository ? { repository: `${settings.repository.owner}/${settings.repository.repo}` } : {}),
      lifetimeDays
    }),
    stats: { requests, durationMs: Math.max(0, deps.now() - started) },
    ...(excess ? { excess: { permissions: excess, undecided: decided.slice(settings.required.length).filter((p) => p.status === 'inconclusive').length } } : {}),
    ...(coverage ? { coverage } : {}),
    ...(record ? { organizationRecord: { ...record, disagreements: record.grant ? compareWithProbes(record.grant, settings.required, probed) : [] } } : {})
  }
  return report
}

/** Logs every request's outcome (method, path, status, time) at debug level; paths hold no secret. */
function logged(transport: Transport, debug: AuditDependencies['debug'], label = ''): Transport {
  if (!debug) return transport
  return {
    async send(request, signal) {
      const ev = await transport.send(request, signal)
      debug(`${label}${request.method} ${request.path} → ${ev.status || ev.failure} (${Math.round(ev.durationMs)} ms)${ev.status >= 400 ? ` "${ev.message.slice(0, 120)}"` : ''}`)
      return ev
    }
  }
}

function rateBudget(ev: HttpEvidence): { remaining: number; resetAt: number } | undefined {
  const remaining = Number(ev.headers['x-ratelimit-remaining'])
  const reset = Number(ev.headers['x-ratelimit-reset'])
  if (ev.headers['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining) || !Number.isFinite(reset)) return undefined
  // The identity request itself was counted; the remaining budget is what the probes can use.
  return { remaining, resetAt: reset * 1000 }
}

interface DecideInputs {
  readonly kind: TokenKind
  readonly evidence: ReadonlyMap<PlannedProbe, HttpEvidence>
  readonly reach: Reachability
  readonly skipped?: Decision
  readonly scopes?: readonly string[]
  readonly visibility: RepoVisibility
  readonly held?: (name: string, level: RequiredPermission['level']) => boolean
}

function evidenceRecord(planned: PlannedProbe, ev: HttpEvidence, role: EvidenceRecord['role']): EvidenceRecord {
  const safety = planned.probe.safety
  return {
    method: ev.method,
    path: ev.path,
    status: ev.status,
    message: ev.message,
    role,
    safety: safety.kind === 'read-only' ? 'read-only (GET)' : safety.kind === 'random-target' ? `random {${safety.param}}: names nothing that exists` : `body lacks required '${safety.missingField}'`,
    ...(ev.headers['x-accepted-github-permissions'] !== undefined ? { acceptedPermissions: ev.headers['x-accepted-github-permissions'] } : {}),
    ...(ev.headers['x-github-request-id'] !== undefined ? { requestId: ev.headers['x-github-request-id'] } : {}),
    ...(basisOf(planned.probe) ? { basis: basisText(basisOf(planned.probe)!) } : {})
  }
}

function decidePermission(pp: PermissionPlan, inputs: DecideInputs): PermissionReport {
  const { name, level } = pp.required
  const base = {
    name,
    level,
    ...(pp.info ? { title: pp.info.title, scope: pp.info.scope } : {})
  }
  const finish = (decision: Decision, evidence: EvidenceRecord[], extra: { satisfiedBy?: string } = {}): PermissionReport => ({
    ...base,
    status: decision.status,
    code: decision.code,
    reason: decision.reason,
    ...extra,
    ...(fixFor(decision, pp.required) ? { fix: fixFor(decision, pp.required) } : {}),
    evidence
  })
  if (!pp.info) return finish({ status: 'inconclusive', code: 'not-on-server', reason: pp.notProbed ?? 'Unknown on this server.' }, [])
  if (!pp.planned) {
    if (holdsScopes(inputs.kind) && inputs.scopes) {
      const byScope = scopeDecision(name, level, inputs.scopes)
      if (byScope && byScope.status === 'missing') return finish(byScope, [])
    }
    if (pp.notProbed === LOGIN_UNKNOWN && inputs.skipped) return finish(inputs.skipped, [])
    return finish({ status: 'inconclusive', code: pp.notProbed === LOGIN_UNKNOWN ? 'network' : 'uncheckable', reason: pp.notProbed ?? 'Cannot be checked.' }, [])
  }
  const ev = inputs.evidence.get(pp.planned)
  if (!ev) return finish(inputs.skipped ?? { status: 'inconclusive', code: 'deadline', reason: 'Not probed.' }, [])
  const records = [evidenceRecord(pp.planned, ev, 'probe')]
  const decision = limitByVisibility(pp.planned.probe, pp.planned.context, classifyEvidence(name, pp.planned, ev, inputs.reach, { level, ...(inputs.held ? { held: inputs.held } : {}) }), inputs.visibility)

  if (holdsScopes(inputs.kind)) {
    const byScope = inputs.scopes ? scopeDecision(name, level, inputs.scopes) : undefined
    if (byScope?.status === 'missing') return finish(byScope, records)
    if (decision.code === 'repository-unreachable') return finish({ ...decision, reason: unreachableRepositoryText(inputs.kind).message }, records)
    // Scopes say granted (or cannot say): the probe must not contradict it.
    if (decision.status === 'granted') return finish(byScope ?? decision, records)
    if (decision.status === 'missing') {
      return finish({ status: 'inconclusive', code: 'refused-other', reason: `${byScope ? `${byScope.reason} ` : ''}Yet GitHub refused the probe: ${decision.reason}` }, records)
    }
    return finish(decision, records)
  }

  if (decision.status !== 'granted' || pp.alternatives.length === 0) return finish(decision, records)
  // The probe accepts other permissions too: which one let it through?
  const alternatives = pp.alternatives.map((alt) => {
    const altEv = alt.planned ? inputs.evidence.get(alt.planned) : undefined
    if (alt.planned && altEv) records.push(evidenceRecord(alt.planned, altEv, 'alternative'))
    const altDecision = alt.planned && altEv ? limitByVisibility(alt.planned.probe, alt.planned.context, classifyEvidence(alt.name, alt.planned, altEv, inputs.reach, { level: alt.level }), inputs.visibility) : undefined
    return { label: `${alt.name}: ${alt.level}`, status: altDecision?.status }
  })
  const held = alternatives.find((a) => a.status === 'granted')
  if (held) {
    return finish(
      {
        status: 'inconclusive',
        code: 'satisfied-by-alternative',
        reason: `GitHub let the probe through, but this endpoint also accepts ${held.label}, which the token holds: satisfied through ${held.label}. Whether '${name}' itself is held cannot be told from it.`
      },
      records,
      { satisfiedBy: held.label }
    )
  }
  if (alternatives.every((a) => a.status === 'missing')) {
    return finish({ ...decision, reason: `${decision.reason} The endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, which the token lacks, so '${name}' let it through.` }, records)
  }
  return finish(
    {
      status: 'inconclusive',
      code: 'alternative-unknown',
      reason: `GitHub let the probe through, but this endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, and whether the token holds ${alternatives.length > 1 ? 'them' : 'it'} could not be told.`
    },
    records
  )
}

function scopeDecision(name: string, level: RequiredPermission['level'], scopes: readonly string[]): Decision | undefined {
  const decided = decideFromScopes(name, level, expandScopes(scopes))
  const listed = scopes.length > 0 ? scopes.join(', ') : 'no scopes'
  if (!decided) return { status: 'inconclusive', code: 'no-scope-mapping', reason: `No classic scope is documented to grant '${name}: ${level}'; the token holds ${listed}.` }
  if (decided.granted) return { status: 'granted', code: 'scope-granted', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include '${decided.by}', which grants it.` }
  return { status: 'missing', code: 'scope-missing', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include none of ${decided.needs.map((s) => `'${s}'`).join(', ')}, which it needs.` }
}

function fixFor(decision: Decision, p: RequiredPermission): string | undefined {
  switch (decision.code) {
    case 'not-accessible':
      return `Grant '${p.name}: ${p.level}' to the token (edit it in Settings → Developer settings), or create a replacement with the link below.`
    case 'scope-missing':
      return 'Add the scope to the classic token, or better, create a fine-grained replacement with the link below.'
    case 'repository-unreachable':
      return 'Select the repository in the token\'s repository access, or ask an organization owner to approve the token.'
    case 'uncheckable':
    case 'not-on-server':
      return undefined
    default:
      return undefined
  }
}

function permissionFindings(p: PermissionReport): Finding[] {
  const label = `${p.name}: ${p.level}`
  if (p.status === 'missing') {
    return [{ severity: 'error', code: 'permission-missing', title: `Missing ${label}`, message: p.reason, permission: label, ...(p.fix ? { fix: p.fix } : {}) }]
  }
  if (p.status === 'inconclusive') {
    if (p.code === 'not-on-server') return [{ severity: 'error', code: 'permission-unavailable', title: `No ${label} on this server`, message: p.reason, permission: label }]
    return [{ severity: 'warning', code: 'permission-inconclusive', title: `Inconclusive ${label}`, message: p.reason, permission: label }]
  }
  return []
}

function tokenReport(
  kind: TokenKind,
  login: string | undefined,
  identity: HttpEvidence,
  authenticated: boolean,
  blockings: ReadonlyMap<string, Blocking>,
  settings: Settings,
  now: number,
  findings: Finding[],
  scopes: readonly string[] | undefined
): TokenReport {
  const header = identity.headers['github-authentication-token-expiration']
  let expiresAt: Date | 'never' | undefined
  if (authenticated) {
    // Only a successful answer proves the header's absence means anything: error and rate-limit answers carry no token headers.
    if (header === undefined) expiresAt = identity.status >= 200 && identity.status < 300 ? 'never' : undefined
    else {
      expiresAt = parseExpiration(header)
      if (!expiresAt) {
        findings.push({ severity: 'warning', code: 'expiry-unreadable', title: 'Expiry unreadable', message: `GitHub's github-authentication-token-expiration header was not in a known form ('${header.slice(0, 60)}'); the expiry is unknown.` })
      }
    }
  }
  const daysRemaining = expiresAt instanceof Date ? Math.floor((expiresAt.getTime() - now) / DAY) : null
  const pat = isPersonalAccessToken(kind) || kind === 'unknown'
  if (pat && daysRemaining !== null) {
    const when = (expiresAt as Date).toISOString()
    if (daysRemaining <= settings.expiryFailDays) {
      findings.push({ severity: 'error', code: 'token-expiring', title: `Expires in ${daysRemaining} day${daysRemaining === 1 ? '' : 's'}`, message: `The token expires at ${when}, within expiry-fail-days (${settings.expiryFailDays}).`, fix: 'Create a replacement with the link below and update the secret.' })
    } else if (daysRemaining <= settings.expiryWarnDays) {
      findings.push({ severity: 'warning', code: 'token-expiring', title: `Expires in ${daysRemaining} days`, message: `The token expires at ${when}, within expiry-warn-days (${settings.expiryWarnDays}).`, fix: 'Plan its rotation: create a replacement with the link below.' })
    }
  }
  const policy = blockings.get('lifetime-policy') as Extract<Blocking, { code: 'lifetime-policy' }> | undefined
  const lifetime = lifetimeCompliance(kind, expiresAt, settings.maxLifetimeDays, policy, now)
  if (lifetime.compliant === 'false' && !policy) {
    findings.push({ severity: 'error', code: 'lifetime-noncompliant', title: 'Lifetime exceeds the policy', message: lifetime.reason, fix: `Create a replacement that expires within ${lifetime.policyDays} days with the link below.` })
  }
  return {
    kind,
    ...(login ? { owner: login } : {}),
    expiresAt: expiresAt === undefined ? null : expiresAt === 'never' ? 'never' : expiresAt.toISOString(),
    daysRemaining,
    lifetime,
    ...(scopes ? { scopes } : {})
  }
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

function recordFindings(record: OrgRecord, settings: Settings, decided: readonly PermissionReport[], serverUrl: string): Finding[] {
  const org = record.organization
  if (record.unreadable) return [{ severity: 'warning', code: 'org-record-unreadable', title: `The ${org} record could not be read`, message: record.unreadable }]
  if (record.grant) {
    return compareWithProbes(record.grant, settings.required, decided).map((d) => ({
      severity: 'warning' as const,
      code: 'record-disagrees',
      title: 'GitHub\'s record and the probes disagree',
      message: d,
      fix: 'Check the token\'s permissions in the organization\'s settings (Personal access tokens → Active tokens).'
    }))
  }
  if (record.pendingRequest) {
    return [
      {
        severity: 'error',
        code: 'pending-approval',
        title: `Pending approval in ${org}`,
        message: `The token's request to access ${org}${record.pendingRequest.createdAt ? ` (made ${record.pendingRequest.createdAt})` : ''} waits for an organization owner's approval; until then it can only read public resources.`,
        fix: `Ask an owner of ${org} to review it at ${serverUrl.replace(/\/+$/, '')}/organizations/${org}/settings/personal-access-token-requests`
      }
    ]
  }
  return [
    {
      severity: 'warning',
      code: 'record-not-found',
      title: `No record of this token in ${org}`,
      message: record.candidates > 1 ? `${record.candidates} tokens of this owner are recorded and their expiry does not single this one out.` : 'The organization records no grant or request for a token of this owner with this expiry: the token may target another resource owner.'
    }
  ]
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, notice: 2 }

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}

