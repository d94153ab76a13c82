/**
 * Every finding the audit reports, worded here and only here: pure functions from verdicts to findings, in the
 * order the report lists them (stable within a severity).
 */
import type { Finding, FindingLink, TokenKind } from '../types.js'
import type { Settings } from '../inputs/settings.js'
import type { Blocking, Decision, Reachability } from '../verdicts/classify.js'
import { describeBlocking, UNREACHABLE } from '../verdicts/classify.js'
import { conditionFinding } from '../verdicts/conditions.js'
import { notCheckedFinding, whyNothingVerified } from '../audit/verified.js'
import { pendingApprovalFinding, unreachableRepositoryText } from '../verdicts/pending.js'
import type { RepoVisibility } from '../verdicts/visibility.js'
import type { TokenVerdict } from '../verdicts/token.js'
import { TOKEN_KIND_LABELS, isPersonalAccessToken } from '../verdicts/token-kind.js'
import type { CoverageResult } from '../audit/coverage.js'
import type { OrgRecord } from '../audit/org-record.js'
import type { HttpEvidence } from '../types.js'
import type { PermissionReport } from './report.js'
import { LISTED_INLINE } from './report.js'
import { linkTo, pendingRequestsLink, replacementLink, tokenListLink } from './fix-links.js'
import { personDate, thousands } from './when.js'

export interface FindingInputs {
  readonly settings: Settings
  readonly kind: TokenKind
  readonly identity: HttpEvidence
  readonly skipped?: Decision
  readonly blockings: ReadonlyMap<string, Blocking>
  readonly reach: Reachability
  readonly permissions: readonly PermissionReport[]
  readonly token: TokenVerdict
  readonly record?: OrgRecord
  readonly disagreements: readonly string[]
  readonly coverage?: CoverageResult
  readonly excess?: readonly string[]
  readonly scopes?: readonly string[]
  readonly serverUrl: string
  /** The replacement form's URL: the link of every fix that is "create a replacement". */
  readonly replacementUrl?: string
  /** The audited repository's visibility. */
  readonly visibility: RepoVisibility
  /** The permissions as the probes decided them (before the organization's record decided). */
  readonly probed: readonly PermissionReport[]
}

export function auditFindings(x: FindingInputs): Finding[] {
  const link = x.replacementUrl ? replacementLink(x.replacementUrl) : undefined
  const replace = (findings: Finding[]) => findings.map((f) => withLink(f, link))
  // A permission left inconclusive by a condition reported once already (SSO, a policy, an unreachable repository,
  // no answer) is not reported again: the table shows its status, that finding says why.
  const statedAbove = new Set<string>([
    ...x.blockings.keys(),
    ...(x.skipped ? [x.skipped.code] : []),
    ...(x.reach.repository === false && x.settings.repository ? ['repository-unreachable'] : []),
    ...(x.reach.organization === false && x.settings.organization ? ['organization-unreachable'] : [])
  ])
  return [
    ...replace(gateFindings(x.skipped, x.blockings, x.serverUrl)),
    ...reachFindings(x.reach, x.settings, x.serverUrl, x.kind),
    ...replace(x.permissions.filter((p) => !(p.status === 'inconclusive' && statedAbove.has(p.code))).flatMap(permissionFindings)),
    ...x.settings.inputWarnings.map((w): Finding => ({ severity: 'warning', code: 'input', title: 'Input', message: w })),
    ...identityFindings(x.identity, x.probed),
    ...replace(tokenFindings(x.token, x.settings)),
    ...replace(kindFindings(x.kind)),
    ...(x.record ? recordFindings(x.record, x.disagreements, x.serverUrl) : []),
    ...pendingFindings(x),
    ...(x.coverage ? coverageFindings(x.coverage, x.serverUrl) : []),
    ...replace(excessFindings(x.excess, x.settings.reportExcess, x.kind, x.scopes))
  ]
}

/** Gives a finding that states a fix but carries no link of its own the replacement link. */
function withLink(finding: Finding, link: FindingLink | undefined): Finding {
  return finding.fix && !finding.link && link ? { ...finding, link } : finding
}

function ifLink(link: FindingLink | undefined): { link?: FindingLink } {
  return link ? { link } : {}
}

/** A list in a sentence: all of it when short, else how many, the first few, and where all are listed. */
function listed(items: readonly string[], noun: string, section: string): string {
  if (items.length <= LISTED_INLINE) return items.join(', ')
  return `${thousands(items.length)} ${noun} (${items.slice(0, 3).join(', ')} and ${thousands(items.length - 3)} more, all listed under “${section}”)`
}

/** What stopped the probes or the token: a spent rate budget, blocking conditions (each once), an unreachable API. */
export function gateFindings(skipped: Decision | undefined, blockings: ReadonlyMap<string, Blocking>, serverUrl = 'https://github.com'): Finding[] {
  const out: Finding[] = []
  if (skipped?.code === 'rate-limited' && !blockings.has('rate-limited')) out.push({ severity: 'warning', code: 'rate-limited', title: 'Rate limit', message: skipped.reason })
  // Each condition GitHub reported, with its own fix (verdicts/conditions.ts); an unreachable API is reported by
  // identityFindings (the audit that verified nothing fails).
  for (const b of blockings.values()) out.push(blockingFinding(b, serverUrl))
  return out
}

export function reachFindings(reach: Reachability, settings: Settings, serverUrl = 'https://github.com', kind: TokenKind = 'fine-grained'): Finding[] {
  const out: Finding[] = []
  if (reach.repository === false && settings.repository) {
    out.push({
      severity: 'error',
      code: 'repository-unreachable',
      title: `Repository ${settings.repository.owner}/${settings.repository.repo} not reachable`,
      message: kind === 'fine-grained' ? UNREACHABLE.repository : unreachableRepositoryText(kind).message,
      fix: kind === 'fine-grained' || kind === 'unknown' ? 'Add the repository to the token\'s repository access, ask an organization owner to approve the token, or check the `repository` input.' : unreachableRepositoryText(kind).fix,
      ...ifLink(kind === 'fine-grained' && settings.organization ? pendingRequestsLink(serverUrl, settings.organization) : tokenListLink(serverUrl))
    })
  }
  if (reach.organization === false && settings.organization) {
    out.push({ severity: 'error', code: 'organization-unreachable', title: `Organization ${settings.organization} not reachable`, message: UNREACHABLE.organization, fix: 'Check the `organization` input.' })
  }
  return out
}

/**
 * An audit that verified nothing fails (audit/verified.ts): GitHub unreachable, GET /user never answered, or no probe
 * answered for a network or server reason. One finding, "The token could not be checked", and why.
 */
export function identityFindings(identity: HttpEvidence, probed: readonly PermissionReport[]): Finding[] {
  const why = whyNothingVerified({ identity, permissions: probed })
  if (!why) return []
  return [notCheckedFinding(why, identity.status === 0 ? 'api-unreachable' : identity.failure !== undefined ? 'api-unexpected' : 'not-checked')]
}

/** Public reads answered while the organization's resources refused the token: it may be waiting for approval. */
export function pendingFindings(x: FindingInputs): Finding[] {
  const finding = pendingApprovalFinding({
    kind: x.kind,
    ...(x.settings.organization ? { organization: x.settings.organization } : {}),
    serverUrl: x.serverUrl,
    visibility: x.visibility,
    repositoryUnreachable: x.reach.repository === false,
    permissions: x.probed,
    recordRead: x.record?.grant !== undefined || x.record?.pendingRequest !== undefined
  })
  return finding ? [finding] : []
}

/** An unreadable expiry, an expiry within the warn/fail days, a lifetime beyond the policy. */
export function tokenFindings(verdict: TokenVerdict, settings: Settings): Finding[] {
  const out: Finding[] = []
  const token = verdict.report
  if (verdict.unreadableExpiry !== undefined) {
    out.push({ severity: 'warning', code: 'expiry-unreadable', title: 'Expiry unreadable', message: `GitHub's github-authentication-token-expiration header was not in a known form ('${verdict.unreadableExpiry.slice(0, 60)}'); the expiry is unknown.` })
  }
  const daysRemaining = token.daysRemaining
  if ((isPersonalAccessToken(token.kind) || token.kind === 'unknown') && daysRemaining !== null) {
    const when = token.expiresAt ? personDate(token.expiresAt) : 'an unknown time'
    if (daysRemaining <= settings.expiryFailDays) {
      out.push({ severity: 'error', code: 'token-expiring', title: `Expires in ${daysRemaining} day${daysRemaining === 1 ? '' : 's'}`, message: `The token expires at ${when}, within expiry-fail-days (${settings.expiryFailDays}).`, fix: 'Create a replacement and update the secret.' })
    } else if (daysRemaining <= settings.expiryWarnDays) {
      out.push({ severity: 'warning', code: 'token-expiring', title: `Expires in ${daysRemaining} days`, message: `The token expires at ${when}, within expiry-warn-days (${settings.expiryWarnDays}).`, fix: 'Plan its rotation: create a replacement, then update the secret.' })
    }
  }
  const lifetime = token.lifetime
  if (lifetime.compliant === 'false' && !verdict.policy) {
    out.push({ severity: 'error', code: 'lifetime-noncompliant', title: 'Lifetime exceeds the policy', message: lifetime.reason, fix: `Create a replacement that expires within ${lifetime.policyDays} days.` })
  }
  return out
}

export function kindFindings(kind: TokenKind): Finding[] {
  if (kind === 'classic' || kind === 'oauth') {
    return [
      {
        severity: 'warning',
        code: 'classic-token',
        title: `A ${TOKEN_KIND_LABELS[kind]}`,
        message: 'Classic tokens hold broad scopes over every repository and organization the user can reach. A fine-grained token limits access to one resource owner and named permissions.',
        fix: 'Create a fine-grained replacement, then delete this token.'
      }
    ]
  }
  if (kind === 'unknown') return [{ severity: 'warning', code: 'unknown-token-kind', title: 'Unrecognised token', message: 'The token has none of GitHub\'s documented prefixes (github_pat_, ghp_, gho_, ghu_, ghs_).' }]
  return []
}

export function coverageFindings(coverage: CoverageResult, serverUrl = 'https://github.com'): Finding[] {
  const out: Finding[] = []
  if (coverage.unreachable.length > 0) {
    out.push({
      severity: 'error',
      code: 'repositories-unreachable',
      title: `${thousands(coverage.unreachable.length)} of ${thousands(coverage.checked)} repositories unreachable`,
      message: `The token cannot reach ${listed(coverage.unreachable, 'repositories', 'Repository coverage')}.`,
      fix: 'Add them to the token\'s repository access (a token with selected repositories does not see repositories created after it).',
      ...ifLink(tokenListLink(serverUrl))
    })
  }
  for (const u of coverage.undecided) out.push({ severity: 'warning', code: 'repository-undecided', title: `Reach of ${u.repository} unknown`, message: u.reason })
  return out
}

export function excessFindings(excess: readonly string[] | undefined, reportExcess: boolean, kind: TokenKind, scopes: readonly string[] | undefined): Finding[] {
  if (excess && excess.length > 0) {
    return [
      {
        severity: 'warning',
        code: 'excess-permissions',
        title: `${excess.length} permission${excess.length === 1 ? '' : 's'} beyond the requirement`,
        message: `The token holds ${listed(excess.map((e) => e.replace(':', ': ')), 'permission levels', 'Beyond the requirement')}, which the requirement does not need.`,
        fix: 'Least privilege: create a replacement with only the required permissions, then delete this token.'
      }
    ]
  }
  if (reportExcess && (kind === 'classic' || kind === 'oauth')) {
    return [{ severity: 'notice', code: 'excess-classic', title: 'Excess permissions of a classic token', message: `A classic token's scopes are its permissions: ${(scopes ?? []).join(', ') || 'none'}.` }]
  }
  return []
}

export function permissionFindings(p: PermissionReport): Finding[] {
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

/** A blocking condition as a finding; its link is the page that lifts it, when GitHub named one. */
export function blockingFinding(b: Blocking, serverUrl = 'https://github.com'): Finding {
  const message = describeBlocking(b)
  switch (b.code) {
    case 'invalid-token':
      return { severity: 'error', code: 'token-invalid', title: 'Token invalid, expired or revoked', message, fix: 'Create a new token and update the secret.' }
    case 'sso-required': {
      const sso = linkTo('Authorise the token for SSO', b.url)
      return sso
        ? { severity: 'error', code: 'sso-required', title: 'Not authorised for SAML SSO', message, fix: 'Open GitHub\'s authorisation page while signed in and authorise the token.', link: sso }
        : { severity: 'error', code: 'sso-required', title: 'Not authorised for SAML SSO', message, fix: 'Authorise the token for the organization: Configure SSO beside it in your token settings.', ...ifLink(tokenListLink(serverUrl)) }
    }
    case 'lifetime-policy': {
      const settings = linkTo('Change the token\'s lifetime', b.settingsUrl)
      return settings
        ? { severity: 'error', code: 'lifetime-policy', title: 'Blocked by the organization\'s lifetime policy', message, fix: `Give the token an expiration of at most ${b.maxDays} days (regenerate it on its settings page), or create a replacement.`, link: settings }
        : { severity: 'error', code: 'lifetime-policy', title: 'Blocked by the organization\'s lifetime policy', message, fix: `Create a replacement that expires within ${b.maxDays} days.` }
    }
    case 'classic-forbidden':
      return { severity: 'error', code: 'classic-forbidden', title: `Classic tokens refused by ${b.owner ?? 'the organization'}`, message, fix: 'Create a fine-grained replacement.' }
    case 'rate-limited':
      return { severity: 'warning', code: 'rate-limited', title: 'Rate limit', message }
    default:
      // The other conditions GitHub reports (IP allow list, bans, archived, blocked, …): verdicts/conditions.ts.
      return conditionFinding(b)
  }
}

export function recordFindings(record: OrgRecord, disagreements: readonly string[], serverUrl: string): Finding[] {
  const org = record.organization
  if (record.unreadable) return [{ severity: 'warning', code: 'org-record-unreadable', title: `The ${org} record could not be read`, message: record.unreadable }]
  if (record.grant) {
    return disagreements.map((d) => ({
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
        message: `The token's request to access ${org}${record.pendingRequest.createdAt ? ` (made ${personDate(record.pendingRequest.createdAt)})` : ''} waits for an organization owner's approval; until then it can only read public resources.`,
        fix: `Ask an owner of ${org} to approve the request.`,
        ...ifLink(pendingRequestsLink(serverUrl, org))
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

