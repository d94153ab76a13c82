// @ts-check
/**
 * The per-simulator state: one object created by `startSimulator` and passed to every function that needs it (several
 * simulators run side by side in the tests, so nothing lives at module level). Its parts come from world.js (users,
 * orgs, repositories), tokens.js (tokens and their counters) and issues.js (the issue store).
 */

/** @typedef {import('./catalog.js').Level} Level */
/** @typedef {import('./catalog.js').Catalog} Catalog */
/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').ScenarioToken} ScenarioToken */
/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./types.js').Flag} Flag */
/** @typedef {import('./types.js').WriteRecord} WriteRecord */

/**
 * @typedef {object} SimState
 * @property {Scenario} scenario
 * @property {Catalog} catalog
 * @property {number} latencyMs delay before every response
 * @property {number} startedMs when the simulator started
 * @property {Map<string, { login: string, id: number }>} users by lower-case login
 * @property {Map<string, OrgState>} orgs by lower-case login
 * @property {Map<string, RepoState>} repos by lower-case `owner/name`
 * @property {Set<string>} suspendedUsers lower-case logins of suspended users: everything they own answers 404 (conditions.js)
 * @property {Map<string, TokenState>} tokens by token value
 * @property {number} unauthenticatedUsed requests answered 401 since start or reset
 * @property {Map<string, IssueState[]>} issueStore per repository (lower-case `owner/name`), by number
 * @property {IssueState[]} allIssues every issue, in creation order
 * @property {number} nextIssueId
 * @property {number} nextCommentId
 * @property {RecordedRequest[]} requests
 * @property {Flag[]} flags
 * @property {WriteRecord[]} writes
 * @property {string} apiBase the REST API root for `Link` headers and API URLs in bodies; set once the server listens
 * @property {number} inFlight
 * @property {number} maxInFlight
 */

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

export {}
