/**
 * The organization's own record of this token, read with an org-admin token (a GitHub App installation token
 * with "Personal access tokens: read"): the grant GitHub records (permissions, repository selection, when access
 * was granted, when last used) and any pending request, matched on the token's owner and expiry.
 */
import type { HttpEvidence } from '../types.js'
import { getProbe } from './plan.js'
import type { Send } from './session.js'

export const RECORD_PAGE_SIZE = 100
export const RECORD_MAX_PAGES = 20

interface RawEntry {
  id?: number
  owner?: { login?: string }
  repository_selection?: string
  permissions?: Record<string, Record<string, string> | undefined>
  access_granted_at?: string
  created_at?: string
  reason?: string | null
  token_id?: number
  token_name?: string
  token_expires_at?: string | null
  token_last_used_at?: string | null
}

export interface RecordedEntry {
  readonly tokenName?: string
  readonly tokenId?: number
  readonly repositorySelection?: string
  /** Every recorded permission, flattened: name → level. */
  readonly permissions: Readonly<Record<string, string>>
  readonly accessGrantedAt?: string
  readonly createdAt?: string
  readonly lastUsedAt?: string | null
  readonly expiresAt?: string | null
}

export interface OrgRecord {
  readonly organization: string
  readonly grant?: RecordedEntry
  readonly pendingRequest?: RecordedEntry
  /** Grants of this owner that could be this token, when the expiry did not single one out. */
  readonly candidates: number
  /** Why the record could not be read, when it could not. */
  readonly unreadable?: string
  readonly requests: number
}

function flatten(entry: RawEntry): RecordedEntry {
  const permissions: Record<string, string> = {}
  for (const group of Object.values(entry.permissions ?? {})) for (const [name, level] of Object.entries(group ?? {})) permissions[name] = level
  return {
    ...(entry.token_name !== undefined ? { tokenName: entry.token_name } : {}),
    ...(entry.token_id !== undefined ? { tokenId: entry.token_id } : {}),
    ...(entry.repository_selection !== undefined ? { repositorySelection: entry.repository_selection } : {}),
    permissions,
    ...(entry.access_granted_at !== undefined ? { accessGrantedAt: entry.access_granted_at } : {}),
    ...(entry.created_at !== undefined ? { createdAt: entry.created_at } : {}),
    ...(entry.token_last_used_at !== undefined ? { lastUsedAt: entry.token_last_used_at } : {}),
    ...(entry.token_expires_at !== undefined ? { expiresAt: entry.token_expires_at } : {})
  }
}

/** Same instant to the second, or both never-expiring. */
function sameExpiry(recorded: string | null | undefined, audited: string | null): boolean {
  if (audited === null) return false
  if (audited === 'never') return recorded === null || recorded === undefined
  if (!recorded) return false
  return Math.floor(Date.parse(recorded) / 1000) === Math.floor(Date.parse(audited) / 1000)
}

export async function readOrgRecord(
  organization: string,
  login: string,
  expiresAt: string | null,
  send: Send
): Promise<OrgRecord> {
  let requests = 0
  const list = async (kind: 'personal-access-tokens' | 'personal-access-token-requests'): Promise<RawEntry[] | HttpEvidence> => {
    const entries: RawEntry[] = []
    const template = `/orgs/{org}/${kind}`
    for (let page = 1; page <= RECORD_MAX_PAGES; page++) {
      const query = { per_page: String(RECORD_PAGE_SIZE), page: String(page), 'owner[]': login }
      requests++
      const ev = await send(getProbe(template, query), { method: 'GET', path: `/orgs/${encodeURIComponent(organization)}/${kind}`, query })
      if (ev.status !== 200 || !Array.isArray(ev.body)) return ev
      entries.push(...(ev.body as RawEntry[]))
      if (ev.body.length < RECORD_PAGE_SIZE) break
    }
    return entries
  }
  const grants = await list('personal-access-tokens')
  if (!Array.isArray(grants)) {
    return { organization, candidates: 0, requests, unreadable: `GitHub answered ${grants.status || 'nothing'} "${grants.message}" to GET /orgs/${organization}/personal-access-tokens with org-admin-token; it needs a GitHub App installation token with the organization permission "Personal access tokens: read".` }
  }
  const mine = grants.filter((g) => g.owner?.login?.toLowerCase() === login.toLowerCase())
  const matching = mine.filter((g) => sameExpiry(g.token_expires_at, expiresAt))
  const grant = matching.length === 1 ? flatten(matching[0]) : undefined
  let pendingRequest: RecordedEntry | undefined
  if (!grant) {
    const pending = await list('personal-access-token-requests')
    if (Array.isArray(pending)) {
      const mineRequests = pending.filter((r) => r.owner?.login?.toLowerCase() === login.toLowerCase())
      const match = mineRequests.find((r) => sameExpiry(r.token_expires_at, expiresAt)) ?? (mineRequests.length === 1 ? mineRequests[0] : undefined)
      if (match) pendingRequest = flatten(match)
    }
  }
  return { organization, ...(grant ? { grant } : {}), ...(pendingRequest ? { pendingRequest } : {}), candidates: matching.length || mine.length, requests }
}
