/**
 * The harmlessness guard. Every request the audit sends passes through checkHarmless first; a request that
 * could change anything on GitHub, even if GitHub answered differently than expected, is never sent.
 */
import type { HttpRequest } from './transport.js'
import type { ProbeSpec } from './types.js'
import { isIdParam, pathParams } from '../catalog/catalog.js'

const RANDOM_NAME = /^pat-audit-probe-[0-9a-f]{16}$/
const RANDOM_ID_MIN = 9_000_000_000_000_000

/** A fresh random value for a path parameter that must name nothing that exists. */
export function randomValue(param: string, randomHex: () => string): string {
  if (isIdParam(param)) return String(RANDOM_ID_MIN + (parseInt(randomHex().slice(0, 10), 16) % 7_000_000_000_000))
  return `pat-audit-probe-${randomHex().slice(0, 16)}`
}

export function isRandomValue(value: string): boolean {
  if (RANDOM_NAME.test(value)) return true
  return /^\d{16}$/.test(value) && Number(value) >= RANDOM_ID_MIN && Number(value) <= Number.MAX_SAFE_INTEGER
}

/** Values of each template parameter in a concrete path, or undefined when the path does not fit the template. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const names = pathParams(template)
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`)
  const m = pattern.exec(path)
  if (!m) return undefined
  try {
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))
  } catch {
    return undefined
  }
}

/** undefined when the request is harmless; otherwise why it must not be sent. */
export function checkHarmless(probe: ProbeSpec, request: HttpRequest): string | undefined {
  if (request.method !== probe.method) return `method ${request.method} differs from the probe's ${probe.method}`
  const values = matchTemplate(probe.template, request.path)
  if (!values) return `path ${request.path} does not fit ${probe.template}`
  if (request.method === 'GET') return request.body === undefined ? undefined : 'a GET carries no body'
  const safety = probe.safety
  if (safety.kind === 'read-only') return `a ${request.method} cannot rely on being read-only`
  if (safety.kind === 'incomplete-body') {
    if (request.method !== 'POST') return 'only a POST may rely on an incomplete body'
    if (!request.body) return 'the incomplete body is missing'
    if (Object.prototype.hasOwnProperty.call(request.body, safety.missingField)) return `the body carries the required field ${safety.missingField}`
    return undefined
  }
  const value = values[safety.param]
  if (value === undefined || !isRandomValue(value)) return `parameter ${safety.param} is not a fresh random value`
  if (request.method === 'POST' || request.method === 'PUT') {
    const params = pathParams(probe.template)
    const leaf = probe.template.endsWith('}') ? params[params.length - 1] : undefined
    if (safety.param === leaf && !isIdParam(safety.param)) return `a ${request.method} may create the resource its last segment names`
  }
  if (request.body && Object.keys(request.body).length > 0) return 'a write probe sends an empty body'
  return undefined
}
