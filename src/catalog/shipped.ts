/**
 * The catalog as shipped: buildCatalog's result (catalog.ts: GitHub's data file plus the reviewed overrides), written
 * to src/data/catalog/<edition>.json ahead of time and read back at run time. Building it from GitHub's 320 kB file
 * took 20-30 ms and most of the start-up's garbage (measured by npm run bench); reading the result back takes one
 * JSON.parse. `unit/catalog-shipped.test.ts` holds each file equal to what buildCatalog makes now, and rewrites them
 * with `npm run catalog:update`.
 */
import { readFileSync } from 'node:fs'
import type { Level, ProbeSpec } from '../types.js'
import type { Catalog, CatalogEntry, CatalogPermission } from './catalog.js'
import type { Edition } from './github-data.js'

/** A catalog as JSON: every permission, every entry (its probe named by id) and every probe once. */
export interface CatalogFile {
  readonly edition: Edition
  readonly permissions: readonly CatalogPermission[]
  readonly probes: readonly ProbeSpec[]
  readonly entries: ReadonlyArray<Omit<CatalogEntry, 'probe'> & { readonly probe?: string }>
}

/** The JSON form of a catalog, in the catalog's own order. */
export function catalogFile(catalog: Catalog): CatalogFile {
  const entries: CatalogFile['entries'][number][] = []
  for (const permission of catalog.permissions.values()) {
    for (const level of permission.levels) {
      const entry = catalog.entry(permission.name, level)
      if (!entry) continue
      const { probe, ...rest } = entry
      entries.push(probe ? { ...rest, probe: probe.id } : rest)
    }
  }
  return { edition: catalog.edition, permissions: [...catalog.permissions.values()], probes: [...catalog.probes.values()], entries }
}

/** The catalog a file describes; each entry's probe is the one object of `probes` with that id, as in buildCatalog. */
export function catalogFromFile(file: CatalogFile): Catalog {
  const probes = new Map(file.probes.map((p) => [p.id, p]))
  const key = (name: string, level: Level) => `${name}:${level}`
  const entries = new Map<string, CatalogEntry>()
  for (const { probe, ...rest } of file.entries) {
    const spec = probe === undefined ? undefined : probes.get(probe)
    if (probe !== undefined && !spec) throw new Error(`the shipped catalog names a probe it does not hold: ${probe}`)
    entries.set(key(rest.permission, rest.level), spec ? { ...rest, probe: spec } : rest)
  }
  return {
    edition: file.edition,
    permissions: new Map(file.permissions.map((p) => [p.name, p])),
    probes,
    entry: (name, level) => entries.get(key(name, level))
  }
}

const cache = new Map<Edition, Catalog>()

/** The catalog for an edition, read on first use from the file shipped beside the code (ncc copies it into dist/). */
export function shippedCatalog(edition: Edition): Catalog {
  let catalog = cache.get(edition)
  if (!catalog) {
    const file =
      edition === 'fpt' ? new URL('../data/catalog/fpt.json', import.meta.url) : new URL('../data/catalog/ghes.json', import.meta.url)
    catalog = catalogFromFile(JSON.parse(readFileSync(file, 'utf8')) as CatalogFile)
    cache.set(edition, catalog)
  }
  return catalog
}
