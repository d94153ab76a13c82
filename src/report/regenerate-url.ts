/**
 * The link that opens GitHub's "new fine-grained token" form pre-filled with exactly the required permissions,
 * the organization as resource owner and a lifetime within the policy. GitHub's limits: name at most 40
 * characters, description at most 1024, expires_in from 1 to 366 days.
 */
import type { RequiredPermission } from '../types.js'

export const MAX_NAME = 40
export const MAX_DESCRIPTION = 1024
export const MAX_EXPIRES_IN = 366

export interface RegenerateOptions {
  readonly serverUrl: string
  readonly required: readonly RequiredPermission[]
  readonly resourceOwner?: string
  readonly repository?: string
  /** The longest lifetime the policies allow, in days (0: no policy). */
  readonly lifetimeDays: number
}

export function regenerateUrl(options: RegenerateOptions): string {
  const url = new URL('/settings/personal-access-tokens/new', options.serverUrl.replace(/\/+$/, '') + '/')
  const subject = options.repository ?? options.resourceOwner
  const name = truncate(`pat-audit${subject ? ` ${subject}` : ''}`, MAX_NAME)
  const permissionText = options.required.map((p) => `${p.name}: ${p.level}`).join(', ')
  const description = truncate(
    `Replacement created from the pat-audit report${subject ? ` for ${subject}` : ''}.${permissionText ? ` Permissions: ${permissionText}.` : ''}`,
    MAX_DESCRIPTION
  )
  // The query as URLSearchParams writes it (application/x-www-form-urlencoded), built as one string: setting it
  // parameter by parameter re-serialised the whole query at every call, and the first use of URLSearchParams
  // compiles Node's own implementation; both after the last response (measured: ~2 ms for the whole catalog).
  const params: Array<[string, string]> = [['name', name], ['description', description]]
  if (options.resourceOwner) params.push(['target_name', options.resourceOwner])
  const days = options.lifetimeDays > 0 ? Math.min(options.lifetimeDays, MAX_EXPIRES_IN) : MAX_EXPIRES_IN
  params.push(['expires_in', String(Math.max(1, days))])
  // A name set twice keeps its first place and its last value, as URLSearchParams.set does.
  const place = new Map(params.map(([key], i) => [key, i]))
  for (const p of [...options.required].sort((a, b) => byName(a, b))) {
    const at = place.get(p.name)
    if (at !== undefined) params[at] = [p.name, p.level]
    else place.set(p.name, params.push([p.name, p.level]) - 1)
  }
  return `${url.origin}${url.pathname}?${params.map(([key, value]) => `${formEncode(key)}=${formEncode(value)}`).join('&')}`
}

/** application/x-www-form-urlencoded, as URLSearchParams serialises: `*-._` and alphanumerics kept, space as `+`. */
function formEncode(text: string): string {
  // A lone surrogate becomes U+FFFD first, as URLSearchParams does (encodeURIComponent would throw).
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The web host for a REST API root: api.github.com → github.com, HOST/api/v3 → HOST, api.X.ghe.com → X.ghe.com. */
export function serverUrlFor(apiUrl: string): string {
  try {
    const url = new URL(apiUrl)
    if (url.hostname === 'api.github.com') return 'https://github.com'
    if (/^api\.[^.]+\.ghe\.com$/.test(url.hostname)) return `https://${url.hostname.slice(4)}`
    return `${url.protocol}//${url.host}`
  } catch {
    return 'https://github.com'
  }
}

/** Code-unit order of permission names ([a-z_], where it equals the collation order): no ICU collator (about 6 ms to start, npm run bench). */
function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
