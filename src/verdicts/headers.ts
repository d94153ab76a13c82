/**
 * Parsers for what GitHub says in headers and messages. Total functions: any string in, a value or
 * undefined out, never a throw (fuzzed in __tests__/parsers.property.test.ts).
 */
import type { Level, PermissionSet } from '../types.js'
import { LEVELS } from '../types.js'

const EXPIRY = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})$/

/**
 * `github-authentication-token-expiration`: `2026-09-03 02:34:04 UTC` or `2026-04-26 20:23:26 +0200`.
 * Returns the instant, or undefined when the value is not one of GitHub's forms.
 */
export function parseExpiration(value: string): Date | undefined {
  const m = EXPIRY.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, zone] = m
  const fields = [y, mo, d, h, mi, s].map(Number)
  let offsetMinutes = 0
  if (zone !== 'UTC' && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
    if (Number(digits.slice(2, 4)) > 59 || Number(digits.slice(0, 2)) > 23) return undefined
  }
  const [year, month, day, hour, minute, second] = fields
  // Seconds stop at 59: GitHub never sends a leap second, and 60 would roll over like 2026-02-31 does.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const calendar = new Date(0)
  calendar.setUTCFullYear(year, month - 1, day)
  // Reject dates that rolled over (2026-02-31).
  if (calendar.getUTCDate() !== day || calendar.getUTCMonth() !== month - 1) return undefined
  const date = new Date(calendar.getTime() + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Formats an instant in GitHub's UTC form (the inverse of parseExpiration for UTC values). */
export function formatExpiration(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

/**
 * `X-Accepted-GitHub-Permissions`: alternative sets separated by `;`, permissions inside a set by `,`,
 * each `name=level`. Unknown levels and malformed parts are dropped.
 */
export function parseAcceptedPermissions(value: string): PermissionSet[] {
  const sets: PermissionSet[] = []
  for (const part of value.split(';')) {
    const set: Array<{ name: string; level: Level }> = []
    for (const item of part.split(',')) {
      const m = /^\s*([a-z0-9_]+)\s*=\s*([a-z]+)\s*$/.exec(item)
      if (m && (LEVELS as readonly string[]).includes(m[2])) set.push({ name: m[1], level: m[2] as Level })
    }
    if (set.length > 0) sets.push(set)
  }
  return sets
}

export function formatAcceptedPermissions(sets: readonly PermissionSet[]): string {
  return sets.map((set) => set.map((p) => `${p.name}=${p.level}`).join(',')).join('; ')
}

/** `X-GitHub-SSO: required; url=https://github.com/orgs/acme/sso?authorization_request=…` */
export function parseSsoHeader(value: string): { required: boolean; url?: string } | undefined {
  const parts = value.split(';').map((p) => p.trim())
  if (parts.length === 0 || parts[0] === '') return undefined
  const required = parts[0].toLowerCase() === 'required'
  const urlPart = parts.find((p) => p.toLowerCase().startsWith('url='))
  const url = urlPart ? safeHttpUrl(urlPart.slice(4).trim()) : undefined
  if (!required && parts[0].toLowerCase() !== 'partial-results') return undefined
  return url ? { required, url } : { required }
}

const LIFETIME =
  /forbids access via a fine-grained personal access tokens? if the token['\u2019]s lifetime is greater than (\d{1,6}) days?/i
// Enterprise names may contain an apostrophe ("Macy's"): the name ends at the quote followed by the owner type.
const OWNER = /^The '(.{1,100}?)' (organization|enterprise) /
// Bounded so that a long message full of `http://` cannot make the match quadratic.
const SETTINGS_URL = /(https?:\/\/[^\s"']{1,200}?\/settings\/personal-access-tokens\/\d{1,20})/

/**
 * GitHub's 403 when an organization's (or enterprise's) maximum-lifetime policy blocks the token:
 * "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime
 *  is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/123"
 */
export function parseLifetimePolicy(message: string): { maxDays: number; owner?: string; ownerType?: string; settingsUrl?: string } | undefined {
  const m = LIFETIME.exec(message)
  if (!m) return undefined
  const owner = OWNER.exec(message)
  const match = SETTINGS_URL.exec(message)
  const settingsUrl = match ? safeHttpUrl(match[1]) : undefined
  return {
    maxDays: Number(m[1]),
    ...(owner ? { owner: owner[1], ownerType: owner[2] } : {}),
    ...(settingsUrl ? { settingsUrl } : {})
  }
}

/** "The 'acme' organization forbids access via a personal access tokens (classic)." */
export function parseClassicForbidden(message: string): { owner?: string } | undefined {
  if (!/forbids access via a personal access tokens? \(classic\)/i.test(message)) return undefined
  const owner = OWNER.exec(message)
  return owner ? { owner: owner[1] } : {}
}

/** `X-OAuth-Scopes: repo, read:org` → ['repo', 'read:org']. */
export function parseScopes(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9:_-]{1,64}$/i.test(s))
}

function safeHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}
