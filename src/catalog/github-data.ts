/**
 * GitHub's own permission → endpoint data (vendored from github/docs, see src/data/github-permissions/README.md).
 * This module types it; permission-data.ts reads it; the catalog is built from it in catalog.ts (ahead of time:
 * shipped.ts), so the running action never reads these files.
 */
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
