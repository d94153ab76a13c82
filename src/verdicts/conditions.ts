/**
 * What each condition GitHub reports (policy-texts.ts) means for the token, and what to do about it: one finding per
 * condition, with its own fix. A condition is never read as a permission missing or granted.
 */
import type { Condition } from './policy-texts.js'
import type { Finding, Severity } from '../types.js'

/** One or two sentences: what GitHub said and what it means for this permission's probe. */
export function describeCondition(c: Condition): string {
  switch (c.code) {
    case 'invalid-token':
      return 'GitHub answered 401: the token is invalid, expired or revoked.'
    case 'sso-required':
      return `The organization enforces SAML single sign-on and the token is not authorised for it.${c.url ? ` Authorise it at ${c.url}` : ''}`
    case 'sso-partial':
      return `GitHub left out the resources of ${c.organizations.length > 0 ? `the organizations with ids ${c.organizations.join(', ')}` : 'some organizations'} (X-GitHub-SSO: partial-results): they enforce SAML single sign-on and the token is not authorised for them.`
    case 'lifetime-policy':
      return `The ${c.owner ? `'${c.owner}' ` : ''}${c.ownerType ?? 'organization'} refuses ${c.family === 'classic' ? 'personal access tokens (classic)' : 'fine-grained personal access tokens'} whose lifetime exceeds ${c.maxDays} days, and this token's does.`
    case 'classic-forbidden':
      return `The ${c.owner ? `'${c.owner}' ` : ''}organization refuses personal access tokens (classic).`
    case 'fine-grained-forbidden':
      return `The ${c.owner ? `'${c.owner}' ` : ''}organization refuses fine-grained personal access tokens; only GitHub Apps and OAuth apps may access it.`
    case 'ip-allow-list':
      return `The ${c.owner ? `'${c.owner}' ` : ''}organization has an IP allow list and the address this runner calls from is not on it: GitHub refuses every request from here to the organization's resources, public ones included, whatever the token holds.`
    case 'rate-limited':
      return c.secondary
        ? `GitHub's secondary rate limit refused the request${c.retryAfterSeconds !== undefined ? ` (retry after ${c.retryAfterSeconds} s)` : ''}; nothing is known about the permission.`
        : `The token's rate limit is used up${c.resetAt ? ` until ${c.resetAt.toISOString()}` : ''}; nothing is known about the permission.`
    case 'archived':
      return 'GitHub answered "Repository was archived so is read-only.": no write to it can succeed, whatever the token holds.'
    case 'feature-disabled':
      return `GitHub answered 410 "${c.text}": the feature is turned off in the repository, so whether the token may use it cannot be told.`
    case 'repository-empty':
      return 'GitHub answered 409 "Git Repository is empty.": the repository has no commits, so this probe could not be answered.'
    case 'role-refused':
      return `GitHub answered 403 "${c.text}": the token owner's role in the repository or organization is too low for this request, or (seen with classic tokens) a scope such as delete_repo is missing; it does not show which of the token's permissions is lacking.`
    case 'account-suspended':
      return 'GitHub answered 403 "Sorry. Your account was suspended.": the token owner\'s account is suspended, so the token can do nothing.'
    case 'repository-blocked':
      return `GitHub answered ${c.status} "Repository access blocked": GitHub has blocked access to this repository (for example a DMCA takedown), whatever the token holds.`
  }
}

const SEVERITY: Record<Condition['code'], Severity> = {
  'invalid-token': 'error',
  'sso-required': 'error',
  'sso-partial': 'warning',
  'lifetime-policy': 'error',
  'classic-forbidden': 'error',
  'fine-grained-forbidden': 'error',
  'ip-allow-list': 'error',
  'rate-limited': 'warning',
  archived: 'error',
  'feature-disabled': 'warning',
  'repository-empty': 'warning',
  'role-refused': 'warning',
  'repository-blocked': 'error',
  'account-suspended': 'error'
}

/** The finding code each condition is reported under (stable, machine-readable). */
export const FINDING_CODE: Record<Condition['code'], string> = {
  'invalid-token': 'token-invalid',
  'sso-required': 'sso-required',
  'sso-partial': 'sso-partial-results',
  'lifetime-policy': 'lifetime-policy',
  'classic-forbidden': 'classic-forbidden',
  'fine-grained-forbidden': 'fine-grained-forbidden',
  'ip-allow-list': 'ip-allow-list',
  'rate-limited': 'rate-limited',
  archived: 'repository-archived',
  'feature-disabled': 'feature-disabled',
  'repository-empty': 'repository-empty',
  'role-refused': 'role-refused',
  'repository-blocked': 'repository-blocked',
  'account-suspended': 'account-suspended'
}

export interface ConditionContext {
  /** Where the condition was seen, e.g. `acme/infra` or `acme`. */
  readonly where?: string
}

/** One finding for a condition, with its own fix. */
export function conditionFinding(c: Condition, context: ConditionContext = {}): Finding {
  const message = describeCondition(c)
  const base = { severity: SEVERITY[c.code], code: FINDING_CODE[c.code], message }
  switch (c.code) {
    case 'invalid-token':
      return { ...base, title: 'Token invalid, expired or revoked', fix: 'Create a new token with the link below and update the secret.' }
    case 'sso-required':
      return {
        ...base,
        title: 'Not authorised for SAML SSO',
        fix: c.url
          ? `Open ${c.url} while signed in, or authorise the token under Settings → Developer settings → Personal access tokens → Configure SSO.`
          : 'Authorise the token for the organization under Settings → Developer settings → Personal access tokens → Configure SSO.'
      }
    case 'sso-partial':
      return { ...base, title: 'Results left out by SAML SSO', fix: 'Authorise the token for those organizations under Settings → Developer settings → Personal access tokens → Configure SSO.' }
    case 'lifetime-policy':
      return {
        ...base,
        title: `Blocked by the ${c.ownerType ?? 'organization'}'s lifetime policy`,
        fix: `Set an expiration of at most ${c.maxDays} days${c.settingsUrl ? ` at ${c.settingsUrl}` : ''}, or create a replacement with the link below.`
      }
    case 'classic-forbidden':
      return { ...base, title: `Classic tokens refused by ${c.owner ?? 'the organization'}`, fix: 'Create a fine-grained replacement with the link below.' }
    case 'fine-grained-forbidden':
      return {
        ...base,
        title: `Fine-grained tokens refused by ${c.owner ?? 'the organization'}`,
        fix: `A personal access token cannot be used here: use a GitHub App installation token (or an OAuth app)${c.owner ? `, or ask an owner of ${c.owner} to allow fine-grained tokens (organization settings → Personal access tokens)` : ''}.`
      }
    case 'ip-allow-list':
      return {
        ...base,
        title: `Runner's IP address not in ${c.owner ?? 'the organization'}'s allow list`,
        fix: `Run this job on a runner whose address is inside the allow list (a self-hosted or larger runner with a static IP), or ask an owner${c.owner ? ` of ${c.owner}` : ''} to add the runner's address to the IP allow list (organization settings → Security → IP allow list).`
      }
    case 'rate-limited':
      return { ...base, title: 'Rate limit', fix: c.secondary ? 'Run the audit again later; fewer concurrent jobs using this token avoid the secondary limit.' : 'Run the audit again after the reset.' }
    case 'archived':
      return { ...base, title: `Repository${context.where ? ` ${context.where}` : ''} archived`, fix: 'Unarchive the repository (Settings → General → Danger Zone) if it must be written to, or point `repository` at the active one.' }
    case 'feature-disabled':
      return { ...base, title: 'Feature disabled in the repository', fix: 'Enable the feature in the repository\'s settings (Settings → General → Features) if the workflow needs it.' }
    case 'repository-empty':
      return { ...base, title: 'Repository empty', fix: 'Push a first commit, or audit against a repository that has one.' }
    case 'role-refused':
      return { ...base, title: 'Refused for the user\'s role', fix: 'Give the token owner the needed role (for example admin) on the repository or organization; for a classic token, also check the scope the operation needs (for example delete_repo).' }
    case 'account-suspended':
      return { ...base, title: 'Token owner\'s account suspended', fix: 'Use a token of an account in good standing; contact GitHub Support about the suspension.' }
    case 'repository-blocked':
      return { ...base, title: 'Repository access blocked by GitHub', fix: 'Contact GitHub Support or the repository\'s owner; no token can reach it.' }
  }
}
