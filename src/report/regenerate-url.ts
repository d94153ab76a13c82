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
  // One URLSearchParams, set on the URL once: url.searchParams.set re-serialises the whole query at every call
  // (measured: 2 ms for the whole catalog, after the last response).
  const params = new URLSearchParams()
  params.set('name', name)
  params.set('description', description)
  if (options.resourceOwner) params.set('target_name', options.resourceOwner)
  const days = options.lifetimeDays > 0 ? Math.min(options.lifetimeDays, MAX_EXPIRES_IN) : MAX_EXPIRES_IN
  params.set('expires_in', String(Math.max(1, days)))
  for (const p of [...options.required].sort((a, b) => byName(a, b))) params.set(p.name, p.level)
  url.search = params.toString()
  return url.toString()
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
