/**
 * Every permission of the catalog at every level, end to end against the simulator, for GitHub.com and GHES:
 * - a token granted everything at the highest level: every required permission granted, none inconclusive except the
 *   documented ones (derived from the catalog's `uncheckable` entries, or listed below with their reason);
 * - a token granted nothing: every probed permission missing, none granted (except metadata: read, which every token holds);
 * - a token holding only the alternative permission of an endpoint: the target is never reported granted;
 * - together, the runs send every probe of the catalog, and the simulator records no request that could have changed
 *   state, no request outside the catalog, and no token value in any request it recorded.
 *
 * The action keeps only the highest level per permission in one run, and a write probe is a different request from
 * a read probe, so the levels are split into runs: every permission at its highest level, then every lower level.
 */
import { basisOf } from '../../src/catalog/probe-basis.js'
import { describe, expect, it } from '@jest/globals'
import * as S from '../../tools/simulator/scenarios.js'
import { alternativesOf, buildCatalog, highestLevel } from '../../src/catalog/catalog.js'
import type { Catalog, CatalogEntry } from '../../src/catalog/catalog.js'
import type { Edition } from '../../src/catalog/github-data.js'
import { LEVELS } from '../../src/types.js'
import type { Level } from '../../src/types.js'
import { auditWith } from '../helpers/e2e.js'
import type { AuditRun } from '../helpers/e2e.js'

type Scenario = ReturnType<typeof S.everything>
type TokenName = 'everything' | 'nothing'

/**
 * Documented exceptions for the everything token beyond the catalog's uncheckable entries: probes on endpoints that
 * also accept another permission, which that token holds too; the audit then says which one let the request through.
 */
const SATISFIED_BY_ALTERNATIVE: Record<string, string> = {
  'organization_copilot_seat_management:read': 'GET /orgs/{org}/copilot/billing/seats also accepts organization_administration: read',
  'organization_codespaces:read': 'GET /orgs/{org}/codespaces also accepts codespaces: read',
  'organization_codespaces:write': 'DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name} also accepts codespaces: write',
  'private_repository_invitations:read': 'GET /repos/{owner}/{repo}/invitations also accepts administration: read'
}
/** The nothing token's exception: metadata: read is implied on every repository a fine-grained token reaches. */
const ALWAYS_HELD: Record<string, string> = { 'metadata:read': 'every fine-grained token holds metadata: read on the repositories it reaches' }

const EDITIONS: ReadonlyArray<{ edition: Edition; apiPath: string }> = [
  { edition: 'fpt', apiPath: '' },
  { edition: 'ghes', apiPath: '/api/v3' }
]
/** Requests the audit makes beyond the catalog's probes: identity, and the organization as context for a 404. */
const CONTEXT_REQUESTS = new Set(['GET /user', 'GET /orgs/{org}'])

const key = (e: CatalogEntry) => `${e.permission}:${e.level}`

function allEntries(catalog: Catalog): CatalogEntry[] {
  return [...catalog.permissions.values()].flatMap((p) => p.levels.map((level) => catalog.entry(p.name, level) as CatalogEntry))
}

/** Runs of required permissions: each permission at its highest level, then each lower level in a run of its own. */
function runsOf(catalog: Catalog): Array<{ label: string; entries: CatalogEntry[] }> {
  const permissions = [...catalog.permissions.values()]
  const runs = [{ label: 'highest', entries: permissions.map((p) => catalog.entry(p.name, highestLevel(p.levels)) as CatalogEntry) }]
  for (const level of LEVELS) {
    const lower = permissions.filter((p) => p.levels.includes(level) && highestLevel(p.levels) !== level)
    if (lower.length > 0) runs.push({ label: `${level} (below highest)`, entries: lower.map((p) => catalog.entry(p.name, level) as CatalogEntry) })
  }
  return runs
}

function scenarioFor(token: TokenName, edition: Edition): Scenario {
  const scenario = token === 'everything' ? S.everything() : S.nothing()
  scenario.edition = edition
  const spec = scenario.tokens[0]
  if (spec && token === 'everything') spec.permissions = S.allPermissions(edition)
  return scenario
}

const catalogs = new Map(EDITIONS.map(({ edition }) => [edition, buildCatalog(edition)]))
const catalogOf = (edition: Edition) => catalogs.get(edition) as Catalog

/** Each run once, shared by the tests that read it. */
const sweeps = new Map<string, Promise<AuditRun[]>>()
function sweep(token: TokenName, edition: Edition, apiPath: string): Promise<AuditRun[]> {
  const id = `${token}:${edition}`
  let runs = sweeps.get(id)
  if (!runs) {
    runs = (async () => {
      const out: AuditRun[] = []
      for (const run of runsOf(catalogOf(edition))) {
        const required = run.entries.map((e) => `${e.permission}: ${e.level}`).join('\n')
        out.push(await auditWith(scenarioFor(token, edition), { 'required-permissions': required }, { apiPath }))
      }
      return out
    })()
    sweeps.set(id, runs)
  }
  return runs
}

function byKey(run: AuditRun): Map<string, Record<string, unknown>> {
  return new Map((run.report.permissions ?? []).map((p) => [`${p.name}:${p.level}`, p]))
}

function requestIds(run: AuditRun): string[] {
  return run.sim.requests.map((r) => `${r.method} ${r.template ?? `(unrouted) ${r.path}`}`)
}

describe.each(EDITIONS)('the catalog of $edition', ({ edition, apiPath }) => {
  const catalog = catalogOf(edition)
  const token = (name: TokenName) => scenarioFor(name, edition).tokens[0]?.value ?? ''

  it('is split into runs that hold every permission at every level exactly once', () => {
    const keys = runsOf(catalog).flatMap((r) => r.entries.map(key))
    expect(keys.length).toBe(new Set(keys).size)
    expect(new Set(keys)).toEqual(new Set(allEntries(catalog).map(key)))
    expect(catalog.probes.size).toBeGreaterThan(0)
  })

  it('lists every probe with an alternative among the documented exceptions, with its reason', () => {
    const derived = allEntries(catalog).filter((e) => alternativesOf(e).length > 0).map(key).sort()
    expect(derived).toEqual(Object.keys(SATISFIED_BY_ALTERNATIVE).filter((k) => allEntries(catalog).some((e) => key(e) === k)).sort())
  })

  // What the report holds for each permission (its probe's basis, the evidence, the fix) is Latin-1, so V8 keeps the
  // report's JSON at one byte a character: one em dash in the basis text made the whole catalog's 72 kB JSON two bytes
  // a character, and every copy and scan of it after the last answer slower (npm run bench's exit; README
  // "Performance"). Findings, a few lines each, may use other characters (→ in menu paths).
  it("keeps every permission's part of the report in Latin-1, for every run of both tokens", async () => {
    for (const name of ['everything', 'nothing'] as const) {
      for (const run of await sweep(name, edition, apiPath)) {
        expect(run.report.permissions?.length).toBeGreaterThan(0)
        const permissions = JSON.stringify(run.report.permissions)
        expect([...permissions].filter((c) => c.charCodeAt(0) > 0xff)).toEqual([])
      }
    }
  })

  it('a token granted everything: every permission granted at every level, except the documented ones', async () => {
    const runs = await sweep('everything', edition, apiPath)
    const plan = runsOf(catalog)
    runs.forEach((run, i) => {
      const statuses = byKey(run)
      const entries = plan[i]?.entries ?? []
      expect(statuses.size).toBe(entries.length)
      for (const entry of entries) {
        const k = key(entry)
        const expected = entry.uncheckable
          ? { status: 'inconclusive', code: 'uncheckable', reason: entry.uncheckable }
          : SATISFIED_BY_ALTERNATIVE[k]
            ? { status: 'inconclusive', code: 'satisfied-by-alternative' }
            : entry.probe && basisOf(entry.probe)?.kind === 'contradicted'
              ? // A 404 a tool tested against GitHub reads as *missing* on such an endpoint (catalog/probe-basis.ts).
                { status: 'inconclusive', code: 'not-found-ambiguous' }
              : { status: 'granted' }
        expect([k, statuses.get(k)]).toEqual([k, expect.objectContaining(expected)])
      }
      expect(run.outputs['missing-permissions']).toBe('')
      expect(run.code).toBe(0)
    })
  })

  it('a token granted nothing: every probed permission missing, none granted but metadata: read', async () => {
    const runs = await sweep('nothing', edition, apiPath)
    const plan = runsOf(catalog)
    runs.forEach((run, i) => {
      const statuses = byKey(run)
      const entries = plan[i]?.entries ?? []
      expect(statuses.size).toBe(entries.length)
      for (const entry of entries) {
        const k = key(entry)
        const expected = entry.uncheckable ? { status: 'inconclusive', code: 'uncheckable' } : ALWAYS_HELD[k] ? { status: 'granted' } : { status: 'missing', code: 'not-accessible' }
        expect([k, statuses.get(k)]).toEqual([k, expect.objectContaining(expected)])
      }
      expect(run.outputs['granted-permissions']).toBe(entries.filter((e) => ALWAYS_HELD[key(e)]).map(key).join(','))
      // An error when a permission is missing; only a warning for a run of uncheckable levels alone.
      expect(run.outputs.result).toBe(entries.some((e) => !e.uncheckable && !ALWAYS_HELD[key(e)]) ? 'fail' : 'warn')
    })
  })

  it.each(['everything', 'nothing'] as const)('the %s token sent every probe of the catalog, nothing else, and nothing that could change state', async (name) => {
    const runs = await sweep(name, edition, apiPath)
    const probeIds = new Set(catalog.probes.keys())
    const writeTemplates = new Set([...catalog.probes.values()].filter((p) => p.method !== 'GET').map((p) => p.template))
    const sent = new Set<string>()
    for (const run of runs) {
      expect(run.sim.flags).toEqual([])
      for (const id of requestIds(run)) {
        expect([id, probeIds.has(id) || CONTEXT_REQUESTS.has(id)]).toEqual([id, true])
        sent.add(id)
      }
      for (const r of run.sim.requests.filter((r) => r.method !== 'GET')) expect([r.method, r.path, writeTemplates.has(r.template ?? '')]).toEqual([r.method, r.path, true])
      // The simulator records the token's name; the value must be in no path, query or body.
      const records = JSON.stringify(run.sim.requests)
      expect(records.includes(token(name))).toBe(false)
      expect(run.sim.requests.every((r) => r.token === name)).toBe(true)
    }
    expect([...probeIds].filter((id) => !sent.has(id))).toEqual([])
  })
})

describe('a token holding only the alternative permission', () => {
  it('organization_administration: read only, organization_copilot_seat_management: read required: satisfied by the alternative, never granted', async () => {
    const scenario = S.nothing()
    const spec = scenario.tokens[0]
    if (spec) spec.permissions = { organization_administration: 'read' }
    const run = await auditWith(scenario, { 'required-permissions': 'organization_copilot_seat_management: read' })
    const [permission] = run.report.permissions ?? []
    expect(permission).toMatchObject({
      name: 'organization_copilot_seat_management',
      level: 'read',
      status: 'inconclusive',
      code: 'satisfied-by-alternative',
      satisfiedBy: 'organization_administration: read'
    })
    expect(String(permission?.reason)).toContain('satisfied through organization_administration: read')
    expect(run.outputs['granted-permissions']).toBe('')
    expect(run.outputs['inconclusive-permissions']).toBe('organization_copilot_seat_management:read')
    expect(run.outputs.result).toBe('warn')
  })

  const catalog = catalogOf('fpt')
  const withAlternatives = allEntries(catalog).filter((e) => alternativesOf(e).length > 0)

  it.each(withAlternatives.map((e) => [key(e), e] as const))('%s: not granted to a token holding only what its probe also accepts', async (k, entry) => {
    const alternatives = alternativesOf(entry).flat()
    const scenario = S.nothing()
    const spec = scenario.tokens[0]
    if (spec) spec.permissions = Object.fromEntries(alternatives.map((a) => [a.name, a.level] as [string, Level]))
    const run = await auditWith(scenario, { 'required-permissions': `${entry.permission}: ${entry.level}` })
    const permission = byKey(run).get(k)
    expect(permission).toMatchObject({ status: 'inconclusive', code: 'satisfied-by-alternative' })
    expect(alternatives.map((a) => `${a.name}: ${a.level}`)).toContain(permission?.satisfiedBy)
    expect(run.outputs['granted-permissions']).toBe('')
  })
})
