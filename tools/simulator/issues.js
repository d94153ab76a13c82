// @ts-check
/**
 * The issue store, the only state the simulator keeps: issues and comments per repository (seeded from the scenario,
 * changed by a workflow token's writes, see issue-writes.js), their bodies in GitHub's shape, the issue list with its
 * filters, and the frozen snapshot `sim.issues`.
 */
import { ACTIONS_BOT, lower } from './rules.js'
import { findRepo } from './world.js'
import { iso, nodeId } from './bodies.js'

/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').RepoState} RepoState */
/** @typedef {import('./state.js').IssueState} IssueState */
/** @typedef {import('./state.js').CommentState} CommentState */
/** @typedef {import('./types.js').SimIssue} SimIssue */

/** @param {SimState} s @param {RepoState} repo */
export const issuesOf = (s, repo) => s.issueStore.get(lower(`${repo.owner}/${repo.name}`)) ?? []

/** @param {SimState} s @param {string} owner @param {string} name @param {string} number */
export const findIssue = (s, owner, name, number) => {
  const repo = findRepo(s, owner, name)
  return repo ? issuesOf(s, repo).find((i) => String(i.number) === number) : undefined
}

/**
 * The author of issues and comments: a scenario user, or a bot (`github-actions[bot]` with GitHub's id).
 * @param {SimState} s
 * @param {string} login
 * @returns {{ login: string, id: number, type: string }}
 */
export const actor = (s, login) => {
  const user = s.users.get(lower(login))
  if (user) return { login: user.login, id: user.id, type: 'User' }
  if (lower(login) === ACTIONS_BOT.login) return { ...ACTIONS_BOT, type: 'Bot' }
  return { login, id: 0, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
}

/**
 * @param {SimState} s
 * @param {RepoState} repo
 * @param {{ title: string, body: string | null, labels: string[], user: IssueState['user'] }} fields
 * @returns {IssueState}
 */
export const createIssue = (s, repo, fields) => {
  const key = lower(`${repo.owner}/${repo.name}`)
  const list = s.issueStore.get(key) ?? []
  s.issueStore.set(key, list)
  const now = Date.now()
  /** @type {IssueState} */
  const issue = { repo, number: list.length + 1, id: 5_000_000 + s.nextIssueId++, ...fields, state: 'open', stateReason: null, createdMs: now, updatedMs: now, closedMs: null, comments: [] }
  list.push(issue)
  s.allIssues.push(issue)
  return issue
}

/**
 * @param {SimState} s
 * @param {IssueState} issue
 * @param {string} body
 * @param {IssueState['user']} user
 */
export const addComment = (s, issue, body, user) => {
  const now = Date.now()
  /** @type {CommentState} */
  const comment = { id: 9_000_000 + s.nextCommentId++, body, user, createdMs: now }
  issue.comments.push(comment)
  issue.updatedMs = now
  return comment
}

/**
 * Empties the store and creates the scenario's issues.
 * @param {SimState} s
 */
export const seedIssues = (s) => {
  s.issueStore.clear()
  s.allIssues.length = 0
  s.nextIssueId = 1
  s.nextCommentId = 1
  for (const seed of s.scenario.issues ?? []) {
    const [owner = '', name = ''] = seed.repository.split('/')
    const repo = findRepo(s, owner, name)
    if (!repo) throw new Error(`simulator: issue '${seed.title}' is in '${seed.repository}', which is not a scenario repository`)
    const user = actor(s, seed.creator ?? ACTIONS_BOT.login)
    const issue = createIssue(s, repo, { title: seed.title, body: seed.body ?? null, labels: [...(seed.labels ?? [])], user })
    for (const body of seed.comments ?? []) addComment(s, issue, body, user)
    if (seed.state === 'closed') {
      issue.state = 'closed'
      issue.stateReason = 'completed'
      issue.closedMs = issue.updatedMs
    }
  }
}

/**
 * The store as `sim.issues` shows it: frozen, in creation order.
 * @param {SimState} s
 * @returns {readonly SimIssue[]}
 */
export const issuesSnapshot = (s) =>
  Object.freeze(
    s.allIssues.map((i) =>
      Object.freeze({
        repository: `${i.repo.owner}/${i.repo.name}`,
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state,
        stateReason: i.stateReason,
        labels: Object.freeze([...i.labels]),
        creator: i.user.login,
        comments: Object.freeze(i.comments.map((c) => c.body))
      })
    )
  )

/** @param {SimState} s @param {IssueState['user']} user */
const userBody = (s, user) => ({
  login: user.login,
  id: user.id,
  node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
  type: user.type,
  site_admin: false,
  url: `${s.apiBase}/users/${encodeURIComponent(user.login)}`,
  html_url: user.type === 'Bot' ? `https://github.com/apps/${user.login.replace(/\[bot\]$/, '')}` : `https://github.com/${user.login}`
})

/**
 * A label (labels exist as soon as an issue carries them); its id is derived from the name.
 * @param {SimState} s
 * @param {string} full `owner/name`
 * @param {string} name
 */
const labelBody = (s, full, name) => {
  const id = 7_000_000 + [...lower(name)].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) % 1_000_000, 0)
  return { id, node_id: nodeId('LA', id), url: `${s.apiBase}/repos/${full}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null }
}

/** @param {SimState} s @param {IssueState} issue */
export const issueBody = (s, issue) => {
  const full = `${issue.repo.owner}/${issue.repo.name}`
  const url = `${s.apiBase}/repos/${full}/issues/${issue.number}`
  return {
    id: issue.id,
    node_id: nodeId('I', issue.id),
    url,
    repository_url: `${s.apiBase}/repos/${full}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `https://github.com/${full}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userBody(s, issue.user),
    labels: issue.labels.map((name) => labelBody(s, full, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: issue.comments.length,
    created_at: iso(issue.createdMs),
    updated_at: iso(issue.updatedMs),
    closed_at: issue.closedMs === null ? null : iso(issue.closedMs),
    author_association: issue.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

/** @param {SimState} s @param {IssueState} issue @param {CommentState} comment */
export const commentBody = (s, issue, comment) => {
  const full = `${issue.repo.owner}/${issue.repo.name}`
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: `${s.apiBase}/repos/${full}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${full}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${s.apiBase}/repos/${full}/issues/${issue.number}`,
    body: comment.body,
    user: userBody(s, comment.user),
    created_at: iso(comment.createdMs),
    updated_at: iso(comment.createdMs),
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

/**
 * `GET /repos/{owner}/{repo}/issues`: `state` (open, closed, all; default open), `creator` (a login; `app/NAME`
 * matches `NAME[bot]`), `labels` (comma-separated, all needed), `sort` (created, updated, comments), `direction`
 * (default desc: newest first).
 * @param {SimState} s
 * @param {RepoState} repo
 * @param {URLSearchParams} query
 */
export const listIssues = (s, repo, query) => {
  const state = query.get('state') ?? 'open'
  const creator = lower(query.get('creator') ?? '').replace(/^app\/(.+)$/, '$1[bot]')
  const labels = (query.get('labels') ?? '').split(',').map((l) => lower(l.trim())).filter(Boolean)
  const sort = query.get('sort') ?? 'created'
  const ascending = query.get('direction') === 'asc'
  /** @param {IssueState} i */
  const key = (i) => (sort === 'updated' ? i.updatedMs : sort === 'comments' ? i.comments.length : i.createdMs)
  return issuesOf(s, repo)
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => creator === '' || lower(i.user.login) === creator)
    .filter((i) => labels.every((l) => i.labels.some((have) => lower(have) === l)))
    .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (ascending ? 1 : -1))
}

