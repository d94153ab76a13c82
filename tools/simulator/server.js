// @ts-check
/**
 * A loopback simulator of GitHub's REST API for pat-audit's demo, benchmark and end-to-end tests.
 *
 * It answers like api.github.com for the tokens, organizations, users and repositories of a scenario: status codes,
 * error bodies and headers (`x-accepted-github-permissions`, `github-authentication-token-expiration`,
 * `x-oauth-scopes`, rate limits, SAML SSO, `Link` pagination) follow GitHub. Routing and permission checks come from
 * GitHub's data (`src/data/github-permissions/`) and OpenAPI description (`@octokit/openapi`). Nothing is stored, with
 * one exception: a workflow token (`kind: 'github-actions'`) writing issues and issue comments of its own repository
 * changes an in-memory issue store (`sim.issues`, recorded in `sim.writes`). Every other request that would have
 * changed state on GitHub is answered as GitHub would and recorded as a Flag.
 *
 * Listens on 127.0.0.1 only, on a port the OS chooses. See README.md next to this file for the rules.
 */
import { createServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import { URLSearchParams } from 'node:url'
import { setTimeout as delay } from 'node:timers/promises'
import { LEVEL_RANK, loadCatalog, matchRoute, missingRequiredField, sampleResponse, successStatus } from './catalog.js'
import { afterAuthorisation, beforeAuthorisation, ownerConditions, repoConditions, TEXTS } from './conditions.js'

/** @typedef {import('./catalog.js').Level} Level */
/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./catalog.js').PermissionNeed} PermissionNeed */
/** @typedef {import('./catalog.js').Catalog} Catalog */

// ---------------------------------------------------------------------------------------------------------------
// Scenario
// ---------------------------------------------------------------------------------------------------------------

/**
 * An organization. It exists; every other organization name does not.
 * @typedef {object} ScenarioOrg
 * @property {string} login
 * @property {number} [id] default: assigned (100, 101, ...)
 * @property {string} [ssoUrl] SAML SSO is enforced: requests touching the org get 403 + `x-github-sso: required; url=...`
 *   (unless the token lists the org in `ssoAuthorized`; GitHub App installation tokens are exempt)
 * @property {number} [fineGrainedMaxLifetimeDays] fine-grained tokens living longer are refused on the org
 * @property {boolean} [classicForbidden] classic personal access tokens are refused on the org
 * @property {string[]} [members] logins of members (default: every scenario user and token owner). Classic and OAuth
 *   tokens list (`GET /user/repos`) the repositories of the orgs their user is a member of
 * @property {string[]} [publicMembers] logins of members with public membership (default: none)
 * @property {boolean} [ipAllowList] the runner's address is not on the org's IP allow list: every request touching
 *   the org, public resources included, answers 403 with GitHub's text (conditions.js)
 * @property {boolean} [fineGrainedForbidden] fine-grained personal access tokens are refused on the org
 * @property {number} [classicMaxLifetimeDays] classic tokens living longer (or never expiring) are refused on the org
 * @property {boolean} [suspended] the org is suspended: everything it owns answers 404
 */

/**
 * A user. Token owners (`login` of each token) exist as users too.
 * @typedef {object} ScenarioUser
 * @property {string} login
 * @property {number} [id] default: assigned (1, 2, ... after the highest given id)
 * @property {boolean} [suspended] the account is suspended: everything it owns answers 404
 */

/**
 * A repository.
 * @typedef {object} ScenarioRepo
 * @property {string} owner an org or user login
 * @property {string} name
 * @property {boolean} [private] default true
 * @property {number} [id] default: assigned (1000, 1001, ...); a `{repository_id}` path parameter matches it
 * @property {string} [defaultBranch] default `main`; the only branch that exists
 * @property {boolean} [archived] writes answer 403 "Repository was archived so is read-only."
 * @property {boolean} [blocked] every request answers 451 "Repository access blocked"
 * @property {boolean} [empty] listing or reading commits answers 409 "Git Repository is empty."
 * @property {string[]} [disabled] features turned off: `issues` answers 410 "Issues are disabled for this repo"
 */

/**
 * An issue that exists when the simulator starts (and again after `reset({ issues: true })`). Numbers are assigned
 * 1, 2, ... per repository in the order given.
 * @typedef {object} ScenarioIssue
 * @property {string} repository `owner/name` of a scenario repository
 * @property {string} title
 * @property {string | null} [body] default null
 * @property {'open' | 'closed'} [state] default 'open' (closed: `state_reason` 'completed')
 * @property {string[]} [labels] label names (default none)
 * @property {string} [creator] login of the author (default `github-actions[bot]`, a Bot)
 * @property {string[]} [comments] comment bodies, by the creator (default none)
 */

/**
 * A fault injected into a token's responses.
 * @typedef {object} ScenarioFault
 * @property {string} match `'*'` or `'METHOD regex'` (METHOD may be `*`); the regex is tested against the path
 *   (without query), unanchored: `'GET ^/user$'`, `'* /orgs/acme/'`
 * @property {'500' | '502' | '503' | 'reset' | 'html' | 'empty-body' | 'malformed-expiry'} kind
 *   `500`/`503`: that status with a JSON body; `502`: with an HTML body; `reset`: the socket is destroyed;
 *   `html`: 200 with a `text/html` page; `empty-body`: 200 with an empty body; `malformed-expiry`: normal answer
 *   with `github-authentication-token-expiration: not-a-date`
 * @property {number} [times] how many matching requests it hits (default 1)
 */

/**
 * A token the simulator accepts.
 * @typedef {object} ScenarioToken
 * @property {string} name label used in records and flags (never the value)
 * @property {string} value the bearer token (`Authorization: token X` or `Bearer X`)
 * @property {'fine-grained' | 'classic' | 'oauth' | 'github-app-user' | 'github-app-installation' | 'github-actions'} kind
 *   `github-actions`: a workflow's `GITHUB_TOKEN` (`ghs_…`), an installation token for `repository` only. Its
 *   requests to the issue endpoints of that repository change the issue store instead of being flagged
 * @property {string} login owner user (app installation and workflow tokens: any label, e.g. `github-actions[bot]`,
 *   used as the author of the issues and comments a workflow token writes; `/user` is refused to them)
 * @property {number} [id] token id shown in the lifetime-policy URL and as `token_id` in the org's record
 *   (default: assigned, 1000001, ...)
 * @property {string} [resourceOwner] fine-grained / app: the one org or user it is for (default: `login`;
 *   github-actions: the owner of `repository`)
 * @property {'all' | string[]} [repositories] fine-grained / app: repository names under resourceOwner (default 'all';
 *   github-actions: ignored, the token reaches `repository` only)
 * @property {string} [repository] github-actions only, required: `owner/name` of the workflow's repository
 * @property {Record<string, Level>} [permissions] fine-grained / app / workflow, e.g. `{ contents: 'write', members: 'read' }`;
 *   `metadata: read` is implied on every repository the token reaches. GitHub App permissions outside the data work
 *   too: `organization_personal_access_tokens: 'read'` on an installation token lets it read the org's record of
 *   fine-grained tokens. github-actions default: `{ contents: 'read', issues: 'write' }`
 * @property {Record<string, Level>} [recordedPermissions] fine-grained: the permissions the organization's record
 *   (`GET /orgs/{org}/personal-access-tokens`) shows instead of `permissions` (to make the record disagree with what
 *   the token holds). Default: `permissions`, plus `metadata: read` when any repository permission is listed
 * @property {string} [tokenName] fine-grained: `token_name` in the org's record (default: `name`)
 * @property {string | null} [lastUsedAt] fine-grained: ISO `token_last_used_at` in the org's record (default null)
 * @property {string | null} [requestReason] fine-grained, pending: `reason` in the org's request list (default null)
 * @property {string[]} [scopes] classic / oauth, e.g. `['repo', 'read:org']`
 * @property {string | null} [expiresAt] ISO date; null or absent: never expires (no expiration header)
 * @property {'utc' | 'offset'} [expiryHeaderForm] `2026-09-03 02:34:04 UTC` (default) or `2026-04-26 20:23:26 +0200`
 * @property {'admin' | 'write' | 'read'} [role] the token owner's role on the repositories (default admin): below admin,
 *   requests that need `administration` answer 403 "Must have admin rights to Repository." (conditions.js)
 * @property {boolean} [pendingApproval] the org owner has not approved it: no permissions on the resource owner,
 *   only public repositories readable
 * @property {string} [createdAt] ISO date for lifetime-policy checks (default: when the simulator starts)
 * @property {{ limit: number, remaining: number, resetEpochSeconds?: number }} [rateLimit] default 5000 / 5000 / in an hour
 * @property {{ times: number, retryAfterSeconds: number }} [secondaryRateLimit] the first `times` requests get a
 *   secondary rate limit 403 with `retry-after`
 * @property {ScenarioFault[]} [faults]
 * @property {string[]} [ssoAuthorized] logins of SSO orgs this token has been authorized for
 */

/**
 * What the simulator knows. Everything not listed does not exist.
 * @typedef {object} Scenario
 * @property {'fpt' | 'ghes'} [edition] which data file (GitHub.com or GHES 3.22); default 'fpt'
 * @property {number} [latencyMs] delay before every response; default 0
 * @property {ScenarioOrg[]} [orgs]
 * @property {ScenarioUser[]} [users]
 * @property {ScenarioRepo[]} [repos]
 * @property {ScenarioIssue[]} [issues] issues that exist at start (default none)
 * @property {ScenarioToken[]} tokens
 */

// ---------------------------------------------------------------------------------------------------------------
// Simulator
// ---------------------------------------------------------------------------------------------------------------

/**
 * One request as received. `token` is the scenario token's name, `'(none)'` without credentials or `'(unknown)'`
 * for a value the scenario does not know: never the token value.
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path without query
 * @property {Record<string, string>} query
 * @property {string | null} template matched requestPath template, null when no operation matched
 * @property {number} status 0 for a `reset` fault
 * @property {string} token
 * @property {unknown} body parsed JSON body, the raw text when it is not JSON, null when empty
 * @property {number} at epoch milliseconds when received
 * @property {string} [fault] the fault kind injected, if any
 */

/**
 * A request that would have changed state on GitHub, judged as if the token held every permission: all its path
 * parameters name things that exist (or a PUT creates its last, leaf, name) and its body has every required field.
 * @typedef {object} Flag
 * @property {string} method
 * @property {string} path
 * @property {string | null} template
 * @property {string} reason
 * @property {string} token scenario token name
 * @property {number} status what the simulator answered (403, 401, ... when the token could not do it)
 */

/**
 * A workflow token's (`kind: 'github-actions'`) request to an issue endpoint of its own repository that changes
 * state (`POST …/issues`, `PATCH …/issues/{n}`, `POST …/issues/{n}/comments`), whatever the answer. Only 2xx answers
 * changed the issue store. Such requests are never flags.
 * @typedef {object} WriteRecord
 * @property {string} method
 * @property {string} path without query
 * @property {number} status what the simulator answered (201 / 200; 403, 404, 422, ... when nothing changed)
 * @property {unknown} body the parsed JSON request body (raw text when not JSON, null when empty)
 * @property {string} token scenario token name
 */

/**
 * A snapshot of one issue in the store.
 * @typedef {object} SimIssue
 * @property {string} repository `owner/name`
 * @property {number} number
 * @property {string} title
 * @property {string | null} body
 * @property {'open' | 'closed'} state
 * @property {string | null} stateReason `completed`, `not_planned`, `duplicate`, `reopened` or null
 * @property {readonly string[]} labels
 * @property {string} creator login
 * @property {readonly string[]} comments comment bodies, oldest first
 */

/**
 * @typedef {object} Simulator
 * @property {string} url `http://127.0.0.1:PORT`
 * @property {string} apiUrl the REST API root: `url`, plus `/api/v3` for the GHES edition; `Link` headers and the API
 *   URLs in new bodies (issues, the org's token record) start with it
 * @property {RecordedRequest[]} requests every request, in arrival order (the same array across reset())
 * @property {Flag[]} flags
 * @property {WriteRecord[]} writes a workflow token's writes to its own repository's issues (same array across reset())
 * @property {readonly SimIssue[]} issues a frozen snapshot of the issue store, in creation order, at the time of reading
 * @property {number} maxInFlight highest number of requests in flight at once since start or reset()
 * @property {(options?: { issues?: boolean }) => void} reset clears requests, flags, writes, maxInFlight and counters
 *   (rate limits, faults). The issue store survives (runs of the action against one simulator see each other's
 *   issues) unless `{ issues: true }`: then it is back to the scenario's `issues`
 * @property {() => Promise<void>} close
 */

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
const PAT_RECORD_TEMPLATE = /^\/orgs\/\{org\}\/personal-access-token(s|-requests)(\/|$)/

/** The writes a workflow token (`github-actions`) makes to its own repository's issues: applied, never flagged. */
export const ISSUE_WRITES = new Set([
  'POST /repos/{owner}/{repo}/issues',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
])

/** Default permissions of a workflow token (`kind: 'github-actions'`) when the scenario gives none. */
export const GITHUB_ACTIONS_DEFAULT_PERMISSIONS = /** @type {Record<string, Level>} */ ({ contents: 'read', issues: 'write' })

/** GitHub's `github-actions[bot]`. */
const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 }

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

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
const ACCOUNT_PARAMS = new Set(['org', 'owner', 'username', 'template_owner', 'repo_owner', 'assignee', 'target_user'])
/** Path parameters naming a repository, with the parameter naming its owner. */
const REPO_PARAMS = new Map([
  ['repo', 'owner'],
  ['template_repo', 'template_owner'],
  ['repo_name', 'repo_owner']
])
/** Parameters that, first in the path, name the resource owner (checked before authorisation). */
const OWNER_PARAMS = ['org', 'owner', 'template_owner', 'repo_owner']

const API_VERSIONS = new Set(['2022-11-28', '2026-03-10'])
const DEFAULT_API_VERSION = '2022-11-28'
const DOCS = 'https://docs.github.com/rest'
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'

// ---------------------------------------------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------------------------------------------

/**
 * @typedef {object} OrgState
 * @property {string} login
 * @property {number} id
 * @property {string | undefined} ssoUrl
 * @property {number | undefined} maxDays
 * @property {boolean} classicForbidden
 * @property {Set<string>} members lower-case logins
 * @property {Set<string>} publicMembers lower-case logins
 * @property {import('./conditions.js').OwnerConditions} conditions IP allow list, bans, classic lifetime, suspension (conditions.js)
 */

/**
 * @typedef {object} RepoState
 * @property {string} owner
 * @property {string} name
 * @property {boolean} private
 * @property {number} id
 * @property {string} defaultBranch
 * @property {import('./conditions.js').RepoConditions} conditions archived, blocked, empty, disabled features (conditions.js)
 */

/**
 * @typedef {object} TokenState
 * @property {ScenarioToken} spec
 * @property {number} index position in the scenario's tokens
 * @property {number} id
 * @property {number} userId
 * @property {string} resourceOwner
 * @property {'all' | Set<string>} selection lower-case names of the selected repositories under resourceOwner
 * @property {Record<string, Level>} permissions fine-grained / app / workflow permissions (defaults applied)
 * @property {number | null} expiresMs
 * @property {number} createdMs
 * @property {Set<string>} scopes classic / oauth scopes with their implications
 * @property {number} limit
 * @property {number} remaining
 * @property {number} resetEpoch
 * @property {number} secondaryLeft
 * @property {number[]} faultsLeft per scenario fault
 */

/**
 * @typedef {object} CommentState
 * @property {number} id
 * @property {string} body
 * @property {{ login: string, id: number, type: string }} user
 * @property {number} createdMs
 */

/**
 * @typedef {object} IssueState
 * @property {RepoState} repo
 * @property {number} number
 * @property {number} id
 * @property {string} title
 * @property {string | null} body
 * @property {'open' | 'closed'} state
 * @property {string | null} stateReason
 * @property {string[]} labels
 * @property {{ login: string, id: number, type: string }} user
 * @property {number} createdMs
 * @property {number} updatedMs
 * @property {number | null} closedMs
 * @property {CommentState[]} comments
 */

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} [body]
 * @property {boolean} [destroy]
 * @property {string} [fault]
 */

/**
 * @typedef {object} RequestContext resources the request addresses, resolved before authorisation
 * @property {string | undefined} ownerLogin the resource owner named by the path (or the token owner for `/user`)
 * @property {OrgState | undefined} org
 * @property {RepoState | undefined} repo
 * @property {Set<string>} resolved names of the parameters already resolved
 */

/** @param {string} s */
const lower = (s) => s.toLowerCase()

/** @param {number} bytes */
const hex = (bytes) => randomBytes(bytes).toString('hex').toUpperCase()

/** @param {Level | undefined} level */
const rank = (level) => (level ? LEVEL_RANK[level] : 0)

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
function errorBody(message, status, documentationUrl = DOCS) {
  return JSON.stringify({ message, documentation_url: documentationUrl, status })
}

/**
 * Starts a simulator for a scenario on 127.0.0.1 (port chosen by the OS).
 * @param {Scenario} scenario
 * @returns {Promise<Simulator>}
 */
export async function startSimulator(scenario) {
  const catalog = loadCatalog(scenario.edition ?? 'fpt')
  const latencyMs = Math.max(0, scenario.latencyMs ?? 0)
  const startedMs = Date.now()

  // World -------------------------------------------------------------------------------------------------------
  /** @type {Map<string, { login: string, id: number }>} */
  const users = new Map()
  let nextUserId = Math.max(0, ...(scenario.users ?? []).map((u) => u.id ?? 0)) + 1
  for (const u of scenario.users ?? []) users.set(lower(u.login), { login: u.login, id: u.id ?? nextUserId++ })
  /** Suspended users (`suspended: true` in the scenario): everything they own answers 404 (conditions.js). */
  const suspendedUsers = new Set((scenario.users ?? []).filter((u) => /** @type {Record<string, unknown>} */ (u).suspended === true).map((u) => lower(u.login)))
  for (const t of scenario.tokens) {
    if (!INSTALLATION_KINDS.has(t.kind) && !users.has(lower(t.login))) users.set(lower(t.login), { login: t.login, id: nextUserId++ })
  }
  const allUserLogins = [...users.keys()]
  /** @type {Map<string, OrgState>} */
  const orgs = new Map()
  ;(scenario.orgs ?? []).forEach((o, i) => {
    orgs.set(lower(o.login), {
      login: o.login,
      id: o.id ?? 100 + i,
      ssoUrl: o.ssoUrl,
      maxDays: o.fineGrainedMaxLifetimeDays,
      classicForbidden: o.classicForbidden === true,
      members: new Set((o.members ?? allUserLogins).map(lower)),
      publicMembers: new Set((o.publicMembers ?? []).map(lower)),
      conditions: ownerConditions(/** @type {Record<string, unknown>} */ (o))
    })
  })
  /** @type {Map<string, RepoState>} */
  const repos = new Map()
  ;(scenario.repos ?? []).forEach((r, i) => {
    repos.set(lower(`${r.owner}/${r.name}`), {
      owner: r.owner,
      name: r.name,
      private: r.private !== false,
      id: r.id ?? 1000 + i,
      defaultBranch: r.defaultBranch ?? 'main',
      conditions: repoConditions(/** @type {Record<string, unknown>} */ (r))
    })
  })

  /** @param {string} login */
  const accountExists = (login) => orgs.has(lower(login)) || users.has(lower(login))
  /** @param {string} owner @param {string} name */
  const findRepo = (owner, name) => repos.get(lower(`${owner}/${name}`))
  /** @param {string} id */
  const findRepoById = (id) => [...repos.values()].find((r) => String(r.id) === id)

  // Issues: the only state the simulator keeps -------------------------------------------------------------------------
  /** @type {Map<string, IssueState[]>} per repository (lower-case `owner/name`), by number */
  const issueStore = new Map()
  /** @type {IssueState[]} every issue, in creation order */
  const allIssues = []
  let nextIssueId = 1
  let nextCommentId = 1
  /** @param {RepoState} repo */
  const issuesOf = (repo) => issueStore.get(lower(`${repo.owner}/${repo.name}`)) ?? []
  /** @param {string} owner @param {string} name @param {string} number */
  const findIssue = (owner, name, number) => {
    const repo = findRepo(owner, name)
    return repo ? issuesOf(repo).find((i) => String(i.number) === number) : undefined
  }
  /**
   * The author of issues and comments: a scenario user, or a bot (`github-actions[bot]` with GitHub's id).
   * @param {string} login
   * @returns {{ login: string, id: number, type: string }}
   */
  const actor = (login) => {
    const user = users.get(lower(login))
    if (user) return { login: user.login, id: user.id, type: 'User' }
    if (lower(login) === ACTIONS_BOT.login) return { ...ACTIONS_BOT, type: 'Bot' }
    return { login, id: 0, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  }
  /**
   * @param {RepoState} repo
   * @param {{ title: string, body: string | null, labels: string[], user: IssueState['user'] }} fields
   * @returns {IssueState}
   */
  const createIssue = (repo, fields) => {
    const key = lower(`${repo.owner}/${repo.name}`)
    const list = issueStore.get(key) ?? []
    issueStore.set(key, list)
    const now = Date.now()
    /** @type {IssueState} */
    const issue = { repo, number: list.length + 1, id: 5_000_000 + nextIssueId++, ...fields, state: 'open', stateReason: null, createdMs: now, updatedMs: now, closedMs: null, comments: [] }
    list.push(issue)
    allIssues.push(issue)
    return issue
  }
  /**
   * @param {IssueState} issue
   * @param {string} body
   * @param {IssueState['user']} user
   */
  const addComment = (issue, body, user) => {
    const now = Date.now()
    /** @type {CommentState} */
    const comment = { id: 9_000_000 + nextCommentId++, body, user, createdMs: now }
    issue.comments.push(comment)
    issue.updatedMs = now
    return comment
  }
  /** Empties the store and creates the scenario's issues. */
  const seedIssues = () => {
    issueStore.clear()
    allIssues.length = 0
    nextIssueId = 1
    nextCommentId = 1
    for (const seed of scenario.issues ?? []) {
      const [owner = '', name = ''] = seed.repository.split('/')
      const repo = findRepo(owner, name)
      if (!repo) throw new Error(`simulator: issue '${seed.title}' is in '${seed.repository}', which is not a scenario repository`)
      const user = actor(seed.creator ?? ACTIONS_BOT.login)
      const issue = createIssue(repo, { title: seed.title, body: seed.body ?? null, labels: [...(seed.labels ?? [])], user })
      for (const body of seed.comments ?? []) addComment(issue, body, user)
      if (seed.state === 'closed') {
        issue.state = 'closed'
        issue.stateReason = 'completed'
        issue.closedMs = issue.updatedMs
      }
    }
  }
  seedIssues()

  // Tokens ------------------------------------------------------------------------------------------------------
  /** @type {Map<string, TokenState>} */
  const tokens = new Map()
  scenario.tokens.forEach((spec, i) => {
    /** @type {string | undefined} */
    let workflowOwner
    /** @type {string | undefined} */
    let workflowRepo
    if (spec.kind === 'github-actions') {
      const parts = (spec.repository ?? '').split('/')
      if (parts.length !== 2 || !parts[0] || !parts[1]) {
        throw new Error(`simulator: github-actions token '${spec.name}' needs repository: 'owner/name'`)
      }
      ;[workflowOwner, workflowRepo] = parts
    }
    const scopes = new Set()
    /** @param {string} s */
    const add = (s) => {
      if (scopes.has(s)) return
      scopes.add(s)
      for (const implied of SCOPE_IMPLIES[s] ?? []) add(implied)
    }
    for (const s of spec.scopes ?? []) add(s)
    const repositories = spec.repositories ?? 'all'
    tokens.set(spec.value, {
      spec,
      index: i,
      id: spec.id ?? 1000001 + i,
      userId: users.get(lower(spec.login))?.id ?? 1,
      resourceOwner: workflowOwner ?? spec.resourceOwner ?? spec.login,
      selection: workflowRepo !== undefined ? new Set([lower(workflowRepo)]) : repositories === 'all' ? 'all' : new Set(repositories.map(lower)),
      permissions: spec.permissions ?? (spec.kind === 'github-actions' ? { ...GITHUB_ACTIONS_DEFAULT_PERMISSIONS } : {}),
      expiresMs: spec.expiresAt ? Date.parse(spec.expiresAt) : null,
      createdMs: spec.createdAt ? Date.parse(spec.createdAt) : startedMs,
      scopes,
      limit: 0,
      remaining: 0,
      resetEpoch: 0,
      secondaryLeft: 0,
      faultsLeft: []
    })
  })
  let unauthenticatedUsed = 0
  const resetCounters = () => {
    for (const st of tokens.values()) {
      const rl = st.spec.rateLimit
      st.limit = rl?.limit ?? 5000
      st.remaining = rl?.remaining ?? st.limit
      st.resetEpoch = rl?.resetEpochSeconds ?? Math.floor(startedMs / 1000) + 3600
      st.secondaryLeft = st.spec.secondaryRateLimit?.times ?? 0
      st.faultsLeft = (st.spec.faults ?? []).map((f) => f.times ?? 1)
    }
    unauthenticatedUsed = 0
  }
  resetCounters()

  // Records -----------------------------------------------------------------------------------------------------
  /** @type {RecordedRequest[]} */
  const requests = []
  /** @type {Flag[]} */
  const flags = []
  /** @type {WriteRecord[]} */
  const writes = []
  /** The REST API root for `Link` headers and API URLs in bodies; set once the server listens. */
  let apiBase = ''
  let inFlight = 0
  let maxInFlight = 0

  // Permission evaluation -------------------------------------------------------------------------------------------

  /** @param {TokenState} st */
  const isPermissionToken = (st) =>
    st.spec.kind === 'fine-grained' || st.spec.kind === 'github-app-user' || st.spec.kind === 'github-app-installation' || st.spec.kind === 'github-actions'
  /** @param {TokenState} st */
  const isScopeToken = (st) => st.spec.kind === 'classic' || st.spec.kind === 'oauth'
  /** @param {TokenState} st */
  const notAccessibleMessage = (st) =>
    INSTALLATION_KINDS.has(st.spec.kind) || st.spec.kind === 'github-app-user' || st.spec.kind === 'oauth'
      ? 'Resource not accessible by integration'
      : 'Resource not accessible by personal access token'

  /**
   * Whether a repository is among a fine-grained / app token's selection (approved or not).
   * @param {TokenState} st
   * @param {RepoState} repo
   */
  const selects = (st, repo) => lower(repo.owner) === lower(st.resourceOwner) && (st.selection === 'all' || st.selection.has(lower(repo.name)))

  /**
   * Whether a fine-grained / app token reaches a repository with its permissions.
   * @param {TokenState} st
   * @param {RepoState} repo
   */
  const reaches = (st, repo) => !st.spec.pendingApproval && selects(st, repo)

  /**
   * @param {TokenState} st
   * @param {RepoState} repo
   */
  const seesPrivate = (st, repo) => (isScopeToken(st) ? st.scopes.has('repo') : reaches(st, repo))

  /**
   * The level a fine-grained / app token effectively holds for one permission on this request.
   * @param {TokenState} st
   * @param {string} permission
   * @param {RequestContext} ctx
   * @returns {Level | undefined}
   */
  const effectiveLevel = (st, permission, ctx) => {
    const kind = catalog.permissionKinds.get(permission) ?? 'repository'
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
  const setsFor = (route, params) => {
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
  const formatSets = (sets) => sets.map((set) => set.map((n) => `${n.permission}=${n.access}`).join(',')).join('; ')

  /**
   * Classic / OAuth: alternative scope sets this request needs ([] = none).
   * @param {Route} route
   * @param {Record<string, string>} params
   * @param {RequestContext} ctx
   * @param {string} method
   * @returns {string[][]}
   */
  const classicNeeds = (route, params, ctx, method) => {
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
  const acceptedScopes = (needs) => {
    const needed = new Set(needs.flat())
    const accepted = new Set(needed)
    for (const [scope, implied] of Object.entries(SCOPE_IMPLIES)) if (implied.some((s) => needed.has(s))) accepted.add(scope)
    // implications are transitive (admin:org -> write:org -> read:org) but listed flat, so one pass suffices
    return [...accepted].sort().join(', ')
  }

  // Existence -------------------------------------------------------------------------------------------------------

  /**
   * Whether a path parameter's value names something that exists.
   * @param {import('./catalog.js').ParamInfo} param
   * @param {Record<string, string>} params
   */
  const paramExists = (param, params) => {
    const value = params[param.name] ?? ''
    if (param.name === 'org') return orgs.has(lower(value))
    if (ACCOUNT_PARAMS.has(param.name)) return accountExists(value)
    const ownerParam = REPO_PARAMS.get(param.name)
    if (ownerParam) return findRepo(params[ownerParam] ?? params.owner ?? '', value) !== undefined
    if (param.name === 'repository_id') return findRepoById(value) !== undefined
    if (param.name === 'issue_number') return findIssue(params.owner ?? '', params.repo ?? '', value) !== undefined
    if (param.name === 'pat_id' || param.name === 'pat_request_id') {
      const org = orgs.get(lower(params.org ?? ''))
      return org !== undefined && patTokensOf(org, param.name === 'pat_request_id').some((st) => String(patEntryId(st)) === value)
    }
    if (param.enumValues) return param.enumValues.includes(value)
    if (param.name === 'branch') {
      const repo = params.repository_id ? findRepoById(params.repository_id) : findRepo(params.owner ?? '', params.repo ?? '')
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
   * @param {Route} route
   * @param {Record<string, string>} params
   * @param {{ value: unknown, bad: boolean }} body
   * @returns {{ outcome: 'not-found' } | { outcome: 'bad-json' } | { outcome: 'invalid', field: string } | { outcome: 'change', reason: string, creates: boolean }}
   */
  const judgeWrite = (route, params, body) => {
    /** @type {string | null} */
    let created = null
    for (const param of route.params) {
      if (paramExists(param, params)) continue
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
   * @param {Route} route
   * @param {Record<string, string>} params
   * @param {TokenState} st
   * @returns {RequestContext & { missing: boolean }}
   */
  const resolveContext = (route, params, st) => {
    /** @type {RequestContext & { missing: boolean }} */
    const ctx = { ownerLogin: undefined, org: undefined, repo: undefined, resolved: new Set(), missing: false }
    const ownerParam = OWNER_PARAMS.find((p) => p in params) ?? (route.template.startsWith('/users/{username}') ? 'username' : undefined)
    if (ownerParam) {
      const login = params[ownerParam] ?? ''
      ctx.resolved.add(ownerParam)
      if (ownerParam === 'org' ? !orgs.has(lower(login)) : !accountExists(login)) ctx.missing = true
      ctx.ownerLogin = login
      ctx.org = orgs.get(lower(login))
      const repoParam = [...REPO_PARAMS].find(([, o]) => o === ownerParam)?.[0]
      if (repoParam && repoParam in params) {
        ctx.resolved.add(repoParam)
        ctx.repo = findRepo(login, params[repoParam] ?? '')
        if (!ctx.repo) ctx.missing = true
      }
    } else if ('repository_id' in params) {
      ctx.resolved.add('repository_id')
      ctx.repo = findRepoById(params.repository_id ?? '')
      if (!ctx.repo) ctx.missing = true
      else {
        ctx.ownerLogin = ctx.repo.owner
        ctx.org = orgs.get(lower(ctx.repo.owner))
      }
    } else if (route.template === '/user' || route.template.startsWith('/user/')) {
      ctx.ownerLogin = st.spec.login
    }
    return ctx
  }

  // Bodies ----------------------------------------------------------------------------------------------------------

  /** @param {string} login */
  const account = (login) => {
    const org = orgs.get(lower(login))
    if (org) return { login: org.login, id: org.id, node_id: nodeId('O', org.id), type: 'Organization', site_admin: false }
    const user = users.get(lower(login))
    const id = user?.id ?? 0
    return { login: user?.login ?? login, id, node_id: nodeId('U', id), type: 'User', site_admin: false }
  }
  /** @param {string} prefix @param {number} id */
  const nodeId = (prefix, id) => Buffer.from(`${prefix}_${id}`).toString('base64')

  /**
   * @param {RepoState} repo
   * @param {TokenState} st
   */
  const repoBody = (repo, st) => {
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
      owner: account(repo.owner),
      html_url: `https://github.com/${full}`,
      url: `https://api.github.com/repos/${full}`,
      default_branch: repo.defaultBranch,
      permissions: { ...can, maintain: can.admin, triage: can.push }
    }
  }

  /**
   * @param {OrgState} org
   * @param {boolean} publicOnly
   */
  const membersBody = (org, publicOnly) => [...(publicOnly ? org.publicMembers : org.members)].map((login) => account(login))

  /**
   * Repositories of an owner the token can see: public ones, and private ones it reaches.
   * @param {string} owner
   * @param {TokenState} st
   * @param {boolean} publicOnly
   */
  const reposOf = (owner, st, publicOnly) =>
    [...repos.values()].filter((r) => lower(r.owner) === lower(owner) && (!r.private || (!publicOnly && seesPrivate(st, r)))).map((r) => repoBody(r, st))

  /** @param {number} ms */
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

  /**
   * The organization policy that refuses a token on an org, if any (classic tokens forbidden, fine-grained lifetime
   * too long, SAML SSO not authorized; installation and workflow tokens are exempt from SSO).
   * @param {TokenState} st
   * @param {OrgState} org
   * @returns {'classic' | 'lifetime' | 'sso' | null}
   */
  const policyRefusal = (st, org) => {
    if (org.classicForbidden && st.spec.kind === 'classic') return 'classic'
    if (org.maxDays !== undefined && st.spec.kind === 'fine-grained') {
      const lifetimeDays = st.expiresMs === null ? Infinity : (st.expiresMs - st.createdMs) / 86_400_000
      if (lifetimeDays > org.maxDays) return 'lifetime'
    }
    const ssoAuthorized = (st.spec.ssoAuthorized ?? []).some((login) => lower(login) === lower(org.login))
    if (org.ssoUrl && !INSTALLATION_KINDS.has(st.spec.kind) && !ssoAuthorized) return 'sso'
    return null
  }

  /**
   * `GET /user/repos`: fine-grained and GitHub App user tokens list the selected repositories of their resource
   * owner (none while pending); classic and OAuth tokens every repository of their user and of the orgs the user is
   * a member of (private ones with `repo`). Orgs whose policies refuse the token are left out. Filters:
   * `visibility`, `affiliation`, `type`; order: `sort` (full_name, the default, or created/updated/pushed by id)
   * and `direction`.
   * @param {TokenState} st
   * @param {URLSearchParams} query
   */
  const userRepos = (st, query) => {
    const login = lower(st.spec.login)
    /** @type {RepoState[]} */
    let list
    if (isScopeToken(st)) {
      list = [...repos.values()].filter((r) => {
        const owner = lower(r.owner)
        const org = orgs.get(owner)
        if (owner !== login && !org?.members.has(login)) return false
        if (org && policyRefusal(st, org)) return false
        return !r.private || st.scopes.has('repo')
      })
    } else {
      const org = orgs.get(lower(st.resourceOwner))
      list = org && policyRefusal(st, org) ? [] : [...repos.values()].filter((r) => reaches(st, r))
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
      const affiliation = lower(r.owner) === login ? 'owner' : orgs.has(lower(r.owner)) ? 'organization_member' : 'collaborator'
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
   * @param {T[]} items
   * @param {URLSearchParams} query
   * @param {string} path the request path, without `/api/v3`
   * @returns {{ items: T[], link: string | undefined }}
   */
  const paginate = (items, query, path) => {
    const requested = Number(query.get('per_page') ?? '')
    const perPage = Number.isInteger(requested) && requested >= 1 ? Math.min(MAX_PER_PAGE, requested) : DEFAULT_PER_PAGE
    const askedPage = Number(query.get('page') ?? '')
    const page = Number.isInteger(askedPage) && askedPage >= 1 ? askedPage : 1
    const last = Math.max(1, Math.ceil(items.length / perPage))
    /** @param {number} p @param {string} rel */
    const link = (p, rel) => {
      const q = new URLSearchParams(query)
      q.set('page', String(p))
      return `<${apiBase}${path}?${q}>; rel="${rel}"`
    }
    const rels = []
    if (page > 1) rels.push(link(Math.min(page - 1, last), 'prev'))
    if (page < last) rels.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) rels.push(link(1, 'first'))
    return { items: items.slice((page - 1) * perPage, page * perPage), link: rels.length > 0 ? rels.join(', ') : undefined }
  }

  // The organization's record of fine-grained tokens -------------------------------------------------------------------

  /**
   * Fine-grained tokens for an org: approved ones (its grants) or pending ones (its requests), in scenario order.
   * @param {OrgState} org
   * @param {boolean} pending
   */
  const patTokensOf = (org, pending) =>
    [...tokens.values()].filter((st) => st.spec.kind === 'fine-grained' && lower(st.resourceOwner) === lower(org.login) && (st.spec.pendingApproval === true) === pending)

  /** The id of a token's grant or request in the org's record. @param {TokenState} st */
  const patEntryId = (st) => 40001 + st.index

  /**
   * Permissions grouped as the record groups them, by the data's `displayTitle`: organization, repository, and
   * other (user permissions, and names the data does not know).
   * @param {Record<string, Level>} permissions
   */
  const groupPermissions = (permissions) => {
    /** @type {{ organization: Record<string, string>, repository: Record<string, string>, other: Record<string, string> }} */
    const groups = { organization: {}, repository: {}, other: {} }
    for (const [name, level] of Object.entries(permissions)) {
      const kind = catalog.permissionKinds.get(name)
      groups[kind === 'organization' ? 'organization' : kind === 'repository' ? 'repository' : 'other'][name] = level
    }
    return groups
  }

  /**
   * What the org's record shows for a token: `recordedPermissions`, or its permissions with `metadata: read` when it
   * holds any repository permission (GitHub makes metadata mandatory then).
   * @param {TokenState} st
   * @returns {Record<string, Level>}
   */
  const recordedPermissions = (st) => {
    if (st.spec.recordedPermissions) return { ...st.spec.recordedPermissions }
    const held = { ...st.permissions }
    if (!held.metadata && Object.keys(held).some((name) => catalog.permissionKinds.get(name) === 'repository')) held.metadata = 'read'
    return held
  }

  /**
   * A grant (`organization-programmatic-access-grant`) or a request (`…-grant-request`) in GitHub's shape.
   * @param {TokenState} st
   * @param {OrgState} org
   * @param {boolean} pending
   */
  const patEntry = (st, org, pending) => {
    const id = patEntryId(st)
    const selection = st.selection === 'all' ? 'all' : st.selection.size === 0 ? 'none' : 'subset'
    const owner = account(st.spec.login)
    return {
      id,
      ...(pending ? { reason: st.spec.requestReason ?? null } : {}),
      owner: { ...owner, url: `${apiBase}/users/${owner.login}`, html_url: `https://github.com/${owner.login}` },
      repository_selection: selection,
      repositories_url: `${apiBase}/orgs/${org.login}/personal-access-token${pending ? '-requests' : 's'}/${id}/repositories`,
      permissions: groupPermissions(recordedPermissions(st)),
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
   * @param {OrgState} org
   * @param {boolean} pending
   * @param {URLSearchParams} query
   */
  const patRecord = (org, pending, query) => {
    /** @param {string} name */
    const values = (name) => [...query.getAll(`${name}[]`), ...query.getAll(name)].flatMap((v) => v.split(',')).map((v) => lower(v.trim())).filter(Boolean)
    const owners = values('owner')
    const tokenIds = values('token_id')
    const repository = lower(query.get('repository') ?? '')
    const descending = (query.get('direction') ?? 'desc') !== 'asc'
    return patTokensOf(org, pending)
      .filter((st) => owners.length === 0 || owners.includes(lower(st.spec.login)))
      .filter((st) => tokenIds.length === 0 || tokenIds.includes(String(st.id)))
      .filter((st) => repository === '' || st.selection === 'all' || st.selection.has(repository))
      .sort((a, b) => (a.createdMs - b.createdMs) * (descending ? -1 : 1) || a.index - b.index)
  }

  // Issue bodies ---------------------------------------------------------------------------------------------------------

  /** @param {IssueState['user']} user */
  const userBody = (user) => ({
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
    type: user.type,
    site_admin: false,
    url: `${apiBase}/users/${encodeURIComponent(user.login)}`,
    html_url: user.type === 'Bot' ? `https://github.com/apps/${user.login.replace(/\[bot\]$/, '')}` : `https://github.com/${user.login}`
  })

  /**
   * A label (labels exist as soon as an issue carries them); its id is derived from the name.
   * @param {string} full `owner/name`
   * @param {string} name
   */
  const labelBody = (full, name) => {
    const id = 7_000_000 + [...lower(name)].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) % 1_000_000, 0)
    return { id, node_id: nodeId('LA', id), url: `${apiBase}/repos/${full}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null }
  }

  /** @param {IssueState} issue */
  const issueBody = (issue) => {
    const full = `${issue.repo.owner}/${issue.repo.name}`
    const url = `${apiBase}/repos/${full}/issues/${issue.number}`
    return {
      id: issue.id,
      node_id: nodeId('I', issue.id),
      url,
      repository_url: `${apiBase}/repos/${full}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `https://github.com/${full}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: userBody(issue.user),
      labels: issue.labels.map((name) => labelBody(full, name)),
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

  /** @param {IssueState} issue @param {CommentState} comment */
  const commentBody = (issue, comment) => {
    const full = `${issue.repo.owner}/${issue.repo.name}`
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      url: `${apiBase}/repos/${full}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${full}/issues/${issue.number}#issuecomment-${comment.id}`,
      issue_url: `${apiBase}/repos/${full}/issues/${issue.number}`,
      body: comment.body,
      user: userBody(comment.user),
      created_at: iso(comment.createdMs),
      updated_at: iso(comment.createdMs),
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  /**
   * `GET /repos/{owner}/{repo}/issues`: `state` (open, closed, all; default open), `creator` (a login; `app/NAME`
   * matches `NAME[bot]`), `labels` (comma-separated, all needed), `sort` (created, updated, comments), `direction`
   * (default desc: newest first).
   * @param {RepoState} repo
   * @param {URLSearchParams} query
   */
  const listIssues = (repo, query) => {
    const state = query.get('state') ?? 'open'
    const creator = lower(query.get('creator') ?? '').replace(/^app\/(.+)$/, '$1[bot]')
    const labels = (query.get('labels') ?? '').split(',').map((l) => lower(l.trim())).filter(Boolean)
    const sort = query.get('sort') ?? 'created'
    const ascending = query.get('direction') === 'asc'
    /** @param {IssueState} i */
    const key = (i) => (sort === 'updated' ? i.updatedMs : sort === 'comments' ? i.comments.length : i.createdMs)
    return issuesOf(repo)
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => creator === '' || lower(i.user.login) === creator)
      .filter((i) => labels.every((l) => i.labels.some((have) => lower(have) === l)))
      .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (ascending ? 1 : -1))
  }

  // Responding ------------------------------------------------------------------------------------------------------

  /**
   * @param {TokenState} st
   * @param {string | undefined} expiryOverride
   * @param {string} apiVersion
   * @returns {Record<string, string>}
   */
  const baseHeaders = (st, expiryOverride, apiVersion) => {
    /** @type {Record<string, string>} */
    const h = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': apiVersion,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': requestId(),
      'x-ratelimit-limit': String(st.limit),
      'x-ratelimit-remaining': String(st.remaining),
      'x-ratelimit-reset': String(st.resetEpoch),
      'x-ratelimit-used': String(st.limit - st.remaining),
      'x-ratelimit-resource': 'core'
    }
    if (expiryOverride !== undefined) h['github-authentication-token-expiration'] = expiryOverride
    else if (st.expiresMs !== null) h['github-authentication-token-expiration'] = formatExpiry(st.expiresMs, st.spec.expiryHeaderForm ?? 'utc')
    if (isScopeToken(st)) {
      h['x-oauth-scopes'] = (st.spec.scopes ?? []).join(', ')
      h['x-accepted-oauth-scopes'] = ''
    }
    return h
  }

  const requestId = () => `${hex(2)}:${hex(2)}:${hex(3)}:${hex(4)}:${hex(4)}`

  /**
   * @param {TokenState} st
   * @param {string} method
   * @param {string} path
   * @returns {{ kind: ScenarioFault['kind'] } | null}
   */
  const takeFault = (st, method, path) => {
    const faults = st.spec.faults ?? []
    for (let i = 0; i < faults.length; i++) {
      const fault = /** @type {ScenarioFault} */ (faults[i])
      if ((st.faultsLeft[i] ?? 0) <= 0) continue
      if (fault.match !== '*') {
        const space = fault.match.indexOf(' ')
        const m = space < 0 ? '*' : fault.match.slice(0, space)
        const pattern = space < 0 ? fault.match : fault.match.slice(space + 1)
        if (m !== '*' && m.toUpperCase() !== method) continue
        if (!new RegExp(pattern).test(path)) continue
      }
      st.faultsLeft[i] = (st.faultsLeft[i] ?? 0) - 1
      return { kind: fault.kind }
    }
    return null
  }

  /**
   * @param {string} kind
   * @returns {Reply | null} null for faults that only alter headers
   */
  const faultReply = (kind) => {
    const id = { 'x-github-request-id': requestId() }
    switch (kind) {
      case 'reset':
        return { status: 0, headers: {}, destroy: true, fault: kind }
      case '500':
        return { status: 500, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: errorBody('Server Error', '500'), fault: kind }
      case '503':
        return { status: 503, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: errorBody('Service Unavailable', '503'), fault: kind }
      case '502':
        return {
          status: 502,
          headers: { ...id, 'content-type': 'text/html; charset=utf-8' },
          body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>Unicorn! This page is taking too long to load.</p></body></html>\n',
          fault: kind
        }
      case 'html':
        return {
          status: 200,
          headers: { ...id, 'content-type': 'text/html; charset=utf-8' },
          body: '<!DOCTYPE html>\n<html lang="en"><head><title>GitHub</title></head><body><p>Sign in to GitHub</p></body></html>\n',
          fault: kind
        }
      case 'empty-body':
        return { status: 200, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: '', fault: kind }
      default:
        return null
    }
  }

  /**
   * Whether a request is a workflow token's write to an issue of its own repository (applied, not flagged).
   * @param {TokenState | undefined} st
   * @param {NonNullable<ReturnType<typeof matchRoute>>} match
   */
  const isOwnIssueWrite = (st, match) =>
    st !== undefined &&
    st.spec.kind === 'github-actions' &&
    ISSUE_WRITES.has(`${match.route.method} ${match.route.template}`) &&
    lower(`${match.params.owner ?? ''}/${match.params.repo ?? ''}`) === lower(st.spec.repository ?? '')

  /**
   * The whole decision for one request. Pure apart from counters, flags and the issue store.
   * @param {{ method: string, path: string, query: URLSearchParams, headers: import('node:http').IncomingHttpHeaders, body: { value: unknown, bad: boolean } }} req
   * @param {RecordedRequest} record
   * @param {{ write: boolean }} outcome set `write` when the request goes to `sim.writes`
   * @returns {Reply}
   */
  const decide = (req, record, outcome) => {
    const method = req.method === 'HEAD' ? 'GET' : req.method
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path
    const match = matchRoute(catalog, method, path)
    record.template = match?.route.template ?? null
    const requestedVersion = String(req.headers['x-github-api-version'] ?? '')
    const apiVersion = API_VERSIONS.has(requestedVersion) ? requestedVersion : DEFAULT_API_VERSION

    // Flags are judged before anything else, as if the token held every permission.
    /** @type {ReturnType<typeof judgeWrite> | null} */
    const judgement = match && method !== 'GET' ? judgeWrite(match.route, match.params, req.body) : null

    // Authentication.
    const auth = String(req.headers.authorization ?? '')
    const credential = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(auth)?.[1]
    const st = credential ? tokens.get(credential) : undefined
    record.token = st ? st.spec.name : credential ? '(unknown)' : '(none)'
    outcome.write = match !== null && isOwnIssueWrite(st, match)
    if (judgement?.outcome === 'change' && !outcome.write) {
      flags.push({ method: req.method, path: req.path, template: record.template, reason: judgement.reason, token: record.token, status: 0 })
    }
    if (!st || (st.expiresMs !== null && st.expiresMs <= Date.now())) {
      unauthenticatedUsed++
      return {
        status: 401,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-github-api-version-selected': apiVersion,
          'x-github-media-type': 'github.v3; format=json',
          'x-github-request-id': requestId(),
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': String(Math.max(0, 60 - unauthenticatedUsed)),
          'x-ratelimit-reset': String(Math.floor(startedMs / 1000) + 3600),
          'x-ratelimit-used': String(Math.min(60, unauthenticatedUsed)),
          'x-ratelimit-resource': 'core'
        },
        body: credential ? errorBody('Bad credentials', '401') : errorBody('Requires authentication', '401')
      }
    }

    // Faults, then rate limits.
    const fault = takeFault(st, req.method, req.path)
    if (fault) {
      const reply = faultReply(fault.kind)
      if (reply) return reply
    }
    const expiryOverride = fault?.kind === 'malformed-expiry' ? 'not-a-date' : undefined
    const isRateLimitCall = method === 'GET' && path === '/rate_limit'
    if (st.secondaryLeft > 0) {
      st.secondaryLeft--
      const retryAfter = String(st.spec.secondaryRateLimit?.retryAfterSeconds ?? 60)
      return {
        status: 403,
        headers: { ...baseHeaders(st, expiryOverride, apiVersion), 'retry-after': retryAfter },
        body: errorBody(
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          '403',
          `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`
        ),
        fault: fault?.kind
      }
    }
    if (!isRateLimitCall) {
      if (st.remaining <= 0) {
        const headers = baseHeaders(st, expiryOverride, apiVersion)
        const message =
          `API rate limit exceeded for user ID ${st.userId}. If you reach out to GitHub Support for help, please include the ` +
          `request ID ${headers['x-github-request-id']} and timestamp ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC.`
        return { status: 403, headers, body: errorBody(message, '403', RATE_LIMIT_DOCS), fault: fault?.kind }
      }
      st.remaining--
    }
    const headers = baseHeaders(st, expiryOverride, apiVersion)
    const reply = routeReply({ method, path, query: req.query, body: req.body.value, match, judgement, write: outcome.write }, st, headers)
    return fault ? { ...reply, fault: fault.kind } : reply
  }

  /**
   * @typedef {object} RoutedRequest
   * @property {string} method GET for HEAD
   * @property {string} path without query and trailing slashes (and without `/api/v3`)
   * @property {URLSearchParams} query
   * @property {unknown} body parsed JSON body (undefined when empty)
   * @property {ReturnType<typeof matchRoute>} match
   * @property {ReturnType<typeof judgeWrite> | null} judgement
   * @property {boolean} write a workflow token's write to its own repository's issues
   */

  /**
   * @param {RoutedRequest} req
   * @param {TokenState} st
   * @param {Record<string, string>} headers
   * @returns {Reply}
   */
  const routeReply = (req, st, headers) => {
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
    const ctx = resolveContext(route, params, st)
    if (ctx.missing) return notFound()

    // Suspended owners, blocked repositories, IP allow lists, token-kind bans, classic lifetimes (conditions.js).
    const ownerConds = ctx.org?.conditions ?? (ctx.ownerLogin && suspendedUsers.has(lower(ctx.ownerLogin)) ? ownerConditions({ suspended: true }) : undefined)
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
        authorised = sets.some((set) => set.every((need) => rank(effectiveLevel(st, need.permission, ctx)) >= rank(need.access)))
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
    const subResourcesExist = route.params.every((p) => ctx.resolved.has(p.name) || paramExists(p, params))

    if (!authorised) {
      if (method === 'GET' && PUBLIC_FALLBACKS.has(route.template)) {
        if (!subResourcesExist) return notFound()
        if (route.template === '/orgs/{org}/repos' || route.template === '/users/{username}/repos') {
          return json(200, reposOf(ctx.ownerLogin ?? '', st, true))
        }
        return json(200, ctx.org ? membersBody(ctx.org, true) : [])
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
      return getReply(route, params, ctx, st, path, req.query, headers, json, notFound)
    }

    switch (judgement?.outcome) {
      case 'not-found':
        return notFound()
      case 'bad-json':
        return { status: 400, headers, body: errorBody('Problems parsing JSON', '400', route.docsUrl) }
      case 'invalid':
        return { status: 422, headers, body: errorBody(`Invalid request.\n\n"${judgement.field}" wasn't supplied.`, '422', route.docsUrl) }
      default: {
        if (req.write && ctx.repo) return applyIssueWrite(route, params, ctx.repo, st, req.body, headers, json)
        // A PUT that creates answers 201 where GitHub documents it (create or update a file: 201 / 200).
        const creates = judgement?.outcome === 'change' && judgement.creates && route.op?.responses?.['201'] !== undefined
        const status = creates ? 201 : successStatus(route)
        return json(status, sampleResponse(route, status) ?? (status === 204 ? undefined : {}))
      }
    }
  }

  /**
   * A workflow token's authorised, complete write to an issue of its own repository: applied to the store.
   * @param {Route} route
   * @param {Record<string, string>} params
   * @param {RepoState} repo
   * @param {TokenState} st
   * @param {unknown} rawBody
   * @param {Record<string, string>} headers
   * @param {(status: number, body?: unknown) => Reply} json
   * @returns {Reply}
   */
  const applyIssueWrite = (route, params, repo, st, rawBody, headers, json) => {
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
    const user = actor(st.spec.login)

    if (route.template === '/repos/{owner}/{repo}/issues') {
      if (!isText(body.title) || String(body.title).trim() === '') return validationFailed('Issue', 'title')
      if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') return validationFailed('Issue', 'body', 'invalid')
      const labels = body.labels === undefined ? [] : labelsOf()
      if (labels === null) return validationFailed('Issue', 'labels', 'invalid')
      const issue = createIssue(repo, { title: String(body.title), body: typeof body.body === 'string' ? body.body : null, labels, user })
      const created = issueBody(issue)
      headers.location = created.url
      return json(201, created)
    }

    const issue = findIssue(repo.owner, repo.name, params.issue_number ?? '')
    if (!issue) return { status: 404, headers, body: errorBody('Not Found', '404') }

    if (route.template === '/repos/{owner}/{repo}/issues/{issue_number}/comments') {
      if (typeof body.body !== 'string' || body.body.trim() === '') return validationFailed('IssueComment', 'body')
      const comment = addComment(issue, body.body, user)
      const created = commentBody(issue, comment)
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
    return json(200, issueBody(issue))
  }

  /**
   * An authorised GET whose path names existing things.
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
  const getReply = (route, params, ctx, st, path, query, headers, json, notFound) => {
    /**
     * A page of a list, with its `Link` header.
     * @template T
     * @param {T[]} items
     * @param {(page: T[]) => unknown} [wrap] the body for the page (default: the page itself)
     */
    const paged = (items, wrap) => {
      const page = paginate(items, query, path)
      if (page.link) headers.link = page.link
      return json(200, wrap ? wrap(page.items) : page.items)
    }
    switch (route.template) {
      case '/user':
        return json(200, { ...account(st.spec.login), name: st.spec.login, html_url: `https://github.com/${st.spec.login}` })
      case '/users/{username}':
        return json(200, account(params.username ?? ''))
      case '/orgs/{org}':
        return json(200, ctx.org ? { ...account(ctx.org.login), url: `https://api.github.com/orgs/${ctx.org.login}`, description: null } : {})
      case '/repos/{owner}/{repo}':
      case '/repositories/{repository_id}':
        return ctx.repo ? json(200, repoBody(ctx.repo, st)) : notFound()
      case '/orgs/{org}/members':
        return json(200, ctx.org ? membersBody(ctx.org, false) : [])
      case '/orgs/{org}/public_members':
        return json(200, ctx.org ? membersBody(ctx.org, true) : [])
      case '/orgs/{org}/members/{username}':
        return ctx.org?.members.has(lower(params.username ?? '')) ? json(204) : notFound()
      case '/orgs/{org}/public_members/{username}':
        return ctx.org?.publicMembers.has(lower(params.username ?? '')) ? json(204) : notFound()
      case '/orgs/{org}/repos':
      case '/users/{username}/repos':
        return json(200, reposOf(ctx.ownerLogin ?? '', st, false))
      case '/user/repos':
        return paged(userRepos(st, query).map((r) => repoBody(r, st)))
      case '/installation/repositories': {
        const list = [...repos.values()].filter((r) => reaches(st, r)).sort((a, b) => a.id - b.id)
        return paged(list, (page) => ({
          total_count: list.length,
          repository_selection: st.selection === 'all' ? 'all' : 'selected',
          repositories: page.map((r) => repoBody(r, st))
        }))
      }
      case '/orgs/{org}/personal-access-tokens':
        // Entries are built for the page served only (an org can hold thousands: tools/simulator/inventory.js).
        {
          const org = ctx.org
          return org ? paged(patRecord(org, false, query), (page) => page.map((t) => patEntry(t, org, false))) : notFound()
        }
      case '/orgs/{org}/personal-access-token-requests':
        {
          const org = ctx.org
          return org ? paged(patRecord(org, true, query), (page) => page.map((t) => patEntry(t, org, true))) : notFound()
        }
      case '/orgs/{org}/personal-access-tokens/{pat_id}/repositories':
      case '/orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories': {
        const org = ctx.org
        const pending = 'pat_request_id' in params
        const id = params.pat_request_id ?? params.pat_id ?? ''
        const holder = org ? patTokensOf(org, pending).find((t) => String(patEntryId(t)) === id) : undefined
        if (!holder) return notFound()
        return paged([...repos.values()].filter((r) => selects(holder, r)).sort((a, b) => a.id - b.id).map((r) => repoBody(r, holder)))
      }
      case '/repos/{owner}/{repo}/issues':
        return ctx.repo ? paged(listIssues(ctx.repo, query).map(issueBody)) : notFound()
      case '/repos/{owner}/{repo}/issues/{issue_number}': {
        const issue = findIssue(params.owner ?? '', params.repo ?? '', params.issue_number ?? '')
        return issue ? json(200, issueBody(issue)) : notFound()
      }
      case '/repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const issue = findIssue(params.owner ?? '', params.repo ?? '', params.issue_number ?? '')
        return issue ? paged(issue.comments.map((c) => commentBody(issue, c))) : notFound()
      }
      default: {
        const status = successStatus(route)
        return json(status, sampleResponse(route, status) ?? (status === 204 ? undefined : {}))
      }
    }
  }

  // HTTP ------------------------------------------------------------------------------------------------------------

  const server = createServer((req, res) => {
    const at = Date.now()
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    let finished = false
    const finish = () => {
      if (!finished) {
        finished = true
        inFlight--
      }
    }
    res.on('close', finish)
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('error', finish)
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      // GitHub Enterprise Server serves the REST API under /api/v3; the simulator's GHES edition does too.
      if (scenario.edition === 'ghes' && url.pathname.startsWith('/api/v3/')) url.pathname = url.pathname.slice('/api/v3'.length)
      const raw = Buffer.concat(chunks).toString('utf8')
      /** @type {{ value: unknown, bad: boolean }} */
      let body = { value: undefined, bad: false }
      if (raw.trim() !== '') {
        try {
          body = { value: JSON.parse(raw), bad: false }
        } catch {
          body = { value: raw, bad: true }
        }
      }
      const method = (req.method ?? 'GET').toUpperCase()
      /** @type {RecordedRequest} */
      const record = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        template: null,
        status: 0,
        token: '(none)',
        body: body.value === undefined ? null : body.value,
        at
      }
      requests.push(record)
      const flagCount = flags.length
      const outcome = { write: false }
      /** @type {Reply} */
      let reply
      try {
        reply = decide({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, record, outcome)
      } catch (error) {
        reply = {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: errorBody(`Simulator error: ${error instanceof Error ? error.message : String(error)}`, '500')
        }
      }
      record.status = reply.status
      if (reply.fault) record.fault = reply.fault
      if (outcome.write) writes.push({ method, path: url.pathname, status: reply.status, body: record.body, token: record.token })
      for (let i = flagCount; i < flags.length; i++) {
        const flag = flags[i]
        if (flag) flag.status = reply.status
      }
      const send = () => {
        if (reply.destroy) {
          req.socket.destroy()
          finish()
          return
        }
        const payload = reply.body ?? ''
        res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(payload)) })
        res.end(payload)
      }
      if (latencyMs > 0) delay(latencyMs).then(send, send)
      else send()
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('simulator: no TCP address')

  const url = `http://127.0.0.1:${address.port}`
  apiBase = scenario.edition === 'ghes' ? `${url}/api/v3` : url

  return {
    url,
    apiUrl: apiBase,
    requests,
    flags,
    writes,
    get issues() {
      return Object.freeze(
        allIssues.map((i) =>
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
    },
    get maxInFlight() {
      return maxInFlight
    },
    reset(options = {}) {
      requests.length = 0
      flags.length = 0
      writes.length = 0
      maxInFlight = 0
      resetCounters()
      if (options.issues) seedIssues()
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
    }
  }
}
