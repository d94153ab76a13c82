// @ts-check
/**
 * Permission decisions, as pure functions of a token and a request: which repositories a fine-grained or app token
 * selects and reaches, the level it holds for a permission, the permission sets a route accepts, the scopes a classic
 * or OAuth token needs, and the organization policy (classic ban, fine-grained lifetime, SAML SSO) that refuses it.
 */
import { CLASSIC_SCOPE_RULES, INSTALLATION_KINDS, SCOPE_IMPLIES, lower } from './rules.js'
import { isScopeToken } from './tokens.js'

/** @typedef {import('./catalog.js').Level} Level */
/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./catalog.js').PermissionNeed} PermissionNeed */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').OrgState} OrgState */
/** @typedef {import('./state.js').RepoState} RepoState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').RequestContext} RequestContext */

/**
 * Whether a repository is among a fine-grained / app token's selection (approved or not).
 * @param {TokenState} st
 * @param {RepoState} repo
 */
export const selects = (st, repo) => lower(repo.owner) === lower(st.resourceOwner) && (st.selection === 'all' || st.selection.has(lower(repo.name)))

/**
 * Whether a fine-grained / app token reaches a repository with its permissions.
 * @param {TokenState} st
 * @param {RepoState} repo
 */
export const reaches = (st, repo) => !st.spec.pendingApproval && selects(st, repo)

/**
 * @param {TokenState} st
 * @param {RepoState} repo
 */
export const seesPrivate = (st, repo) => (isScopeToken(st) ? st.scopes.has('repo') : reaches(st, repo))

/**
 * The level a fine-grained / app token effectively holds for one permission on this request.
 * @param {SimState} s
 * @param {TokenState} st
 * @param {string} permission
 * @param {RequestContext} ctx
 * @returns {Level | undefined}
 */
export const effectiveLevel = (s, st, permission, ctx) => {
  const kind = s.catalog.permissionKinds.get(permission) ?? 'repository'
  /** @type {Level | undefined} */
  let held = st.permissions[permission]
  if (permission === 'metadata' && !held) held = 'read'
  if (kind === 'user') return held
  if (ctx.repo && kind === 'repository') return reaches(st, ctx.repo) ? held : undefined
  // metadata: read is part of every token (e.g. `GET /user/repos`); on a repository it needs reaching it (above)
  if (permission === 'metadata') return held
  const onResourceOwner = ctx.ownerLogin === undefined || lower(ctx.ownerLogin) === lower(st.resourceOwner)
  if (!onResourceOwner || st.spec.pendingApproval) return undefined
  return held
}

/**
 * Accepted permission sets for this request (contents writes to `.github/workflows/` also need workflows).
 * @param {Route} route
 * @param {Record<string, string>} params
 * @returns {PermissionNeed[][]}
 */
export const setsFor = (route, params) => {
  if (route.workflowSensitive && (params.path ?? '').replace(/^\/+/, '').startsWith('.github/workflows/')) {
    return [
      [
        { permission: 'contents', access: 'write' },
        { permission: 'workflows', access: 'write' }
      ]
    ]
  }
  return route.sets ?? []
}

/** @param {PermissionNeed[][]} sets */
export const formatSets = (sets) => sets.map((set) => set.map((n) => `${n.permission}=${n.access}`).join(',')).join('; ')

/**
 * Classic / OAuth: alternative scope sets this request needs ([] = none).
 * @param {Route} route
 * @param {Record<string, string>} params
 * @param {RequestContext} ctx
 * @param {string} method
 * @returns {string[][]}
 */
export const classicNeeds = (route, params, ctx, method) => {
  const write = method !== 'GET'
  if (ctx.repo) {
    if (/\/hooks(\/|$)/.test(route.template)) return [[write ? 'write:repo_hook' : 'read:repo_hook']]
    if (method === 'DELETE' && route.template === '/repos/{owner}/{repo}') return [['delete_repo']]
    const base = ctx.repo.private ? 'repo' : 'public_repo'
    if (!write) return ctx.repo.private ? [['repo']] : []
    if (route.workflowSensitive && (params.path ?? '').replace(/^\/+/, '').startsWith('.github/workflows/')) return [[base, 'workflow']]
    return [[base]]
  }
  for (const rule of CLASSIC_SCOPE_RULES) if (rule.path.test(route.template)) return write ? rule.write : rule.read
  return []
}

/**
 * Every scope that satisfies one of the needed scopes, for `x-accepted-oauth-scopes`.
 * @param {string[][]} needs
 */
export const acceptedScopes = (needs) => {
  const needed = new Set(needs.flat())
  const accepted = new Set(needed)
  for (const [scope, implied] of Object.entries(SCOPE_IMPLIES)) if (implied.some((s) => needed.has(s))) accepted.add(scope)
  // implications are transitive (admin:org -> write:org -> read:org) but listed flat, so one pass suffices
  return [...accepted].sort().join(', ')
}

/**
 * The organization policy that refuses a token on an org, if any (classic tokens forbidden, fine-grained lifetime
 * too long, SAML SSO not authorized; installation and workflow tokens are exempt from SSO).
 * @param {TokenState} st
 * @param {OrgState} org
 * @returns {'classic' | 'lifetime' | 'sso' | null}
 */
export const policyRefusal = (st, org) => {
  if (org.classicForbidden && st.spec.kind === 'classic') return 'classic'
  if (org.maxDays !== undefined && st.spec.kind === 'fine-grained') {
    const lifetimeDays = st.expiresMs === null ? Infinity : (st.expiresMs - st.createdMs) / 86_400_000
    if (lifetimeDays > org.maxDays) return 'lifetime'
  }
  const ssoAuthorized = (st.spec.ssoAuthorized ?? []).some((login) => lower(login) === lower(org.login))
  if (org.ssoUrl && !INSTALLATION_KINDS.has(st.spec.kind) && !ssoAuthorized) return 'sso'
  return null
}

