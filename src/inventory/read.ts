/**
 * Reads the organization's whole record of fine-grained tokens: every grant (`GET /orgs/{org}/personal-access-tokens`)
 * and every pending request (`GET /orgs/{org}/personal-access-token-requests`), 100 a page.
 *
 * The first page of each list goes out at once; its `Link` header's `rel="last"` says how many pages there are, and
 * the rest are then read concurrently, at most ten requests in flight across both lists. Only the page number is
 * taken from the header: every request is built here, from the organization and a fixed query, and goes through the
 * harmlessness guard and the audit's transport (no redirect followed, deadline, rate limits). Nothing is ever written.
 *
 * Sources: GitHub's REST reference for both endpoints (https://docs.github.com/en/rest/orgs/personal-access-tokens:
 * `per_page` "max 100", `page`, `sort` (created_at), `direction`) and "Using pagination in the REST API"
 * (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api: "If the endpoint does not
 * support pagination, or if all results fit on a single page, the link header will be omitted"; its links include
 * the last page). The docs do not say what a page past the end holds, nor whether pages stay consistent while tokens
 * are granted during the read; so the read sorts by creation, oldest first (a grant made meanwhile lands at the end),
 * follows `rel="next"` after a full last page, and drops an id seen twice.
 */
import type { Transport } from '../audit/transport.js'
import type { HttpEvidence } from '../types.js'
import { getProbe } from '../audit/plan.js'
import { createLimiter, sendOne } from '../audit/runner.js'
import { parseLinkPages } from '../audit/link-pages.js'
import type { RunOptions } from '../audit/runner.js'

export const PAGE_SIZE = 100
export const MAX_IN_FLIGHT = 10
/** At most this many pages of each list (100,000 entries); a larger `last` is read up to here and reported. */
export const MAX_PAGES = 1000

export type ListKind = 'grants' | 'requests'

export const LIST_PATH: Record<ListKind, string> = {
  grants: 'personal-access-tokens',
  requests: 'personal-access-token-requests'
}

/** What a list could not give: the page, and GitHub's answer (or the failure) to it. */
export interface ListProblem {
  readonly list: ListKind
  readonly page: number
  readonly status: number
  readonly message: string
  readonly failure?: HttpEvidence['failure']
  /** `x-accepted-github-permissions` of the answer, when GitHub sent one. */
  readonly acceptedPermissions?: string
}

export interface ListRead {
  readonly entries: readonly unknown[]
  /** Pages read successfully. */
  readonly pages: number
  /** The page count the first page announced (1 when it had no `Link` header). */
  readonly announcedPages: number
  readonly problems: readonly ListProblem[]
  /** Entries whose `id` had already been read on another page. */
  readonly duplicates: number
}

export interface InventoryRead {
  readonly grants: ListRead
  readonly requests: ListRead
  /** Requests sent, both lists together. */
  readonly requestCount: number
}

export const QUERY = (page: number): Record<string, string> => ({ per_page: String(PAGE_SIZE), page: String(page), sort: 'created_at', direction: 'asc' })

export async function readInventory(organization: string, transport: Transport, options: RunOptions): Promise<InventoryRead> {
  const limit = createLimiter(MAX_IN_FLIGHT)
  let requestCount = 0
  const fetchPage = (list: ListKind, page: number): Promise<HttpEvidence> =>
    limit(() => {
      requestCount++
      const query = QUERY(page)
      const template = `/orgs/{org}/${LIST_PATH[list]}`
      return sendOne(getProbe(template, query), { method: 'GET', path: `/orgs/${encodeURIComponent(organization)}/${LIST_PATH[list]}`, query }, transport, options)
    })

  const readList = async (list: ListKind, first: HttpEvidence): Promise<ListRead> => {
    const seen = new Set<unknown>()
    const entries: unknown[] = []
    const problems: ListProblem[] = []
    let duplicates = 0
    let pages = 0
    const take = (page: number, ev: HttpEvidence): boolean => {
      if (ev.status !== 200 || !Array.isArray(ev.body)) {
        problems.push({
          list,
          page,
          status: ev.status,
          message: ev.status === 200 ? 'The answer was not a list.' : ev.message,
          ...(ev.failure ? { failure: ev.failure } : {}),
          ...(ev.headers['x-accepted-github-permissions'] ? { acceptedPermissions: ev.headers['x-accepted-github-permissions'] } : {})
        })
        return false
      }
      pages++
      for (const entry of ev.body as unknown[]) {
        const id = (entry as { id?: unknown } | null)?.id
        if (id !== undefined && seen.has(id)) {
          duplicates++
          continue
        }
        if (id !== undefined) seen.add(id)
        entries.push(entry)
      }
      return true
    }
    if (!take(1, first)) return { entries, pages, announcedPages: 0, problems, duplicates }
    const links = parseLinkPages(first.headers.link)
    const announced = links.last ?? (links.next !== undefined ? links.next : 1)
    const last = Math.min(announced, MAX_PAGES)
    // Pages 2..last all at once (the limiter keeps ten in flight across both lists), kept in page order.
    const rest = await Promise.all(Array.from({ length: Math.max(0, last - 1) }, (_, i) => fetchPage(list, i + 2)))
    let lastRead: HttpEvidence = first
    let lastPage = 1
    for (const [i, ev] of rest.entries()) {
      if (take(i + 2, ev)) {
        lastRead = ev
        lastPage = i + 2
      }
    }
    // Without `rel="last"` (only `next`), or when the list grew during the read: follow `next` one page at a time.
    let guard = 0
    while (problems.length === 0 && lastPage < MAX_PAGES && guard++ < MAX_PAGES) {
      const next = parseLinkPages(lastRead.headers.link).next
      const full = Array.isArray(lastRead.body) && lastRead.body.length >= PAGE_SIZE
      if (next === undefined || next <= lastPage || !full) break
      const ev = await fetchPage(list, next)
      if (!take(next, ev)) break
      lastRead = ev
      lastPage = next
    }
    if (announced > MAX_PAGES) {
      problems.push({ list, page: MAX_PAGES + 1, status: 0, message: `The list has ${announced} pages; pat-audit reads at most ${MAX_PAGES} (${MAX_PAGES * PAGE_SIZE} entries).` })
    }
    return { entries, pages, announcedPages: announced, problems, duplicates }
  }

  const [grantsFirst, requestsFirst] = await Promise.all([fetchPage('grants', 1), fetchPage('requests', 1)])
  const [grants, requests] = await Promise.all([readList('grants', grantsFirst), readList('requests', requestsFirst)])
  return { grants, requests, requestCount }
}
