// @ts-check
/**
 * The organization's record of fine-grained personal access tokens (`/orgs/{org}/personal-access-tokens` and
 * `…-token-requests`): which tokens it lists, their entry ids, and grants and requests in GitHub's shape with the
 * record's filters and order.
 */
import { lower } from './rules.js'
import { account, iso } from './bodies.js'

/** @typedef {import('./catalog.js').Level} Level */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').OrgState} OrgState */
/** @typedef {import('./state.js').TokenState} TokenState */

/**
 * Fine-grained tokens for an org: approved ones (its grants) or pending ones (its requests), in scenario order.
 * @param {SimState} s
 * @param {OrgState} org
 * @param {boolean} pending
 */
export const patTokensOf = (s, org, pending) =>
  [...s.tokens.values()].filter((st) => st.spec.kind === 'fine-grained' && lower(st.resourceOwner) === lower(org.login) && (st.spec.pendingApproval === true) === pending)

/** The id of a token's grant or request in the org's record. @param {TokenState} st */
export const patEntryId = (st) => 40001 + st.index

/**
 * Permissions grouped as the record groups them, by the data's `displayTitle`: organization, repository, and
 * other (user permissions, and names the data does not know).
 * @param {SimState} s
 * @param {Record<string, Level>} permissions
 */
const groupPermissions = (s, permissions) => {
  /** @type {{ organization: Record<string, string>, repository: Record<string, string>, other: Record<string, string> }} */
  const groups = { organization: {}, repository: {}, other: {} }
  for (const [name, level] of Object.entries(permissions)) {
    const kind = s.catalog.permissionKinds.get(name)
    groups[kind === 'organization' ? 'organization' : kind === 'repository' ? 'repository' : 'other'][name] = level
  }
  return groups
}

/**
 * What the org's record shows for a token: `recordedPermissions`, or its permissions with `metadata: read` when it
 * holds any repository permission (GitHub makes metadata mandatory then).
 * @param {SimState} s
 * @param {TokenState} st
 * @returns {Record<string, Level>}
 */
const recordedPermissions = (s, st) => {
  if (st.spec.recordedPermissions) return { ...st.spec.recordedPermissions }
  const held = { ...st.permissions }
  if (!held.metadata && Object.keys(held).some((name) => s.catalog.permissionKinds.get(name) === 'repository')) held.metadata = 'read'
  return held
}

/**
 * A grant (`organization-programmatic-access-grant`) or a request (`…-grant-request`) in GitHub's shape.
 * @param {SimState} s
 * @param {TokenState} st
 * @param {OrgState} org
 * @param {boolean} pending
 */
export const patEntry = (s, st, org, pending) => {
  const id = patEntryId(st)
  const selection = st.selection === 'all' ? 'all' : st.selection.size === 0 ? 'none' : 'subset'
  const owner = account(s, st.spec.login)
  return {
    id,
    ...(pending ? { reason: st.spec.requestReason ?? null } : {}),
    owner: { ...owner, url: `${s.apiBase}/users/${owner.login}`, html_url: `https://github.com/${owner.login}` },
    repository_selection: selection,
    repositories_url: `${s.apiBase}/orgs/${org.login}/personal-access-token${pending ? '-requests' : 's'}/${id}/repositories`,
    permissions: groupPermissions(s, recordedPermissions(s, st)),
    ...(pending ? { created_at: iso(st.createdMs) } : { access_granted_at: iso(st.createdMs) }),
    token_id: st.id,
    token_name: st.spec.tokenName ?? st.spec.name,
    token_expired: st.expiresMs !== null && st.expiresMs <= Date.now(),
    token_expires_at: st.expiresMs === null ? null : iso(st.expiresMs),
    token_last_used_at: st.spec.lastUsedAt ?? null
  }
}

/**
 * The org's grants or requests, filtered by `owner[]` / `owner` (logins, repeated or comma-separated),
 * `token_id[]` / `token_id` and `repository`, ordered by `created_at` (`direction`, default desc).
 * @param {SimState} s
 * @param {OrgState} org
 * @param {boolean} pending
 * @param {URLSearchParams} query
 */
export const patRecord = (s, org, pending, query) => {
  /** @param {string} name */
  const values = (name) => [...query.getAll(`${name}[]`), ...query.getAll(name)].flatMap((v) => v.split(',')).map((v) => lower(v.trim())).filter(Boolean)
  const owners = values('owner')
  const tokenIds = values('token_id')
  const repository = lower(query.get('repository') ?? '')
  const descending = (query.get('direction') ?? 'desc') !== 'asc'
  return patTokensOf(s, org, pending)
    .filter((st) => owners.length === 0 || owners.includes(lower(st.spec.login)))
    .filter((st) => tokenIds.length === 0 || tokenIds.includes(String(st.id)))
    .filter((st) => repository === '' || st.selection === 'all' || st.selection.has(repository))
    .sort((a, b) => (a.createdMs - b.createdMs) * (descending ? -1 : 1) || a.index - b.index)
}
