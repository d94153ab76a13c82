/**
 * Repository coverage: can the token reach each repository in `repositories`? It lists what the token can reach
 * (100 a page), or asks for each named repository directly when that takes fewer requests, then asks once for each
 * repository the listing did not show (a public repository the user has no affiliation with is reachable but not
 * listed). `owner/*` is decided by the organization's own record (repository selection `all`), when there is one.
 *
 * Round trips: the first page goes out first, with the audit's first wave; its `Link` header (`rel="last"`, as
 * GitHub paginates: https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api) says how many
 * pages there are, and the other pages are then all requested at once, then every repository still unseen at once:
 * three round trips for 1,000 repositories, where one page after another took twelve. Each of the other pages is
 * written as soon as it is made (runner.ts oneAfterAnother), so the first answers come back, and are read, while the
 * last pages are still on their way.
 */
import type { HttpEvidence, TokenKind } from '../types.js'
import { getProbe } from './plan.js'
import { parseLinkPages } from './link-pages.js'
import { nextTurn, oneAfterAnother } from './runner.js'
import type { Send } from './session.js'

export const PAGE_SIZE = 100
/** At most this many pages are listed (10,000 repositories); what is left is asked one by one. */
export const MAX_PAGES = 100

export interface CoverageResult {
  readonly checked: number
  /** `owner/repo` (or `owner/*`) the token is proven unable to reach, sorted. */
  readonly unreachable: string[]
  /** Entries that could not be decided, with why. */
  readonly undecided: Array<{ readonly repository: string; readonly reason: string }>
  readonly requests: number
}

export interface CoverageInputs {
  readonly repositories: ReadonlyArray<{ readonly owner: string; readonly repo: string }>
  readonly kind: TokenKind
  /** From the organization's record, per owner: 'all' or 'subset'. */
  readonly selectionByOwner: ReadonlyMap<string, string>
}

/**
 * Runs a request now or later; undefined when the audit decided not to send it (an invalid token, a spent rate
 * budget: see probe.ts). `first` is for the first page, which may go out before the token's identity is known.
 */
export type Schedule = (task: () => Promise<HttpEvidence>) => Promise<HttpEvidence | undefined>

/**
 * When coverage's requests go: `first` for the first page (before the token's identity is known), `later` for the rest
 * (behind the identity's gate), unless `opened` gives a schedule for the other pages from the first page's own answer
 * (it proved the token works and has the budget for them).
 */
export interface CoverageSchedule {
  readonly first: Schedule
  readonly later: Schedule
  readonly opened?: (firstPage: HttpEvidence, pages: number) => Schedule | undefined
  /**
   * The answer to GET /repos/{owner}/{repo} for a repository the audit asks about anyway (the audited one, whose
   * visibility its probes need), when it does: coverage takes it instead of sending the same request again. Undefined
   * when the audit sends no such request, or resolving to undefined when it did not send it after all.
   */
  readonly known?: (repository: CoverageInputs['repositories'][number]) => Promise<HttpEvidence | undefined> | undefined
}

/** What the token was seen to reach: the listing, and the answers for repositories asked one by one. */
export interface CoverageListing {
  readonly reachable: ReadonlySet<string>
  /** `owner/repo` (lower case) → the answer to GET /repos/{owner}/{repo}, or undefined when it was not sent. */
  readonly asked: ReadonlyMap<string, HttpEvidence | undefined>
  readonly requests: number
}

/** Whether listCoverage sends anything (its first page at once): only `owner/repo` entries are listed or asked. */
export const listsRepositories = (repositories: CoverageInputs['repositories']): boolean => repositories.some((r) => r.repo !== '*')

/** How coverage keys a repository: `owner/repo`, lower case. */
export const keyOf = (r: { readonly owner: string; readonly repo: string }) => `${r.owner}/${r.repo}`.toLowerCase()
const now: Schedule = (task) => task()

/**
 * Lists what the token reaches and asks for the named repositories the listing did not show. Never throws.
 * The fewest requests: after the first page, the remaining pages when they are fewer than the named repositories
 * not yet seen, otherwise those repositories one by one.
 */
export async function listCoverage(
  repositories: CoverageInputs['repositories'],
  kind: TokenKind,
  send: Send,
  schedule: CoverageSchedule = { first: now, later: now }
): Promise<CoverageListing> {
  let requests = 0
  const get = (when: Schedule, template: string, path: string, query: Record<string, string> = {}) =>
    when(() => {
      requests++
      return send(getProbe(template, query), { method: 'GET', path, query })
    })
  const reachable = new Set<string>()
  const asked = new Map<string, HttpEvidence | undefined>()
  if (!listsRepositories(repositories)) return { reachable, asked, requests }

  const template = kind === 'github-app-installation' ? '/installation/repositories' : '/user/repos'
  const page = (n: number, when: Schedule) => get(when, template, template, { per_page: String(PAGE_SIZE), page: String(n) })
  // The first page leaves before anything else is worked out: the names below are keyed once its request (and the
  // audit's first wave) is written, in the next turn of the event loop.
  const firstPage = page(1, schedule.first)
  await nextTurn()
  // Each named repository with its key, computed once (the last spelling of a name wins, in the place of its first):
  // unseen() runs after every wave, over up to 1,000 names. Plain loops: array destructuring in a callback goes
  // through the iterator protocol, about 1 ms over 1,000 names before V8 optimises it.
  const byKey = new Map<string, CoverageInputs['repositories'][number]>()
  for (const r of repositories) if (r.repo !== '*') byKey.set(keyOf(r), r)
  const named: Array<{ readonly key: string; readonly repository: CoverageInputs['repositories'][number] }> = []
  byKey.forEach((repository, key) => named.push({ key, repository }))
  /** Adds a page's repositories; the number of entries, or undefined when the page is not a listing. */
  const take = (ev: HttpEvidence | undefined): number | undefined => {
    if (!ev || ev.status !== 200) return undefined
    const body = ev.body as { repositories?: unknown } | unknown[] | undefined
    const list = Array.isArray(body) ? body : Array.isArray((body as { repositories?: unknown })?.repositories) ? (body as { repositories: unknown[] }).repositories : []
    for (const repo of list) {
      const fullName = (repo as { full_name?: unknown }).full_name
      if (typeof fullName === 'string') reachable.add(fullName.toLowerCase())
    }
    return list.length
  }
  const unseen = () => {
    const out: Array<CoverageInputs['repositories'][number]> = []
    for (const n of named) if (!reachable.has(n.key)) out.push(n.repository)
    return out
  }

  const first = await firstPage
  const left = take(first) === PAGE_SIZE ? unseen().length : 0
  if (left > 0) {
    const last = parseLinkPages(first?.headers.link).last
    if (last !== undefined) {
      const pages = Math.min(last, MAX_PAGES)
      if (pages - 1 < left) {
        const when = (first && schedule.opened?.(first, pages - 1)) || schedule.later
        // Each page is written as soon as it is made, and read as it comes: its repositories are kept and the page
        // itself is let go at once, not held (parsed) until the last one is in.
        await Promise.all(oneAfterAnother(pages - 1, (i) => page(i + 2, when).then(take)))
      }
    } else {
      // No `Link` with rel="last" on a full page: one page after another, as long as they are full.
      for (let n = 2; n <= MAX_PAGES && unseen().length > 0; n++) if (take(await page(n, schedule.later)) !== PAGE_SIZE) break
    }
  }
  const remaining = unseen()
  const answers = await Promise.all(oneAfterAnother(remaining.length, (i) => {
    const r = remaining[i] as CoverageInputs['repositories'][number]
    const ask = () => get(schedule.later, '/repos/{owner}/{repo}', `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}`)
    const known = schedule.known?.(r)
    return known ? known.then((ev) => ev ?? ask()) : ask()
  }))
  remaining.forEach((r, i) => asked.set(keyOf(r), answers[i]))
  return { reachable, asked, requests }
}

/** The verdict for every entry of `repositories`, from a listing (and, for `owner/*`, the organization's record). */
export function decideCoverage(inputs: CoverageInputs, listing: CoverageListing): CoverageResult {
  const unreachable: string[] = []
  const undecided: Array<{ repository: string; reason: string }> = []
  for (const w of inputs.repositories.filter((r) => r.repo === '*')) {
    const selection = inputs.selectionByOwner.get(w.owner.toLowerCase())
    if (selection === 'all') continue
    if (selection === 'subset') unreachable.push(`${w.owner}/*`)
    else undecided.push({ repository: `${w.owner}/*`, reason: 'Only the organization\'s own record (input org-admin-token) tells whether a token reaches all of an owner\'s repositories.' })
  }
  for (const r of inputs.repositories.filter((x) => x.repo !== '*')) {
    const full = `${r.owner}/${r.repo}`
    if (listing.reachable.has(keyOf(r))) continue
    const ev = listing.asked.get(keyOf(r))
    if (ev?.status === 200) continue
    if (ev?.status === 404) unreachable.push(full)
    else if (!ev) undecided.push({ repository: full, reason: 'Not asked: the audit stopped before it (see the other findings).' })
    else undecided.push({ repository: full, reason: `GitHub answered ${ev.status || 'nothing'}${ev.message ? ` "${ev.message}"` : ''}.` })
  }
  return { checked: inputs.repositories.length, unreachable: unreachable.sort(), undecided, requests: listing.requests }
}

export async function checkCoverage(inputs: CoverageInputs, send: Send): Promise<CoverageResult> {
  return decideCoverage(inputs, await listCoverage(inputs.repositories, inputs.kind, send))
}
