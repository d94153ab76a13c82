// @ts-check
/**
 * The world of a scenario: its users, organizations and repositories, and the lookups by login, name and id.
 * Everything not listed in the scenario does not exist.
 */
import { INSTALLATION_KINDS, lower } from './rules.js'
import { ownerConditions, repoConditions } from './conditions.js'

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').OrgState} OrgState */
/** @typedef {import('./state.js').RepoState} RepoState */

/**
 * Users (scenario users, then token owners), organizations and repositories, with their defaults applied.
 * @param {Scenario} scenario
 */
export function buildWorld(scenario) {
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
  return { users, orgs, repos, suspendedUsers }
}

/** @param {SimState} s @param {string} login */
export const accountExists = (s, login) => s.orgs.has(lower(login)) || s.users.has(lower(login))

/** @param {SimState} s @param {string} owner @param {string} name */
export const findRepo = (s, owner, name) => s.repos.get(lower(`${owner}/${name}`))

/** @param {SimState} s @param {string} id */
export const findRepoById = (s, id) => [...s.repos.values()].find((r) => String(r.id) === id)
