/**
 * The shipped catalog (src/data/catalog/<edition>.json, read at run time by src/catalog/shipped.ts) is exactly what
 * the rules build from GitHub's data now. After changing the rules, the overrides or GitHub's data file, rewrite the
 * files with `npm run catalog:update` (this test with UPDATE_CATALOG=1) and review the diff.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { buildCatalog } from '../../src/catalog/catalog.js'
import type { Edition } from '../../src/catalog/github-data.js'
import { catalogFile, catalogFromFile, shippedCatalog } from '../../src/catalog/shipped.js'
import type { CatalogFile } from '../../src/catalog/shipped.js'

const EDITIONS: Edition[] = ['fpt', 'ghes']
const path = (edition: Edition) => new URL(`../../src/data/catalog/${edition}.json`, import.meta.url)
const text = (file: CatalogFile) => `${JSON.stringify(file, null, 1)}\n`

describe.each(EDITIONS)('the shipped catalog (%s)', (edition) => {
  const built = buildCatalog(edition)
  if (process.env.UPDATE_CATALOG === '1') writeFileSync(path(edition), text(catalogFile(built)))

  it('is what buildCatalog makes from GitHub\'s data and the overrides now (npm run catalog:update rewrites it)', () => {
    expect(readFileSync(path(edition), 'utf8')).toBe(text(catalogFile(built)))
  })

  it('reads back into the same catalog: every permission, entry and probe', () => {
    const shipped = shippedCatalog(edition)
    expect(shipped.edition).toBe(edition)
    expect([...shipped.permissions.entries()]).toEqual([...built.permissions.entries()])
    expect([...shipped.probes.entries()]).toEqual([...built.probes.entries()])
    for (const p of built.permissions.values()) for (const level of ['read', 'write', 'admin'] as const) expect(shipped.entry(p.name, level)).toEqual(built.entry(p.name, level))
    // One object per probe, as buildCatalog shares them between the entries that use the same request.
    for (const p of shipped.permissions.values()) for (const level of p.levels) {
      const probe = shipped.entry(p.name, level)?.probe
      if (probe) expect(shipped.probes.get(probe.id)).toBe(probe)
    }
  })
})

it('refuses a file whose entry names a probe it does not hold', () => {
  const file = catalogFile(buildCatalog('fpt'))
  expect(() => catalogFromFile({ ...file, probes: file.probes.slice(1) })).toThrow(/names a probe it does not hold/)
})
