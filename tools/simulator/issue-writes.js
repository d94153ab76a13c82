// @ts-check
/**
 * A workflow token's (`github-actions`) writes to the issues of its own repository: which requests they are (applied
 * to the issue store and recorded in `sim.writes`, never flagged), and applying one with GitHub's validation answers.
 */
import { ISSUE_WRITES, errorBody, lower } from './rules.js'
import { actor, addComment, commentBody, createIssue, findIssue, issueBody } from './issues.js'

/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').RepoState} RepoState */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').Reply} Reply */

/**
 * Whether a request is a workflow token's write to an issue of its own repository (applied, not flagged).
 * @param {TokenState | undefined} st
 * @param {NonNullable<ReturnType<typeof import('./catalog.js').matchRoute>>} match
 */
export const isOwnIssueWrite = (st, match) =>
  st !== undefined &&
  st.spec.kind === 'github-actions' &&
  ISSUE_WRITES.has(`${match.route.method} ${match.route.template}`) &&
  lower(`${match.params.owner ?? ''}/${match.params.repo ?? ''}`) === lower(st.spec.repository ?? '')

/**
 * A workflow token's authorised, complete write to an issue of its own repository: applied to the store.
 * @param {SimState} s
 * @param {Route} route
 * @param {Record<string, string>} params
 * @param {RepoState} repo
 * @param {TokenState} st
 * @param {unknown} rawBody
 * @param {Record<string, string>} headers
 * @param {(status: number, body?: unknown) => Reply} json
 * @returns {Reply}
 */
export const applyIssueWrite = (s, route, params, repo, st, rawBody, headers, json) => {
  const body = /** @type {Record<string, unknown>} */ (rawBody && typeof rawBody === 'object' && !Array.isArray(rawBody) ? rawBody : {})
  /** @param {string} resource @param {string} field @param {string} [code] */
  const validationFailed = (resource, field, code = 'missing_field') => ({
    status: 422,
    headers,
    body: JSON.stringify({ message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: route.docsUrl, status: '422' })
  })
  /** @param {string} field @param {unknown} value @param {string[]} allowed */
  const notOneOf = (field, value, allowed) => ({
    status: 422,
    headers,
    body: errorBody(`Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}.`, '422', route.docsUrl)
  })
  /** @returns {string[] | null} label names, null when `labels` is not a list of names or `{ name }` objects */
  const labelsOf = () => {
    if (!Array.isArray(body.labels)) return null
    const names = body.labels.map((l) => (typeof l === 'string' ? l : l && typeof l === 'object' && typeof l.name === 'string' ? l.name : null))
    return names.every((n) => typeof n === 'string') ? [...new Set(/** @type {string[]} */ (names))] : null
  }
  const isText = (/** @type {unknown} */ v) => typeof v === 'string' || typeof v === 'number'
  const user = actor(s, st.spec.login)

  if (route.template === '/repos/{owner}/{repo}/issues') {
    if (!isText(body.title) || String(body.title).trim() === '') return validationFailed('Issue', 'title')
    if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') return validationFailed('Issue', 'body', 'invalid')
    const labels = body.labels === undefined ? [] : labelsOf()
    if (labels === null) return validationFailed('Issue', 'labels', 'invalid')
    const issue = createIssue(s, repo, { title: String(body.title), body: typeof body.body === 'string' ? body.body : null, labels, user })
    const created = issueBody(s, issue)
    headers.location = created.url
    return json(201, created)
  }

  const issue = findIssue(s, repo.owner, repo.name, params.issue_number ?? '')
  if (!issue) return { status: 404, headers, body: errorBody('Not Found', '404') }

  if (route.template === '/repos/{owner}/{repo}/issues/{issue_number}/comments') {
    if (typeof body.body !== 'string' || body.body.trim() === '') return validationFailed('IssueComment', 'body')
    const comment = addComment(s, issue, body.body, user)
    const created = commentBody(s, issue, comment)
    headers.location = created.url
    return json(201, created)
  }

  // PATCH /repos/{owner}/{repo}/issues/{issue_number}
  if (body.title !== undefined && body.title !== null && (!isText(body.title) || String(body.title).trim() === '')) return validationFailed('Issue', 'title', 'invalid')
  if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') return validationFailed('Issue', 'body', 'invalid')
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') return notOneOf('state', body.state, ['open', 'closed'])
  const reasons = ['completed', 'not_planned', 'duplicate', 'reopened']
  if (body.state_reason !== undefined && body.state_reason !== null && !reasons.includes(String(body.state_reason))) {
    return notOneOf('state_reason', body.state_reason, reasons)
  }
  const labels = body.labels === undefined ? undefined : labelsOf()
  if (labels === null) return validationFailed('Issue', 'labels', 'invalid')
  const now = Date.now()
  if (isText(body.title)) issue.title = String(body.title)
  if (body.body !== undefined) issue.body = typeof body.body === 'string' ? body.body : null
  if (labels !== undefined) issue.labels = labels
  if (body.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed'
    issue.stateReason = typeof body.state_reason === 'string' && body.state_reason !== 'reopened' ? body.state_reason : 'completed'
    issue.closedMs = now
  } else if (body.state === 'open' && issue.state === 'closed') {
    issue.state = 'open'
    issue.stateReason = 'reopened'
    issue.closedMs = null
  } else if (issue.state === 'closed' && typeof body.state_reason === 'string' && body.state_reason !== 'reopened') {
    issue.stateReason = body.state_reason
  }
  issue.updatedMs = now
  return json(200, issueBody(s, issue))
}

