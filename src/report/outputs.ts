/** The action's outputs (action.yml `outputs:`), as strings made from the report: plain values, JSON for structures. */
import type { Report } from './report.js'
import { permissionsWith } from './report.js'
import { tokenKind } from '../verdicts/token-kind.js'

export const OUTPUT_NAMES = [
  'result',
  'token-type',
  'token-owner',
  'expires-at',
  'days-remaining',
  'lifetime-compliant',
  'missing-permissions',
  'granted-permissions',
  'inconclusive-permissions',
  'regenerate-url',
  'excess-permissions',
  'unreachable-repositories',
  // Organization mode (src/inventory/): set empty in token mode.
  'tokens',
  'expiring',
  'non-compliant',
  'unused',
  'broad',
  'pending-requests',
  'report'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Map<OutputName, string>

/** Every output set, before anything is known: a failing result, the token's kind from its prefix. */
export function initialOutputs(rawToken: string): Outputs {
  const outputs: Outputs = new Map(OUTPUT_NAMES.map((n) => [n, '']))
  outputs.set('token-type', rawToken.trim() ? tokenKind(rawToken.trim()) : 'unknown')
  outputs.set('lifetime-compliant', 'unknown')
  outputs.set('result', 'fail')
  return outputs
}

export function setReportOutputs(outputs: Outputs, report: Report): void {
  outputs.set('result', report.result)
  outputs.set('token-type', report.token.kind)
  outputs.set('token-owner', report.token.owner ?? '')
  outputs.set('expires-at', report.token.expiresAt ?? '')
  outputs.set('days-remaining', report.token.daysRemaining === null ? '' : String(report.token.daysRemaining))
  outputs.set('lifetime-compliant', report.token.lifetime.compliant)
  outputs.set('missing-permissions', permissionsWith(report, 'missing'))
  outputs.set('granted-permissions', permissionsWith(report, 'granted'))
  outputs.set('inconclusive-permissions', permissionsWith(report, 'inconclusive'))
  outputs.set('regenerate-url', report.regenerateUrl)
  outputs.set('excess-permissions', report.excess ? report.excess.permissions.join(',') : '')
  outputs.set('unreachable-repositories', report.coverage ? report.coverage.unreachable.join(',') : '')
  outputs.set('report', JSON.stringify(report))
}
