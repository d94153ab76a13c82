/**
 * The HTTP layer: Octokit from @actions/github (proxy support from the runner's HTTPS_PROXY/NO_PROXY),
 * with @octokit/plugin-retry (5xx and network errors, never 400/401/403/404/409/410/422/451) and
 * @octokit/plugin-throttling (primary and secondary rate limits, retried only within the audit's deadline).
 * Every response and failure becomes evidence; nothing here throws.
 */
import { getOctokit } from '@actions/github'
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type Bottleneck from 'bottleneck'
import type { HttpRequest, Transport } from '../core/transport.js'
import { EVIDENCE_HEADERS } from '../core/transport.js'
import type { HttpEvidence } from '../core/types.js'

export const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 451] as const
export const RETRIES = 2
/** Longest wait the audit accepts for a rate limit before reporting it instead. */
export const MAX_RATE_LIMIT_RETRY_SECONDS = 60

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
}

/**
 * Probes create nothing, so GitHub's pacing for content-creating requests does not apply: writes pass straight
 * to the global limiter (at most 10 in flight), instead of plugin-throttling's one-per-second write queue.
 */
const PASS_THROUGH_GROUP = {
  key: () => ({ schedule: <T>(_options: unknown, fn: () => Promise<T>) => fn() })
} as unknown as Bottleneck.Group

interface OctokitError {
  status?: number
  message?: string
  name?: string
  response?: { status: number; headers: Record<string, string | number | undefined>; data: unknown }
}

export function createTransport(options: TransportOptions): Transport {
  const now = options.now ?? Date.now
  const proxy = proxyInUse(process.env, options.apiUrl)
  // The proxy is chosen for the api-url input itself (HTTPS_PROXY/HTTP_PROXY, NO_PROXY), not for GITHUB_API_URL,
  // which is all @actions/github's default fetch knows about.
  const dispatcher = new HttpClient().getAgentDispatcher(options.apiUrl)
  const proxyFetch = (url: string, init: Record<string, unknown>) => undiciFetch(url, { ...init, ...(dispatcher ? { dispatcher } : {}) })
  const canWait = (retryAfterSeconds: number, retryCount: number) =>
    retryCount < 1 && retryAfterSeconds <= MAX_RATE_LIMIT_RETRY_SECONDS && now() + retryAfterSeconds * 1000 < options.deadline
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      request: { fetch: proxyFetch },
      userAgent: 'pat-audit',
      retry: { doNotRetry: [...DO_NOT_RETRY], retries: RETRIES, retryAfterBaseValue: options.retryBaseMs ?? 500 },
      throttle: {
        write: PASS_THROUGH_GROUP,
        notifications: PASS_THROUGH_GROUP,
        onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
          const wait = canWait(retryAfter, retryCount)
          options.debug(`Primary rate limit reached; ${wait ? `retrying after ${retryAfter} s` : 'not retrying'}.`)
          return wait
        },
        onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
          const wait = canWait(retryAfter, retryCount)
          options.debug(`Secondary rate limit reached; ${wait ? `retrying after ${retryAfter} s` : 'not retrying'}.`)
          return wait
        }
      },
      log: {
        debug: (message: string) => options.debug(message),
        info: (message: string) => options.debug(message),
        warn: (message: string) => options.debug(message),
        error: (message: string) => options.debug(message)
      }
    },
    retry,
    throttling
  )

  return {
    async send(request: HttpRequest, signal: AbortSignal): Promise<HttpEvidence> {
      const started = now()
      const base = { method: request.method, path: request.path }
      const timeout = AbortSignal.timeout(options.requestTimeoutMs)
      const combined = AbortSignal.any([signal, timeout])
      try {
        // The query goes into the URL itself: spread into the options, a key such as `method` or `url` would
        // override the request, and on a write any leftover key would become part of the body.
        const query = new URLSearchParams(request.query).toString()
        const response = await octokit.request({
          method: request.method,
          url: query ? `${request.path}?${query}` : request.path,
          ...(request.body !== undefined ? { data: request.body } : {}),
          headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
          request: { signal: combined }
        })
        return evidence(base, response.status, response.headers, response.data, started)
      } catch (error: unknown) {
        const e = (error ?? {}) as OctokitError
        if (e.response) return evidence(base, e.response.status, e.response.headers, e.response.data, started)
        const timedOut = timeout.aborted && !signal.aborted
        const failure: HttpEvidence['failure'] = signal.aborted ? 'deadline' : timedOut ? 'timeout' : 'network'
        const message = signal.aborted
          ? 'Abandoned: the audit reached its time limit.'
          : timedOut
            ? `No response within ${Math.round(options.requestTimeoutMs / 1000)} s.`
            : `${describeNetworkError(e, proxy)} (retried ${RETRIES} times).`
        return { ...base, status: 0, headers: {}, message, failure, durationMs: now() - started, attempts: 1 }
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
        const common = { ...b, status, headers, durationMs, attempts: 1 }
        if (status === 204 || status === 205) return { ...common, message: 'No Content' }
        if (data === undefined || data === '' || data === null) {
          return { ...common, message: status < 400 ? 'The response body was empty.' : `HTTP ${status} with an empty body.`, ...(status < 400 ? { failure: 'empty-body' as const } : {}) }
        }
        if (!isJson || typeof data === 'string') {
          const title = typeof data === 'string' ? /<title>([^<]{0,120})<\/title>/i.exec(data)?.[1]?.trim() : undefined
          return { ...common, message: `A ${contentType.split(';')[0] || 'non-JSON'} page${title ? ` ("${title}")` : ''} instead of JSON.`, failure: 'not-json' }
        }
        const message = typeof (data as { message?: unknown }).message === 'string' ? String((data as { message: string }).message).slice(0, 500) : httpReason(status)
        return { ...common, message, body: data }
      }
    }
  }
}

function httpReason(status: number): string {
  return status < 300 ? 'OK' : `HTTP ${status}`
}

/** The proxy requests go through, as far as a message may name it: host and port only, never credentials. */
export interface ProxyInUse {
  /** The environment variable it came from (`HTTPS_PROXY`, `https_proxy`, `HTTP_PROXY` or `http_proxy`). */
  readonly variable: string
  readonly hostname: string
  /** `hostname:port`, with the scheme's default port when none is given. */
  readonly host: string
}

/**
 * The proxy every request goes through, chosen as createTransport chooses it: for the api-url input, by
 * @actions/http-client's rules: `https_proxy`/`HTTPS_PROXY` for https, `http_proxy`/
 * `HTTP_PROXY` for http, never for a loopback host, nor for a host listed in `no_proxy`/`NO_PROXY`.
 */
export function proxyInUse(env: NodeJS.ProcessEnv, apiUrl: string): ProxyInUse | undefined {
  let target: URL
  try {
    target = new URL(apiUrl)
  } catch {
    return undefined
  }
  if (bypassesProxy(target, env)) return undefined
  const variable = (target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']).find((name) => env[name])
  const value = variable ? env[variable] : undefined
  if (!variable || !value) return undefined
  let proxy: URL
  try {
    proxy = new URL(value)
  } catch {
    if (/^https?:\/\//.test(value)) return undefined
    try {
      proxy = new URL(`http://${value}`)
    } catch {
      return undefined
    }
  }
  if (!proxy.hostname) return undefined
  return { variable, hostname: proxy.hostname, host: `${proxy.hostname}:${proxy.port || (proxy.protocol === 'https:' ? '443' : '80')}` }
}

function bypassesProxy(target: URL, env: NodeJS.ProcessEnv): boolean {
  const hostname = target.hostname.toLowerCase()
  if (hostname === 'localhost' || hostname.startsWith('127.') || hostname.startsWith('[::1]') || hostname.startsWith('[0:0:0:0:0:0:0:1]')) return true
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const hosts = [hostname.toUpperCase(), `${hostname.toUpperCase()}:${port}`]
  return noProxy
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item)
    .some((item) => item === '*' || hosts.some((h) => h === item || h.endsWith(`.${item}`) || (item.startsWith('.') && h.endsWith(item))))
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
