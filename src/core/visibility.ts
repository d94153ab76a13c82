/**
 * Visibility decides what a probe can prove. On a public (or internal) repository GitHub answers many reads to any
 * token, whatever it holds:
 * - GitHub's REST docs, on issues, commits, pulls and many more: "This endpoint can be used without authentication or
 *   the aforementioned permissions if only public resources are requested."
 * - GitHub's docs on fine-grained tokens: "Pending tokens have read-only access to public resources", and a token
 *   reads public repositories whether or not its repository selection includes them.
 * - Gato-X (AdnaneKhan/Gato-X, FineGrainedEnumerator.detect_scopes and its fine-grained token docs): "most public
 *   repo read endpoints always succeed regardless of the token's scopes"; on a public repository it probes only
 *   `actions/permissions`, `actions/secrets` and `actions/variables`.
 * - Writes: github/docs#44656 (labelled fix-internally) reports that on a public repository "any token which can see
 *   the repository can create issues, even with no permissions whatsoever".
 * So there, a 2xx, 404, 409 or 422 proves a permission only through an endpoint whose data GitHub never serves without
 * that permission (PRIVATE_DATA_OPERATIONS, each with its source). A 403 "Resource not accessible…" still proves it
 * missing.
 */
import type { Decision } from './classify.js'
import type { HttpEvidence, PermissionScope, ProbeSpec } from './types.js'

export type RepoVisibility = 'public' | 'private' | 'internal' | 'unknown'

export interface DataBasis {
  /** Where the evidence is: a URL or `owner/repo path`. */
  readonly source: string
  readonly quote: string
}

const GATOX = 'https://github.com/AdnaneKhan/Gato-X (gatox/enumerate: FineGrainedEnumerator.detect_scopes, public_probe_map)'
const GATOX_QUOTE = 'public_probe_map = { "administration:read": ".../actions/permissions", "secrets:read": ".../actions/secrets", "variables:read": ".../actions/variables" } — used when the repository is public'

/**
 * Operations whose answer GitHub never serves without the permission, even on a public repository: their data is
 * never public. Keyed `METHOD /template`.
 */
export const PRIVATE_DATA_OPERATIONS: ReadonlyMap<string, DataBasis> = new Map([
  ['GET /repos/{owner}/{repo}/actions/secrets', { source: GATOX, quote: GATOX_QUOTE }],
  ['GET /repos/{owner}/{repo}/actions/variables', { source: GATOX, quote: GATOX_QUOTE }],
  ['GET /repos/{owner}/{repo}/actions/permissions', { source: GATOX, quote: GATOX_QUOTE }]
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
