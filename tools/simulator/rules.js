// @ts-check
/**
 * The simulator's rule tables and small shared helpers: which GETs fall back to public data, which permissions read
 * public repositories, the classic scope rules and implications, the path parameters that name accounts and
 * repositories, and the error-body and header formats every other file uses. Data and pure functions only.
 */
import { randomBytes } from 'node:crypto'
import { LEVEL_RANK } from './catalog.js'

/** @typedef {import('./catalog.js').Level} Level */

/**
 * GET operations that answer 200 with public data when the token lacks the permission, as GitHub does
 * ("if the authenticated user is not a member, only public members are returned").
 */
export const PUBLIC_FALLBACKS = new Map([
  ['/orgs/{org}/members', 'public members of the org'],
  ['/orgs/{org}/public_members', 'public members of the org'],
  ['/orgs/{org}/repos', 'public repositories of the org'],
  ['/users/{username}/repos', 'public repositories of the user'],
  ['/orgs/{org}/teams/{team_slug}/members', 'public members of the team (no team exists, so 404)']
])

/**
 * Repository permissions whose GET operations any token may use on a public repository it does not otherwise reach
 * (fine-grained tokens always have read-only access to public repositories).
 */
export const PUBLIC_REPO_READ_PERMISSIONS = new Set(['metadata', 'contents', 'issues', 'pull_requests', 'actions', 'deployments', 'statuses', 'pages'])

/** Token kinds that are GitHub App installation tokens (`ghs_…`): no `/user`, exempt from SSO, `/installation/repositories`. */
export const INSTALLATION_KINDS = new Set(['github-app-installation', 'github-actions'])

/**
 * The organization's record of fine-grained personal access tokens (grants and pending requests). Only a GitHub App
 * installation token of the org holding this permission may use it (read for GET, write otherwise).
 */
export const PAT_RECORD_PERMISSION = 'organization_personal_access_tokens'
/**
 * The pending requests need their own permission: GitHub's REST reference for `GET /orgs/{org}/personal-access-token-requests`
 * (https://docs.github.com/en/rest/orgs/personal-access-tokens) lists '"Personal access token requests" organization
 * permissions (read)'; the grants, "Personal access tokens".
 */
export const PAT_REQUESTS_PERMISSION = 'organization_personal_access_token_requests'
/** The record's operations. */
export const PAT_RECORD_TEMPLATE = /^\/orgs\/\{org\}\/personal-access-token(s|-requests)(\/|$)/

/** The writes a workflow token (`github-actions`) makes to its own repository's issues: applied, never flagged. */
export const ISSUE_WRITES = new Set([
  'POST /repos/{owner}/{repo}/issues',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
])

/** Default permissions of a workflow token (`kind: 'github-actions'`) when the scenario gives none. */
export const GITHUB_ACTIONS_DEFAULT_PERMISSIONS = /** @type {Record<string, Level>} */ ({ contents: 'read', issues: 'write' })

/** GitHub's `github-actions[bot]`. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 }

export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

/**
 * Classic / OAuth scope rules, first match on the operation's template. Each rule lists alternative scope sets
 * (each set: all needed) for reads (GET) and writes; `[]` means no scope is needed. A scope also satisfies the
 * scopes it implies (SCOPE_IMPLIES). Repository operations are handled before this table: a private repository
 * needs `repo`, a public one `public_repo` to write, `delete_repo` to delete, and `workflow` too for writes to
 * `.github/workflows/`; `/hooks` take `*:repo_hook`.
 * @type {{ path: RegExp, read: string[][], write: string[][] }[]}
 */
export const CLASSIC_SCOPE_RULES = [
  { path: /^\/user$/, read: [], write: [['user']] },
  { path: /^\/user\/(emails|public_emails|email\/visibility)/, read: [['user:email']], write: [['user']] },
  { path: /^\/user\/(following|followers)/, read: [], write: [['user:follow']] },
  { path: /^\/user\/keys/, read: [['read:public_key']], write: [['write:public_key']] },
  { path: /^\/user\/gpg_keys/, read: [['read:gpg_key']], write: [['write:gpg_key']] },
  { path: /^\/user\/ssh_signing_keys/, read: [['read:ssh_signing_key']], write: [['write:ssh_signing_key']] },
  { path: /^\/user\/(repos|starred|subscriptions)/, read: [], write: [['public_repo']] },
  { path: /^\/user\/codespaces/, read: [['codespace']], write: [['codespace']] },
  { path: /^\/(user|orgs\/\{org\}|users\/\{username\})\/packages/, read: [['read:packages']], write: [['write:packages']] },
  { path: /^\/user\//, read: [['read:user']], write: [['user']] },
  { path: /^\/orgs\/\{org\}$/, read: [], write: [['admin:org']] },
  { path: /^\/orgs\/\{org\}\/(repos|public_members)$/, read: [], write: [['public_repo']] },
  { path: /^\/orgs\/\{org\}\/hooks/, read: [['admin:org_hook']], write: [['admin:org_hook']] },
  { path: /^\/orgs\/\{org\}\/(members|public_members|memberships|teams|outside_collaborators|invitations)/, read: [['read:org']], write: [['write:org']] },
  { path: /^\/orgs\//, read: [['read:org']], write: [['admin:org']] },
  { path: /^\/gists/, read: [], write: [['gist']] },
  { path: /^\/notifications/, read: [['notifications']], write: [['notifications']] }
]

/**
 * Scopes a classic scope includes. An independent copy of the product's src/facts/scopes.ts on purpose (so the tests
 * do not check the product against itself); __tests__/unit/facts.test.ts holds both to the quotes of GitHub's
 * "Scopes for OAuth apps" page kept there.
 */
export const SCOPE_IMPLIES = /** @type {Record<string, string[]>} */ ({
  repo: ['public_repo', 'repo:status', 'repo_deployment', 'repo:invite', 'security_events', 'admin:repo_hook', 'write:repo_hook', 'read:repo_hook', 'notifications'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  'admin:ssh_signing_key': ['write:ssh_signing_key', 'read:ssh_signing_key'],
  'write:ssh_signing_key': ['read:ssh_signing_key'],
  user: ['read:user', 'user:email', 'user:follow'],
  'write:packages': ['read:packages'],
  'delete:packages': ['read:packages'],
  project: ['read:project'],
  codespace: ['codespace:secrets'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise']
})

/** Path parameters naming an account (checked against orgs and users). */
export const ACCOUNT_PARAMS = new Set(['org', 'owner', 'username', 'template_owner', 'repo_owner', 'assignee', 'target_user'])
/** Path parameters naming a repository, with the parameter naming its owner. */
export const REPO_PARAMS = new Map([
  ['repo', 'owner'],
  ['template_repo', 'template_owner'],
  ['repo_name', 'repo_owner']
])
/** Parameters that, first in the path, name the resource owner (checked before authorisation). */
export const OWNER_PARAMS = ['org', 'owner', 'template_owner', 'repo_owner']

export const API_VERSIONS = new Set(['2022-11-28', '2026-03-10'])
export const DEFAULT_API_VERSION = '2022-11-28'
export const DOCS = 'https://docs.github.com/rest'
export const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'

/** @param {string} s */
export const lower = (s) => s.toLowerCase()

/** @param {number} bytes */
const hex = (bytes) => randomBytes(bytes).toString('hex').toUpperCase()

/** A GitHub-shaped `x-github-request-id`. */
export const requestId = () => `${hex(2)}:${hex(2)}:${hex(3)}:${hex(4)}:${hex(4)}`

/** @param {Level | undefined} level */
export const rank = (level) => (level ? LEVEL_RANK[level] : 0)

/**
 * `2026-09-03 02:34:04 UTC` or, for 'offset', the same instant at +02:00: `2026-09-03 04:34:04 +0200`.
 * @param {number} ms
 * @param {'utc' | 'offset'} form
 */
export function formatExpiry(ms, form) {
  const shifted = new Date(ms + (form === 'offset' ? 2 * 3600_000 : 0))
  const text = shifted.toISOString().slice(0, 19).replace('T', ' ')
  return form === 'offset' ? `${text} +0200` : `${text} UTC`
}

/**
 * @param {string} message
 * @param {string} status
 * @param {string} [documentationUrl]
 */
export function errorBody(message, status, documentationUrl = DOCS) {
  return JSON.stringify({ message, documentation_url: documentationUrl, status })
}
