/** Repository coverage: which requests it sends, in which round trips, and the verdicts it draws from them. */
import { describe, expect, it } from '@jest/globals'
import { decideCoverage, listCoverage } from '../../src/audit/coverage.js'
import type { HttpRequest } from '../../src/audit/transport.js'
import type { Send } from '../../src/audit/session.js'
import type { HttpEvidence } from '../../src/types.js'

const repo = (n: number) => `service-${String(n).padStart(4, '0')}`

/**
 * A GitHub that lists `listable` repositories of acme 100 a page with a Link header, answers 200 for other
 * repositories in `exists` and 404 otherwise, and records which requests were in flight together (round trips:
 * a request starts a new round trip when it is sent after an answer was given).
 */
function fakeGitHub(listable: number, options: { exists?: string[]; link?: boolean } = {}) {
  const sent: HttpRequest[] = []
  const roundTrip: number[] = []
  let answered = 0
  let depth = 1
  let answeredAtDepth = 0
  const transport: Send = async (_probe, request) => {
    sent.push(request)
      if (answered > answeredAtDepth) {
        depth++
        answeredAtDepth = answered
      }
      roundTrip.push(depth)
      await new Promise((resolve) => setTimeout(resolve, 5))
      answered++
      const base = { method: request.method, path: request.path, message: '', durationMs: 5 }
      if (request.path === '/user/repos') {
        const page = Number(request.query.page)
        const last = Math.max(1, Math.ceil(listable / 100))
        const items = Array.from({ length: listable }, (_, i) => ({ full_name: `acme/${repo(i + 1)}` })).slice((page - 1) * 100, page * 100)
        const link = last > 1 && options.link !== false ? `<https://api.github.com/user/repos?per_page=100&page=${Math.min(page + 1, last)}>; rel="next", <https://api.github.com/user/repos?per_page=100&page=${last}>; rel="last"` : undefined
        return { ...base, status: 200, headers: { 'content-type': 'application/json', ...(link ? { link } : {}) }, body: items } as HttpEvidence
      }
      const name = request.path.split('/').pop() ?? ''
      return { ...base, status: (options.exists ?? []).includes(name) ? 200 : 404, headers: {} } as HttpEvidence
  }
  return { transport, sent, roundTrip }
}

const named = (count: number) => Array.from({ length: count }, (_, i) => ({ owner: 'acme', repo: repo(i + 1) }))

describe('repository coverage', () => {
  it('lists 1,000 repositories in two round trips and asks for the unlisted ones in a third', async () => {
    const gh = fakeGitHub(997)
    const listing = await listCoverage([...named(1000)], 'fine-grained', gh.transport)
    const result = decideCoverage({ repositories: named(1000), kind: 'fine-grained', selectionByOwner: new Map() }, listing)
    expect(result.unreachable).toEqual(['acme/service-0998', 'acme/service-0999', 'acme/service-1000'])
    expect(gh.sent.filter((r) => r.path === '/user/repos')).toHaveLength(10)
    expect(result.requests).toBe(13)
    expect(Math.max(...gh.roundTrip)).toBe(3)
  })

  it('asks for a few named repositories directly rather than listing many pages', async () => {
    const gh = fakeGitHub(5000, { exists: [repo(6000)] })
    const repositories = [{ owner: 'acme', repo: repo(4999) }, { owner: 'acme', repo: repo(6000) }, { owner: 'acme', repo: repo(7000) }]
    const result = decideCoverage({ repositories, kind: 'fine-grained', selectionByOwner: new Map() }, await listCoverage(repositories, 'fine-grained', gh.transport))
    expect(gh.sent.map((r) => r.path)).toEqual(['/user/repos', '/repos/acme/service-4999', '/repos/acme/service-6000', '/repos/acme/service-7000'])
    expect(result.unreachable).toEqual(['acme/service-4999', 'acme/service-7000'])
  })

  it('stops listing once every named repository is seen', async () => {
    const gh = fakeGitHub(1000)
    await listCoverage(named(50), 'fine-grained', gh.transport)
    expect(gh.sent).toHaveLength(1)
  })

  it('pages one after another when GitHub gives no rel="last"', async () => {
    const gh = fakeGitHub(250, { link: false })
    const result = decideCoverage({ repositories: named(300), kind: 'fine-grained', selectionByOwner: new Map() }, await listCoverage(named(300), 'fine-grained', gh.transport))
    expect(gh.sent.filter((r) => r.path === '/user/repos').map((r) => r.query.page)).toEqual(['1', '2', '3'])
    expect(result.unreachable).toHaveLength(50)
  })

  it('leaves a repository undecided when the audit did not send its request', async () => {
    const gh = fakeGitHub(0)
    const repositories = [{ owner: 'acme', repo: 'x' }]
    const listing = await listCoverage(repositories, 'fine-grained', gh.transport, { first: (task) => task(), later: async () => undefined })
    expect(decideCoverage({ repositories, kind: 'fine-grained', selectionByOwner: new Map() }, listing).undecided).toEqual([{ repository: 'acme/x', reason: expect.stringMatching(/Not asked/) }])
    expect(listing.requests).toBe(1)
  })
})
