/**
 * Why a probe's answer is read the way the catalog reads it, with the public source: a write probe that names a random
 * id is read as "passed the permission check" on a 404, and one with an incomplete body on a 422. GitHub documents
 * neither per endpoint ("you will receive a `404 Not Found` or `403 Forbidden` response" for insufficient permissions,
 * github/docs content/rest/authentication/authenticating-to-the-rest-api.md); the readings come from trufflehog's
 * fine-grained analyzer, built and tested against GitHub, which reads them endpoint by endpoint.
 *
 * A separate table keyed by operation (`METHOD /template`), so that changes to the probes themselves (overrides.ts)
 * and to their basis merge independently. Collected in /work/research/write-basis.json (issue 11), reviewed.
 */
import type { ProbeSpec } from '../types.js'

const TRUFFLEHOG = 'https://github.com/trufflesecurity/trufflehog/blob/3ab759fef4bb5935d4fe9ac68b503d05346b8364/pkg/analyzer/analyzers/github/finegrained/finegrained.go'

export type BasisKind =
  /** A tool tested against GitHub reads this very operation's answer this way. */
  | 'same-endpoint'
  /** It reads another operation on the same resource this way. */
  | 'same-resource'
  /** It reads the same kind of answer this way on other operations under the same owner (repository / organization). */
  | 'pattern'
  /** It reads this kind of answer the other way on such operations: the answer proves nothing. */
  | 'contradicted'

export interface ProbeBasis {
  readonly kind: BasisKind
  /** What is read: `404 on a random id` or `422 on an incomplete body`. */
  readonly reading: string
  readonly source: string
  readonly quote: string
}

const line = (lines: string) => `${TRUFFLEHOG}#L${lines.replace('-', '-L')}`

/** Readings of a specific operation, by trufflehog. */
export const PROBE_BASIS: Readonly<Record<string, ProbeBasis>> = {
  'POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel': {
    kind: 'same-endpoint',
    reading: '404 on a random deployment id: the permission passed',
    source: line('695-762'),
    quote: 'POST /repos/{owner}/{repo}/pages/deployments/RANDOM/cancel: 404 -> PagesWrite'
  },
  'PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}': {
    kind: 'same-endpoint',
    reading: '404 or 422 on a random alert number: the permission passed',
    source: line('895-929'),
    quote: 'PATCH .../secret-scanning/alerts/4294967289: 404 or 422 -> SecretScanningAlertsWrite; 403 -> read'
  },
  'PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}': {
    kind: 'same-endpoint',
    reading: '404 or 422 on a random alert number: the permission passed',
    source: line('477-511'),
    quote: 'PATCH .../dependabot/alerts/4294967289 nil body: 422 or 404 -> DependabotAlertsWrite; 403 -> read'
  },
  'POST /repos/{owner}/{repo}/statuses/{sha}': {
    kind: 'same-endpoint',
    reading: '422 on an empty status: the permission passed',
    source: line('353-408'),
    quote: 'POST /repos/{owner}/{repo}/statuses/RANDOM with empty RepoStatus: 422 -> CommitStatusesWrite; 403 -> read'
  },
  'POST /gists': { kind: 'same-endpoint', reading: '422 on an empty gist: the permission passed', source: line('1238-1257'), quote: 'POST /gists with empty Gist: 422 -> GistsWrite' },
  'POST /user/social_accounts': {
    kind: 'same-endpoint',
    reading: '422 on an empty body: the permission passed',
    source: line('1356-1379'),
    quote: 'POST /user/social_accounts with nil body: 422 -> ProfileWrite'
  },
  'DELETE /repos/{owner}/{repo}/hooks/{hook_id}': {
    kind: 'same-resource',
    reading: '404 on a random hook id: the permission passed',
    source: line('1003-1037'),
    quote: 'PATCH /repos/{owner}/{repo}/hooks/4294967289 with empty hook: 404 -> WebhooksWrite; 403 -> read'
  },
  'DELETE /user/blocks/{username}': {
    kind: 'same-resource',
    reading: '404 on a user that does not exist: the permission passed',
    source: line('1060-1094'),
    quote: 'PUT /user/blocks/FQ2pR.4voZg-gJfsqYKx_eLDNF_6BYhw8RL__ (non-existent user): 404 -> BlockUserWrite'
  },
  'POST /user/emails': {
    kind: 'pattern',
    reading: '422 on an incomplete body: the permission passed',
    source: line('1132-1165'),
    quote: 'email visibility with a random value: 422 -> EmailWrite (the same 422 reading as for keys, gists and profile)'
  },
  'DELETE /user/following/{username}': {
    kind: 'contradicted',
    reading: '404 on a user: may mean the permission is missing',
    source: line('1167-1200'),
    quote: 'Unfollow: 403 or 404 -> FollowersRead (404 read as lacking write)'
  }
}

/** The repository-level pattern: trufflehog reads a 404 on a random id as the permission passed (labels, hooks, Pages, workflow dispatch). */
const REPOSITORY_404: ProbeBasis = {
  kind: 'pattern',
  reading: '404 on a random id under the repository: the permission passed (the same reading trufflehog makes for labels, hooks, Pages and workflow dispatch)',
  source: line('651-691'),
  quote: 'PATCH /repos/{owner}/{repo}/labels/FQ2pR.4voZg-gJfsqYKx_eLDNF_6BYhw8RL__: 404 -> IssuesWrite; 403 -> IssuesRead'
}
const ORGANIZATION_404: ProbeBasis = {
  ...REPOSITORY_404,
  reading: '404 on a random id under the organization: read as the permission passed, by analogy with trufflehog\'s repository readings (no tool reads organization endpoints this way)'
}
/** On the user's own account trufflehog reads a 404 as *lacking* (email visibility, unfollow): a 404 there proves nothing. */
const ACCOUNT_404: ProbeBasis = {
  kind: 'contradicted',
  reading: '404 on a random id under the user: may mean the permission is missing',
  source: line('1132-1200'),
  quote: 'PATCH /user/email/visibility: 403 or 404 -> read only; Unfollow: 403 or 404 -> read only'
}

/** The basis of a probe's reading, or undefined for a plain GET (its 2xx needs no reading). */
export function basisOf(probe: Pick<ProbeSpec, 'id' | 'method' | 'template' | 'safety'>): ProbeBasis | undefined {
  const own = PROBE_BASIS[probe.id]
  if (own) return own
  // A random-target or two-barriers probe (a random parent, and for a POST/PUT an incomplete body too): its 404 reading.
  if (probe.safety.kind === 'read-only' && !(probe.method === 'GET' && /\{(?!owner\}|repo\}|org\}|username\})[^}]+\}/.test(probe.template))) return undefined
  if (probe.template.startsWith('/repos/{owner}/{repo}/')) return REPOSITORY_404
  if (probe.template.startsWith('/orgs/{org}/')) return ORGANIZATION_404
  return ACCOUNT_404
}

/** Whether a 404 on this probe can be read as the permission passing. */
export function trustsNotFound(probe: Pick<ProbeSpec, 'id' | 'method' | 'template' | 'safety'>): boolean {
  return basisOf(probe)?.kind !== 'contradicted'
}

export function basisText(basis: ProbeBasis): string {
  return `${basis.kind}: ${basis.reading}; source: ${basis.source}`
}
