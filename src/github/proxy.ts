/**
 * Which way requests go: through a proxy when one applies to the api-url (HTTPS_PROXY/HTTP_PROXY, NO_PROXY, by
 * @actions/http-client's own rules), then with @actions/http-client's proxy dispatcher and undici's fetch, loaded only
 * then; otherwise over Node's own HTTP (node-fetch.ts). And which proxy that is, as far as a message may name it.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { nodeFetch } from './node-fetch.js'
import type { FetchLike } from './url-guard.js'

/**
 * The fetch requests go through: undici's with @actions/http-client's proxy dispatcher when a proxy applies to the
 * API URL, both loaded on the first request; Node's own HTTP otherwise.
 */
export function fetchFor(apiUrl: string): FetchLike {
  if (!proxyApplies(apiUrl)) return nodeFetch
  let loading: Promise<FetchLike> | undefined
  return async (url, init) => {
    loading ??= Promise.all([import('@actions/http-client'), import('undici')]).then(([{ HttpClient }, { fetch }]) => {
      const dispatcher = new HttpClient().getAgentDispatcher(apiUrl)
      return (u: string, i: Record<string, unknown>) => fetch(u, { ...i, ...(dispatcher ? { dispatcher } : {}) }) as unknown as Promise<Response>
    })
    return (await loading)(url, init)
  }
}

function proxyApplies(apiUrl: string): boolean {
  try {
    return Boolean(getProxyUrl(new URL(apiUrl))?.hostname)
  } catch {
    return false
  }
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
