import type { HttpEvidence, HttpMethod } from '../../src/types.js'

/** Evidence as the transport would report it. */
export function ev(status: number, message = '', headers: Record<string, string> = {}, extra: Partial<HttpEvidence> = {}): HttpEvidence {
  return { method: 'GET' as HttpMethod, path: '/x', status, headers, message, durationMs: 1, ...extra }
}
