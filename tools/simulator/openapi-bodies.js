// @ts-check
/**
 * Request and response bodies from GitHub's OpenAPI description: the first required field a JSON request body leaves
 * out, the documented success status, and a plausible sample body for a success response.
 */
import { deref } from './github-data.js'

/** @typedef {import('./catalog.js').Route} Route */
/** @typedef {import('./catalog.js').OpenApiNode} OpenApiNode */

/**
 * The first field the JSON request body leaves out among those the operation's requestBody schema marks required,
 * or null when the body is complete (or the operation has no JSON body schema). `oneOf`/`anyOf`: complete when
 * any alternative is; `allOf`: every part must be.
 * @param {Route} route
 * @param {unknown} body parsed JSON body (undefined when none was sent)
 * @returns {string | null}
 */
export function missingRequiredField(route, body) {
  const requestBody = deref(route.spec, route.op?.requestBody)
  const schema = requestBody?.content?.['application/json']?.schema
  if (!schema) return null
  return missingIn(route.spec, schema, body === undefined ? {} : body, 0)
}

/**
 * @param {OpenApiNode | undefined} spec
 * @param {unknown} rawSchema
 * @param {unknown} value
 * @param {number} depth
 * @returns {string | null}
 */
function missingIn(spec, rawSchema, value, depth) {
  const schema = deref(spec, rawSchema)
  if (!schema || typeof schema !== 'object' || depth > 8) return null
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const missing = missingIn(spec, part, value, depth + 1)
      if (missing) return missing
    }
  }
  const alternatives = schema.oneOf ?? schema.anyOf
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    /** @type {string | null} */
    let firstMissing = null
    for (const alt of alternatives) {
      const resolved = deref(spec, alt)
      if (!typeMatches(resolved, value)) {
        firstMissing ??= firstRequired(spec, resolved)
        continue
      }
      const missing = missingIn(spec, resolved, value, depth + 1)
      if (!missing) return null
      firstMissing ??= missing
    }
    return firstMissing
  }
  const required = Array.isArray(schema.required) ? /** @type {string[]} */ (schema.required) : []
  if (required.length === 0) return null
  if (!value || typeof value !== 'object' || Array.isArray(value)) return required[0] ?? null
  for (const field of required) if (!(field in value)) return field
  return null
}

/**
 * @param {OpenApiNode | undefined} spec
 * @param {OpenApiNode | undefined} schema
 * @returns {string | null}
 */
function firstRequired(spec, schema) {
  const s = deref(spec, schema)
  return Array.isArray(s?.required) && s.required.length > 0 ? String(s.required[0]) : null
}

/**
 * @param {OpenApiNode | undefined} schema
 * @param {unknown} value
 */
function typeMatches(schema, value) {
  switch (schema?.type) {
    case 'array':
      return Array.isArray(value)
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'integer':
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    default:
      return true
  }
}

/**
 * The success status GitHub documents for an operation (the lowest 2xx), 200 when none is documented.
 * @param {Route} route
 * @returns {number}
 */
export function successStatus(route) {
  const codes = Object.keys(route.op?.responses ?? {})
    .map(Number)
    .filter((c) => c >= 200 && c < 300)
    .sort((a, b) => a - b)
  return codes[0] ?? 200
}

/**
 * A plausible JSON body for an operation's success response, built from its response schema: arrays are `[]`,
 * objects carry their required fields (or their first few), strings / numbers / booleans use the schema's example
 * or a neutral value. Returns undefined when the response has no JSON body.
 * @param {Route} route
 * @param {number} status
 * @returns {unknown}
 */
export function sampleResponse(route, status) {
  const response = deref(route.spec, route.op?.responses?.[String(status)])
  const schema = response?.content?.['application/json']?.schema
  if (!schema) return undefined
  return sample(route.spec, schema, 0)
}

/**
 * @param {OpenApiNode | undefined} spec
 * @param {unknown} rawSchema
 * @param {number} depth
 * @returns {unknown}
 */
function sample(spec, rawSchema, depth) {
  const schema = deref(spec, rawSchema)
  if (!schema || typeof schema !== 'object') return null
  if (Array.isArray(schema.allOf)) {
    /** @type {Record<string, unknown>} */
    const merged = {}
    for (const part of schema.allOf) {
      const value = sample(spec, part, depth)
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(merged, value)
    }
    return merged
  }
  const alternatives = schema.oneOf ?? schema.anyOf
  if (Array.isArray(alternatives) && alternatives.length > 0) return sample(spec, alternatives[0], depth)
  if (schema.example !== undefined && (schema.example === null || typeof schema.example !== 'object')) return schema.example
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  switch (schema.type) {
    case 'array':
      return []
    case 'integer':
    case 'number':
      return 0
    case 'boolean':
      return false
    case 'null':
      return null
    case 'string':
      return schema.format === 'date-time' ? new Date(0).toISOString() : schema.format === 'uri' ? 'https://api.github.com/' : 'string'
    default: {
      if (depth > 2) return {}
      const properties = /** @type {Record<string, unknown>} */ (schema.properties ?? {})
      const required = Array.isArray(schema.required) ? /** @type {string[]} */ (schema.required) : []
      const names = (required.length > 0 ? required : Object.keys(properties)).slice(0, required.length > 0 ? 12 : 6)
      /** @type {Record<string, unknown>} */
      const result = {}
      for (const name of names) result[name] = name in properties ? sample(spec, properties[name], depth + 1) : null
      return result
    }
  }
}
