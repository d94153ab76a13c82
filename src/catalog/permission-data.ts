/** Reads GitHub's permission data file for an edition (github-data.ts describes it); only catalog.ts's rules need it. */
import { readFileSync } from 'node:fs'
import type { Edition, PermissionData } from './github-data.js'

const cache = new Map<Edition, PermissionData>()

/** The data file for an edition, read on first use (by the tests and `npm run catalog:update`, not by the bundle). */
export function permissionData(edition: Edition): PermissionData {
  let data = cache.get(edition)
  if (!data) {
    const file =
      edition === 'fpt'
        ? new URL('../data/github-permissions/fpt-2026-03-10/fine-grained-pat-permissions.json', import.meta.url)
        : new URL('../data/github-permissions/ghes-3.22-2026-03-10/fine-grained-pat-permissions.json', import.meta.url)
    data = JSON.parse(readFileSync(file, 'utf8')) as PermissionData
    cache.set(edition, data)
  }
  return data
}
