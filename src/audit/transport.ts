/** The one thing the core needs from the outside world: send a request, get evidence back. */
import type { HttpEvidence, HttpRequest } from '../types.js'

export type { HttpRequest } from '../types.js'

/**
 * Sends one request and never throws: HTTP errors, network failures, timeouts and bodies that are not JSON
 * all come back as evidence. Implementations retry what is worth retrying (5xx, resets) and nothing else.
 */
export interface Transport {
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpEvidence>
  /**
   * Called once the first requests are on their way: opens connections ahead of requests about to go out at once,
   * until `connections` are open, and runs the answer path once on invented answers. Sends nothing. Optional.
   */
  prepare?(connections: number): void
}

/** Response headers kept as evidence; everything else is dropped. */
export const EVIDENCE_HEADERS = [
  'x-accepted-github-permissions',
  'x-accepted-oauth-scopes',
  'x-oauth-scopes',
  'x-github-sso',
  'github-authentication-token-expiration',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-resource',
  'retry-after',
  'x-github-request-id',
  'content-type',
  // Pagination: repository coverage and the organization inventory read the last page number (rel="last") from it.
  'link'
] as const
