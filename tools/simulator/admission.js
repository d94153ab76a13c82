// @ts-check
/**
 * The first checks of every request, in GitHub's order: routing and the flag judgement (as if the token held every
 * permission), authentication (401), injected faults, the secondary and then the primary rate limit (403). A request
 * that passes goes on to checks.js; this file also builds the headers every authenticated answer carries.
 */
import { matchRoute } from './catalog.js'
import { API_VERSIONS, DEFAULT_API_VERSION, RATE_LIMIT_DOCS, errorBody, formatExpiry, requestId } from './rules.js'
import { isScopeToken } from './tokens.js'
import { judgeWrite } from './existence.js'
import { faultReply, takeFault } from './faults.js'
import { isOwnIssueWrite } from './issue-writes.js'
import { routeReply } from './checks.js'

/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').Reply} Reply */

/**
 * @param {TokenState} st
 * @param {string | undefined} expiryOverride
 * @param {string} apiVersion
 * @returns {Record<string, string>}
 */
export const baseHeaders = (st, expiryOverride, apiVersion) => {
  /** @type {Record<string, string>} */
  const h = {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': apiVersion,
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': requestId(),
    'x-ratelimit-limit': String(st.limit),
    'x-ratelimit-remaining': String(st.remaining),
    'x-ratelimit-reset': String(st.resetEpoch),
    'x-ratelimit-used': String(st.limit - st.remaining),
    'x-ratelimit-resource': 'core'
  }
  if (expiryOverride !== undefined) h['github-authentication-token-expiration'] = expiryOverride
  else if (st.expiresMs !== null) h['github-authentication-token-expiration'] = formatExpiry(st.expiresMs, st.spec.expiryHeaderForm ?? 'utc')
  if (isScopeToken(st)) {
    h['x-oauth-scopes'] = (st.spec.scopes ?? []).join(', ')
    h['x-accepted-oauth-scopes'] = ''
  }
  return h
}

/**
 * The whole decision for one request. Pure apart from counters, flags and the issue store.
 * @param {SimState} s
 * @param {{ method: string, path: string, query: URLSearchParams, headers: import('node:http').IncomingHttpHeaders, body: { value: unknown, bad: boolean } }} req
 * @param {RecordedRequest} record
 * @param {{ write: boolean }} outcome set `write` when the request goes to `sim.writes`
 * @returns {Reply}
 */
export const decide = (s, req, record, outcome) => {
  const method = req.method === 'HEAD' ? 'GET' : req.method
  const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path
  const match = matchRoute(s.catalog, method, path)
  record.template = match?.route.template ?? null
  const requestedVersion = String(req.headers['x-github-api-version'] ?? '')
  const apiVersion = API_VERSIONS.has(requestedVersion) ? requestedVersion : DEFAULT_API_VERSION

  // Flags are judged before anything else, as if the token held every permission.
  /** @type {ReturnType<typeof judgeWrite> | null} */
  const judgement = match && method !== 'GET' ? judgeWrite(s, match.route, match.params, req.body) : null

  // Authentication.
  const auth = String(req.headers.authorization ?? '')
  const credential = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(auth)?.[1]
  const st = credential ? s.tokens.get(credential) : undefined
  record.token = st ? st.spec.name : credential ? '(unknown)' : '(none)'
  outcome.write = match !== null && isOwnIssueWrite(st, match)
  if (judgement?.outcome === 'change' && !outcome.write) {
    s.flags.push({ method: req.method, path: req.path, template: record.template, reason: judgement.reason, token: record.token, status: 0 })
  }
  if (!st || (st.expiresMs !== null && st.expiresMs <= Date.now())) {
    s.unauthenticatedUsed++
    return {
      status: 401,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': apiVersion,
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': requestId(),
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': String(Math.max(0, 60 - s.unauthenticatedUsed)),
        'x-ratelimit-reset': String(Math.floor(s.startedMs / 1000) + 3600),
        'x-ratelimit-used': String(Math.min(60, s.unauthenticatedUsed)),
        'x-ratelimit-resource': 'core'
      },
      body: credential ? errorBody('Bad credentials', '401') : errorBody('Requires authentication', '401')
    }
  }

  // Faults, then rate limits.
  const fault = takeFault(st, req.method, req.path)
  if (fault) {
    const reply = faultReply(fault.kind)
    if (reply) return reply
  }
  const expiryOverride = fault?.kind === 'malformed-expiry' ? 'not-a-date' : undefined
  const isRateLimitCall = method === 'GET' && path === '/rate_limit'
  if (st.secondaryLeft > 0) {
    st.secondaryLeft--
    const retryAfter = String(st.spec.secondaryRateLimit?.retryAfterSeconds ?? 60)
    return {
      status: 403,
      headers: { ...baseHeaders(st, expiryOverride, apiVersion), 'retry-after': retryAfter },
      body: errorBody(
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        '403',
        `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`
      ),
      fault: fault?.kind
    }
  }
  if (!isRateLimitCall) {
    if (st.remaining <= 0) {
      const headers = baseHeaders(st, expiryOverride, apiVersion)
      const message =
        `API rate limit exceeded for user ID ${st.userId}. If you reach out to GitHub Support for help, please include the ` +
        `request ID ${headers['x-github-request-id']} and timestamp ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC.`
      return { status: 403, headers, body: errorBody(message, '403', RATE_LIMIT_DOCS), fault: fault?.kind }
    }
    st.remaining--
  }
  const headers = baseHeaders(st, expiryOverride, apiVersion)
  const reply = routeReply(s, { method, path, query: req.query, body: req.body.value, match, judgement, write: outcome.write }, st, headers)
  return fault ? { ...reply, fault: fault.kind } : reply
}
