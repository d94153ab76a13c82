/**
 * Judging the organization's record, one entry at a time: pure functions of (entry, policy, now).
 *
 * The fields and their meaning come from GitHub's OpenAPI description (github/rest-api-description, schemas
 * `organization-programmatic-access-grant` and `organization-programmatic-access-grant-request`, served by
 * `GET /orgs/{org}/personal-access-tokens` and `GET /orgs/{org}/personal-access-token-requests`):
 * - `id`: "Unique identifier of the fine-grained personal access token grant. The `pat_id` used to get details about
 *   an approved fine-grained personal access token" (a request's `id` is its `pat_request_id`);
 * - `owner` (a simple user: `login`), `repository_selection` (`none`, `all`, `subset`), `repositories_url`;
 * - `permissions`: "Permissions requested, categorized by type of permission", objects `organization`, `repository`,
 *   `other` of name → level;
 * - `access_granted_at` (grants): "Date and time when the fine-grained personal access token was approved to access
 *   the organization"; `created_at` and `reason` (requests);
 * - `token_id`, `token_name`, `token_expired` ("Whether the associated fine-grained personal access token has
 *   expired"), `token_expires_at` (nullable: a token that never expires), `token_last_used_at` (nullable: "Date and
 *   time when the associated fine-grained personal access token was last used for authentication").
 * The description does not say what `token_last_used_at` holds for a token never used; null is read as never used,
 * and such a grant counts as unused from `access_granted_at`.
 */
import type { Level, RequiredPermission } from '../types.js'
import { LEVELS, levelCovers } from '../types.js'

export const DAY_MS = 86_400_000

export type EntryKind = 'grant' | 'request'

/** One grant or request, as read (anything GitHub sent in an unexpected shape is left out, with why). */
export interface RecordEntry {
  readonly kind: EntryKind
  /** `pat_id` of a grant, `pat_request_id` of a request. */
  readonly id: number
  readonly owner: string
  readonly tokenId?: number
  readonly tokenName: string
  readonly repositorySelection: 'all' | 'subset' | 'none' | 'unknown'
  /** Every permission, flattened: name → level (levels other than read/write/admin are kept as given). */
  readonly permissions: Readonly<Record<string, string>>
  /** Grants: when access was granted. Requests: when the request was made. ISO 8601. */
  readonly since: string
  readonly expired: boolean
  /** ISO 8601, or null: never expires. */
  readonly expiresAt: string | null
  /** ISO 8601, or null: never used. */
  readonly lastUsedAt: string | null
  readonly reason?: string | null
}

export interface Policy {
  readonly now: number
  readonly expiryWarnDays: number
  readonly expiryFailDays: number
  /** 0: no lifetime policy. */
  readonly maxLifetimeDays: number
  /** 0: not checked. */
  readonly unusedDays: number
  readonly pendingDays: number
  readonly broadPermissions: readonly RequiredPermission[]
}

export type ProblemCode = 'expired' | 'expiring' | 'non-compliant' | 'unused' | 'broad' | 'pending'

export interface Problem {
  readonly code: ProblemCode
  readonly severity: 'error' | 'warning'
  /** Short, for the table: "expires in 3 days". */
  readonly text: string
}

/** What the owner should do, most urgent problem first. */
export type ActionKind = 'rotate' | 'revoke' | 'review-request' | 'none'

export interface Verdict {
  readonly entry: RecordEntry
  /** `OWNER/TOKEN_NAME#ID`, as in the outputs. */
  readonly key: string
  readonly problems: readonly Problem[]
  readonly action: ActionKind
  /** Lower is more urgent; compliant entries are last. */
  readonly urgency: number
  /** Whole days left, rounded down; null when it never expires. Negative once expired. */
  readonly daysRemaining: number | null
}

const SELECTIONS = new Set(['all', 'subset', 'none'])

function isIso(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value))
}

/** Reads one entry of either list; a string says why it cannot be judged. */
export function readEntry(kind: EntryKind, raw: unknown): RecordEntry | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object'
  const e = raw as Record<string, unknown>
  const id = e.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return 'no numeric id'
  const owner = (e.owner as { login?: unknown } | null | undefined)?.login
  if (typeof owner !== 'string' || owner === '') return `entry ${id}: no owner login`
  const since = kind === 'grant' ? e.access_granted_at : e.created_at
  if (!isIso(since)) return `entry ${id}: no ${kind === 'grant' ? 'access_granted_at' : 'created_at'}`
  if (e.token_expires_at !== null && !isIso(e.token_expires_at)) return `entry ${id}: token_expires_at is neither a date nor null`
  const permissions: Record<string, string> = {}
  if (typeof e.permissions === 'object' && e.permissions !== null) {
    for (const group of Object.values(e.permissions as Record<string, unknown>)) {
      if (typeof group !== 'object' || group === null) continue
      for (const [name, level] of Object.entries(group as Record<string, unknown>)) if (typeof level === 'string') permissions[name] = level
    }
  }
  const selection = typeof e.repository_selection === 'string' && SELECTIONS.has(e.repository_selection) ? (e.repository_selection as 'all' | 'subset' | 'none') : 'unknown'
  return {
    kind,
    id,
    owner,
    ...(typeof e.token_id === 'number' ? { tokenId: e.token_id } : {}),
    tokenName: typeof e.token_name === 'string' && e.token_name !== '' ? e.token_name : '(unnamed)',
    repositorySelection: selection,
    permissions,
    since,
    expired: e.token_expired === true,
    expiresAt: isIso(e.token_expires_at) ? e.token_expires_at : null,
    lastUsedAt: isIso(e.token_last_used_at) ? e.token_last_used_at : null,
    ...(kind === 'request' ? { reason: typeof e.reason === 'string' ? e.reason : null } : {})
  }
}

/**
 * `OWNER/TOKEN_NAME#ID`. A token name is free text: `%`, `,` and control characters are percent-encoded, so that the
 * comma-separated outputs split back into keys.
 */
export function entryKey(entry: Pick<RecordEntry, 'owner' | 'tokenName' | 'id'>): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is encoded
  const name = entry.tokenName.replace(/[%,\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  return `${entry.owner}/${name}#${entry.id}`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function isWriteOrAdmin(level: string): boolean {
  return level === 'write' || level === 'admin'
}

/** The permissions that make an entry broad, as `name: level` texts; empty when it is not. */
export function broadReasons(entry: Pick<RecordEntry, 'repositorySelection' | 'permissions'>, broad: readonly RequiredPermission[]): string[] {
  const reasons: string[] = []
  const writes = Object.entries(entry.permissions)
    .filter(([, level]) => isWriteOrAdmin(level))
    .map(([name, level]) => `${name}: ${level}`)
    .sort()
  if (entry.repositorySelection === 'all' && writes.length > 0) reasons.push(`all repositories with write access (${writes.length === 1 ? writes[0] : `${writes.length} permissions`})`)
  for (const b of broad) {
    const held = entry.permissions[b.name]
    if (held !== undefined && (LEVELS as readonly string[]).includes(held) && levelCovers(held as Level, b.level)) {
      const text = `${b.name}: ${held}`
      reasons.push(text)
    }
  }
  return reasons
}

const URGENCY: Record<ProblemCode, number> = { expired: 0, expiring: 1, 'non-compliant': 2, pending: 4, broad: 5, unused: 6 }

export function judgeEntry(entry: RecordEntry, policy: Policy): Verdict {
  const problems: Problem[] = []
  const expiresMs = entry.expiresAt === null ? null : Date.parse(entry.expiresAt)
  const daysRemaining = expiresMs === null ? null : Math.floor((expiresMs - policy.now) / DAY_MS)
  const expired = entry.expired || (expiresMs !== null && expiresMs <= policy.now)
  const sinceMs = Date.parse(entry.since)

  // A request's token is judged when it is granted; until then only its wait is.
  if (entry.kind === 'request') {
    // (nothing about expiry)
  } else if (expired) {
    problems.push({ code: 'expired', severity: 'error', text: expiresMs !== null ? `expired ${entry.expiresAt?.slice(0, 10)}` : 'expired' })
  } else if (daysRemaining !== null && daysRemaining <= policy.expiryFailDays) {
    problems.push({ code: 'expiring', severity: 'error', text: `expires in ${plural(daysRemaining, 'day')}` })
  } else if (daysRemaining !== null && daysRemaining <= policy.expiryWarnDays) {
    problems.push({ code: 'expiring', severity: 'warning', text: `expires in ${plural(daysRemaining, 'day')}` })
  }

  if (entry.kind === 'grant' && policy.maxLifetimeDays > 0) {
    if (expiresMs === null) {
      problems.push({ code: 'non-compliant', severity: 'error', text: `never expires (policy: ${policy.maxLifetimeDays} days)` })
    } else {
      const lifetimeMs = expiresMs - sinceMs
      if (lifetimeMs > policy.maxLifetimeDays * DAY_MS) {
        problems.push({ code: 'non-compliant', severity: 'error', text: `lifetime ${Math.ceil(lifetimeMs / DAY_MS)} days from grant (policy: ${policy.maxLifetimeDays})` })
      }
    }
  }

  if (entry.kind === 'grant' && policy.unusedDays > 0 && !expired) {
    const lastMs = entry.lastUsedAt === null ? sinceMs : Date.parse(entry.lastUsedAt)
    if (policy.now - lastMs >= policy.unusedDays * DAY_MS) {
      const idle = Math.floor((policy.now - lastMs) / DAY_MS)
      problems.push({ code: 'unused', severity: 'warning', text: entry.lastUsedAt === null ? `never used in ${plural(idle, 'day')}` : `unused for ${plural(idle, 'day')}` })
    }
  }

  const broad = entry.kind === 'grant' ? broadReasons(entry, policy.broadPermissions) : []
  if (broad.length > 0) problems.push({ code: 'broad', severity: 'warning', text: `broad: ${broad.join('; ')}` })

  if (entry.kind === 'request') {
    const waitedMs = policy.now - sinceMs
    if (waitedMs > policy.pendingDays * DAY_MS) problems.push({ code: 'pending', severity: 'warning', text: `pending for ${plural(Math.floor(waitedMs / DAY_MS), 'day')}` })
  }

  problems.sort((a, b) => URGENCY[a.code] - URGENCY[b.code])
  const urgency = problems.length === 0 ? 100 : Math.min(...problems.map((p) => URGENCY[p.code] + (p.code === 'expiring' && p.severity === 'warning' ? 2 : 0)))
  return { entry, key: entryKey(entry), problems, action: actionFor(entry, problems), urgency, daysRemaining }
}

/**
 * What to do: a request is approved or denied; an unused grant is revoked (nobody needs a replacement of a token
 * nobody uses); any other grant with a problem (expired, expiring, non-compliant, broad) is rotated: a replacement
 * created, then this one revoked.
 */
export function actionFor(entry: RecordEntry, problems: readonly Problem[]): ActionKind {
  if (problems.length === 0) return 'none'
  if (entry.kind === 'request') return 'review-request'
  return problems.some((p) => p.code === 'unused') ? 'revoke' : 'rotate'
}

/** Most urgent first; then the soonest expiry; then the key. */
export function byUrgency(a: Verdict, b: Verdict): number {
  if (a.urgency !== b.urgency) return a.urgency - b.urgency
  const ea = a.entry.expiresAt === null ? Infinity : Date.parse(a.entry.expiresAt)
  const eb = b.entry.expiresAt === null ? Infinity : Date.parse(b.entry.expiresAt)
  if (ea !== eb) return ea < eb ? -1 : 1
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/** The required-permission form of an entry's permissions (read/write/admin only), for a replacement link. */
export function replacementPermissions(entry: RecordEntry): RequiredPermission[] {
  return Object.entries(entry.permissions)
    .filter(([, level]) => (LEVELS as readonly string[]).includes(level))
    .map(([name, level]) => ({ name, level: level as Level }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
