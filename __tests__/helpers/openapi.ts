/**
 * GitHub's OpenAPI description (api.github.com, from the dev dependency @octokit/openapi), for holding the
 * catalog's probes against it in tests. The 13 MB file is read and parsed once per test file and cached.
 * `$ref`s into `#/components` are resolved on demand (parameters, request bodies, schemas).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

export interface OpenApiParameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required: boolean
  readonly schema: Json
}

export interface OpenApiOperation {
  readonly method: string
  readonly template: string
  readonly operationId: string
  readonly parameters: readonly OpenApiParameter[]
  readonly requestBody?: { readonly required: boolean; readonly schema: Json | undefined }
}

/**
 * One alternative shape a JSON body may take, with oneOf/anyOf expanded and allOf merged.
 * `types` is undefined when the variant does not constrain the type.
 */
export interface BodyVariant {
  readonly types: readonly string[] | undefined
  readonly required: ReadonlySet<string>
  readonly properties: ReadonlySet<string>
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

let cached: Json | undefined

/** The parsed description (cached). */
export function openapi(): Json {
  if (!cached) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    cached = JSON.parse(readFileSync(file, 'utf8'))
  }
  return cached
}

/** Follows `$ref`s (only local `#/...` ones exist in this description) until a concrete object. */
export function deref(node: Json): Json {
  let current = node
  const seen = new Set<string>()
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref: string = current.$ref
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`)
    if (seen.has(ref)) throw new Error(`circular $ref: ${ref}`)
    seen.add(ref)
    let target: Json = openapi()
    for (const part of ref.slice(2).split('/')) {
      target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    }
    if (target === undefined) throw new Error(`unresolved $ref: ${ref}`)
    current = target
  }
  return current
}

/** Every `METHOD /template` in the description. */
export function allOperationIds(): string[] {
  const ids: string[] = []
  for (const [template, item] of Object.entries<Json>(openapi().paths)) {
    for (const method of HTTP_METHODS) if (item[method]) ids.push(`${method.toUpperCase()} ${template}`)
  }
  return ids
}

const operationCache = new Map<string, OpenApiOperation | null>()

/** The operation with its parameters (path-level and operation-level, resolved) and request body; undefined if absent. */
export function operation(method: string, template: string): OpenApiOperation | undefined {
  const key = `${method.toUpperCase()} ${template}`
  if (operationCache.has(key)) return operationCache.get(key) ?? undefined
  const item = openapi().paths[template]
  const raw = item?.[method.toLowerCase()]
  if (!raw) {
    operationCache.set(key, null)
    return undefined
  }
  const byKey = new Map<string, OpenApiParameter>()
  for (const p of [...(item.parameters ?? []), ...(raw.parameters ?? [])]) {
    const param = deref(p)
    byKey.set(`${param.in}:${param.name}`, {
      name: param.name,
      in: param.in,
      required: param.in === 'path' ? true : param.required === true,
      schema: deref(param.schema ?? {})
    })
  }
  let requestBody: OpenApiOperation['requestBody']
  if (raw.requestBody) {
    const body = deref(raw.requestBody)
    const json = body.content?.['application/json'] ?? Object.values<Json>(body.content ?? {})[0]
    requestBody = { required: body.required === true, schema: json?.schema === undefined ? undefined : deref(json.schema) }
  }
  const op: OpenApiOperation = {
    method: method.toUpperCase(),
    template,
    operationId: raw.operationId,
    parameters: [...byKey.values()],
    ...(requestBody ? { requestBody } : {})
  }
  operationCache.set(key, op)
  return op
}

function mustOperation(method: string, template: string): OpenApiOperation {
  const op = operation(method, template)
  if (!op) throw new Error(`no operation ${method.toUpperCase()} ${template} in GitHub's OpenAPI description`)
  return op
}

/** The resolved schema of a path parameter; undefined when the operation has no such path parameter. */
export function pathParamSchema(method: string, template: string, name: string): Json | undefined {
  return mustOperation(method, template).parameters.find((p) => p.in === 'path' && p.name === name)?.schema
}

/**
 * The JSON types a schema allows, with oneOf/anyOf expanded: `integer` for `{type: integer}`,
 * `integer` and `string` for `oneOf: [integer, string]`. An unconstrained schema gives `any`.
 */
export function schemaTypes(schema: Json): string[] {
  const s = deref(schema ?? {})
  const alternatives: Json[] | undefined = s.oneOf ?? s.anyOf
  if (alternatives) return [...new Set(alternatives.flatMap((a) => schemaTypes(a)))]
  if (s.allOf) {
    const sets = (s.allOf as Json[]).map((a) => schemaTypes(a)).filter((t) => !t.includes('any'))
    if (sets.length === 0) return ['any']
    return sets.reduce((acc, t) => acc.filter((x) => t.includes(x)))
  }
  if (Array.isArray(s.type)) return s.type
  if (typeof s.type === 'string') return [s.type]
  return ['any']
}

/** Whether the path parameter can only be an integer (a server-assigned numeric id). */
export function isIntegerPathParam(method: string, template: string, name: string): boolean {
  const schema = pathParamSchema(method, template, name)
  if (schema === undefined) return false
  const types = schemaTypes(schema)
  return types.length > 0 && types.every((t) => t === 'integer')
}

/** The enum values of a path parameter, when it is an enum (a selector such as `User`/`Team`, not a name). */
export function pathParamEnum(method: string, template: string, name: string): readonly unknown[] | undefined {
  const schema = pathParamSchema(method, template, name)
  return schema && Array.isArray(schema.enum) ? schema.enum : undefined
}

/**
 * Whether a path segment's value fits a parameter schema: type (an integer is digits only), enum, pattern and
 * length. oneOf/anyOf: any alternative fits; allOf: every member fits.
 */
export function valueFitsSchema(value: string, schema: Json): boolean {
  const s = deref(schema ?? {})
  const alternatives: Json[] | undefined = s.oneOf ?? s.anyOf
  if (Array.isArray(alternatives) && !alternatives.some((a) => valueFitsSchema(value, a))) return false
  if (Array.isArray(s.allOf) && !s.allOf.every((a: Json) => valueFitsSchema(value, a))) return false
  const types: string[] = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : []
  if (types.length > 0) {
    const fitsType = types.some((t) =>
      t === 'integer' ? /^-?\d+$/.test(value) : t === 'number' ? value.trim() !== '' && Number.isFinite(Number(value)) : t === 'string'
    )
    if (!fitsType) return false
  }
  if (Array.isArray(s.enum) && !s.enum.map(String).includes(value)) return false
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false
  if (typeof s.minLength === 'number' && [...value].length < s.minLength) return false
  if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return false
  return true
}

export function queryParams(method: string, template: string): readonly OpenApiParameter[] {
  return mustOperation(method, template).parameters.filter((p) => p.in === 'query')
}

export function requiredQueryParams(method: string, template: string): string[] {
  return queryParams(method, template)
    .filter((p) => p.required)
    .map((p) => p.name)
}

export function supportsPerPage(method: string, template: string): boolean {
  return queryParams(method, template).some((p) => p.name === 'per_page')
}

function mergeVariants(a: BodyVariant, b: BodyVariant): BodyVariant {
  const types = a.types === undefined ? b.types : b.types === undefined ? a.types : a.types.filter((t) => b.types!.includes(t))
  return {
    types,
    required: new Set([...a.required, ...b.required]),
    properties: new Set([...a.properties, ...b.properties])
  }
}

/** Every shape a body schema allows: oneOf/anyOf give one variant each, allOf merges its members (cross product). */
export function bodyVariants(schema: Json, depth = 0): BodyVariant[] {
  if (depth > 20) throw new Error('schema nested too deeply')
  const s = deref(schema ?? {})
  const types: string[] | undefined = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : undefined
  let variants: BodyVariant[] = [
    { types, required: new Set<string>(s.required ?? []), properties: new Set<string>(Object.keys(s.properties ?? {})) }
  ]
  if (Array.isArray(s.allOf)) {
    for (const member of s.allOf) {
      const memberVariants = bodyVariants(member, depth + 1)
      variants = variants.flatMap((v) => memberVariants.map((m) => mergeVariants(v, m)))
    }
  }
  const alternatives: Json[] | undefined = s.oneOf ?? s.anyOf
  if (Array.isArray(alternatives)) {
    const altVariants = alternatives.flatMap((alt) => bodyVariants(alt, depth + 1))
    variants = variants.flatMap((v) => altVariants.map((m) => mergeVariants(v, m)))
  }
  return variants
}

/** The variants an empty JSON object `{}` could be an instance of, as far as type goes. */
export function objectVariants(method: string, template: string): BodyVariant[] {
  const body = mustOperation(method, template).requestBody
  if (!body || body.schema === undefined) return [{ types: undefined, required: new Set(), properties: new Set() }]
  return bodyVariants(body.schema).filter((v) => v.types === undefined || v.types.includes('object'))
}

/**
 * Fields an empty body `{}` leaves out whatever variant GitHub tries: the fields required by EVERY object
 * variant of the request body. Empty when some variant requires nothing, or when there is no JSON body.
 */
export function requiredBodyFields(method: string, template: string): string[] {
  const variants = objectVariants(method, template)
  if (variants.length === 0) return []
  const [first, ...rest] = variants
  return [...first.required].filter((f) => rest.every((v) => v.required.has(f)))
}

/** Whether `{}` fails validation whatever variant it is matched against: every object variant requires some field. */
export function emptyBodyLacksRequiredField(method: string, template: string): boolean {
  return objectVariants(method, template).every((v) => v.required.size > 0)
}

/** The response statuses GitHub's description documents for an operation (`201`, `404`, `422`, ...). */
export function documentedStatuses(method: string, template: string): string[] {
  const op = openapi().paths?.[template]?.[method.toLowerCase()]
  return op ? Object.keys(op.responses ?? {}) : []
}

/** Whether the description marks the operation's request body required. */
export function bodyRequired(method: string, template: string): boolean {
  return mustOperation(method, template).requestBody?.required === true
}

/** A path parameter's description (resolved), for what it says it accepts. */
export function pathParamDescription(method: string, template: string, name: string): string {
  const op = openapi().paths?.[template]?.[method.toLowerCase()]
  for (const p of [...(op?.parameters ?? []), ...(openapi().paths?.[template]?.parameters ?? [])]) {
    const param = deref(p)
    if (param.name === name && param.in === 'path') return String(param.description ?? '')
  }
  return ''
}
