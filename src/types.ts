/** Shared vocabulary of the audit. Pure types: no runtime dependencies. */

export const LEVELS = ['read', 'write', 'admin'] as const
export type Level = (typeof LEVELS)[number]

/** read < write < admin; a higher level includes the lower ones. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level)
}

export function levelCovers(held: Level, needed: Level): boolean {
  return levelRank(held) >= levelRank(needed)
}

/** Where a permission applies: the repository, the organization, or the token owner's account. */
export type PermissionScope = 'repository' | 'organization' | 'account'

export interface RequiredPermission {
  readonly name: string
  readonly level: Level
}

export type TokenKind =
  | 'fine-grained'
  | 'classic'
  | 'oauth'
  | 'github-app-user'
  | 'github-app-installation'
  | 'unknown'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One set of permissions GitHub accepts for an operation; every member is needed. */
export type PermissionSet = ReadonlyArray<{ readonly name: string; readonly level: Level }>

/**
 * Why a probe cannot change anything on GitHub, whatever GitHub answers.
 * - read-only: a GET.
 * - random-target: a path parameter is a fresh random value, so the resource it names cannot exist;
 *   only used on PATCH/DELETE (which cannot create), or on a parent segment / a server-assigned numeric id.
 * - two-barriers: a POST or PUT behind both a random parent segment (`param`, which cannot exist) and a body without
 *   a field GitHub's OpenAPI description marks required, with a documented 422 (see src/catalog/barriers.ts).
 */
export type SafetyArgument =
  | { readonly kind: 'read-only' }
  | { readonly kind: 'random-target'; readonly param: string }
  | { readonly kind: 'two-barriers'; readonly param: string; readonly missingField: string }

export interface ProbeSpec {
  /** `METHOD /template`, unique within the catalog. */
  readonly id: string
  readonly method: HttpMethod
  /** OpenAPI path template, e.g. `/repos/{owner}/{repo}/branches`. */
  readonly template: string
  readonly query: Readonly<Record<string, string>>
  /** JSON body sent with POST/PUT/PATCH; undefined for GET/DELETE. */
  readonly body?: Readonly<Record<string, unknown>>
  readonly safety: SafetyArgument
  /** Path parameters filled with random values that cannot exist. */
  readonly randomParams: readonly string[]
  /** Permission sets that GitHub's data lists for this operation (alternatives). */
  readonly accepts: readonly PermissionSet[]
  /** A 200 from this endpoint can be public data served without the permission: it proves nothing alone. */
  readonly publicFallback: boolean
}

/** One request as the audit plans it: what the harmlessness guard (catalog/safety.ts) checks and a transport sends. */
export interface HttpRequest {
  readonly method: HttpMethod
  /** Concrete path, e.g. `/repos/acme/infra/branches`. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly body?: Readonly<Record<string, unknown>>
}

/** The outcome of one HTTP request, as evidence. Never contains the token. */
export interface HttpEvidence {
  readonly method: HttpMethod
  /** The concrete path sent (random segments included), without the host. */
  readonly path: string
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number
  /** Lower-cased response headers of interest. */
  readonly headers: Readonly<Record<string, string>>
  /** GitHub's `message`, or a description of the failure. */
  readonly message: string
  /** Set when no usable HTTP response arrived (network, timeout, deadline, non-JSON). */
  readonly failure?: 'network' | 'timeout' | 'deadline' | 'not-json' | 'empty-body' | 'refused' | 'redirect'
  readonly body?: unknown
  readonly durationMs: number
}

export type PermissionStatus = 'granted' | 'missing' | 'inconclusive'

export type Severity = 'error' | 'warning' | 'notice'

/** A page that performs a fix: the replacement form, the SSO authorisation, the token's settings, an approval page. */
export interface FindingLink {
  /** What following it does, as an imperative: "Create the replacement token". */
  readonly text: string
  /** An absolute http(s) URL. */
  readonly url: string
}

export interface Finding {
  readonly severity: Severity
  /** Stable machine-readable code, e.g. `permission-missing`, `token-expiring`. */
  readonly code: string
  /** What is wrong, in a few words (it names the permission, when there is one). */
  readonly title: string
  /** Why, in a sentence or two. */
  readonly message: string
  /** What to do about it, as a sentence without a URL: the URL goes in `link`, shown right after it. */
  readonly fix?: string
  /** The page that performs the fix. */
  readonly link?: FindingLink
  /** `name: level`, for a finding about one required permission. */
  readonly permission?: string
}

export type Result = 'pass' | 'warn' | 'fail'
