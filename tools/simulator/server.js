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
 * Listens on 127.0.0.1 only, on a port the OS chooses. See README.md next to this file for the rules, and its "Files"
 * section for where each part lives. This file creates one state object per simulator and hands it to them.
 */
import { loadCatalog } from './catalog.js'
import { buildWorld } from './world.js'
import { buildTokens, resetCounters } from './tokens.js'
import { issuesSnapshot, seedIssues } from './issues.js'
import { listen } from './http.js'

export {
  CLASSIC_SCOPE_RULES,
  GITHUB_ACTIONS_DEFAULT_PERMISSIONS,
  INSTALLATION_KINDS,
  ISSUE_WRITES,
  PAT_RECORD_PERMISSION,
  PAT_REQUESTS_PERMISSION,
  PUBLIC_FALLBACKS,
  PUBLIC_REPO_READ_PERMISSIONS,
  SCOPE_IMPLIES,
  formatExpiry
} from './rules.js'

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').ScenarioOrg} ScenarioOrg */
/** @typedef {import('./types.js').ScenarioUser} ScenarioUser */
/** @typedef {import('./types.js').ScenarioRepo} ScenarioRepo */
/** @typedef {import('./types.js').ScenarioIssue} ScenarioIssue */
/** @typedef {import('./types.js').ScenarioFault} ScenarioFault */
/** @typedef {import('./types.js').ScenarioToken} ScenarioToken */
/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./types.js').Flag} Flag */
/** @typedef {import('./types.js').WriteRecord} WriteRecord */
/** @typedef {import('./types.js').SimIssue} SimIssue */
/** @typedef {import('./types.js').Simulator} Simulator */
/** @typedef {import('./state.js').SimState} SimState */

/**
 * Starts a simulator for a scenario on 127.0.0.1 (port chosen by the OS).
 * @param {Scenario} scenario
 * @returns {Promise<Simulator>}
 */
export async function startSimulator(scenario) {
  const catalog = loadCatalog(scenario.edition ?? 'fpt')
  const startedMs = Date.now()
  const { users, orgs, repos, suspendedUsers } = buildWorld(scenario)
  /** @type {SimState} */
  const s = {
    scenario,
    catalog,
    latencyMs: Math.max(0, scenario.latencyMs ?? 0),
    startedMs,
    users,
    orgs,
    repos,
    suspendedUsers,
    tokens: new Map(),
    unauthenticatedUsed: 0,
    issueStore: new Map(),
    allIssues: [],
    nextIssueId: 1,
    nextCommentId: 1,
    requests: [],
    flags: [],
    writes: [],
    apiBase: '',
    inFlight: 0,
    maxInFlight: 0
  }
  seedIssues(s)
  s.tokens = buildTokens(scenario, users, startedMs)
  resetCounters(s)

  const server = await listen(s)
  s.apiBase = scenario.edition === 'ghes' ? `${server.url}/api/v3` : server.url

  return {
    url: server.url,
    apiUrl: s.apiBase,
    requests: s.requests,
    flags: s.flags,
    writes: s.writes,
    get issues() {
      return issuesSnapshot(s)
    },
    get maxInFlight() {
      return s.maxInFlight
    },
    reset(options = {}) {
      s.requests.length = 0
      s.flags.length = 0
      s.writes.length = 0
      s.maxInFlight = 0
      resetCounters(s)
      if (options.issues) seedIssues(s)
    },
    close: server.close
  }
}
