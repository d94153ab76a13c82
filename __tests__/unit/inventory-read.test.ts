/**
 * Reading the organization's record: every page of both lists, the first pages first, then the rest at most ten at a
 * time, through the harmlessness guard, with GitHub's `Link` header as the only source of the page count.
 */
import { describe, expect, it } from '@jest/globals'
import type { HttpRequest, Transport } from '../../src/audit/transport.js'
import type { HttpEvidence } from '../../src/types.js'
import { MAX_IN_FLIGHT, PAGE_SIZE, readInventory } from '../../src/inventory/read.js'

const API = 'https://api.github.com'

interface FakeOptions {
  grants: number
  requests: number
  /** Leave `rel="last"` out (only `next`). */
  noLast?: boolean
  /** Answer this (list, page) with this status instead. */
  fail?: { list: 'personal-access-tokens' | 'personal-access-token-requests'; page: number; status: number; message: string }
  /** Entries added to the grants after the first page was served (they land at the end, as with direction=asc). */
  growAfterFirst?: number
}

/** A GitHub stand-in: pages of the two lists, `Link` headers as GitHub writes them, and the round trips it saw. */
function fakeGitHub(options: FakeOptions) {
  const sent: HttpRequest[] = []
  let inFlight = 0
  let maxInFlight = 0
  let grants = options.grants
  const completedRounds: number[] = []
  let maxRound = 0
  const transport: Transport = {
    async send(request: HttpRequest): Promise<HttpEvidence> {
      sent.push(request)
      const round = 1 + Math.max(0, ...completedRounds)
      maxRound = Math.max(maxRound, round)
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight--
      completedRounds.push(round)
      const list = request.path.endsWith('/personal-access-token-requests') ? 'personal-access-token-requests' : 'personal-access-tokens'
      const page = Number(request.query.page)
      const perPage = Number(request.query.per_page)
      const base = { method: request.method, path: request.path, durationMs: 5 }
      if (options.fail && options.fail.list === list && options.fail.page === page) {
        return { ...base, status: options.fail.status, headers: { 'x-accepted-github-permissions': 'organization_personal_access_token_requests=read' }, message: options.fail.message }
      }
      const total = list === 'personal-access-tokens' ? grants : options.requests
      const pages = Math.max(1, Math.ceil(total / perPage))
      const body = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => ({ id: (list === 'personal-access-tokens' ? 1 : 100_000) + (page - 1) * perPage + i }))
      const url = (p: number) => `<${API}${request.path}?per_page=${perPage}&page=${p}&sort=created_at&direction=asc>`
      const rels: string[] = []
      if (page < pages) rels.push(`${url(page + 1)}; rel="next"`)
      if (page < pages && !options.noLast) rels.push(`${url(pages)}; rel="last"`)
      if (page > 1) rels.push(`${url(1)}; rel="first"`, `${url(page - 1)}; rel="prev"`)
      if (list === 'personal-access-tokens' && page === 1 && options.growAfterFirst) grants += options.growAfterFirst
      return { ...base, status: 200, headers: rels.length ? { link: rels.join(', ') } : {}, message: 'OK', body }
    }
  }
  return {
    transport,
    sent,
    get maxInFlight() {
      return maxInFlight
    },
    get roundTrips() {
      return maxRound
    }
  }
}

const options = () => ({ deadline: Date.now() + 60_000, now: Date.now })

describe('readInventory', () => {
  it('reads 1,020 grants and 50 requests in 12 requests and 2 round trips, at most ten in flight', async () => {
    const gh = fakeGitHub({ grants: 1020, requests: 50 })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.entries).toHaveLength(1020)
    expect(read.requests.entries).toHaveLength(50)
    expect(read.grants.pages).toBe(11)
    expect(read.grants.announcedPages).toBe(11)
    expect(read.requestCount).toBe(12)
    expect(gh.sent).toHaveLength(12)
    expect(gh.maxInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT)
    const pages = 11 + 1
    expect(gh.roundTrips).toBeLessThanOrEqual(1 + Math.ceil((pages - 1) / 10))
    expect([...read.grants.problems, ...read.requests.problems]).toEqual([])
  })

  it('sends only GETs to the two lists of the organization, with a fixed query', async () => {
    const gh = fakeGitHub({ grants: 250, requests: 3 })
    await readInventory('acme', gh.transport, options())
    for (const r of gh.sent) {
      expect(r.method).toBe('GET')
      expect(r.path).toMatch(/^\/orgs\/acme\/personal-access-token(s|-requests)$/)
      expect(r.body).toBeUndefined()
      expect(Object.keys(r.query).sort()).toEqual(['direction', 'page', 'per_page', 'sort'])
      expect(r.query.per_page).toBe(String(PAGE_SIZE))
    }
    expect(gh.sent.map((r) => `${r.path.split('/').pop()}:${r.query.page}`).sort()).toEqual([
      'personal-access-token-requests:1',
      'personal-access-tokens:1',
      'personal-access-tokens:2',
      'personal-access-tokens:3'
    ])
  })

  it('scales: 5,000 grants (50 pages) in 1 + ceil(50 / 10) round trips', async () => {
    const gh = fakeGitHub({ grants: 5000, requests: 0 })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.entries).toHaveLength(5000)
    expect(gh.maxInFlight).toBe(MAX_IN_FLIGHT)
    expect(gh.roundTrips).toBeLessThanOrEqual(1 + Math.ceil((50 + 1 - 1) / 10))
  })

  it('one page without a Link header is the whole list (GitHub omits it when all results fit on one page)', async () => {
    const gh = fakeGitHub({ grants: 100, requests: 0 })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.entries).toHaveLength(100)
    expect(gh.sent).toHaveLength(2)
    expect(read.requests.entries).toEqual([])
  })

  it('follows rel="next" one page at a time when there is no rel="last"', async () => {
    const gh = fakeGitHub({ grants: 350, requests: 0, noLast: true })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.entries).toHaveLength(350)
    expect(read.grants.pages).toBe(4)
  })

  it('reads entries granted during the read (a full last page with rel="next"), and drops an id seen twice', async () => {
    const gh = fakeGitHub({ grants: 200, requests: 0, growAfterFirst: 150 })
    const read = await readInventory('acme', gh.transport, options())
    const ids = read.grants.entries.map((e) => (e as { id: number }).id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(350)
  })

  it('a page GitHub refuses is a problem with its status, message and accepted permissions, never an empty list', async () => {
    const gh = fakeGitHub({ grants: 10, requests: 10, fail: { list: 'personal-access-token-requests', page: 1, status: 403, message: 'Resource not accessible by integration' } })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.entries).toHaveLength(10)
    expect(read.requests.problems).toEqual([
      { list: 'requests', page: 1, status: 403, message: 'Resource not accessible by integration', acceptedPermissions: 'organization_personal_access_token_requests=read' }
    ])
  })

  it('a later page failing is reported with its page number', async () => {
    const gh = fakeGitHub({ grants: 450, requests: 0, fail: { list: 'personal-access-tokens', page: 3, status: 502, message: 'Bad Gateway' } })
    const read = await readInventory('acme', gh.transport, options())
    expect(read.grants.problems.map((p) => [p.page, p.status])).toEqual([[3, 502]])
    expect(read.grants.entries).toHaveLength(350)
  })

  it('sends nothing once the deadline has passed', async () => {
    const gh = fakeGitHub({ grants: 10, requests: 10 })
    const read = await readInventory('acme', gh.transport, { deadline: Date.now() - 1, now: Date.now })
    expect(gh.sent).toEqual([])
    expect(read.grants.problems[0]).toMatchObject({ status: 0, failure: 'deadline' })
  })
})
