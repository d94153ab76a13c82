/**
 * Visibility decides what a probe can prove. On a public (or internal) repository GitHub answers many reads to any
 * token, whatever it holds:
 * - GitHub's REST docs, on issues, commits, pulls and many more: "This endpoint can be used without authentication or
 *   the aforementioned permissions if only public resources are requested."
 * - GitHub's docs, "Managing your personal access tokens": "Tokens always include read-only access to all public
 *   repositories on GitHub", and of a token pending approval: "Your token will only be able to read public resources
 *   until it is approved."; "Setting a personal access token policy for your organization": "Regardless of the chosen
 *   policy, personal access tokens will have access to public resources within the organization."
 * - Gato-X (AdnaneKhan/gato-x@ef8168d, docs/user-guide/advanced/fine-grained-tokens.md L98-100): "most public repo
 *   read endpoints always succeed regardless of the token's scopes"; on a public repository it probes only
 *   `actions/permissions`, `actions/secrets` and `actions/variables` (gatox/enumerate/finegrained_enumeration.py
 *   L357-361).
 * - Writes: github/docs#44656 (labelled fix-internally) reports that on a public repository "any token which can see
 *   the repository can create issues, even with no permissions whatsoever".
 * So there, a 2xx, 404, 409 or 422 proves a permission only through an endpoint whose data GitHub never serves without
 * that permission (PRIVATE_DATA_OPERATIONS, each with its source). A 403 "Resource not accessible…" still proves it
 * missing.
 */
import type { Decision } from './classify.js'
import type { HttpEvidence, PermissionScope, ProbeSpec } from '../types.js'

export type RepoVisibility = 'public' | 'private' | 'internal' | 'unknown'

export interface DataBasis {
  /** Where the evidence is: a URL or `owner/repo path`. */
  readonly source: string
  readonly quote: string
  /** Tools tested against GitHub that rely on the same reading. */
  readonly also?: readonly string[]
}

const GATOX = 'https://github.com/AdnaneKhan/gato-x/blob/ef8168d4620114ee190926d09e496ac80bb2ace9/gatox/enumerate/finegrained_enumeration.py#L357-L361'
const TRUFFLEHOG = 'https://github.com/trufflesecurity/trufflehog/blob/3ab759fef4bb5935d4fe9ac68b503d05346b8364/pkg/analyzer/analyzers/github/finegrained/finegrained.go'
/** The docs page of each operation below has no "can be used without authentication … public resources" sentence. */
const NO_PUBLIC_SENTENCE = 'The fine-grained token must have the following permission set'

/**
 * Operations whose answer GitHub never serves without the permission, even on a public repository: their data is
 * never public (collected in /work/research/public-data.json, reviewed). Keyed `METHOD /template`.
 */
export const PRIVATE_DATA_OPERATIONS: ReadonlyMap<string, DataBasis> = new Map<string, DataBasis>([
  [
    'GET /repos/{owner}/{repo}/actions/secrets',
    { source: GATOX, quote: 'public_probe_map = { "administration:read": ".../actions/permissions", "secrets:read": ".../actions/secrets", "variables:read": ".../actions/variables" } (used when the repository is public); OpenAPI actions/list-repo-secrets: "Authenticated users must have collaborator access to a repository to create, update, or read secrets."', also: [`${TRUFFLEHOG}#L931-L945`] }
  ],
  [
    'GET /repos/{owner}/{repo}/actions/variables',
    { source: 'https://docs.github.com/rest/actions/variables#list-repository-variables', quote: `Authenticated users must have collaborator access to a repository to create, update, or read variables. ${NO_PUBLIC_SENTENCE}: "Variables" repository permissions (read)`, also: [GATOX] }
  ],
  [
    'GET /repos/{owner}/{repo}/actions/permissions',
    { source: 'https://docs.github.com/rest/actions/permissions#get-github-actions-permissions-for-a-repository', quote: `${NO_PUBLIC_SENTENCE}: "Administration" repository permissions (read)`, also: [GATOX, `${TRUFFLEHOG}#L195-L209`] }
  ],
  [
    'GET /repos/{owner}/{repo}/hooks',
    { source: 'https://docs.github.com/rest/repos/webhooks#list-repository-webhooks', quote: `${NO_PUBLIC_SENTENCE}: "Webhooks" repository permissions (read)`, also: [`${TRUFFLEHOG}#L1003-L1017`] }
  ],
  [
    'GET /repos/{owner}/{repo}/keys',
    { source: 'https://github.com/github/docs/blob/3addeadbee1b375e76d51d7387a55c610f16b212/src/rest/data/fpt-2022-11-28/deploy-keys.json', quote: 'progAccess of "List deploy keys": permissions [{ "\\"Administration\\" repository permissions": "read" }] and no allowsPublicRead (the flag the docs render as "can be used without authentication … public resources")' }
  ],
  [
    'GET /repos/{owner}/{repo}/dependabot/alerts',
    { source: 'https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository', quote: `OAuth app tokens and personal access tokens (classic) need the security_events scope to use this endpoint. If this endpoint is only used with public repositories, the token can use the public_repo scope instead. ${NO_PUBLIC_SENTENCE}: "Dependabot alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L477-L493`] }
  ],
  [
    'GET /repos/{owner}/{repo}/code-scanning/alerts',
    { source: 'https://docs.github.com/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-a-repository', quote: `${NO_PUBLIC_SENTENCE}: "Code scanning alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L231-L249`] }
  ],
  [
    'GET /repos/{owner}/{repo}/secret-scanning/alerts',
    { source: 'https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository', quote: `The authenticated user must be an administrator for the repository or for the organization that owns the repository to use this endpoint. ${NO_PUBLIC_SENTENCE}: "Secret scanning alerts" repository permissions (read)`, also: [`${TRUFFLEHOG}#L895-L909`] }
  ],
  [
    'GET /repos/{owner}/{repo}/dependabot/secrets',
    { source: 'https://docs.github.com/rest/dependabot/secrets#list-repository-secrets', quote: `${NO_PUBLIC_SENTENCE}: "Dependabot secrets" repository permissions (read)`, also: [`${TRUFFLEHOG}#L513-L527`] }
  ],
  [
    'GET /repos/{owner}/{repo}/codespaces/secrets',
    { source: 'https://docs.github.com/rest/codespaces/repository-secrets#list-repository-secrets', quote: `${NO_PUBLIC_SENTENCE}: "Codespaces secrets" repository permissions (write)` }
  ]
])

/** `private` / `visibility` of GitHub's repository answer (GET /repos/{owner}/{repo}). */
export function visibilityOf(ev: Pick<HttpEvidence, 'status' | 'body'> | undefined): RepoVisibility {
  if (!ev || ev.status !== 200 || !ev.body || typeof ev.body !== 'object') return 'unknown'
  const body = ev.body as { private?: unknown; visibility?: unknown }
  if (body.visibility === 'public' || body.visibility === 'private' || body.visibility === 'internal') return body.visibility
  if (body.private === true) return 'private'
  if (body.private === false) return 'public'
  return 'unknown'
}

export const PUBLIC_DATA_PROOF =
  "To prove it, audit with a private repository in the token's selection as `repository`, or give `org-admin-token` so that the organization's record of the token decides."

/**
 * The decision a repository probe's answer supports once the repository's visibility is known: a decision that rests
 * on GitHub letting the request through (granted, or a 404 / 409 / 422 read as passing the check) becomes inconclusive
 * on a public, internal or unknown-visibility repository unless the operation's data is never public.
 */
export function limitByVisibility(probe: ProbeSpec, context: PermissionScope, decision: Decision, visibility: RepoVisibility): Decision {
  if (context !== 'repository' || decision.status !== 'granted' || visibility === 'private') return decision
  if (PRIVATE_DATA_OPERATIONS.has(probe.id)) return decision
  if (visibility === 'unknown') {
    return {
      status: 'inconclusive',
      code: 'visibility-unknown',
      reason: `GitHub let the probe through, but the repository's visibility is unknown (its own answer did not say), and on a public repository GitHub answers any token here. ${PUBLIC_DATA_PROOF}`
    }
  }
  return {
    status: 'inconclusive',
    code: 'public-data',
    reason: `${visibility === 'public' ? 'Public' : 'Internal'} repository: GitHub answers any token here (${decision.reason.replace(/\.$/, '')}), so the answer proves nothing about the token's permission. ${PUBLIC_DATA_PROOF}`
  }
}
