/**
 * The audit's limits and GitHub's, each written once. Where a number is GitHub's, its source is beside it; where
 * it is our choice, the reason is.
 */

/** Our choice: requests in flight at once (GitHub asks integrations not to flood it; tools/bench.js assumes it). */
export const MAX_IN_FLIGHT = 10

/** Probes sent together with GET /user, before its answer is known (the rest of the ten in flight). */
export const FIRST_WAVE = MAX_IN_FLIGHT - 1

/** Our choice: wait for a rate-limit reset (or a retry-after) at most this long before reporting it instead. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60
export const MAX_RATE_LIMIT_WAIT_MS = MAX_RATE_LIMIT_WAIT_SECONDS * 1000

/** Our choice: the whole audit's deadline when timeout-seconds is not given, and each request's own cap. */
export const DEFAULT_TIMEOUT_SECONDS = 60
export const MAX_REQUEST_TIMEOUT_MS = 20_000

/**
 * GitHub's longest fine-grained token lifetime, in days: the new-token form's `expires_in` accepts 1 to 366
 * (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens
 * "pre-filling fine-grained personal access token details using URL parameters"). Also max-lifetime-days' default.
 */
export const MAX_TOKEN_LIFETIME_DAYS = 366

/**
 * Statuses never retried by the audit's transport (the tracking issue's client retries nothing at all): every 4xx
 * but 429. The answer is the request's own fault or a refusal, and the same request gets the same answer
 * (Octokit's plugin-retry defaults to 400, 401, 403, 404, 410, 422, 451 and retries any other 4xx, such as 409 or
 * 418). A rate limit (a 403 or 429 saying so) is waited for once by plugin-throttling, not by plugin-retry.
 */
export const DO_NOT_RETRY: readonly number[] = Array.from({ length: 100 }, (_, i) => 400 + i).filter((status) => status !== 429)

/** Attempts after the first, for a 5xx or a lost connection. */
export const RETRIES = 2
