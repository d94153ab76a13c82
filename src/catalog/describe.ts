/** The catalog as a person reads it: for every permission and level, the probe and why it is harmless, or why there is none. */
import type { Catalog } from './catalog.js'
import type { Level, SafetyArgument } from '../types.js'
import { basisOf, basisText } from './probe-basis.js'

export interface CatalogRow {
  readonly permission: string
  readonly title: string
  readonly scope: string
  readonly level: Level
  /** `GET /repos/{owner}/{repo}/commits`, or empty when uncheckable. */
  readonly probe: string
  /** The safety argument, or the reason it cannot be checked. */
  readonly note: string
  readonly source: 'rule' | 'override'
  /** Why its 404 / 422 is read as it is, with the public source (probe-basis.ts). */
  readonly basis?: string
}

export function safetyText(safety: SafetyArgument): string {
  switch (safety.kind) {
    case 'read-only':
      return 'read-only GET'
    case 'random-target':
      return `random {${safety.param}}: names nothing that exists`
    case 'two-barriers':
      return `two barriers: random parent {${safety.param}} that cannot exist, and a body without the required \`${safety.missingField}\` (422 documented)`
  }
}

export function describeCatalog(catalog: Catalog): CatalogRow[] {
  const rows: CatalogRow[] = []
  const names = [...catalog.permissions.keys()].sort()
  for (const name of names) {
    const info = catalog.permissions.get(name)!
    for (const level of info.levels) {
      const entry = catalog.entry(name, level)
      if (!entry) continue
      const alternatives = entry.probe?.accepts.filter((set) => !set.some((p) => p.name === name)) ?? []
      const altNote = alternatives.length > 0 ? `; also accepts ${alternatives.map((s) => s.map((p) => `${p.name}:${p.level}`).join('+')).join(', ')} (probed too)` : ''
      rows.push({
        permission: name,
        title: info.title,
        scope: info.scope,
        level,
        probe: entry.probe ? `${entry.probe.method} ${entry.probe.template}` : '',
        note: entry.probe ? `${safetyText(entry.probe.safety)}${altNote}` : (entry.uncheckable ?? ''),
        source: entry.source,
        ...(entry.probe && basisOf(entry.probe) ? { basis: basisText(basisOf(entry.probe)!) } : {})
      })
    }
  }
  return rows
}

/**
 * The catalog as data, for tools (`pat-audit catalog --json`; the benchmark computes its request floor from it):
 * every permission level with its probe (`METHOD template`, null when uncheckable) and the alternatives the probe
 * accepts, each with its own probe when that probe is exclusive (only then does the audit send it too, see plan.ts).
 */
export interface CatalogJsonRow {
  readonly permission: string
  readonly level: Level
  readonly scope: string
  readonly formOnly: boolean
  readonly probe: string | null
  readonly alternatives: ReadonlyArray<{ readonly permission: string; readonly level: Level; readonly probe: string | null }>
}

export function catalogJson(catalog: Catalog): { edition: string; rows: CatalogJsonRow[] } {
  const rows: CatalogJsonRow[] = []
  const probeOf = (name: string, level: Level): string | null => {
    const probe = catalog.entry(name, level)?.probe
    return probe ? `${probe.method} ${probe.template}` : null
  }
  for (const name of [...catalog.permissions.keys()].sort()) {
    const info = catalog.permissions.get(name)!
    for (const level of info.levels) {
      const entry = catalog.entry(name, level)
      if (!entry) continue
      const alternatives = (entry.probe?.accepts ?? [])
        .filter((set) => !set.some((p) => p.name === name))
        .flatMap((set) => set)
        .map((alt) => {
          const altProbe = catalog.entry(alt.name, alt.level)?.probe
          return { permission: alt.name, level: alt.level, probe: altProbe && altProbe.accepts.length === 1 ? probeOf(alt.name, alt.level) : null }
        })
      rows.push({ permission: name, level, scope: info.scope, formOnly: info.formOnly, probe: probeOf(name, level), alternatives })
    }
  }
  return { edition: catalog.edition, rows }
}

/** The README's table of auditable permissions. */
export function catalogMarkdown(catalog: Catalog): string {
  const rows = describeCatalog(catalog)
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const lines = ['| permission | level | probe | why it is harmless, or why it cannot be checked |', '|---|---|---|---|']
  for (const r of rows) lines.push(`| \`${r.permission}\` | ${r.level} | ${r.probe ? `\`${esc(r.probe)}\`` : '—'} | ${esc(r.note)}${r.source === 'override' ? ' (reviewed override)' : ''} |`)
  const probed = rows.filter((r) => r.probe).length
  lines.push('', `${catalog.permissions.size} permissions, ${rows.length} permission levels: ${probed} probed, ${rows.length - probed} reported inconclusive with the reason above.`)
  return lines.join('\n')
}

/** A plain-text listing for the terminal. */
export function catalogText(catalog: Catalog): string {
  const rows = describeCatalog(catalog)
  const out: string[] = []
  for (const r of rows) {
    out.push(`${`${r.permission}:${r.level}`.padEnd(48)} ${r.probe || 'not checkable'}`)
    out.push(`${''.padEnd(48)}   ${r.note}${r.source === 'override' ? ' (reviewed override)' : ''}`)
    if (r.basis) out.push(`${''.padEnd(48)}   basis: ${r.basis}`)
  }
  const probed = rows.filter((r) => r.probe).length
  out.push('', `${catalog.permissions.size} permissions (${catalog.edition === 'ghes' ? 'GitHub Enterprise Server 3.22' : 'GitHub.com'}), ${rows.length} permission levels: ${probed} probed, ${rows.length - probed} inconclusive with a reason.`)
  return out.join('\n')
}
