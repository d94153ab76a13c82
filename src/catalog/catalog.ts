/**
 * The permission catalog: for every permission in GitHub's data and every level it supports, the probe
 * that proves it (chosen by the rules below) or the reason it cannot be checked. Built from GitHub's
 * data file plus the reviewed overrides in overrides.ts.
 */
import type { HttpMethod, Level, PermissionScope, PermissionSet, ProbeSpec, SafetyArgument } from '../types.js'
import { LEVELS, levelRank } from '../types.js'
import type { DataOperation, Edition, PermissionData } from './github-data.js'
import { permissionData } from './permission-data.js'
import { GHES_UNDESCRIBED_WRITES, missingBarrier, randomParent, UNRANDOMISABLE_PARAMS } from './barriers.js'
import { isIdParam, pathParams, READ_FILLABLE, WRITE_FILLABLE } from './params.js'

export { isIdParam, pathParams, READ_FILLABLE, WRITE_FILLABLE } from './params.js'
import { ALTERNATIVE_OPERATIONS, FORM_ONLY_PERMISSIONS, PROBE_OVERRIDES, PUBLIC_FALLBACK_OPERATIONS, UNPAGINATED_OPERATIONS } from './overrides.js'

export interface CatalogEntry {
  readonly permission: string
  readonly level: Level
  /** The probe that proves this level, when one exists. */
  readonly probe?: ProbeSpec
  /** Why this level cannot be decided by a request, when no probe exists. */
  readonly uncheckable?: string
  /** `rule`: chosen by the rules in this file; `override`: hand-picked in overrides.ts (with `why`). */
  readonly source: 'rule' | 'override'
  readonly why?: string
}

export interface CatalogPermission {
  readonly name: string
  readonly title: string
  readonly scope: PermissionScope
  readonly levels: readonly Level[]
  /** Listed on GitHub's token form but absent from the REST data. */
  readonly formOnly: boolean
}

export interface Catalog {
  readonly edition: Edition
  readonly permissions: ReadonlyMap<string, CatalogPermission>
  /** Entry for a permission at a level it supports; undefined otherwise. */
  entry(name: string, level: Level): CatalogEntry | undefined
  /** Every probe of the catalog, by id. */
  readonly probes: ReadonlyMap<string, ProbeSpec>
}

export function scopeOf(displayTitle: string): PermissionScope {
  if (displayTitle.startsWith('Organization')) return 'organization'
  if (displayTitle.startsWith('Repository')) return 'repository'
  return 'account'
}

export function operationId(verb: string, template: string): string {
  return `${verb.toUpperCase()} ${template}`
}

/** Index: operation id → every permission set listing it. */
function indexOperations(data: PermissionData): Map<string, Array<{ name: string; level: Level }>> {
  const index = new Map<string, Array<{ name: string; level: Level }>>()
  for (const [name, permission] of Object.entries(data)) {
    for (const op of permission.permissions) {
      const id = operationId(op.verb, op.requestPath)
      const list = index.get(id) ?? []
      if (!list.some((p) => p.name === name && p.level === op.access)) list.push({ name, level: op.access })
      index.set(id, list)
    }
  }
  return index
}

/**
 * The path prefix that names the resource owner for a permission's scope. GitHub decides a fine-grained
 * permission on that owner before it looks anything up below it, so a random value is only allowed after it:
 * `/teams/{team_id}` or `/gists/{gist_id}` with a random id would be a 404 whatever the token holds.
 */
export function ownerPrefix(scope: PermissionScope, template: string): boolean {
  switch (scope) {
    case 'repository':
      // Some repository permissions (attestations, artifact metadata) are also used on organization endpoints.
      return template === '/repos/{owner}/{repo}' || template.startsWith('/repos/{owner}/{repo}/') || template.startsWith('/orgs/{org}/')
    case 'organization':
      return template.startsWith('/orgs/{org}/')
    case 'account':
      return template.startsWith('/user/') || template === '/user' || template.startsWith('/users/{username}/')
  }
}

/**
 * How well a path sits under the scope's resource owner: 0 on the owner's own prefix, 1 on an organization endpoint
 * of a repository permission, 2 elsewhere. A repository permission is best probed on the repository itself: the
 * organization-wide endpoints (code scanning, Dependabot and secret scanning alerts) also need the token owner to be
 * an organization owner or security manager, and there may be no organization at all.
 */
export function ownerRank(scope: PermissionScope, template: string): number {
  if (!ownerPrefix(scope, template)) return 2
  return scope === 'repository' && template.startsWith('/orgs/{org}/') ? 1 : 0
}

function exclusiveOrAlternative(op: DataOperation, allowAlternatives: boolean): boolean {
  return allowAlternatives ? ALTERNATIVE_OPERATIONS.has(operationId(op.verb, op.requestPath)) : !op['additional-permissions']
}

/**
 * Read rule: a GET that accepts this permission alone (`additional-permissions: false`; failing that, one of the
 * reviewed ALTERNATIVE_OPERATIONS), that does not answer public data without the permission, whose parameters
 * are all fillable, or random only below the resource owner (then a 404 proves GitHub authorised it). Preferred:
 * on the scope's own owner prefix (a repository permission on the repository rather than on its organization, see
 * ownerRank), no random value, a collection (last segment literal and plural: paginated, answers 200 even when
 * empty), then the shortest path.
 */
export function chooseReadOperation(ops: readonly DataOperation[], scope: PermissionScope): DataOperation | undefined {
  // In order: exclusive and fully fillable; a reviewed alternative, fillable; exclusive with a random segment;
  // a reviewed alternative with a random segment.
  for (const [allowAlternatives, allowRandom] of [[false, false], [true, false], [false, true], [true, true]]) {
    const candidates = ops.filter((op) => {
      if (op.verb !== 'get' || op.access !== 'read' || !exclusiveOrAlternative(op, allowAlternatives)) return false
      if (PUBLIC_FALLBACK_OPERATIONS.has(operationId(op.verb, op.requestPath))) return false
      const random = pathParams(op.requestPath).filter((p) => !READ_FILLABLE.has(p))
      return random.length === 0 || (allowRandom && ownerPrefix(scope, op.requestPath))
    })
    const best = candidates.sort(compareBy((op) => readScore(op, scope)))[0]
    if (best) return best
  }
  return undefined
}

function readScore(op: DataOperation, scope: PermissionScope): Array<number | string> {
  const last = op.requestPath.split('/').pop() ?? ''
  const random = pathParams(op.requestPath).filter((p) => !READ_FILLABLE.has(p)).length
  return [ownerRank(scope, op.requestPath), random, last.startsWith('{') ? 1 : 0, /s$/.test(last) ? 0 : 1, op.requestPath.length, op.requestPath]
}

/**
 * Write/admin rule: an operation of this permission at exactly this level, under the scope's owner prefix,
 * whose random segment makes it unable to change anything (see randomTargetParam). Prefers the owner's own
 * prefix (see ownerRank), then numeric ids, then DELETE, PATCH, POST, PUT, then the shortest path. POSTs relying
 * on a missing body field are hand-picked in overrides.ts, where the field is named.
 */
export function chooseWriteOperation(
  ops: readonly DataOperation[],
  level: Level,
  scope: PermissionScope,
  allowAlternatives = false
): { op: DataOperation; param: string } | undefined {
  const candidates: Array<{ op: DataOperation; param: string; score: Array<number | string> }> = []
  for (const op of ops) {
    if (op.verb === 'get' || op.access !== level || !exclusiveOrAlternative(op, allowAlternatives)) continue
    if (!ownerPrefix(scope, op.requestPath)) continue
    const method = op.verb.toUpperCase() as HttpMethod
    if (method === 'POST' || method === 'PUT') continue // a body GitHub must refuse is named only by a reviewed override
    if (pathParams(op.requestPath).some((p) => !WRITE_FILLABLE.has(p) && Object.prototype.hasOwnProperty.call(UNRANDOMISABLE_PARAMS, p))) continue
    const param = randomTargetParam(method, op.requestPath)
    if (!param) continue
    const methodRank = ['DELETE', 'PATCH', 'POST', 'PUT'].indexOf(method)
    candidates.push({ op, param, score: [ownerRank(scope, op.requestPath), isIdParam(param) ? 0 : 1, methodRank, op.requestPath.length, op.requestPath] })
  }
  candidates.sort((a, b) => compareArrays(a.score, b.score))
  return candidates[0]
}

/**
 * The path parameter whose random value makes this request unable to change anything, or undefined.
 * Every parameter that is not the audited owner/repo/org gets a random value.
 */
export function randomTargetParam(method: HttpMethod, template: string): string | undefined {
  const params = pathParams(template)
  const random = params.filter((p) => !WRITE_FILLABLE.has(p))
  if (random.length === 0) return undefined
  if (method === 'PATCH' || method === 'DELETE' || method === 'GET') return random[0]
  // POST/PUT may create the resource the path ends with ("leaf"), never a parent it names: a random parent
  // makes the request a 404. A numeric id cannot be chosen by a client, so a random id is safe as the leaf too.
  const leaf = template.endsWith('}') ? params[params.length - 1] : undefined
  return random.find((p) => p !== leaf) ?? random.find(isIdParam)
}

function compareBy<T>(score: (t: T) => Array<number | string>) {
  return (a: T, b: T) => compareArrays(score(a), score(b))
}

function compareArrays(a: Array<number | string>, b: Array<number | string>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue
    return a[i] < b[i] ? -1 : 1
  }
  return 0
}

function makeProbe(
  method: HttpMethod,
  template: string,
  safety: SafetyArgument,
  accepts: readonly PermissionSet[],
  extra: { body?: Record<string, unknown>; query?: Record<string, string> } = {}
): ProbeSpec {
  const id = operationId(method, template)
  const randomParams =
    method === 'GET'
      ? pathParams(template).filter((p) => !READ_FILLABLE.has(p))
      : pathParams(template).filter((p) => !WRITE_FILLABLE.has(p))
  // A list answers one item at most; GitHub's OpenAPI description gives some GETs ending in a literal no per_page.
  const isPaginated = method === 'GET' && !template.endsWith('}') && !UNPAGINATED_OPERATIONS.has(id)
  return {
    id,
    method,
    template,
    query: extra.query ?? (isPaginated ? { per_page: '1' } : {}),
    body: extra.body ?? (method === 'POST' || method === 'PATCH' || method === 'PUT' ? {} : undefined),
    safety,
    randomParams,
    accepts,
    publicFallback: PUBLIC_FALLBACK_OPERATIONS.has(id)
  }
}

const UNCHECKABLE_WRITE = 'Not probed: a POST or PUT is sent only behind two barriers (a random parent that cannot exist and a body GitHub must refuse), and'
export function buildCatalog(edition: Edition, data: PermissionData = permissionData(edition)): Catalog {
  const operations = indexOperations(data)
  const accepts = (method: string, template: string): PermissionSet[] =>
    (operations.get(operationId(method, template)) ?? []).map((p) => [p])
  const permissions = new Map<string, CatalogPermission>()
  const entries = new Map<string, CatalogEntry>()
  const probes = new Map<string, ProbeSpec>()
  const key = (name: string, level: Level) => `${name}:${level}`

  const addProbe = (probe: ProbeSpec): ProbeSpec => {
    const existing = probes.get(probe.id)
    if (existing) return existing
    probes.set(probe.id, probe)
    return probe
  }

  for (const [name, permission] of Object.entries(data)) {
    const levels = LEVELS.filter((l) => permission.permissions.some((op) => op.access === l))
    permissions.set(name, { name, title: permission.title, scope: scopeOf(permission.displayTitle), levels, formOnly: false })
    for (const level of levels) {
      const override = PROBE_OVERRIDES[key(name, level)]
      if (override) {
        if ('uncheckable' in override) {
          entries.set(key(name, level), { permission: name, level, uncheckable: override.uncheckable, source: 'override', why: override.why })
        } else {
          const [method, template] = override.probe.split(' ') as [HttpMethod, string]
          if (!operations.has(operationId(method, template)) || (edition === 'ghes' && GHES_UNDESCRIBED_WRITES.has(operationId(method, template)))) {
            // The override names an operation this edition's data does not have: fall back to the rule.
          } else {
            const randomParams = pathParams(template).filter((p) => !WRITE_FILLABLE.has(p)), unmet = missingBarrier(method, template, randomParams, override.missingField)
            if (unmet) {
              entries.set(key(name, level), { permission: name, level, uncheckable: `${UNCHECKABLE_WRITE} ${unmet}.`, source: 'override', why: override.why })
              continue
            }
            const safety: SafetyArgument =
              method === 'GET'
                ? { kind: 'read-only' }
                : method === 'POST' || method === 'PUT'
                  ? { kind: 'two-barriers', param: randomParent(template, randomParams) ?? '', missingField: override.missingField ?? '' }
                  : { kind: 'random-target', param: randomTargetParam(method, template) ?? '' }
            const probe = addProbe(makeProbe(method, template, safety, accepts(method, template), { body: override.body, query: override.query }))
            entries.set(key(name, level), { permission: name, level, probe, source: 'override', why: override.why })
            continue
          }
        }
        if (entries.has(key(name, level))) continue
      }
      // On GHES, a write is probed only where GHES's OpenAPI description holds it (barriers.ts).
      const ops = permission.permissions.filter((op) => edition !== 'ghes' || op.verb === 'get' || !GHES_UNDESCRIBED_WRITES.has(operationId(op.verb, op.requestPath)))
      const scope = scopeOf(permission.displayTitle)
      if (level === 'read') {
        const op = chooseReadOperation(ops, scope)
        if (op) {
          const probe = addProbe(makeProbe('GET', op.requestPath, { kind: 'read-only' }, accepts(op.verb, op.requestPath)))
          entries.set(key(name, level), { permission: name, level, probe, source: 'rule' })
          continue
        }
        entries.set(key(name, level), {
          permission: name,
          level,
          uncheckable:
            'No GET endpoint accepts this permission alone with parameters the action can fill (owner, repo, org, the token owner) or make random below the resource owner, so no response could prove it.',
          source: 'rule'
        })
        continue
      }
      const chosen = chooseWriteOperation(ops, level, scope) ?? chooseWriteOperation(ops, level, scope, true)
      if (chosen) {
        const method = chosen.op.verb.toUpperCase() as HttpMethod
        const probe = addProbe(
          makeProbe(method, chosen.op.requestPath, { kind: 'random-target', param: chosen.param }, accepts(chosen.op.verb, chosen.op.requestPath))
        )
        entries.set(key(name, level), { permission: name, level, probe, source: 'rule' })
        continue
      }
      entries.set(key(name, level), {
        permission: name,
        level,
        uncheckable: `No ${level} endpoint of this permission can be called harmlessly: every one either needs another permission too, or could change something if GitHub accepted it (a POST or PUT is used only behind two barriers: a random parent that cannot exist and a body GitHub must refuse; a parameter that accepts a commit SHA or cannot carry 64 random bits is never made random).`,
        source: 'rule'
      })
    }
  }

  for (const [name, info] of Object.entries(FORM_ONLY_PERMISSIONS)) {
    if (permissions.has(name)) continue
    permissions.set(name, { name, title: info.title, scope: info.scope, levels: info.levels, formOnly: true })
    for (const level of info.levels) {
      entries.set(key(name, level), {
        permission: name,
        level,
        uncheckable: 'This permission is on GitHub\'s token form but no REST API endpoint uses it, so it cannot be checked through the REST API.',
        source: 'override',
        why: info.why
      })
    }
  }

  return {
    edition,
    permissions,
    probes,
    entry: (name, level) => entries.get(key(name, level))
  }
}

/** Whether an entry's probe accepts other permissions than the one it is meant to prove. */
export function alternativesOf(entry: CatalogEntry): PermissionSet[] {
  if (!entry.probe) return []
  return entry.probe.accepts.filter((set) => !set.some((p) => p.name === entry.permission))
}

export function highestLevel(levels: readonly Level[]): Level {
  return [...levels].sort((a, b) => levelRank(b) - levelRank(a))[0]
}
