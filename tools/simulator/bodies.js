// @ts-check
/**
 * Response bodies in GitHub's shape for accounts, repositories and members, the repository lists a token sees
 * (`GET /user/repos` with its filters and order), and pagination with its `Link` header.
 */
import { URLSearchParams } from 'node:url'
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, lower, rank } from './rules.js'
import { isPermissionToken, isScopeToken } from './tokens.js'
import { policyRefusal, reaches, seesPrivate } from './permissions.js'

/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').OrgState} OrgState */
/** @typedef {import('./state.js').RepoState} RepoState */
/** @typedef {import('./state.js').TokenState} TokenState */

/** @param {SimState} s @param {string} login */
export const account = (s, login) => {
  const org = s.orgs.get(lower(login))
  if (org) return { login: org.login, id: org.id, node_id: nodeId('O', org.id), type: 'Organization', site_admin: false }
  const user = s.users.get(lower(login))
  const id = user?.id ?? 0
  return { login: user?.login ?? login, id, node_id: nodeId('U', id), type: 'User', site_admin: false }
}
/** @param {string} prefix @param {number} id */
export const nodeId = (prefix, id) => Buffer.from(`${prefix}_${id}`).toString('base64')

/**
 * @param {SimState} s
 * @param {RepoState} repo
 * @param {TokenState} st
 */
export const repoBody = (s, repo, st) => {
  const full = `${repo.owner}/${repo.name}`
  const can = isPermissionToken(st)
    ? {
        admin: rank(reaches(st, repo) ? st.permissions.administration : undefined) >= 2,
        push: rank(reaches(st, repo) ? st.permissions.contents : undefined) >= 2,
        pull: true
      }
    : { admin: st.scopes.has('repo'), push: st.scopes.has('public_repo'), pull: true }
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: full,
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    owner: account(s, repo.owner),
    html_url: `https://github.com/${full}`,
    url: `https://api.github.com/repos/${full}`,
    default_branch: repo.defaultBranch,
    permissions: { ...can, maintain: can.admin, triage: can.push }
  }
}

/**
 * @param {SimState} s
 * @param {OrgState} org
 * @param {boolean} publicOnly
 */
export const membersBody = (s, org, publicOnly) => [...(publicOnly ? org.publicMembers : org.members)].map((login) => account(s, login))

/**
 * Repositories of an owner the token can see: public ones, and private ones it reaches.
 * @param {SimState} s
 * @param {string} owner
 * @param {TokenState} st
 * @param {boolean} publicOnly
 */
export const reposOf = (s, owner, st, publicOnly) =>
  [...s.repos.values()].filter((r) => lower(r.owner) === lower(owner) && (!r.private || (!publicOnly && seesPrivate(st, r)))).map((r) => repoBody(s, r, st))

/** @param {number} ms */
export const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * `GET /user/repos`: fine-grained and GitHub App user tokens list the selected repositories of their resource
 * owner (none while pending); classic and OAuth tokens every repository of their user and of the orgs the user is
 * a member of (private ones with `repo`). Orgs whose policies refuse the token are left out. Filters:
 * `visibility`, `affiliation`, `type`; order: `sort` (full_name, the default, or created/updated/pushed by id)
 * and `direction`.
 * @param {SimState} s
 * @param {TokenState} st
 * @param {URLSearchParams} query
 */
export const userRepos = (s, st, query) => {
  const login = lower(st.spec.login)
  /** @type {RepoState[]} */
  let list
  if (isScopeToken(st)) {
    list = [...s.repos.values()].filter((r) => {
      const owner = lower(r.owner)
      const org = s.orgs.get(owner)
      if (owner !== login && !org?.members.has(login)) return false
      if (org && policyRefusal(st, org)) return false
      return !r.private || st.scopes.has('repo')
    })
  } else {
    const org = s.orgs.get(lower(st.resourceOwner))
    list = org && policyRefusal(st, org) ? [] : [...s.repos.values()].filter((r) => reaches(st, r))
  }
  const type = query.get('type') ?? ''
  const visibility = query.get('visibility') ?? (type === 'public' || type === 'private' ? type : 'all')
  const affiliations = new Set(
    (query.get('affiliation') ?? (type === 'owner' ? 'owner' : type === 'member' ? 'collaborator,organization_member' : 'owner,collaborator,organization_member'))
      .split(',')
      .map((a) => a.trim())
  )
  list = list.filter((r) => {
    if (visibility === 'public' && r.private) return false
    if (visibility === 'private' && !r.private) return false
    const affiliation = lower(r.owner) === login ? 'owner' : s.orgs.has(lower(r.owner)) ? 'organization_member' : 'collaborator'
    return affiliations.has(affiliation)
  })
  const sort = query.get('sort') ?? 'full_name'
  const ascending = (query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc')) === 'asc'
  const fullName = (/** @type {RepoState} */ r) => lower(`${r.owner}/${r.name}`)
  list.sort((a, b) => (sort === 'full_name' ? (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0) : a.id - b.id) * (ascending ? 1 : -1))
  return list
}

/**
 * One page of a list and its `Link` header, as GitHub paginates: `per_page` (default 30, at most 100) and `page`
 * (from 1); rel `prev`, `next`, `last`, `first` on the simulator's own origin, keeping the rest of the query.
 * @template T
 * @param {SimState} s
 * @param {T[]} items
 * @param {URLSearchParams} query
 * @param {string} path the request path, without `/api/v3`
 * @returns {{ items: T[], link: string | undefined }}
 */
export const paginate = (s, items, query, path) => {
  const requested = Number(query.get('per_page') ?? '')
  const perPage = Number.isInteger(requested) && requested >= 1 ? Math.min(MAX_PER_PAGE, requested) : DEFAULT_PER_PAGE
  const askedPage = Number(query.get('page') ?? '')
  const page = Number.isInteger(askedPage) && askedPage >= 1 ? askedPage : 1
  const last = Math.max(1, Math.ceil(items.length / perPage))
  /** @param {number} p @param {string} rel */
  const link = (p, rel) => {
    const q = new URLSearchParams(query)
    q.set('page', String(p))
    return `<${s.apiBase}${path}?${q}>; rel="${rel}"`
  }
  const rels = []
  if (page > 1) rels.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) rels.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) rels.push(link(1, 'first'))
  return { items: items.slice((page - 1) * perPage, page * perPage), link: rels.length > 0 ? rels.join(', ') : undefined }
}
