// @ts-check
/**
 * Sample scenarios for the simulator. Each function returns a fresh scenario; dates are relative to now.
 *
 * Token values look real (`github_pat_11…` 93 characters, `ghp_…` 40 characters with GitHub's CRC32 checksum) so
 * prefix detection works, but they are derived from a fixed seed at run time and are not GitHub credentials.
 */
import { loadPermissionData } from './catalog.js'
import { classicTokenValue, daysFromNow, fineGrainedTokenValue } from './token-values.js'

export { classicTokenValue, daysFromNow, fineGrainedTokenValue } from './token-values.js'

/** @typedef {import('./server.js').Scenario} Scenario */
/** @typedef {import('./server.js').ScenarioToken} ScenarioToken */
/** @typedef {import('./server.js').ScenarioRepo} ScenarioRepo */
/** @typedef {import('./catalog.js').Level} Level */

/**
 * Every permission in the edition's data at the highest level it is listed with.
 * @param {'fpt' | 'ghes'} [edition]
 * @returns {Record<string, Level>}
 */
export function allPermissions(edition = 'fpt') {
  /** @type {Record<string, Level>} */
  const result = {}
  const rank = { read: 1, write: 2, admin: 3 }
  for (const [name, value] of Object.entries(loadPermissionData(edition))) {
    for (const entry of value.permissions) {
      const prev = result[name]
      if (!prev || rank[entry.access] > rank[prev]) result[name] = entry.access
    }
  }
  return result
}

/**
 * The shared world: org `acme` (members octocat and hubot, octocat's membership public), users `octocat` (id 1) and
 * `hubot` (id 2), private `acme/infra` and `acme/secrets`, public `acme/website`.
 * @param {ScenarioToken[]} tokens
 * @returns {Scenario}
 */
function world(tokens) {
  return {
    edition: 'fpt',
    latencyMs: 0,
    orgs: [{ login: 'acme', publicMembers: ['octocat'] }],
    users: [
      { login: 'octocat', id: 1 },
      { login: 'hubot', id: 2 }
    ],
    repos: [
      { owner: 'acme', name: 'infra', private: true },
      { owner: 'acme', name: 'secrets', private: true },
      { owner: 'acme', name: 'website', private: false }
    ],
    tokens
  }
}

/**
 * @param {string} name
 * @param {Partial<ScenarioToken>} fields
 * @returns {ScenarioToken}
 */
function fineGrained(name, fields) {
  return {
    name,
    value: fineGrainedTokenValue(`pat-audit-simulator:${name}`),
    kind: 'fine-grained',
    login: 'octocat',
    resourceOwner: 'acme',
    repositories: 'all',
    permissions: {},
    expiresAt: daysFromNow(90),
    expiryHeaderForm: 'utc',
    pendingApproval: false,
    rateLimit: { limit: 5000, remaining: 5000 },
    ...fields
  }
}

/** Fine-grained token for org `acme` reading members and Copilot seats; expires in ~300 days (UTC header form). */
export function analytics() {
  return world([
    fineGrained('analytics', {
      permissions: { members: 'read', organization_copilot_seat_management: 'read' },
      expiresAt: daysFromNow(300),
      expiryHeaderForm: 'utc'
    })
  ])
}

/** Fine-grained token for `acme/infra` only: contents and pull requests write; expires in 20 days (+0200 form). */
export function bot() {
  return world([
    fineGrained('bot', {
      repositories: ['infra'],
      permissions: { contents: 'write', pull_requests: 'write', metadata: 'read' },
      expiresAt: daysFromNow(20),
      expiryHeaderForm: 'offset'
    })
  ])
}

/** Fine-grained token still pending approval by `acme`: public `acme/website` readable, private `acme/infra` not. */
export function pending() {
  return world([
    fineGrained('pending', {
      permissions: { contents: 'read', issues: 'write', members: 'read' },
      expiresAt: daysFromNow(60),
      pendingApproval: true
    })
  ])
}

/** Classic token with scopes `repo, read:org` that never expires. */
export function classic() {
  return world([
    {
      name: 'classic',
      value: classicTokenValue('pat-audit-simulator:classic'),
      kind: 'classic',
      login: 'octocat',
      scopes: ['repo', 'read:org'],
      expiresAt: null,
      rateLimit: { limit: 5000, remaining: 5000 }
    }
  ])
}

/** Fine-grained token for `acme` holding every permission in the data at its highest level. */
export function everything() {
  return world([fineGrained('everything', { permissions: allPermissions('fpt'), expiresAt: daysFromNow(90) })])
}

/** Fine-grained token for `acme` holding no permission (metadata: read only, as every token). */
export function nothing() {
  return world([fineGrained('nothing', { permissions: {}, expiresAt: daysFromNow(30) })])
}

/**
 * Organization policies: `acme` enforces SAML SSO, `globex` caps fine-grained lifetimes at 90 days, `initech`
 * forbids classic tokens. Tokens: a classic token and a fine-grained token for `globex` living 366 days.
 */
export function policies() {
  const scenario = world([
    {
      name: 'classic',
      value: classicTokenValue('pat-audit-simulator:policies-classic'),
      kind: 'classic',
      login: 'octocat',
      scopes: ['repo', 'read:org'],
      expiresAt: null
    },
    fineGrained('long-lived', { resourceOwner: 'globex', permissions: { members: 'read' }, expiresAt: daysFromNow(366) })
  ])
  scenario.orgs = [
    { login: 'acme', ssoUrl: 'https://github.com/orgs/acme/sso?authorization_request=SIMULATED' },
    { login: 'globex', fineGrainedMaxLifetimeDays: 90 },
    { login: 'initech', classicForbidden: true }
  ]
  scenario.repos = [
    ...(scenario.repos ?? []),
    { owner: 'globex', name: 'ledger', private: true },
    { owner: 'initech', name: 'tps-reports', private: true }
  ]
  return scenario
}

/**
 * Many repositories of one owner, cheaply: `${prefix}-0001` … (4 digits at least), private by default.
 * @param {string} owner an org or user login
 * @param {number} count
 * @param {{ private?: boolean, prefix?: string, firstId?: number }} [options] `firstId`: ids firstId, firstId + 1, …
 *   (default: assigned by the simulator)
 * @returns {ScenarioRepo[]}
 */
export function manyRepos(owner, count, options = {}) {
  const prefix = options.prefix ?? 'repo'
  const width = Math.max(4, String(count).length)
  return Array.from({ length: count }, (_, i) => ({
    owner,
    name: `${prefix}-${String(i + 1).padStart(width, '0')}`,
    private: options.private ?? true,
    ...(options.firstId !== undefined ? { id: options.firstId + i } : {})
  }))
}

/** The three of fleet()'s 1,000 `acme/service-NNNN` repositories its token does not select. */
export const FLEET_UNSELECTED = ['service-0007', 'service-0500', 'service-1000']

/**
 * 1,000 private repositories `acme/service-0001` … `acme/service-1000` besides the shared world, and a fine-grained
 * token `fleet` for `acme` (contents: read) selecting `infra` and all of them but three (FLEET_UNSELECTED): listing
 * what it reaches (`GET /user/repos?per_page=100`) takes 10 pages for 998 repositories.
 */
export function fleet() {
  const services = manyRepos('acme', 1000, { prefix: 'service' })
  const scenario = world([
    fineGrained('fleet', {
      repositories: ['infra', ...services.map((r) => r.name).filter((name) => !FLEET_UNSELECTED.includes(name))],
      permissions: { contents: 'read' },
      expiresAt: daysFromNow(60)
    })
  ])
  scenario.repos = [...(scenario.repos ?? []), ...services]
  return scenario
}

/**
 * A GitHub App installation token for an org with "Personal access tokens: read" (`organization_personal_access_tokens`)
 * and "Personal access token requests: read" (`organization_personal_access_token_requests`), which alone may read the
 * org's record of fine-grained tokens (`GET /orgs/{org}/personal-access-tokens`) and its pending requests
 * (`GET /orgs/{org}/personal-access-token-requests`).
 * @param {string} [org]
 * @param {Partial<ScenarioToken>} [fields]
 * @returns {ScenarioToken}
 */
export function orgAdminToken(org = 'acme', fields = {}) {
  return {
    name: `org-admin-${org}`,
    value: classicTokenValue(`pat-audit-simulator:org-admin:${org}`, 'ghs_'),
    kind: 'github-app-installation',
    login: 'pat-audit-org-admin[bot]',
    resourceOwner: org,
    repositories: [],
    permissions: { organization_personal_access_tokens: 'read', organization_personal_access_token_requests: 'read' },
    expiresAt: daysFromNow(1 / 24),
    ...fields
  }
}

/**
 * A workflow's `GITHUB_TOKEN` (`ghs_…`) for one repository, with `issues: write` (and `contents: read`) by default:
 * its issue writes to that repository change the simulator's issue store (`sim.issues`, `sim.writes`).
 * @param {string} [repository] `owner/name`
 * @param {Partial<ScenarioToken>} [fields]
 * @returns {ScenarioToken}
 */
export function workflowToken(repository = 'acme/infra', fields = {}) {
  return {
    name: 'workflow',
    value: classicTokenValue(`pat-audit-simulator:workflow:${repository}`, 'ghs_'),
    kind: 'github-actions',
    login: 'github-actions[bot]',
    repository,
    permissions: { contents: 'read', issues: 'write', metadata: 'read' },
    expiresAt: null,
    ...fields
  }
}

/**
 * The org's record: analytics (approved; its record also lists `organization_administration: read`, which the token
 * does not hold), pending (a request), and the org-admin installation token `org-admin-acme`.
 */
export function orgRecord() {
  const approved = analytics().tokens.map((t) => ({
    ...t,
    recordedPermissions: /** @type {Record<string, Level>} */ ({ ...t.permissions, organization_administration: 'read' }),
    tokenName: 'Copilot analytics',
    lastUsedAt: daysFromNow(-1)
  }))
  const requested = pending().tokens.map((t) => ({ ...t, requestReason: 'Triage issues for the infra team' }))
  return world([...approved, ...requested, orgAdminToken('acme')])
}

/** The bot token, and a workflow token for `acme/infra` that may write its issues (`workflow`). */
export function workflow() {
  return world([...bot().tokens, workflowToken('acme/infra')])
}

/** All sample tokens (analytics, bot, pending, classic, everything, nothing) in one world. */
export function all() {
  return world([analytics, bot, pending, classic, everything, nothing].flatMap((make) => make().tokens))
}

/** Scenario functions by name, for the CLI, the demo and the benchmark. */
export const SCENARIOS = /** @type {const} */ ({ analytics, bot, pending, classic, everything, nothing, policies, all, fleet, orgRecord, workflow })
