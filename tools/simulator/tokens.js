// @ts-check
/**
 * The scenario's tokens as the simulator holds them (selection, permissions with defaults, classic scopes with their
 * implications, expiry, rate-limit and fault counters), and what kind of check each kind of token gets.
 */
import { GITHUB_ACTIONS_DEFAULT_PERMISSIONS, INSTALLATION_KINDS, SCOPE_IMPLIES, lower } from './rules.js'

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').TokenState} TokenState */

/**
 * @param {Scenario} scenario
 * @param {Map<string, { login: string, id: number }>} users
 * @param {number} startedMs
 * @returns {Map<string, TokenState>} by token value (counters zero until resetCounters)
 */
export function buildTokens(scenario, users, startedMs) {
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
  return tokens
}

/**
 * Rate limits, secondary rate limits and faults back to the scenario's values.
 * @param {SimState} s
 */
export function resetCounters(s) {
  for (const st of s.tokens.values()) {
    const rl = st.spec.rateLimit
    st.limit = rl?.limit ?? 5000
    st.remaining = rl?.remaining ?? st.limit
    st.resetEpoch = rl?.resetEpochSeconds ?? Math.floor(s.startedMs / 1000) + 3600
    st.secondaryLeft = st.spec.secondaryRateLimit?.times ?? 0
    st.faultsLeft = (st.spec.faults ?? []).map((f) => f.times ?? 1)
  }
  s.unauthenticatedUsed = 0
}

/** @param {TokenState} st */
export const isPermissionToken = (st) =>
  st.spec.kind === 'fine-grained' || st.spec.kind === 'github-app-user' || st.spec.kind === 'github-app-installation' || st.spec.kind === 'github-actions'

/** @param {TokenState} st */
export const isScopeToken = (st) => st.spec.kind === 'classic' || st.spec.kind === 'oauth'

/** @param {TokenState} st */
export const notAccessibleMessage = (st) =>
  INSTALLATION_KINDS.has(st.spec.kind) || st.spec.kind === 'github-app-user' || st.spec.kind === 'oauth'
    ? 'Resource not accessible by integration'
    : 'Resource not accessible by personal access token'
