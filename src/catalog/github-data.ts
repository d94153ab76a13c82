/**
 * GitHub's own permission → endpoint data (vendored from github/docs, see src/data/github-permissions/README.md).
 * This module only loads and types it; the catalog is built from it in catalog.ts.
 */
import { readFileSync } from 'node:fs'
import type { Level } from '../types.js'

export interface DataOperation {
  readonly category: string
  readonly slug: string
  readonly subcategory: string
  readonly verb: string
  readonly requestPath: string
  readonly 'additional-permissions': boolean
  readonly access: Level
}

export interface DataPermission {
  readonly title: string
  readonly displayTitle: string
  readonly permissions: readonly DataOperation[]
}

export type PermissionData = Readonly<Record<string, DataPermission>>

/** `fpt` is GitHub.com; `ghes` is GitHub Enterprise Server 3.22. */
export type Edition = 'fpt' | 'ghes'

export const DATA_SOURCES: Readonly<Record<Edition, { readonly label: string; readonly apiVersion: string }>> = {
  fpt: { label: 'GitHub.com', apiVersion: '2026-03-10' },
  ghes: { label: 'GitHub Enterprise Server 3.22', apiVersion: '2026-03-10' }
}

const cache = new Map<Edition, PermissionData>()

/**
 * The data file for an edition, read on first use. The files ship beside the bundle (ncc copies them into dist/)
 * rather than inside it: only the edition in use is read and parsed, and dist/index.js stays small.
 */
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

/**
 * GitHub Enterprise Server serves its REST API under `/api/v3` (`https://HOST/api/v3`); GitHub.com
 * (`https://api.github.com`) and GHE.com (`https://api.SUBDOMAIN.ghe.com`) serve it at the root.
 */
export function editionForApiUrl(apiUrl: string): Edition {
  try {
    return /^\/api\/v3(\/|$)/.test(new URL(apiUrl).pathname) ? 'ghes' : 'fpt'
  } catch {
    return 'fpt'
  }
}
