/**
 * Least privilege: with `report-excess`, every catalog permission level above what is required is probed too,
 * and the ones proven granted are the token's excess.
 */
import type { Catalog } from '../catalog/catalog.js'
import type { PermissionReport } from '../report/report.js'
import type { RequiredPermission } from '../types.js'
import { levelRank } from '../types.js'

/** Every probed level of every permission that exceeds the requirement. */
export function excessCandidates(catalog: Catalog, required: readonly RequiredPermission[]): RequiredPermission[] {
  const requiredLevel = new Map(required.map((r) => [r.name, levelRank(r.level)]))
  const out: RequiredPermission[] = []
  for (const [name, info] of catalog.permissions) {
    // Form-only permissions cannot be probed; metadata: read comes with every repository permission and cannot be left out.
    if (info.formOnly || name === 'metadata') continue
    for (const level of info.levels) {
      if (levelRank(level) <= (requiredLevel.get(name) ?? -1)) continue
      if (catalog.entry(name, level)?.probe) out.push({ name, level })
    }
  }
  return out
}

/** The highest level proven granted for each permission, where it exceeds the requirement: `name:level`, sorted. */
export function excessFrom(decided: readonly PermissionReport[]): string[] {
  const best = new Map<string, PermissionReport>()
  for (const p of decided) {
    if (p.status !== 'granted') continue
    const current = best.get(p.name)
    if (!current || levelRank(p.level) > levelRank(current.level)) best.set(p.name, p)
  }
  return [...best.values()].map((p) => `${p.name}:${p.level}`).sort()
}

/** The permissions proven held beyond the requirement: `name:level`, sorted. */
export function decideExcess(permissions: readonly PermissionReport[], beyond: readonly PermissionReport[], required: readonly RequiredPermission[]): string[] {
  const requiredKeys = new Set(required.map((r) => `${r.name}:${r.level}`))
  return excessFrom(beyond.concat(permissions)).filter((e) => !requiredKeys.has(e))
}
