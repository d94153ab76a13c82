// @ts-check
/**
 * The simulator's knowledge of GitHub's REST API: which operations exist (GitHub's OpenAPI description from
 * `@octokit/openapi`), which fine-grained permissions each one accepts (GitHub's docs data in
 * `src/data/github-permissions/`), what their path parameters look like and which body fields they require.
 *
 * Loading is lazy and cached per edition, so several simulators in one process parse the 13 MB description once.
 * The files are read by github-data.js; request and response bodies come from openapi-bodies.js.
 */
import { EDITIONS, deref, loadOpenApi, loadPermissionData } from './github-data.js'

export { deref, loadPermissionData } from './github-data.js'
export { missingRequiredField, sampleResponse, successStatus } from './openapi-bodies.js'

/** @typedef {'read' | 'write' | 'admin'} Level */
/** @typedef {'fpt' | 'ghes'} Edition */
/** @typedef {'organization' | 'repository' | 'user'} PermissionKind */

/**
 * One permission at one level. A permission set is a list of these, all needed.
 * @typedef {object} PermissionNeed
 * @property {string} permission API name, as in `X-Accepted-GitHub-Permissions` (`contents`, `members`, ...)
 * @property {Level} access
 */

/**
 * A path parameter of an operation, from the OpenAPI description.
 * @typedef {object} ParamInfo
 * @property {string} name
 * @property {'integer' | 'string'} type `integer` for ids and numbers (lookups), `string` for names
 * @property {string[] | null} enumValues the allowed values when the parameter is an enum (a selector, not a name)
 * @property {boolean} multi matches several path segments (`x-multi-segment`, e.g. `{path}` of the contents API)
 */

/**
 * One operation (method + path template) the simulator can route to.
 * @typedef {object} Route
 * @property {string} method upper case
 * @property {string} template OpenAPI / data `requestPath`
 * @property {RegExp} regex
 * @property {ParamInfo[]} params in path order
 * @property {PermissionNeed[][] | null} sets accepted permission sets (alternatives; each set is a conjunction);
 *   null when the operation is not in GitHub's fine-grained permission data
 * @property {boolean} workflowSensitive `contents/{path}` writes: `.github/workflows/` paths also need `workflows: write`
 * @property {string} docsUrl
 * @property {OpenApiNode | undefined} op the OpenAPI operation object
 * @property {OpenApiNode | undefined} spec the OpenAPI document the operation comes from (for `$ref`s)
 * @property {number[]} specificity 0 literal, 1 parameter, 2 multi-segment parameter, per path segment
 */

/** @typedef {Record<string, any>} OpenApiNode */

/**
 * @typedef {object} DataEntry
 * @property {string} category
 * @property {string} subcategory
 * @property {string} slug
 * @property {string} verb
 * @property {string} requestPath
 * @property {Level} access
 * @property {boolean} [additional-permissions]
 */

/** @typedef {Record<string, { title: string, displayTitle: string, permissions: DataEntry[] }>} PermissionData */

/**
 * @typedef {object} Catalog
 * @property {Edition} edition
 * @property {PermissionData} data
 * @property {Map<string, PermissionKind>} permissionKinds
 * @property {Map<string, Level>} highestLevels highest level each permission is listed with
 * @property {Map<string, Route[]>} routesByMethod sorted most specific first
 */

export const LEVEL_RANK = /** @type {const} */ ({ read: 1, write: 2, admin: 3 })

/**
 * Operations listed under several permissions that need ALL of them (GitHub's data lists a conjunction the same
 * way as alternatives). Every other multi-permission operation accepts any one of its permissions.
 */
export const CONJUNCTIONS = new Map([
  ['POST /repos/{owner}/{repo}/forks', ['administration', 'contents']],
  ['POST /repos/{template_owner}/{template_repo}/generate', ['administration', 'contents']]
])

/**
 * `workflows` is never enough on its own: GitHub checks it in addition to `contents: write`, on writes that touch
 * `.github/workflows/`. Where the data lists `workflows` next to `contents` (create or update a file, refs,
 * releases), the simulator requires `contents: write`, plus `workflows: write` for `contents/{path}` writes whose
 * path starts with `.github/workflows/`.
 */
export const WORKFLOW_CONTENT_PATHS = new Set(['PUT /repos/{owner}/{repo}/contents/{path}', 'DELETE /repos/{owner}/{repo}/contents/{path}'])

/** @param {string} s */
function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * @param {OpenApiNode | undefined} spec
 * @param {OpenApiNode | undefined} op
 * @param {string} template
 * @returns {ParamInfo[]}
 */
function paramInfos(spec, op, template) {
  /** @type {Map<string, ParamInfo>} */
  const declared = new Map()
  for (const raw of op?.parameters ?? []) {
    const p = deref(spec, raw)
    if (!p || p.in !== 'path') continue
    const schema = deref(spec, p.schema) ?? {}
    const alternatives = schema.oneOf ?? schema.anyOf
    const integer = schema.type === 'integer' || (!alternatives && schema.type === 'number')
    const enumValues = Array.isArray(schema.enum) ? schema.enum.map(String) : null
    declared.set(p.name, { name: p.name, type: integer ? 'integer' : 'string', enumValues, multi: p['x-multi-segment'] === true })
  }
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => /** @type {string} */ (m[1]))
  return names.map((name) => declared.get(name) ?? { name, type: 'string', enumValues: null, multi: false })
}

/**
 * @param {string} template
 * @param {ParamInfo[]} params
 * @returns {{ regex: RegExp, specificity: number[] }}
 */
function compileTemplate(template, params) {
  const byName = new Map(params.map((p) => [p.name, p]))
  const specificity = []
  let source = ''
  for (const segment of template.split('/').slice(1)) {
    let segmentSource = ''
    let last = 0
    let kind = 0
    for (const m of segment.matchAll(/\{([^}]+)\}/g)) {
      const info = byName.get(/** @type {string} */ (m[1]))
      segmentSource += escapeRegex(segment.slice(last, m.index)) + (info?.multi ? '(.+)' : '([^/]+?)')
      last = (m.index ?? 0) + m[0].length
      kind = Math.max(kind, info?.multi ? 2 : 1)
    }
    segmentSource += escapeRegex(segment.slice(last))
    source += '/' + segmentSource
    specificity.push(kind)
  }
  return { regex: new RegExp('^' + source + '$'), specificity }
}

/**
 * @param {number[]} a
 * @param {number[]} b
 */
function compareSpecificity(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = /** @type {number} */ (a[i]) - /** @type {number} */ (b[i])
    if (d !== 0) return d
  }
  return b.length - a.length
}

/**
 * @param {PermissionData} data
 * @returns {Map<string, PermissionKind>}
 */
function permissionKinds(data) {
  /** @type {Map<string, PermissionKind>} */
  const kinds = new Map()
  for (const [name, value] of Object.entries(data)) {
    const title = value.displayTitle
    kinds.set(name, title.startsWith('Organization') ? 'organization' : title.startsWith('User') ? 'user' : 'repository')
  }
  return kinds
}

/**
 * Accepted permission sets for one operation from its data entries, applying CONJUNCTIONS and the workflows rule.
 * Sets are ordered most specific permission first (fewest operations), as GitHub orders its header for Copilot
 * seats (`organization_copilot_seat_management=read; organization_administration=read`).
 * @param {string} key `METHOD /template`
 * @param {{ permission: string, access: Level }[]} entries
 * @param {Map<string, number>} operationCounts
 * @returns {PermissionNeed[][]}
 */
function permissionSets(key, entries, operationCounts) {
  /** @type {Map<string, Level>} */
  const lowest = new Map()
  for (const e of entries) {
    const prev = lowest.get(e.permission)
    if (!prev || LEVEL_RANK[e.access] < LEVEL_RANK[prev]) lowest.set(e.permission, e.access)
  }
  const needs = [...lowest].map(([permission, access]) => ({ permission, access }))
  const conjunction = CONJUNCTIONS.get(key)
  if (conjunction && conjunction.every((p) => lowest.has(p))) return [needs.filter((n) => conjunction.includes(n.permission))]
  const alternatives = lowest.has('contents') && lowest.has('workflows') ? needs.filter((n) => n.permission !== 'workflows') : needs
  alternatives.sort((a, b) => (operationCounts.get(a.permission) ?? 0) - (operationCounts.get(b.permission) ?? 0))
  return alternatives.map((n) => [n])
}

/** @type {Map<Edition, Catalog>} */
const catalogs = new Map()

/**
 * Builds (once per edition) the routing table: every operation of the edition's data file plus every other
 * operation of the OpenAPI description.
 * @param {Edition} edition
 * @returns {Catalog}
 */
export function loadCatalog(edition) {
  const cached = catalogs.get(edition)
  if (cached) return cached
  const data = loadPermissionData(edition)
  const specs = EDITIONS[edition].openapi.map(loadOpenApi)
  const kinds = permissionKinds(data)

  /** @type {Map<string, { permission: string, access: Level }[]>} */
  const entriesByKey = new Map()
  /** @type {Map<string, DataEntry>} */
  const firstEntry = new Map()
  /** @type {Map<string, number>} */
  const operationCounts = new Map()
  /** @type {Map<string, Level>} */
  const highestLevels = new Map()
  for (const [permission, value] of Object.entries(data)) {
    operationCounts.set(permission, value.permissions.length)
    for (const entry of value.permissions) {
      const key = `${entry.verb.toUpperCase()} ${entry.requestPath}`
      const list = entriesByKey.get(key) ?? []
      list.push({ permission, access: entry.access })
      entriesByKey.set(key, list)
      if (!firstEntry.has(key)) firstEntry.set(key, entry)
      const high = highestLevels.get(permission)
      if (!high || LEVEL_RANK[entry.access] > LEVEL_RANK[high]) highestLevels.set(permission, entry.access)
    }
  }

  /** @type {Map<string, { spec: OpenApiNode, op: OpenApiNode }>} */
  const operations = new Map()
  for (const spec of specs) {
    for (const [template, item] of Object.entries(/** @type {Record<string, OpenApiNode>} */ (spec.paths ?? {}))) {
      for (const [verb, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(verb)) continue
        const key = `${verb.toUpperCase()} ${template}`
        if (!operations.has(key)) operations.set(key, { spec, op })
      }
    }
  }
  // The primary description defines the edition's operations; fallbacks only fill in operations the data lists.
  const primary = specs[0]
  const keys = new Set(entriesByKey.keys())
  // Skipped: description-only templates mixing text and parameters in one segment (`compare/{base}...{head}`, an
  // alias of `compare/{basehead}` that would shadow it).
  for (const [key, { spec }] of operations) if (spec === primary && !/[^/]\{|\}[^/]/.test(key)) keys.add(key)

  /** @type {Map<string, Route[]>} */
  const routesByMethod = new Map()
  for (const key of keys) {
    const space = key.indexOf(' ')
    const method = key.slice(0, space)
    const template = key.slice(space + 1)
    const found = operations.get(key)
    const params = paramInfos(found?.spec, found?.op, template)
    const { regex, specificity } = compileTemplate(template, params)
    const entries = entriesByKey.get(key)
    const entry = firstEntry.get(key)
    const docsUrl = entry
      ? `https://docs.github.com/rest/${entry.category}/${entry.subcategory}#${entry.slug}`
      : (found?.op?.externalDocs?.url ?? 'https://docs.github.com/rest')
    /** @type {Route} */
    const route = {
      method,
      template,
      regex,
      params,
      sets: entries ? permissionSets(key, entries, operationCounts) : null,
      workflowSensitive: WORKFLOW_CONTENT_PATHS.has(key),
      docsUrl,
      op: found?.op,
      spec: found?.spec,
      specificity
    }
    const list = routesByMethod.get(method) ?? []
    list.push(route)
    routesByMethod.set(method, list)
  }
  // Most specific first; on a tie the operation GitHub's permission data lists wins (`compare/{basehead}` over
  // the description's older `compare/{base}...{head}`).
  for (const list of routesByMethod.values()) {
    list.sort((a, b) => compareSpecificity(a.specificity, b.specificity) || Number(b.sets !== null) - Number(a.sets !== null))
  }

  const catalog = { edition, data, permissionKinds: kinds, highestLevels, routesByMethod }
  catalogs.set(edition, catalog)
  return catalog
}

/**
 * Finds the operation for a request. HEAD is routed as GET.
 * @param {Catalog} catalog
 * @param {string} method
 * @param {string} path raw (percent-encoded) path without query
 * @returns {{ route: Route, params: Record<string, string> } | null}
 */
export function matchRoute(catalog, method, path) {
  const routes = catalog.routesByMethod.get(method === 'HEAD' ? 'GET' : method) ?? []
  for (const route of routes) {
    const m = route.regex.exec(path)
    if (!m) continue
    /** @type {Record<string, string>} */
    const params = {}
    route.params.forEach((p, i) => {
      const raw = m[i + 1] ?? ''
      try {
        params[p.name] = decodeURIComponent(raw)
      } catch {
        params[p.name] = raw
      }
    })
    return { route, params }
  }
  return null
}
