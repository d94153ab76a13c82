// @ts-check
/**
 * The checks of an authenticated request after admission.js, in GitHub's order: `/rate_limit`, routing (404),
 * token-kind refusals, the resource owner and repository lookup (404), organization policies (403), hidden private
 * repositories (404), authorisation by permission, record permission or scope (403, or public data where GitHub falls
 * back to it), then the answer: reads.js for GETs, the write judgement and issue-writes.js for the rest.
 */
import { sampleResponse, successStatus } from './catalog.js'
import { DOCS, INSTALLATION_KINDS, PAT_RECORD_PERMISSION, PAT_RECORD_TEMPLATE, PAT_REQUESTS_PERMISSION, PUBLIC_FALLBACKS, PUBLIC_REPO_READ_PERMISSIONS, errorBody, lower, rank } from './rules.js'
import { isPermissionToken, notAccessibleMessage } from './tokens.js'
import { acceptedScopes, classicNeeds, effectiveLevel, formatSets, policyRefusal, seesPrivate, setsFor } from './permissions.js'
import { paramExists, resolveContext } from './existence.js'
import { membersBody, reposOf } from './bodies.js'
import { applyIssueWrite } from './issue-writes.js'
import { getReply } from './reads.js'
import { afterAuthorisation, beforeAuthorisation, ownerConditions, TEXTS } from './conditions.js'

/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').Reply} Reply */

/**
 * @typedef {object} RoutedRequest
 * @property {string} method GET for HEAD
 * @property {string} path without query and trailing slashes (and without `/api/v3`)
 * @property {URLSearchParams} query
 * @property {unknown} body parsed JSON body (undefined when empty)
 * @property {ReturnType<typeof import('./catalog.js').matchRoute>} match
 * @property {ReturnType<typeof import('./existence.js').judgeWrite> | null} judgement
 * @property {boolean} write a workflow token's write to its own repository's issues
 */

/**
 * @param {SimState} s
 * @param {RoutedRequest} req
 * @param {TokenState} st
 * @param {Record<string, string>} headers
 * @returns {Reply}
 */
export const routeReply = (s, req, st, headers) => {
  const { method, path, match, judgement } = req
  /** @param {number} status @param {unknown} [body] @returns {Reply} */
  const json = (status, body) => ({ status, headers, body: body === undefined || status === 204 ? '' : JSON.stringify(body) })
  const notFound = () => ({ status: 404, headers, body: errorBody('Not Found', '404') })
  /** @param {string} message @param {string} [docs] */
  const forbidden = (message, docs = DOCS) => ({ status: 403, headers, body: errorBody(message, '403', docs) })

  if (method === 'GET' && path === '/rate_limit') {
    const core = { limit: st.limit, remaining: st.remaining, reset: st.resetEpoch, used: st.limit - st.remaining, resource: 'core' }
    /** @param {string} resource @param {number} limit */
    const other = (resource, limit) => ({ limit, remaining: limit, reset: st.resetEpoch, used: 0, resource })
    return json(200, {
      resources: { core, search: other('search', 30), graphql: other('graphql', 5000), code_search: other('code_search', 10) },
      rate: core
    })
  }
  if (!match) return notFound()
  const { route, params } = match

  const permissionToken = isPermissionToken(st)
  const sets = setsFor(route, params)
  if (permissionToken && route.sets) headers['x-accepted-github-permissions'] = formatSets(sets)

  const userPath = route.template === '/user' || route.template.startsWith('/user/')
  if (INSTALLATION_KINDS.has(st.spec.kind) && userPath) return forbidden(notAccessibleMessage(st), route.docsUrl)
  // Only installation tokens list the repositories of their installation.
  if (route.template === '/installation/repositories' && !INSTALLATION_KINDS.has(st.spec.kind)) return forbidden(notAccessibleMessage(st), route.docsUrl)

  // The resource owner and repository are looked up first.
  const ctx = resolveContext(s, route, params, st)
  if (ctx.missing) return notFound()

  // Suspended owners, blocked repositories, IP allow lists, token-kind bans, classic lifetimes (conditions.js).
  const ownerConds = ctx.org?.conditions ?? (ctx.ownerLogin && s.suspendedUsers.has(lower(ctx.ownerLogin)) ? ownerConditions({ suspended: true }) : undefined)
  const before = beforeAuthorisation({
    method,
    template: route.template,
    ownerLogin: ctx.org?.login ?? ctx.ownerLogin,
    owner: ownerConds,
    repo: ctx.repo ? { name: ctx.repo.name, conditions: ctx.repo.conditions } : undefined,
    tokenKind: st.spec.kind,
    tokenId: st.id,
    lifetimeDays: st.expiresMs === null ? null : (st.expiresMs - st.createdMs) / 86_400_000
  })
  if (before) return { status: before.status, headers, body: JSON.stringify({ ...JSON.parse(errorBody(before.message, String(before.status), route.docsUrl)), ...before.extra }) }

  // Organization policies.
  if (ctx.org) {
    const org = ctx.org
    switch (policyRefusal(st, org)) {
      case 'classic':
        return forbidden(TEXTS.classicForbidden(org.login))
      case 'lifetime':
        return forbidden(
          `The '${org.login}' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than ${org.maxDays} days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/${st.id}`
        )
      case 'sso':
        headers['x-github-sso'] = `required; url=${org.ssoUrl}`
        return forbidden(
          'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
          'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/'
        )
      default:
        break
    }
  }

  // Private repositories the token does not reach are hidden.
  if (ctx.repo && ctx.repo.private && !seesPrivate(st, ctx.repo)) return notFound()

  // Authorisation, before any lookup below the owner / repository and before body validation.
  let authorised
  if (PAT_RECORD_TEMPLATE.test(route.template)) {
    // The org's record of fine-grained tokens: only a GitHub App installation of that org with the permission.
    const access = method === 'GET' ? 'read' : 'write'
    const needed = route.template.includes('/personal-access-token-requests') ? PAT_REQUESTS_PERMISSION : PAT_RECORD_PERMISSION
    if (permissionToken) headers['x-accepted-github-permissions'] = `${needed}=${access}`
    authorised =
      st.spec.kind === 'github-app-installation' &&
      lower(ctx.ownerLogin ?? '') === lower(st.resourceOwner) &&
      rank(st.permissions[needed]) >= rank(access)
  } else if (permissionToken) {
    if (!route.sets) authorised = method === 'GET'
    else {
      authorised = sets.some((set) => set.every((need) => rank(effectiveLevel(s, st, need.permission, ctx)) >= rank(need.access)))
      const repo = ctx.repo
      if (!authorised && method === 'GET' && repo && !repo.private) {
        authorised = sets.some((set) => set.every((need) => need.access === 'read' && PUBLIC_REPO_READ_PERMISSIONS.has(need.permission)))
      }
    }
  } else {
    const needs = classicNeeds(route, params, ctx, method)
    headers['x-accepted-oauth-scopes'] = acceptedScopes(needs)
    authorised = needs.length === 0 || needs.some((set) => set.every((scope) => st.scopes.has(scope)))
  }

  // Lookups below the owner / repository.
  const subResourcesExist = route.params.every((p) => ctx.resolved.has(p.name) || paramExists(s, p, params))

  if (!authorised) {
    if (method === 'GET' && PUBLIC_FALLBACKS.has(route.template)) {
      if (!subResourcesExist) return notFound()
      if (route.template === '/orgs/{org}/repos' || route.template === '/users/{username}/repos') {
        return json(200, reposOf(s, ctx.ownerLogin ?? '', st, true))
      }
      return json(200, ctx.org ? membersBody(s, ctx.org, true) : [])
    }
    return forbidden(notAccessibleMessage(st), route.docsUrl)
  }

  // The repository's state and the user's role, once the token passed the check (conditions.js).
  const after = afterAuthorisation({
    method,
    template: route.template,
    ownerLogin: ctx.ownerLogin,
    owner: ctx.org?.conditions,
    repo: ctx.repo ? { name: ctx.repo.name, conditions: ctx.repo.conditions } : undefined,
    tokenKind: st.spec.kind,
    tokenId: st.id,
    lifetimeDays: null,
    needsAdmin: sets.length > 0 && sets.every((set) => set.some((need) => need.permission === 'administration')),
    userIsAdmin: (st.spec.role ?? 'admin') === 'admin'
  })
  if (after) return { status: after.status, headers, body: errorBody(after.message, String(after.status), route.docsUrl) }

  if (method === 'GET') {
    if (!subResourcesExist) return notFound()
    return getReply(s, route, params, ctx, st, path, req.query, headers, json, notFound)
  }

  switch (judgement?.outcome) {
    case 'not-found':
      return notFound()
    case 'bad-json':
      return { status: 400, headers, body: errorBody('Problems parsing JSON', '400', route.docsUrl) }
    case 'invalid':
      return { status: 422, headers, body: errorBody(`Invalid request.\n\n"${judgement.field}" wasn't supplied.`, '422', route.docsUrl) }
    default: {
      if (req.write && ctx.repo) return applyIssueWrite(s, route, params, ctx.repo, st, req.body, headers, json)
      // A PUT that creates answers 201 where GitHub documents it (create or update a file: 201 / 200).
      const creates = judgement?.outcome === 'change' && judgement.creates && route.op?.responses?.['201'] !== undefined
      const status = creates ? 201 : successStatus(route)
      return json(status, sampleResponse(route, status) ?? (status === 204 ? undefined : {}))
    }
  }
}
