// @ts-check
/**
 * The answer to an authorised GET whose path names existing things: the account, org, repository and member bodies,
 * the lists a token sees (paginated), the org's token record, issues and comments, and GitHub's documented sample
 * for every other operation.
 */
import { sampleResponse, successStatus } from './catalog.js'
import { lower } from './rules.js'
import { reaches, selects } from './permissions.js'
import { account, membersBody, paginate, repoBody, reposOf, userRepos } from './bodies.js'
import { patEntry, patEntryId, patRecord, patTokensOf } from './org-record.js'
import { commentBody, findIssue, issueBody, listIssues } from './issues.js'

/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').RequestContext} RequestContext */
/** @typedef {import('./state.js').Reply} Reply */

/** @type {WeakMap<TokenState, Map<string, { body: string | undefined, link: string | undefined }>>} GET /user/repos pages, by token and query */
const pageCache = new WeakMap()

/**
 * An authorised GET whose path names existing things.
 * @param {SimState} s
 * @param {Route} route
 * @param {Record<string, string>} params
 * @param {RequestContext} ctx
 * @param {TokenState} st
 * @param {string} path the request path (for `Link`)
 * @param {URLSearchParams} query
 * @param {Record<string, string>} headers
 * @param {(status: number, body?: unknown) => Reply} json
 * @param {() => Reply} notFound
 * @returns {Reply}
 */
export const getReply = (s, route, params, ctx, st, path, query, headers, json, notFound) => {
  /**
   * A page of a list, with its `Link` header.
   * @template T
   * @param {T[]} items
   * @param {(page: T[]) => unknown} [wrap] the body for the page (default: the page itself)
   */
  const paged = (items, wrap) => {
    const page = paginate(s, items, query, path)
    if (page.link) headers.link = page.link
    return json(200, wrap ? wrap(page.items) : page.items)
  }
  switch (route.template) {
    case '/user':
      return json(200, { ...account(s, st.spec.login), name: st.spec.login, html_url: `https://github.com/${st.spec.login}` })
    case '/users/{username}':
      return json(200, account(s, params.username ?? ''))
    case '/orgs/{org}':
      return json(200, ctx.org ? { ...account(s, ctx.org.login), url: `https://api.github.com/orgs/${ctx.org.login}`, description: null } : {})
    case '/repos/{owner}/{repo}':
    case '/repositories/{repository_id}':
      return ctx.repo ? json(200, repoBody(s, ctx.repo, st)) : notFound()
    case '/orgs/{org}/members':
      return json(200, ctx.org ? membersBody(s, ctx.org, false) : [])
    case '/orgs/{org}/public_members':
      return json(200, ctx.org ? membersBody(s, ctx.org, true) : [])
    case '/orgs/{org}/members/{username}':
      return ctx.org?.members.has(lower(params.username ?? '')) ? json(204) : notFound()
    case '/orgs/{org}/public_members/{username}':
      return ctx.org?.publicMembers.has(lower(params.username ?? '')) ? json(204) : notFound()
    case '/orgs/{org}/repos':
    case '/users/{username}/repos':
      return json(200, reposOf(s, ctx.ownerLogin ?? '', st, false))
    case '/user/repos': {
      // Bodies for the page only, not for every repository listed (1,000 made every page cost ten times more). A
      // token's page never changes (the world is built once, world.js), so it is built once: the simulator answers
      // one request at a time, and ~2 ms a page spread a wave of ten concurrent page requests over 20 ms that
      // GitHub, which answers them in parallel, would not add (npm run bench).
      const key = `${path}?${query.toString()}`
      let pages = pageCache.get(st)
      if (!pages) pageCache.set(st, (pages = new Map()))
      let reply = pages.get(key)
      if (!reply) {
        const answer = paged(userRepos(s, st, query), (page) => page.map((r) => repoBody(s, r, st)))
        reply = { body: answer.body, link: headers.link }
        pages.set(key, reply)
      } else if (reply.link) headers.link = reply.link
      return { status: 200, headers, body: reply.body }
    }
    case '/installation/repositories': {
      const list = [...s.repos.values()].filter((r) => reaches(st, r)).sort((a, b) => a.id - b.id)
      return paged(list, (page) => ({
        total_count: list.length,
        repository_selection: st.selection === 'all' ? 'all' : 'selected',
        repositories: page.map((r) => repoBody(s, r, st))
      }))
    }
    case '/orgs/{org}/personal-access-tokens':
      // Entries are built for the page served only (an org can hold thousands: tools/simulator/inventory.js).
      {
        const org = ctx.org
        return org ? paged(patRecord(s, org, false, query), (page) => page.map((t) => patEntry(s, t, org, false))) : notFound()
      }
    case '/orgs/{org}/personal-access-token-requests':
      {
        const org = ctx.org
        return org ? paged(patRecord(s, org, true, query), (page) => page.map((t) => patEntry(s, t, org, true))) : notFound()
      }
    case '/orgs/{org}/personal-access-tokens/{pat_id}/repositories':
    case '/orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories': {
      const org = ctx.org
      const pending = 'pat_request_id' in params
      const id = params.pat_request_id ?? params.pat_id ?? ''
      const holder = org ? patTokensOf(s, org, pending).find((t) => String(patEntryId(t)) === id) : undefined
      if (!holder) return notFound()
      return paged([...s.repos.values()].filter((r) => selects(holder, r)).sort((a, b) => a.id - b.id).map((r) => repoBody(s, r, holder)))
    }
    case '/repos/{owner}/{repo}/issues':
      return ctx.repo ? paged(listIssues(s, ctx.repo, query).map((i) => issueBody(s, i))) : notFound()
    case '/repos/{owner}/{repo}/issues/{issue_number}': {
      const issue = findIssue(s, params.owner ?? '', params.repo ?? '', params.issue_number ?? '')
      return issue ? json(200, issueBody(s, issue)) : notFound()
    }
    case '/repos/{owner}/{repo}/issues/{issue_number}/comments': {
      const issue = findIssue(s, params.owner ?? '', params.repo ?? '', params.issue_number ?? '')
      return issue ? paged(issue.comments.map((c) => commentBody(s, issue, c))) : notFound()
    }
    default: {
      const status = successStatus(route)
      return json(status, sampleResponse(route, status) ?? (status === 204 ? undefined : {}))
    }
  }
}
