/** Where the organization's record of the token (read with org-admin-token) and the probes disagree. Pure. */
import type { Level, RequiredPermission } from '../types.js'
import { levelCovers } from '../types.js'
import type { RecordedEntry } from '../audit/org-record.js'
import type { PermissionReport } from '../report/report.js'

/** Where GitHub's record and the probes disagree about a required permission. */
export function compareWithProbes(record: RecordedEntry, required: readonly RequiredPermission[], decided: readonly PermissionReport[]): string[] {
  const out: string[] = []
  for (const r of required) {
    const probe = decided.find((p) => p.name === r.name && p.level === r.level)
    if (!probe || probe.status === 'inconclusive') continue
    const recordedLevel = record.permissions[r.name] as Level | undefined
    const recordSays = recordedLevel !== undefined && ['read', 'write', 'admin'].includes(recordedLevel) && levelCovers(recordedLevel, r.level)
    if (probe.status === 'granted' && !recordSays) {
      out.push(`${r.name}: ${r.level} — the probe proved it granted, but the organization's record ${recordedLevel ? `says ${recordedLevel}` : 'does not list it'}.`)
    } else if (probe.status === 'missing' && recordSays) {
      out.push(`${r.name}: ${r.level} — the organization's record says ${recordedLevel}, but GitHub refused the probe.`)
    }
  }
  return out
}
