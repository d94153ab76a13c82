/**
 * The HTTP layer: @octokit/core (the Octokit @actions/github is built on; only `request` is used) with
 * @octokit/plugin-retry (5xx and network errors, never 400/401/403/404/409/410/422/451, never a request that is not a
 * GET) and @octokit/plugin-throttling (primary and secondary rate limits, one wait when it fits the audit's deadline).
 * The plugins make every retry decision; they schedule through bottleneck-shim.ts (what they use of Bottleneck,
 * without its event-loop hops), and the audit bounds its own concurrency (src/audit/runner.ts). Requests go through
 * Node's own HTTP (node-fetch.ts), or through the proxy that applies to the api-url (proxy.ts chooses). While the first
 * wave is in flight, `prepare` opens the connections the next wave will take and runs the answer path once on
 * invented answers; neither sends anything. Every response and failure becomes evidence; nothing here throws.
 */
import { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { HttpRequest, Transport } from '../audit/transport.js'
import { EVIDENCE_HEADERS } from '../audit/transport.js'
import type { HttpEvidence } from '../types.js'
import { inventedAnswer, nodeFetch, warmConnections } from './node-fetch.js'
import { fetchFor, proxyInUse } from './proxy.js'
import type { ProxyInUse } from './proxy.js'
import { requestSignal } from './request-signal.js'
import type { ApiBase, FetchLike } from './url-guard.js'
import { approveUrl, guardedFetch, UrlRefused, validateApiUrl } from './url-guard.js'
import { DO_NOT_RETRY, MAX_RATE_LIMIT_WAIT_SECONDS, MAX_REQUEST_TIMEOUT_MS, RETRIES } from '../facts/limits.js'

export { DO_NOT_RETRY, RETRIES } from '../facts/limits.js'

export interface TransportOptions {
  readonly token: string
  readonly apiUrl: string
  /** Each request is abandoned after this long. */
  readonly requestTimeoutMs: number
  /** Epoch ms: rate-limit retries that would end after it are not made. */
  readonly deadline: number
  readonly retryBaseMs?: number
  readonly debug: (message: string) => void
  readonly now?: () => number
  /** Replaces secrets in text from GitHub before anything cuts or keeps it (mask first, then cut). */
  readonly redact?: (text: string) => string
  /** The fetch requests finally go through (tests record or fake it); default: fetchFor(apiUrl). */
  readonly fetch?: FetchLike
}

interface OctokitError {
  status?: number
  message?: string
  name?: string
  response?: { status: number; headers: Record<string, string | number | undefined>; data: unknown }
}

const AuditOctokit = Octokit.plugin(retry, throttling)

export function createTransport(options: TransportOptions): Transport {
  const now = options.now ?? Date.now
  const proxy = proxyInUse(process.env, options.apiUrl)
  // The proxy is chosen for the api-url input itself (HTTPS_PROXY/HTTP_PROXY, NO_PROXY), not for GITHUB_API_URL.
  const baseFetch: FetchLike = options.fetch ?? fetchFor(options.apiUrl)
  const redact = options.redact ?? ((text: string) => text)
  const checked = validateApiUrl(options.apiUrl)
  const apiBase: ApiBase | undefined = checked.ok ? checked.base : undefined
  // One wait for a rate limit, when it fits the deadline, and only for a GET: a write is never sent twice.
  const canWait = (retryAfterSeconds: number, retryCount: number, method: unknown) =>
    method === 'GET' && retryCount < 1 && retryAfterSeconds <= MAX_RATE_LIMIT_WAIT_SECONDS && now() + retryAfterSeconds * 1000 < options.deadline
  const rateLimited = (retryAfter: number, request: { method?: unknown; url?: unknown }, retryCount: number): boolean => {
    const wait = canWait(retryAfter, retryCount, request.method)
    const path = new URL(String(request.url ?? ''), 'http://api.invalid').pathname
    options.debug(`${String(request.method)} ${path}: rate limited; ${wait ? `retrying after ${retryAfter} s` : 'not retrying'}.`)
    return wait
  }
  const octokit = new AuditOctokit({
    auth: options.token,
    baseUrl: checked.ok ? checked.url : 'https://api.github.com',
    // Every request carries its own guarded fetch (see send); this one refuses anything that comes without it.
    request: {
      fetch: () => Promise.reject(new UrlRefused('refused: a request without the URL guard')),
      redirect: 'manual' as const
    },
    userAgent: 'pat-audit',
    log: {
      debug: (message: string) => options.debug(message),
      info: (message: string) => options.debug(message),
      warn: (message: string) => options.debug(message),
      error: (message: string) => options.debug(message)
    },
    retry: { doNotRetry: [...DO_NOT_RETRY], retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 500 },
    throttle: {
      onRateLimit: (retryAfter: number, request: { method?: unknown; url?: unknown }, _o: unknown, retryCount: number) => rateLimited(retryAfter, request, retryCount),
      onSecondaryRateLimit: (retryAfter: number, request: { method?: unknown; url?: unknown }, _o: unknown, retryCount: number) => rateLimited(retryAfter, request, retryCount)
    }
  })

  let prepared = false
  return {
    prepare(connections: number) {
      if (prepared || baseFetch !== nodeFetch || !checked.ok) return
      prepared = true
      // Only Node's own HTTP keeps connections to warm: behind a proxy (or with a test's fetch) there is nothing to open.
      if (connections > 0) warmConnections(checked.url, connections)
      void rehearseAnswers(checked.url, (request, answers) => sendThrough(request, new AbortController().signal, answers)).catch(() => undefined)
    },
    send: (request: HttpRequest, signal: AbortSignal): Promise<HttpEvidence> => sendThrough(request, signal, baseFetch)
  }

  /** One request through Octokit, finally fetched with `through` (the transport's fetch, or the rehearsal's answers). */
  async function sendThrough(request: HttpRequest, signal: AbortSignal, through: FetchLike): Promise<HttpEvidence> {
    const started = now()
    const base = { method: request.method, path: request.path }
    // The guard approves the absolute URL; the fetch below sends that URL and nothing else.
    const approval = apiBase ? approveUrl(apiBase, request) : { ok: false as const, reason: `api-url is not one of GitHub's forms (${checked.ok ? '' : checked.reason})` }
    if (!approval.ok) return refused(`Not sent: the URL guard refused it (${approval.reason}).`)
    const aborting = requestSignal(signal, options.requestTimeoutMs)
    const combined = aborting.signal
    const isGet = request.method === 'GET'
    const fetch = guardedFetch(through, { url: approval.url, method: request.method })
    const route = {
      method: request.method,
      url: approval.url,
      ...(request.body !== undefined ? { data: request.body } : {}),
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      // A request that is not a GET is sent once: a 5xx or a reset may arrive after GitHub acted.
      // parseSuccessResponseBody: false: a 2xx body comes back unparsed and is parsed here with JSON.parse
      // (successBody). @octokit/request's own parser (json-with-bigint) revives every value to keep integers above
      // 2^53 exact, which Node 20 does by rewriting the text first: 2 ms a 40 kB page, most of the time spent on
      // repository coverage (npm run bench). Nothing the audit reads is an integer above 2^53.
      request: { signal: combined, fetch, redirect: 'manual' as const, parseSuccessResponseBody: false, ...(isGet ? {} : { retries: 0 }) }
    }
    try {
      const response = await octokit.request(route)
      return evidence(base, response.status, response.headers, await successBody(response.headers, response.data), started)
    } catch (error: unknown) {
      const e = (error ?? {}) as OctokitError
      if (isRefusal(e)) return refused(`Not sent: ${redact(String(e.message ?? ''))}.`)
      if (combined.aborted) return failed(e)
      if (e.response) return evidence(base, e.response.status, e.response.headers, e.response.data, started)
      return failed(e, isGet ? RETRIES : 0)
    } finally {
      aborting.dispose()
    }

    function refused(message: string): HttpEvidence {
      return { ...base, status: 0, headers: {}, message, failure: 'refused', durationMs: now() - started }
    }

    function failed(e: OctokitError, retries = RETRIES): HttpEvidence {
      const timedOut = aborting.timedOut()
      const failure: HttpEvidence['failure'] = signal.aborted ? 'deadline' : timedOut ? 'timeout' : 'network'
      const message = signal.aborted
        ? 'Abandoned: the audit reached its time limit.'
        : timedOut
          ? `No response within ${Math.round(options.requestTimeoutMs / 1000)} s.`
          : `${describeNetworkError({ ...e, message: redact(String(e.message ?? 'unknown error')) }, proxy)} (${retries > 0 ? `retried ${retries} times` : `a ${request.method} is never sent twice`}).`
      return { ...base, status: 0, headers: {}, message, failure, durationMs: now() - started }
    }

    function evidence(
      b: typeof base,
      status: number,
      rawHeaders: Record<string, string | number | undefined>,
      data: unknown,
      start: number
    ): HttpEvidence {
      const headers: Record<string, string> = {}
      for (const name of EVIDENCE_HEADERS) {
        const value = rawHeaders[name]
        if (value !== undefined) headers[name] = String(value)
      }
      const contentType = headers['content-type'] ?? ''
      const isJson = /\bjson\b/i.test(contentType)
      const durationMs = now() - start
      const common = { ...b, status, headers, durationMs }
      if (status === 204 || status === 205) return { ...common, message: 'No Content' }
      if (status >= 300 && status < 400) {
        // Never followed (redirect: 'manual'; Node's own HTTP never follows one anyway): the status and where it
        // pointed are the evidence.
        const location = redact(String(rawHeaders.location ?? '')).slice(0, 200)
        return { ...common, message: `Redirected (${status})${location ? ` to ${location}` : ''}; not followed.`, failure: 'redirect' }
      }
      if (data === undefined || data === '' || data === null) {
        return { ...common, message: status < 400 ? 'The response body was empty.' : `HTTP ${status} with an empty body.`, ...(status < 400 ? { failure: 'empty-body' as const } : {}) }
      }
      if (!isJson || typeof data === 'string') {
        const title = typeof data === 'string' ? /<title>([^<]*)<\/title>/i.exec(redact(data.slice(0, 100_000)))?.[1]?.trim().slice(0, 120) : undefined
        return { ...common, message: `A ${contentType.split(';')[0] || 'non-JSON'} page${title ? ` ("${title}")` : ''} instead of JSON.`, failure: 'not-json' }
      }
      const message = typeof (data as { message?: unknown }).message === 'string' ? redact(String((data as { message: string }).message)).slice(0, 500) : httpReason(status)
      return { ...common, message, body: data }
    }
  }
}

/**
 * A 2xx body that Octokit passed through unparsed, read as @octokit/request's getResponseData reads it: JSON when the
 * content type says so (the text when it does not parse), text for text/* or charset=utf-8 or no content type, else
 * the bytes. Node's own HTTP (node-fetch.ts) gives the bytes; undici's fetch (behind a proxy) a stream.
 */
export async function successBody(headers: Record<string, string | number | undefined>, body: unknown): Promise<unknown> {
  if (body === undefined || body === null) return body
  const bytes =
    body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : typeof body === 'string' ? Buffer.from(body) : Buffer.from(await new Response(body as ReadableStream).arrayBuffer())
  const contentType = String(headers['content-type'] ?? '')
  if (!contentType) return bytes.toString('utf8')
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (mediaType === 'application/json' || mediaType === 'application/scim+json') {
    const text = bytes.toString('utf8')
    try {
      return text === '' ? text : (JSON.parse(text) as unknown)
    } catch {
      return text
    }
  }
  if (mediaType.startsWith('text/') || (/;\s*charset\s*=\s*"?utf-8"?/i.test(contentType) && mediaType !== 'application/octet-stream')) return bytes.toString('utf8')
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
}

/**
 * The answer path, run once on invented answers while the first wave is in flight, so that V8 has compiled it before
 * the real answers come (the first 404 through Octokit's error path took ~3 ms, measured with npm run bench): a page of
 * repositories and a 404, through the transport's own Octokit with a fetch that answers without sending anything.
 */
async function rehearseAnswers(apiUrl: string, sendThrough: (request: HttpRequest, answers: FetchLike) => Promise<HttpEvidence>): Promise<void> {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '4102444800', 'x-ratelimit-resource': 'core', 'x-github-request-id': '0000:0000' }
  const answers: FetchLike = async (url) =>
    url.includes('/user/repos')
      ? inventedAnswer(url, 200, { ...headers, link: `<${apiUrl}/user/repos?per_page=100&page=2>; rel="next", <${apiUrl}/user/repos?per_page=100&page=3>; rel="last"` }, JSON.stringify([{ full_name: 'octo-org/rehearsal-1' }, { full_name: 'octo-org/rehearsal-2' }]))
      : inventedAnswer(url, 404, headers, '{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}')
  await sendThrough({ method: 'GET', path: '/user/repos', query: { per_page: '100', page: '1' } }, answers)
  await sendThrough({ method: 'GET', path: '/repos/octo-org/rehearsal', query: {} }, answers)
}

function isRefusal(e: OctokitError): boolean {
  return (e as unknown) instanceof UrlRefused || e.name === 'UrlRefused' || (e as { cause?: unknown }).cause instanceof UrlRefused
}

function httpReason(status: number): string {
  return status < 300 ? 'OK' : `HTTP ${status}`
}

function describeNetworkError(e: OctokitError, proxy?: ProxyInUse): string {
  const message = typeof e.message === 'string' ? e.message : 'unknown error'
  const raw = message.slice(0, 120)
  // Through a proxy, the action only ever connects to the proxy: a refused connection or an unknown host is the proxy's.
  const via = proxy ? `the proxy ${proxy.host} (from ${proxy.variable})` : undefined
  const tunnel = /Proxy response \((\d{3})\)/.exec(message)?.[1]
  if (tunnel) {
    return `${via ? capitalise(via) : 'The proxy'} would not open a connection to the API: it answered ${tunnel}${tunnel === '407' ? ' (proxy authentication required)' : ''} (${raw})`
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) {
    if (proxy && message.includes(proxy.hostname)) return `The proxy host ${proxy.hostname} (from ${proxy.variable}) could not be resolved (${raw})`
    return `The API host could not be resolved (${raw})`
  }
  if (/ECONNREFUSED/.test(message)) return via ? `${capitalise(via)} refused the connection (${raw})` : `The connection was refused (${raw})`
  if (/ECONNRESET|socket hang up|other side closed/i.test(message)) return `The connection${via ? ` through ${via}` : ''} was reset (${raw})`
  if (/^bad port$/i.test(message.trim())) {
    return "The API URL's port is one that fetch refuses to connect to (a port on the Fetch standard's \"bad ports\" list, such as 9, 25 or 6000): nothing was sent (bad port)"
  }
  return `The request failed${via ? ` through ${via}` : ''}: ${message.slice(0, 160)}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The transport both shells use for a token (the audited one unless another is given), within the audit's deadline. */
export function transportFor(
  settings: { readonly token: string; readonly apiUrl: string; readonly timeoutSeconds: number },
  deadline: number,
  debug: (m: string) => void,
  token = settings.token,
  redact?: (text: string) => string
): Transport {
  return createTransport({ token, apiUrl: settings.apiUrl, requestTimeoutMs: Math.min(MAX_REQUEST_TIMEOUT_MS, settings.timeoutSeconds * 1000), deadline, debug, ...(redact ? { redact } : {}) })
}
