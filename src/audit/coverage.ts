/**
 * Repository coverage: can the token reach each repository in `repositories`? It lists what the token can reach
 * (paginated, 100 a page: 1,000 repositories cost about ten requests), then asks once for each repository the
 * listing did not show (a public repository the user has no affiliation with is reachable but not listed).
 * `owner/*` is decided by the organization's own record (repository selection `all`), when there is one.
 */
import type { HttpEvidence, TokenKind } from '../types.js'
import { getProbe } from './plan.js'
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

export async function checkCoverage(inputs: CoverageInputs, send: Send): Promise<CoverageResult> {
  let requests = 0
  const get = async (template: string, path: string, query: Record<string, string> = {}): Promise<HttpEvidence> => {
    requests++
    return send(getProbe(template, query), { method: 'GET', path, query })
  }
  const unreachable: string[] = []
  const undecided: Array<{ repository: string; reason: string }> = []
  const named = inputs.repositories.filter((r) => r.repo !== '*')
  const wildcards = inputs.repositories.filter((r) => r.repo === '*')

  for (const w of wildcards) {
    const selection = inputs.selectionByOwner.get(w.owner.toLowerCase())
    if (selection === 'all') continue
    if (selection === 'subset') unreachable.push(`${w.owner}/*`)
    else undecided.push({ repository: `${w.owner}/*`, reason: 'Only the organization\'s own record (input org-admin-token) tells whether a token reaches all of an owner\'s repositories.' })
  }

  const reachable = new Set<string>()
  if (named.length > 0) {
    const installation = inputs.kind === 'github-app-installation'
    const template = installation ? '/installation/repositories' : '/user/repos'
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = { per_page: String(PAGE_SIZE), page: String(page) }
      const ev = await get(template, template, query)
      if (ev.status !== 200) break
      const body = ev.body as { repositories?: unknown } | unknown[] | undefined
      const list = Array.isArray(body) ? body : Array.isArray((body as { repositories?: unknown })?.repositories) ? ((body as { repositories: unknown[] }).repositories) : []
      for (const repo of list) {
        const fullName = (repo as { full_name?: unknown }).full_name
        if (typeof fullName === 'string') reachable.add(fullName.toLowerCase())
      }
      if (list.length < PAGE_SIZE) break
      if (named.every((r) => reachable.has(`${r.owner}/${r.repo}`.toLowerCase()))) break
    }
  }
  for (const r of named) {
    const full = `${r.owner}/${r.repo}`
    if (reachable.has(full.toLowerCase())) continue
    const path = `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}`
    const ev = await get('/repos/{owner}/{repo}', path)
    if (ev.status === 200) continue
    if (ev.status === 404) unreachable.push(full)
    else undecided.push({ repository: full, reason: `GitHub answered ${ev.status || 'nothing'}${ev.message ? ` "${ev.message}"` : ''}.` })
  }
  return { checked: inputs.repositories.length, unreachable: unreachable.sort(), undecided, requests }
}
