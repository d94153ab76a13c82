/**
 * From required permissions to the requests that prove them: one probe per permission (shared when two
 * permissions use the same endpoint), the alternatives' own probes where a probe accepts more than one
 * permission, and the repository itself as context for reading 404s.
 */
import type { Catalog, CatalogEntry, CatalogPermission } from '../catalog/catalog.js'
import { pathParams } from '../catalog/params.js'
import type { HttpRequest } from './transport.js'
import type { Level, PermissionScope, ProbeSpec, RequiredPermission } from '../types.js'
import { randomValue } from '../catalog/safety.js'

export interface Target {
  readonly owner?: string
  readonly repo?: string
  readonly org?: string
  readonly login?: string
}

export interface PlannedProbe {
  readonly probe: ProbeSpec
  readonly request: HttpRequest
  /** The resource owner the path is under, to read a 404: the repository, the organization, or the user. */
  readonly context: PermissionScope
}

export interface AlternativePlan {
  readonly name: string
  readonly level: Level
  readonly planned?: PlannedProbe
}

export interface PermissionPlan {
  readonly required: RequiredPermission
  readonly info?: CatalogPermission
  readonly entry?: CatalogEntry
  readonly planned?: PlannedProbe
  /** Why no request decides this permission, when none does. */
  readonly notProbed?: string
  readonly alternatives: readonly AlternativePlan[]
}

export interface Plan {
  readonly permissions: readonly PermissionPlan[]
  /** Distinct requests, in a stable order. */
  readonly requests: readonly PlannedProbe[]
}

export const REPOSITORY_PROBE_ID = 'GET /repos/{owner}/{repo}'
export const LOGIN_UNKNOWN = "The token owner's login is unknown (GET /user did not answer it), and this probe needs it."

export function contextOf(template: string): PermissionScope {
  if (template.startsWith('/repos/{owner}/{repo}')) return 'repository'
  if (template.startsWith('/orgs/{org}')) return 'organization'
  return 'account'
}

/** Fills a probe's template: the target's values for owner/repo/org (and the login on GETs), random values elsewhere. */
export function fillProbe(probe: ProbeSpec, target: Target, randomHex: () => string): HttpRequest | string {
  const known: Record<string, string | undefined> = { owner: target.owner, repo: target.repo, org: target.org }
  if (probe.method === 'GET') known.username = target.login
  let path = probe.template
  for (const param of pathParams(probe.template)) {
    const value = probe.randomParams.includes(param) ? randomValue(param, randomHex) : known[param]
    if (value === undefined) return missingTargetReason(param)
    path = path.replace(`{${param}}`, encodeURIComponent(value))
  }
  return { method: probe.method, path, query: probe.query, ...(probe.body ? { body: probe.body } : {}) }
}

function missingTargetReason(param: string): string {
  switch (param) {
    case 'owner':
    case 'repo':
      return "No repository to probe on: set the 'repository' input (owner/repo)."
    case 'org':
      return "No organization to probe on: set the 'organization' input, or 'repository' under an organization."
    case 'username':
      return LOGIN_UNKNOWN
    default:
      return `The probe needs a value for {${param}} that the audit does not have.`
  }
}

export function buildPlan(
  required: readonly RequiredPermission[],
  catalog: Catalog,
  target: Target,
  randomHex: () => string,
  /** Requests another plan already sends: reused, never sent twice. */
  reuse: readonly PlannedProbe[] = []
): Plan {
  const requests = new Map<string, PlannedProbe>()
  const reusable = new Map(reuse.map((p) => [p.probe.id, p]))
  const plan = (probe: ProbeSpec): PlannedProbe | string => {
    const existing = requests.get(probe.id) ?? reusable.get(probe.id)
    if (existing) {
      requests.set(probe.id, existing)
      return existing
    }
    const request = fillProbe(probe, target, randomHex)
    if (typeof request === 'string') return request
    const planned = { probe, request, context: contextOf(probe.template) }
    requests.set(probe.id, planned)
    return planned
  }

  const permissions: PermissionPlan[] = required.map((req) => {
    const info = catalog.permissions.get(req.name)
    const entry = info ? catalog.entry(req.name, req.level) : undefined
    if (!info || !entry) {
      return { required: req, info, entry, notProbed: `'${req.name}' does not exist on this server (${catalog.edition === 'ghes' ? 'GitHub Enterprise Server' : 'GitHub.com'}).`, alternatives: [] }
    }
    if (!entry.probe) return { required: req, info, entry, notProbed: entry.uncheckable, alternatives: [] }
    const planned = plan(entry.probe)
    if (typeof planned === 'string') return { required: req, info, entry, notProbed: planned, alternatives: [] }
    const alternatives = entry.probe.accepts
      .filter((set) => !set.some((p) => p.name === req.name))
      .flatMap((set) => set)
      .map((alt): AlternativePlan => {
        const altProbe = catalog.entry(alt.name, alt.level)?.probe
        // Only an exclusive probe can tell whether the alternative itself is held.
        if (!altProbe || altProbe.accepts.length !== 1) return { name: alt.name, level: alt.level }
        const altPlanned = plan(altProbe)
        return typeof altPlanned === 'string' ? { name: alt.name, level: alt.level } : { name: alt.name, level: alt.level, planned: altPlanned }
      })
    return { required: req, info, entry, planned, alternatives }
  })

  // The repository itself answers whether it is reachable, which every repository probe's 404 depends on.
  const needsRepository = [...requests.values()].some((p) => p.context === 'repository')
  const repoProbe = catalog.probes.get(REPOSITORY_PROBE_ID)
  if (needsRepository && repoProbe) plan(repoProbe)

  const ordered = [...requests.values()].sort((a, b) => (a.probe.id === REPOSITORY_PROBE_ID ? -1 : b.probe.id === REPOSITORY_PROBE_ID ? 1 : 0))
  return { permissions, requests: ordered }
}

/** A read-only GET outside the catalog (identity, listings, the organization's record), for the guard and the evidence. */
export function getProbe(template: string, query: Readonly<Record<string, string>> = {}): ProbeSpec {
  return { id: `GET ${template}`, method: 'GET', template, query, safety: { kind: 'read-only' }, randomParams: [], accepts: [], publicFallback: false }
}
