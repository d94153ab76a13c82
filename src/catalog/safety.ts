/**
 * The harmlessness guard. Every request the audit sends passes through checkHarmless first; a request that
 * could change anything on GitHub, even if GitHub answered differently than expected, is never sent.
 */
import type { HttpRequest, ProbeSpec } from '../types.js'
import { randomParent, UNRANDOMISABLE_PARAMS } from './barriers.js'
import { isIdParam, pathParams, WRITE_FILLABLE } from './params.js'

const RANDOM_NAME = /^pat-audit-probe-[0-9a-f]{16}$/
/** Random ids: 2^64 plus 64 random bits, above GitHub's id space (ids are 64-bit integers at most). */
const RANDOM_ID = /^\d{20}$/
const RANDOM_ID_MIN = 2n ** 64n
const RANDOM_ID_MAX = 2n ** 65n

/**
 * Characters a filled path may hold raw: the ones encodeURIComponent leaves alone, `%` of its escapes, and `/`.
 * Anything else could move the request elsewhere: `?` or `#` would cut the path short (`DELETE /repos/o/r?/hooks/1`
 * is `DELETE /repos/o/r`), `\` is a `/` to URL parsers, `{` `}` and `:name` are template expressions to Octokit.
 */
const SAFE_PATH = /^(?:[A-Za-z0-9\-_.!~*'()/]|%[0-9A-Fa-f]{2})*$/

/** Names Octokit reads as request options rather than parameters; a query must never carry them. */
const OCTOKIT_OPTIONS = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType', 'data'])

/** A fresh random value for a path parameter that must name nothing that exists. */
export function randomValue(param: string, randomHex: () => string): string {
  if (isIdParam(param)) return String(RANDOM_ID_MIN + BigInt(`0x${randomHex().slice(0, 16)}`))
  return `pat-audit-probe-${randomHex().slice(0, 16)}`
}

/**
 * Whether a value has the shape randomValue gives. With `param`, only the shape randomValue gives that
 * parameter: a number for an id, a `pat-audit-probe-…` name otherwise (a number can be a real user or branch name).
 */
export function isRandomValue(value: string, param?: string): boolean {
  const isName = RANDOM_NAME.test(value)
  const isId = RANDOM_ID.test(value) && BigInt(value) >= RANDOM_ID_MIN && BigInt(value) < RANDOM_ID_MAX
  if (param === undefined) return isName || isId
  return isIdParam(param) ? isId : isName
}

/**
 * How a template's paths are matched, worked out once per template. Every request passes this rule, and compiling a
 * regular expression for each was most of the rule's cost (`--cpu-prof`: ~0.1 ms a request, each template being
 * new to the process): a template whose parameters are whole segments (every template the catalog holds) is matched
 * segment by segment instead, which accepts exactly what `^…([^/]+)…$` accepts. Any other template keeps that
 * pattern. The templates are the catalog's and the audit's own few reads, so the map stays small.
 */
type CompiledTemplate =
  | { readonly names: readonly string[]; readonly segments: ReadonlyArray<string | null> }
  | { readonly names: readonly string[]; readonly pattern: RegExp }
const compiledTemplates = new Map<string, CompiledTemplate>()

function compiledTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template)
  if (!compiled) {
    const names = pathParams(template)
    const parts = template.split('/')
    const whole = parts.every((part) => /^\{[^}]+\}$/.test(part) || !/[{}]/.test(part))
    compiled = whole
      ? { names, segments: parts.map((part) => (part.startsWith('{') ? null : part)) }
      : { names, pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`) }
    compiledTemplates.set(template, compiled)
  }
  return compiled
}

/** The raw text of each parameter of a path that fits the template, in the template's order; undefined otherwise. */
function captures(compiled: CompiledTemplate, path: string): string[] | undefined {
  if ('pattern' in compiled) return compiled.pattern.exec(path)?.slice(1)
  const parts = path.split('/')
  if (parts.length !== compiled.segments.length) return undefined
  const values: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const segment = compiled.segments[i]
    if (segment === null) {
      if (parts[i] === '') return undefined
      values.push(parts[i])
    } else if (segment !== parts[i]) return undefined
  }
  return values
}

/** Values of each template parameter in a concrete path, or undefined when the path does not fit the template. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const compiled = compiledTemplate(template)
  const raw = captures(compiled, path)
  if (!raw) return undefined
  try {
    return Object.fromEntries(compiled.names.map((n, i) => [n, decodeURIComponent(raw[i])]))
  } catch {
    return undefined
  }
}

function sameQuery(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** undefined when the request is harmless; otherwise why it must not be sent. */
export function checkHarmless(probe: ProbeSpec, request: HttpRequest): string | undefined {
  if (request.method !== probe.method) return `method ${request.method} differs from the probe's ${probe.method}`
  if (!SAFE_PATH.test(request.path)) return `path ${request.path} holds characters that could change where it goes`
  const values = matchTemplate(probe.template, request.path)
  if (!values) return `path ${request.path} does not fit ${probe.template}`
  for (const [param, value] of Object.entries(values)) {
    if (value === '.' || value === '..' || /[/\\?#{}]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
      return `parameter ${param} could move the request to another path`
    }
  }
  // Octokit sends what is left of the parameters of a request that is not a GET as its body, and reads some names
  // as options (`method`, `url`, `data`): the query must be exactly the reviewed one.
  const query = request.query ?? {}
  if (Object.keys(query).some((k) => OCTOKIT_OPTIONS.has(k))) return 'the query carries a name Octokit reads as an option'
  if (!sameQuery(query, probe.query)) return "the query differs from the probe's"
  if (request.method === 'GET') return request.body === undefined ? undefined : 'a GET carries no body'

  const safety = probe.safety
  if (safety.kind === 'read-only') return `a ${request.method} cannot rely on being read-only`
  // On a write, only the audited owner, repository and organization are real; every other parameter (the token
  // owner's `username` included) must be a fresh random value.
  for (const param of pathParams(probe.template)) {
    if (!WRITE_FILLABLE.has(param) && !isRandomValue(values[param], param)) return `parameter ${param} is not a fresh random value`
    if (Object.prototype.hasOwnProperty.call(UNRANDOMISABLE_PARAMS, param)) return `parameter ${param} cannot be made random safely: ${UNRANDOMISABLE_PARAMS[param]}`
  }
  const value = values[safety.param]
  if (value === undefined || !isRandomValue(value, safety.param)) return `parameter ${safety.param} is not a fresh random value`
  if (request.method === 'POST' || request.method === 'PUT') {
    // Two barriers (src/catalog/barriers.ts): a random parent that cannot exist, and a body GitHub must refuse.
    if (safety.kind !== 'two-barriers') return `a ${request.method} needs two barriers (a random parent and a body GitHub must refuse)`
    if (randomParent(probe.template, [safety.param]) !== safety.param) return `a ${request.method} may create the resource its last segment names`
    if (!isPlainObject(request.body)) return 'the incomplete body is missing'
    if (Object.prototype.hasOwnProperty.call(request.body, safety.missingField)) return `the body carries the required field ${safety.missingField}`
    if (JSON.stringify(request.body) !== JSON.stringify(probe.body ?? {})) return "the body differs from the probe's"
    return undefined
  }
  if (safety.kind !== 'random-target') return `a ${request.method} relies on a random target`
  if (request.body !== undefined && (!isPlainObject(request.body) || Object.keys(request.body).length > 0)) return 'a write probe must send an empty body'
  return undefined
}
