// @ts-check
/**
 * Existence: whether the things a path names exist (accounts, repositories, issues, branches, entries of the org's
 * token record), the resource owner and repository a request addresses (looked up before authorisation), and what a
 * non-GET request would do if its token held every permission (the basis of flags).
 */
import { missingRequiredField } from './catalog.js'
import { ACCOUNT_PARAMS, OWNER_PARAMS, REPO_PARAMS, lower } from './rules.js'
import { accountExists, findRepo, findRepoById } from './world.js'
import { findIssue } from './issues.js'
import { patEntryId, patTokensOf } from './org-record.js'

/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').RequestContext} RequestContext */

/**
 * Whether a path parameter's value names something that exists.
 * @param {SimState} s
 * @param {import('./catalog.js').ParamInfo} param
 * @param {Record<string, string>} params
 */
export const paramExists = (s, param, params) => {
  const value = params[param.name] ?? ''
  if (param.name === 'org') return s.orgs.has(lower(value))
  if (ACCOUNT_PARAMS.has(param.name)) return accountExists(s, value)
  const ownerParam = REPO_PARAMS.get(param.name)
  if (ownerParam) return findRepo(s, params[ownerParam] ?? params.owner ?? '', value) !== undefined
  if (param.name === 'repository_id') return findRepoById(s, value) !== undefined
  if (param.name === 'issue_number') return findIssue(s, params.owner ?? '', params.repo ?? '', value) !== undefined
  if (param.name === 'pat_id' || param.name === 'pat_request_id') {
    const org = s.orgs.get(lower(params.org ?? ''))
    return org !== undefined && patTokensOf(s, org, param.name === 'pat_request_id').some((st) => String(patEntryId(st)) === value)
  }
  if (param.enumValues) return param.enumValues.includes(value)
  if (param.name === 'branch') {
    const repo = params.repository_id ? findRepoById(s, params.repository_id) : findRepo(s, params.owner ?? '', params.repo ?? '')
    return repo !== undefined && repo.defaultBranch === value
  }
  return false
}

/**
 * Whether a PUT's parameter is a create: the last parameter, last in the path, a string name (not an id, an
 * enum, an account or a repository).
 * @param {Route} route
 * @param {import('./catalog.js').ParamInfo} param
 */
const isCreatedByPut = (route, param) =>
  route.method === 'PUT' &&
  route.params[route.params.length - 1] === param &&
  route.template.endsWith(`{${param.name}}`) &&
  param.type === 'string' &&
  !param.enumValues &&
  !ACCOUNT_PARAMS.has(param.name) &&
  !REPO_PARAMS.has(param.name)

/**
 * What a non-GET request would do on GitHub if its token held every permission.
 * @param {SimState} s
 * @param {Route} route
 * @param {Record<string, string>} params
 * @param {{ value: unknown, bad: boolean }} body
 * @returns {{ outcome: 'not-found' } | { outcome: 'bad-json' } | { outcome: 'invalid', field: string } | { outcome: 'change', reason: string, creates: boolean }}
 */
export const judgeWrite = (s, route, params, body) => {
  /** @type {string | null} */
  let created = null
  for (const param of route.params) {
    if (paramExists(s, param, params)) continue
    if (isCreatedByPut(route, param)) created = param.name
    else return { outcome: 'not-found' }
  }
  if (body.bad) return { outcome: 'bad-json' }
  const field = missingRequiredField(route, body.value)
  if (field) return { outcome: 'invalid', field }
  const reason = created
    ? `PUT creates {${created}} '${params[created]}', which does not exist`
    : `${route.method} ${route.template}: every path parameter names something that exists and the body is complete`
  return { outcome: 'change', reason, creates: created !== null }
}

/**
 * Resolves the resource owner (and repository) the path names; `missing` when one of them does not exist.
 * @param {SimState} s
 * @param {Route} route
 * @param {Record<string, string>} params
 * @param {TokenState} st
 * @returns {RequestContext & { missing: boolean }}
 */
export const resolveContext = (s, route, params, st) => {
  /** @type {RequestContext & { missing: boolean }} */
  const ctx = { ownerLogin: undefined, org: undefined, repo: undefined, resolved: new Set(), missing: false }
  const ownerParam = OWNER_PARAMS.find((p) => p in params) ?? (route.template.startsWith('/users/{username}') ? 'username' : undefined)
  if (ownerParam) {
    const login = params[ownerParam] ?? ''
    ctx.resolved.add(ownerParam)
    if (ownerParam === 'org' ? !s.orgs.has(lower(login)) : !accountExists(s, login)) ctx.missing = true
    ctx.ownerLogin = login
    ctx.org = s.orgs.get(lower(login))
    const repoParam = [...REPO_PARAMS].find(([, o]) => o === ownerParam)?.[0]
    if (repoParam && repoParam in params) {
      ctx.resolved.add(repoParam)
      ctx.repo = findRepo(s, login, params[repoParam] ?? '')
      if (!ctx.repo) ctx.missing = true
    }
  } else if ('repository_id' in params) {
    ctx.resolved.add('repository_id')
    ctx.repo = findRepoById(s, params.repository_id ?? '')
    if (!ctx.repo) ctx.missing = true
    else {
      ctx.ownerLogin = ctx.repo.owner
      ctx.org = s.orgs.get(lower(ctx.repo.owner))
    }
  } else if (route.template === '/user' || route.template.startsWith('/user/')) {
    ctx.ownerLogin = st.spec.login
  }
  return ctx
}
