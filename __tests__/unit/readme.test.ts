/** The README stays true: its catalog table is the catalog's, and its inputs and outputs are action.yml's. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { catalogMarkdown } from '../../src/catalog/describe.js'
import { INPUT_NAMES } from '../../src/inputs/settings.js'
import { OUTPUT_NAMES } from '../../src/action/main.js'
import { actionYmlKeys } from '../helpers/e2e.js'
import { INVENTORY_INPUT_NAMES } from '../../src/inventory/settings.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')


function readmeTable(heading: string): string[] {
  const block = readme.split(`## ${heading}\n`)[1].split(/^## /m)[0]
  return [...block.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1])
}

describe('README', () => {
  it('has the catalog table that `npm run readme` generates', () => {
    const start = readme.indexOf('-->', readme.indexOf('<!-- catalog:start')) + 3
    const end = readme.indexOf('<!-- catalog:end -->')
    expect(readme.slice(start, end).trim()).toBe(catalogMarkdown(buildCatalog('fpt')))
  })

  it('lists exactly the inputs of action.yml, in order', () => {
    expect(readmeTable('Inputs')).toEqual(actionYmlKeys('inputs'))
  })

  it('lists exactly the outputs of action.yml, in order', () => {
    expect(readmeTable('Outputs')).toEqual(actionYmlKeys('outputs'))
  })

  it('matches the action: action.yml declares exactly the inputs the action reads and the outputs it sets', () => {
    expect([...actionYmlKeys('inputs')].sort()).toEqual([...INPUT_NAMES, ...INVENTORY_INPUT_NAMES].sort())
    expect([...actionYmlKeys('outputs')].sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it('opens with the two set-up commands', () => {
    expect(readme.split('```sh\n')[1]).toMatch(/^npm ci && npm run demo.*\nnpm test/)
  })

  it('states the footprint the catalog has: the requests that are not GETs with report-excess (issue 12)', () => {
    for (const edition of ['fpt', 'ghes'] as const) {
      const stated = new RegExp(`<!-- footprint:${edition} -->(\\d+)<!-- /footprint -->`).exec(readme)?.[1]
      const writes = [...buildCatalog(edition).probes.values()].filter((p) => p.method !== 'GET').length
      expect([edition, Number(stated)]).toEqual([edition, writes])
    }
    const fpt = Number(/<!-- footprint:fpt -->(\d+)/.exec(readme)?.[1])
    expect(readme).toContain(`about ${fpt * 5} points`)
  })
})
