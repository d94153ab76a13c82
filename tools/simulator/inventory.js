// @ts-check
/**
 * The organization inventory world: org `acme` with 1,020 fine-grained tokens granted access and 50 requests pending,
 * owned by 150 users, plus the org-admin installation token `org-admin-acme` that may read both lists. The simulator
 * serves them through its record of fine-grained tokens (`GET /orgs/{org}/personal-access-tokens` and
 * `…-requests`, 100 a page with `Link` headers), so 11 pages in all.
 *
 * Every token's situation follows from its index, so tests know each list exactly: `INVENTORY_KINDS` names the
 * situation of index % 50 (0–8), every other index is compliant. Dates are relative to now.
 */
import { daysFromNow, fineGrainedTokenValue, orgAdminToken } from './scenarios.js'

/** @typedef {import('./server.js').Scenario} Scenario */
/** @typedef {import('./server.js').ScenarioToken} ScenarioToken */

export const INVENTORY_GRANTS = 1020
export const INVENTORY_REQUESTS = 50
export const INVENTORY_OWNERS = 150

/**
 * The situation of grant i is INVENTORY_KINDS[i % 50], or `compliant` past the end of the list.
 * @type {readonly string[]}
 */
export const INVENTORY_KINDS = [
  'expired', // expired 3 days ago (still granted)
  'expiring-fail', // expires in 3 days
  'expiring-warn', // expires in 20 days
  'never-expires', // no expiry: non-compliant with any lifetime policy
  'long-lifetime', // granted 10 days ago, expires in 390: 400 days from the grant
  'unused', // last used 120 days ago
  'never-used', // granted 100 days ago, never used
  'broad-all-write', // all repositories with contents: write
  'broad-org-admin' // organization_administration: write
]

/** @param {number} i */
export const inventoryKind = (i) => INVENTORY_KINDS[i % 50] ?? 'compliant'

/** @param {number} i */
export const ownerOf = (i) => `dev-${String((i % INVENTORY_OWNERS) + 1).padStart(3, '0')}`

/**
 * A grant in situation `kind`.
 * @param {number} i
 * @returns {ScenarioToken}
 */
function grant(i) {
  const kind = inventoryKind(i)
  /** @type {ScenarioToken} */
  const token = {
    name: `grant-${i}`,
    value: fineGrainedTokenValue(`pat-audit-simulator:inventory:grant:${i}`),
    kind: 'fine-grained',
    login: ownerOf(i),
    resourceOwner: 'acme',
    id: 5_000_000 + i,
    tokenName: `ci-${String(i).padStart(4, '0')}`,
    repositories: ['infra'],
    permissions: { contents: 'read', issues: 'read' },
    createdAt: daysFromNow(-30),
    expiresAt: daysFromNow(60),
    lastUsedAt: daysFromNow(-1)
  }
  switch (kind) {
    case 'expired':
      return { ...token, createdAt: daysFromNow(-60), expiresAt: daysFromNow(-3) }
    case 'expiring-fail':
      return { ...token, expiresAt: daysFromNow(3.5) }
    case 'expiring-warn':
      return { ...token, expiresAt: daysFromNow(20.5) }
    case 'never-expires':
      return { ...token, expiresAt: null }
    case 'long-lifetime':
      return { ...token, createdAt: daysFromNow(-10), expiresAt: daysFromNow(390) }
    case 'unused':
      return { ...token, createdAt: daysFromNow(-200), expiresAt: daysFromNow(100), lastUsedAt: daysFromNow(-120) }
    case 'never-used':
      return { ...token, createdAt: daysFromNow(-100), expiresAt: daysFromNow(200), lastUsedAt: null }
    case 'broad-all-write':
      return { ...token, repositories: 'all', permissions: { contents: 'write', pull_requests: 'read' } }
    case 'broad-org-admin':
      return { ...token, permissions: { organization_administration: 'write' } }
    default:
      return token
  }
}

/**
 * A pending request: every fifth made 2 days ago, the others 10 to 59 days ago.
 * @param {number} j
 * @returns {ScenarioToken}
 */
function request(j) {
  return {
    name: `request-${j}`,
    value: fineGrainedTokenValue(`pat-audit-simulator:inventory:request:${j}`),
    kind: 'fine-grained',
    login: ownerOf(j + 7),
    resourceOwner: 'acme',
    id: 6_000_000 + j,
    tokenName: `new-${String(j).padStart(3, '0')}`,
    pendingApproval: true,
    requestReason: j % 2 === 0 ? 'Release automation' : null,
    repositories: ['infra'],
    permissions: { contents: 'write' },
    createdAt: daysFromNow(j % 5 === 0 ? -2 : -(10 + j)),
    expiresAt: daysFromNow(30)
  }
}

/** Requests older than `pending-days` (default 7): those not made 2 days ago. */
export const OLD_REQUESTS = Array.from({ length: INVENTORY_REQUESTS }, (_, j) => j).filter((j) => j % 5 !== 0)

/**
 * @param {{ grants?: number, requests?: number, latencyMs?: number }} [options]
 * @returns {Scenario}
 */
export function inventory(options = {}) {
  const grants = options.grants ?? INVENTORY_GRANTS
  const requests = options.requests ?? INVENTORY_REQUESTS
  return {
    edition: 'fpt',
    latencyMs: options.latencyMs ?? 0,
    orgs: [{ login: 'acme' }],
    users: Array.from({ length: INVENTORY_OWNERS }, (_, k) => ({ login: ownerOf(k), id: 100 + k })),
    repos: [
      { owner: 'acme', name: 'infra', private: true },
      { owner: 'acme', name: 'website', private: false }
    ],
    tokens: [...Array.from({ length: grants }, (_, i) => grant(i)), ...Array.from({ length: requests }, (_, j) => request(j)), orgAdminToken('acme')]
  }
}
