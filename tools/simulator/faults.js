// @ts-check
/**
 * Faults injected into a token's answers (scenario `faults`): which fault a request takes (counting down its
 * `times`), and the reply each kind gives (500 / 502 / 503, a reset socket, an HTML page, an empty body).
 */
import { errorBody, requestId } from './rules.js'

/** @typedef {import('./types.js').ScenarioFault} ScenarioFault */
/** @typedef {import('./state.js').TokenState} TokenState */
/** @typedef {import('./state.js').Reply} Reply */

/**
 * @param {TokenState} st
 * @param {string} method
 * @param {string} path
 * @returns {{ kind: ScenarioFault['kind'] } | null}
 */
export const takeFault = (st, method, path) => {
  const faults = st.spec.faults ?? []
  for (let i = 0; i < faults.length; i++) {
    const fault = /** @type {ScenarioFault} */ (faults[i])
    if ((st.faultsLeft[i] ?? 0) <= 0) continue
    if (fault.match !== '*') {
      const space = fault.match.indexOf(' ')
      const m = space < 0 ? '*' : fault.match.slice(0, space)
      const pattern = space < 0 ? fault.match : fault.match.slice(space + 1)
      if (m !== '*' && m.toUpperCase() !== method) continue
      if (!new RegExp(pattern).test(path)) continue
    }
    st.faultsLeft[i] = (st.faultsLeft[i] ?? 0) - 1
    return { kind: fault.kind }
  }
  return null
}

/**
 * @param {string} kind
 * @returns {Reply | null} null for faults that only alter headers
 */
export const faultReply = (kind) => {
  const id = { 'x-github-request-id': requestId() }
  switch (kind) {
    case 'reset':
      return { status: 0, headers: {}, destroy: true, fault: kind }
    case '500':
      return { status: 500, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: errorBody('Server Error', '500'), fault: kind }
    case '503':
      return { status: 503, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: errorBody('Service Unavailable', '503'), fault: kind }
    case '502':
      return {
        status: 502,
        headers: { ...id, 'content-type': 'text/html; charset=utf-8' },
        body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>Unicorn! This page is taking too long to load.</p></body></html>\n',
        fault: kind
      }
    case 'html':
      return {
        status: 200,
        headers: { ...id, 'content-type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html>\n<html lang="en"><head><title>GitHub</title></head><body><p>Sign in to GitHub</p></body></html>\n',
        fault: kind
      }
    case 'empty-body':
      return { status: 200, headers: { ...id, 'content-type': 'application/json; charset=utf-8' }, body: '', fault: kind }
    default:
      return null
  }
}
