/**
 * A fine-grained token waiting for an organization owner's approval reads public resources only:
 * - GitHub's docs, "Managing your personal access tokens": "If you selected an organization as the resource owner and
 *   the organization requires approval for fine-grained personal access tokens, then your token will be marked as
 *   `pending` until it is reviewed by an organization administrator. Your token will only be able to read public
 *   resources until it is approved."
 * - "Managing requests for personal access tokens in your organization": "an organization owner must approve the token
 *   before it can be used to access any resources that are not public"; owners review them under the organization's
 *   settings → Personal access tokens → Pending requests
 *   (https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/managing-requests-for-personal-access-tokens-in-your-organization),
 *   at https://github.com/organizations/ORG/settings/personal-access-token-requests.
 * No answer says "pending" (see /work/research/responses-README.md, "pending-approval"): the audit names the
 * possibility wherever the evidence fits it, and says who approves and where.
 */
import type { PermissionReport } from '../report/report.js'
import type { Finding, TokenKind } from '../types.js'
import type { RepoVisibility } from './visibility.js'

export function approvalPage(serverUrl: string, org: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/settings/personal-access-token-requests`
}

export function approvalFix(serverUrl: string, org: string): string {
  return `Ask an owner of ${org} to approve the token's request: organization settings > Personal access tokens > Pending requests (${approvalPage(serverUrl, org)}). If it is not pending, grant what it lacks or select the repository.`
}

export interface PendingInputs {
  readonly kind: TokenKind
  readonly organization?: string
  readonly serverUrl: string
  readonly visibility: RepoVisibility
  readonly repositoryUnreachable: boolean
  readonly permissions: readonly PermissionReport[]
  /** The organization's record decided (org-admin-token): it says whether a request is pending. */
  readonly recordRead: boolean
}

/**
 * The possibility that the token waits for approval, when the evidence fits it: public reads answered while GitHub
 * refused the token on the organization's resources.
 */
export function pendingApprovalFinding(i: PendingInputs): Finding | undefined {
  if (i.kind !== 'fine-grained' || !i.organization || i.recordRead || i.repositoryUnreachable) return undefined
  const publicReads = i.permissions.filter((p) => p.code === 'public-data')
  const refused = i.permissions.filter((p) => p.status === 'missing' && (p.scope === 'organization' || p.scope === 'repository'))
  if (publicReads.length === 0 || refused.length === 0) return undefined
  return {
    severity: 'warning',
    code: 'pending-approval-possible',
    title: `The token may be waiting for ${i.organization}'s approval`,
    message: `GitHub answered its public reads (${publicReads.map((p) => `${p.name}: ${p.level}`).join(', ')}) but refused ${refused.map((p) => `${p.name}: ${p.level}`).join(', ')} on ${i.organization}'s resources. A fine-grained token pending an organization owner's approval can only read public resources; so can a token that lacks these permissions.`,
    fix: approvalFix(i.serverUrl, i.organization)
  }
}

/** Why a repository answered 404, in words that fit the token's kind (only fine-grained tokens select repositories or wait for approval). */
export function unreachableRepositoryText(kind: TokenKind): { message: string; fix: string } {
  if (kind === 'classic' || kind === 'oauth') {
    return {
      message: 'GitHub answered 404 for the repository: the token lacks the `repo` scope (a classic token needs it for private repositories), its user has no access to the repository, or the repository does not exist.',
      fix: 'Add the `repo` scope to the token (or better, create a fine-grained replacement with the link below), give the token\'s user access to the repository, or check the `repository` input.'
    }
  }
  return {
    message:
      'GitHub answered 404 for the repository: it is not selected for this token, the token is pending an organization owner\'s approval (it can then only read public resources), or the repository does not exist.',
    fix: 'Edit the token\'s repository access to include it, ask an organization owner to approve the token, or check the `repository` input.'
  }
}

/**
 * A fine-grained token refused on an organization's resource may hold the permission but wait for approval: the fix of
 * a missing repository or organization permission then also says who approves and where.
 */
export function withApprovalHint(p: PermissionReport, kind: TokenKind, organization: string | undefined, serverUrl: string): PermissionReport {
  if (kind !== 'fine-grained' || !organization || p.status !== 'missing' || p.code !== 'not-accessible' || p.scope === 'account') return p
  return {
    ...p,
    fix: `${p.fix ? `${p.fix} ` : ''}If the token is waiting for ${organization}'s approval (it then reads public resources only), an owner of ${organization} approves it under organization settings > Personal access tokens > Pending requests (${approvalPage(serverUrl, organization)}).`
  }
}
