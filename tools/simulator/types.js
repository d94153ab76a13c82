// @ts-check
/**
 * The simulator's public types: what a scenario describes (orgs, users, repositories, issues, faults, tokens) and what
 * it records (requests, flags, writes, issue snapshots) and exposes (`Simulator`). Types only.
 */

/** @typedef {import('./catalog.js').Level} Level */

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
 * @property {number} [respondedAt] epoch milliseconds when the answer was written (after the scenario's latency)
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
export {}
