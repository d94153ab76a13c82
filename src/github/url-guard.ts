/**
 * The URL guard: what may be fetched, decided on the absolute URL about to be sent, not on a probe's path.
 *
 * - validateApiUrl: the API root (`api-url`, or `GITHUB_API_URL` when the input is empty) must be one of GitHub's
 *   documented forms: `http(s)://HOST` (GitHub.com `https://api.github.com`, GHE.com `https://api.SUBDOMAIN.ghe.com`)
 *   or `http(s)://HOST/api/v3` (GitHub Enterprise Server), with nothing else: no credentials, query, fragment, `?`,
 *   `#`, `%` escape, `\` or `..`. Octokit appends the request path to this text, so a bare `?` or `#` at its end
 *   would move every probe (`https://api.github.com/repos/acme/infra?` + `/repos/acme/infra/keys/1` is
 *   `DELETE /repos/acme/infra`).
 * - approveUrl: the one absolute URL a request may go to: the validated root, then the filled path, then the query.
 * - guardedFetch: the fetch every transport hands to Octokit. It sends only the approved URL with the approved
 *   method, never follows a redirect (`redirect: 'manual'`), and sends a request that is not a GET at most once.
 */

export type ApiBase = { readonly origin: string; readonly path: '' | '/api/v3' }
export type ApiUrlCheck = { readonly ok: true; readonly base: ApiBase; readonly url: string } | { readonly ok: false; readonly reason: string }

/** `http(s)://HOST[:PORT]` with an optional `/` or `/api/v3[/]`: a DNS name, an IPv4 address or a bracketed IPv6. */
const API_URL = /^(https?):\/\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(\/|\/api\/v3\/?)?$/

export const API_URL_FORMS =
  'https://api.github.com, https://api.SUBDOMAIN.ghe.com (GHE.com) or https://HOST/api/v3 (GitHub Enterprise Server), with no credentials, query, fragment, `?`, `#`, `%` escapes or `..`'

/** Checks an API root; the reason names what is wrong (never the value's credentials). */
export function validateApiUrl(value: string): ApiUrlCheck {
  const text = value.trim()
  const refuse = (what: string): ApiUrlCheck => ({ ok: false, reason: what })
  if (/[?#]/.test(text)) return refuse('it holds `?` or `#`, which would move the request path into a query or fragment')
  if (text.includes('%')) return refuse('it holds a `%` escape (such as %3f, %23, %2f or %2e)')
  if (text.includes('\\')) return refuse('it holds `\\`, which URL parsers read as `/`')
  if (text.includes('..')) return refuse('it holds `..`')
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(text)) return refuse('it holds credentials (user@ or user:password@)')
  const m = API_URL.exec(text)
  if (!m) return refuse(`expected http(s)://HOST or http(s)://HOST/api/v3`)
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return refuse('its port is out of range')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return refuse('it is not a URL')
  }
  const path = m[4] && m[4].startsWith('/api/v3') ? '/api/v3' : ''
  // The parser must read the text as written: same scheme, host and path, nothing left over.
  if (url.username || url.password || url.search || url.hash || url.pathname.replace(/\/$/, '') !== path) return refuse('it does not parse as written')
  const origin = url.origin
  if (origin === 'null') return refuse('it has no origin')
  return { ok: true, base: { origin, path }, url: `${origin}${path}` }
}

/** The parts of a request the guard needs. */
export interface RequestLine {
  readonly method: string
  /** `/repos/acme/infra/branches`: starts with `/`, raw characters of a path segment or `%XX` escapes. */
  readonly path: string
  readonly query?: Readonly<Record<string, string>>
}

export type Approval = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string }

/** Characters a path segment may hold raw (RFC 3986 unreserved plus a few sub-delims), or a `%XX` escape. */
const SEGMENT = /^(?:[A-Za-z0-9\-_.~!*'()]|%[0-9A-Fa-f]{2})+$/
/** Escapes that would change where the request goes once a server decodes them: `/`, `\`, `?`, `#`, `.`, controls. */
const MOVING_ESCAPE = /%(?:2f|5c|3f|23|2e|0[0-9a-f]|1[0-9a-f]|7f)/i

/**
 * The absolute URL a request may be sent to: the validated API root, the path, the query (form-encoded), and
 * nothing else; or why it may not be sent at all.
 */
export function approveUrl(base: ApiBase, request: RequestLine): Approval {
  const refuse = (reason: string): Approval => ({ ok: false, reason })
  if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(request.method)) return refuse(`method ${request.method} is not one the audit sends`)
  const path = request.path
  if (!path.startsWith('/') || path.length > 2000) return refuse(`path ${JSON.stringify(path.slice(0, 80))} is not an absolute API path`)
  const segments = path.slice(1).split('/')
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) return refuse(`path ${JSON.stringify(path.slice(0, 80))} holds an empty segment or a character that could change where it goes`)
    if (MOVING_ESCAPE.test(segment)) return refuse(`path ${JSON.stringify(path.slice(0, 80))} holds an escape that could change where it goes`)
    if (segment === '.' || segment === '..') return refuse(`path ${JSON.stringify(path.slice(0, 80))} holds a dot segment`)
  }
  const query = new URLSearchParams(request.query ?? {}).toString()
  const url = `${base.origin}${base.path}${path}${query ? `?${query}` : ''}`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse('the URL does not parse')
  }
  // The URL must be read exactly as built: same origin, same path, the query and nothing more.
  if (parsed.href !== url || parsed.origin !== base.origin || parsed.pathname !== `${base.path}${path}` || parsed.hash !== '' || parsed.search !== (query ? `?${query}` : '')) {
    return refuse('the URL would not be read as built')
  }
  return { ok: true, url }
}

/** A fetch as Octokit calls it. */
export type FetchLike = (url: string, init: Record<string, unknown>) => Promise<Response>

/** Thrown (never sent) when a request does not match its approval; the transport reports it as refused. */
export class UrlRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UrlRefused'
  }
}

/**
 * The fetch for one approved request: sends only `approved.url` with `approved.method`, with `redirect: 'manual'`
 * (a 3xx comes back as it is: status and Location), and a request that is not a GET only once, whatever
 * Octokit or a plugin tries afterwards.
 */
export function guardedFetch(send: FetchLike, approved: { readonly url: string; readonly method: string }): FetchLike {
  let sent = 0
  return async (url, init) => {
    const method = String(init.method ?? 'GET').toUpperCase()
    if (String(url) !== approved.url) throw new UrlRefused(`refused to send ${method} to a URL the guard did not approve`)
    if (method !== approved.method) throw new UrlRefused(`refused to send ${method}: the guard approved ${approved.method}`)
    if (method !== 'GET' && sent > 0) throw new UrlRefused(`refused to send ${method} ${new URL(approved.url).pathname} a second time`)
    sent++
    return send(approved.url, { ...init, method, redirect: 'manual' })
  }
}
