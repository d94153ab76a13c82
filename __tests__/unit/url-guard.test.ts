/**
 * Issue 12: the guard approves the absolute URL actually fetched; nothing follows a redirect; nothing but a GET is
 * ever sent twice. Checked where the request leaves: the fetch the transport hands to Octokit, and real loopback
 * servers that record what reaches them.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTransport, RETRIES } from '../../src/github/octokit-transport.js'
import { approveUrl, guardedFetch, validateApiUrl } from '../../src/github/url-guard.js'
import type { FetchLike } from '../../src/github/url-guard.js'
import { parseSettings } from '../../src/inputs/settings.js'
import { classifyEvidence } from '../../src/verdicts/classify.js'
import type { HttpMethod } from '../../src/types.js'
import { createIssueClient } from '../../src/github/issue-client.js'

const TOKEN = 'github_pat_11URLGUARDTEST00000000_' + 'q'.repeat(59)
const signal = () => new AbortController().signal

interface Hit {
  readonly method: string
  readonly url: string
}

/** A real server on 127.0.0.1 that records every request reaching it. */
async function withServers(
  count: number,
  handler: (index: number, req: IncomingMessage, res: ServerResponse, urls: string[]) => void,
  body: (urls: string[], hits: Hit[][]) => Promise<void>
) {
  const hits: Hit[][] = Array.from({ length: count }, () => [])
  const urls: string[] = []
  const servers = Array.from({ length: count }, (_, i) =>
    createServer((req, res) => {
      hits[i].push({ method: req.method ?? '', url: req.url ?? '' })
      req.resume()
      req.on('end', () => handler(i, req, res, urls))
    })
  )
  for (const server of servers) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  }
  try {
    await body(urls, hits)
  } finally {
    for (const server of servers) {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

function transport(apiUrl: string, fetch?: FetchLike) {
  return createTransport({ token: TOKEN, apiUrl, requestTimeoutMs: 2000, deadline: Date.now() + 30_000, retryBaseMs: 5, debug: () => undefined, ...(fetch ? { fetch } : {}) })
}

const json404: FetchLike = async () => new Response(JSON.stringify({ message: 'Not Found' }), { status: 404, headers: { 'content-type': 'application/json' } })

describe('api-url forms (validateApiUrl)', () => {
  it.each([
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['https://api.octocorp.ghe.com', 'https://api.octocorp.ghe.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com/api/v3/', 'https://ghe.example.com/api/v3'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://API.GitHub.com', 'https://api.github.com'],
    ['https://api.github.com:443', 'https://api.github.com']
  ])('accepts %s as %s', (input, url) => {
    expect(validateApiUrl(input)).toMatchObject({ ok: true, url })
  })

  it.each([
    'https://api.github.com/repos/acme/infra?',
    'https://api.github.com/repos/acme/infra#',
    'https://api.github.com/?',
    'https://api.github.com/%3F',
    'https://api.github.com/%2F',
    'https://api.github.com/%5C',
    'https://api.github.com/%2e%2e',
    'https://ghe.example.com/api/v3/../..',
    'https://ghe.example.com/api\\v3',
    'https://user@api.github.com',
    'https://user:pass@api.github.com',
    'https://api.github.com/orgs/acme',
    'ftp://api.github.com',
    'https://api.github.com:99999',
    'https://api.github.com./',
    ''
  ])('refuses %j', (input) => {
    expect(validateApiUrl(input).ok).toBe(false)
  })
})

describe('approveUrl', () => {
  const base = { origin: 'https://api.github.com', path: '' as const }
  it('builds the root, the path and the query, nothing else', () => {
    expect(approveUrl(base, { method: 'GET', path: '/repos/acme/infra/branches', query: { per_page: '1' } })).toEqual({
      ok: true,
      url: 'https://api.github.com/repos/acme/infra/branches?per_page=1'
    })
    expect(approveUrl({ origin: 'https://ghe.example.com', path: '/api/v3' }, { method: 'DELETE', path: '/repos/a/b/keys/1' })).toEqual({
      ok: true,
      url: 'https://ghe.example.com/api/v3/repos/a/b/keys/1'
    })
  })
  it.each(['/repos/acme/infra?/x', '/repos/acme/infra#x', '/repos/a%2fb', '/repos/%2e%2e/x', '/repos/../x', '/repos//x', '//evil.example/x', 'repos/a', '/a\\b', '/a b', '/a/{b}', '/a/:b'])(
    'refuses the path %j',
    (path) => {
      expect(approveUrl(base, { method: 'DELETE', path }).ok).toBe(false)
    }
  )
})

describe('every request is refused or sent to exactly the approved URL (property)', () => {
  /** api-url candidates: arbitrary strings, and GitHub's forms with arbitrary tails, tricks included. */
  const apiUrl = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .tuple(
        fc.constantFrom('https://api.github.com', 'http://127.0.0.1:3000', 'https://ghe.example.com/api/v3', 'https://API.example.ghe.com', 'https://u:p@h.example'),
        fc.oneof(
          fc.constant(''),
          fc.constantFrom('/', '?', '#', '/?', '/#', '%3f', '%23', '/%2f', '/%5c', '/..', '/%2e%2e', '\\', '/repos/acme/infra?', '/orgs/acme#', '/api/v3', '/x'),
          fc.string({ maxLength: 20 })
        )
      )
      .map(([a, b]) => a + b)
  )
  const segment = fc.oneof(
    fc.constantFrom('acme', 'infra', 'pat-audit-probe-0123456789abcdef', '18446744073709551617', '..', '.', '%2f', '?', '#', 'a?b', 'x#y', '%3F', '%5c', ''),
    fc.string({ maxLength: 8 })
  )
  const request = fc.record({
    method: fc.constantFrom<HttpMethod>('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
    path: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`),
    query: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 })
  })

  it('holds for arbitrary api-url strings and requests', async () => {
    await fc.assert(
      fc.asyncProperty(apiUrl, request, async (input, req) => {
        const sent: Array<{ url: string; method: string; redirect: unknown }> = []
        const settings = parseSettings({ token: TOKEN, 'required-permissions': 'contents: read', repository: 'acme/infra', 'api-url': input }, {
          levelsOf: () => ['read', 'write'],
          names: () => ['contents'][Symbol.iterator](),
          scopeOf: () => 'repository'
        })
        // What the settings accept is what the transport is built with; what they refuse never reaches it.
        if (!settings.ok) {
          expect(settings.errors.some((e) => e.startsWith("Input 'api-url':"))).toBe(true)
          return
        }
        const t = transport(settings.settings.apiUrl, async (url, init) => {
          sent.push({ url, method: String(init.method), redirect: init.redirect })
          return json404(url, init)
        })
        const ev = await t.send({ ...req, body: req.method === 'GET' ? undefined : {} }, signal())
        const root = new URL(input.trim() || 'https://api.github.com')
        const expected = `${root.origin}${root.pathname.replace(/\/$/, '')}${req.path}${Object.keys(req.query).length ? `?${new URLSearchParams(req.query)}` : ''}`
        if (ev.failure === 'refused') {
          expect(sent).toEqual([])
        } else {
          expect(sent).toEqual([{ url: expected, method: req.method, redirect: 'manual' }])
          // The approved URL names the validated root and the path as given: no query or fragment from the api-url.
          const u = new URL(sent[0].url)
          expect(u.hash).toBe('')
          expect(`${u.origin}${u.pathname}`).toBe(`${root.origin}${root.pathname.replace(/\/$/, '')}${req.path}`)
          expect(input).not.toMatch(/[?#%\\@]|\.\./)
        }
      }),
      { numRuns: 400 }
    )
  })

  it('refuses the reproduced cases of the issue before anything is sent', async () => {
    for (const input of ['https://api.github.com/repos/acme/infra?', 'https://api.github.com/repos/acme/infra#', 'https://api.github.com/orgs/acme?']) {
      const sent: string[] = []
      // Even built around the settings (as a caller that skipped them would), the transport refuses the root.
      const t = transport(input, async (url, init) => {
        sent.push(url)
        return json404(url, init)
      })
      const ev = await t.send({ method: 'DELETE', path: '/repos/acme/infra/keys/9000000000000001', query: {} }, signal())
      expect(ev.failure).toBe('refused')
      expect(sent).toEqual([])
    }
  })

  it('the guarded fetch sends only the approved URL and method, and a write once', async () => {
    const sent: string[] = []
    const f = guardedFetch(async (url, init) => (sent.push(`${init.method} ${url} ${init.redirect}`), new Response('{}')), { url: 'https://api.github.com/x', method: 'DELETE' })
    await expect(f('https://api.github.com/y', { method: 'DELETE' })).rejects.toThrow(/did not approve/)
    await expect(f('https://api.github.com/x', { method: 'GET' })).rejects.toThrow(/approved DELETE/)
    await f('https://api.github.com/x', { method: 'DELETE', redirect: 'follow' })
    await expect(f('https://api.github.com/x', { method: 'DELETE' })).rejects.toThrow(/second time/)
    expect(sent).toEqual(['DELETE https://api.github.com/x manual'])
  })
})

describe('redirects are never followed (loopback servers)', () => {
  const cases: Array<[number, HttpMethod, 'same' | 'cross']> = []
  for (const status of [301, 302, 303, 307, 308]) for (const method of ['GET', 'DELETE', 'PATCH', 'POST', 'PUT'] as HttpMethod[]) for (const where of ['same', 'cross'] as const) cases.push([status, method, where])

  it.each(cases)('%i on %s (%s origin): not followed, read as evidence, never granted', async (status, method, where) => {
    await withServers(
      2,
      (i, req, res, urls) => {
        if (i === 0 && req.url !== '/moved-here') {
          res.writeHead(status, { location: where === 'same' ? `${urls[0]}/moved-here` : `${urls[1]}/repos/acme/renamed`, 'content-type': 'application/json' })
          res.end(JSON.stringify({ message: 'Moved Permanently', url: 'x' }))
          return
        }
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ login: 'someone-else' }))
      },
      async (urls, hits) => {
        const ev = await transport(urls[0]).send({ method, path: '/repos/acme/infra/keys/18446744073709551617', query: {}, ...(method === 'GET' ? {} : { body: {} }) }, signal())
        expect(hits[0]).toEqual([{ method, url: '/repos/acme/infra/keys/18446744073709551617' }])
        expect(hits[1]).toEqual([])
        expect(ev).toMatchObject({ status, failure: 'redirect' })
        expect(ev.message).toContain(where === 'same' ? '/moved-here' : '/repos/acme/renamed')
        const probe = { id: 'x', method, template: '/repos/{owner}/{repo}/keys/{key_id}', query: {}, safety: { kind: 'read-only' as const }, randomParams: [], accepts: [], publicFallback: false }
        const decision = classifyEvidence('administration', { probe, context: 'repository' } as never, ev, { repository: true, organization: undefined })
        expect(decision).toMatchObject({ status: 'inconclusive', code: 'redirected' })
        expect(decision.reason).toMatch(/renamed or transferred: point `repository` at its new name/)
      }
    )
  })

  it('the issue client does not follow a redirect either', async () => {
    await withServers(
      2,
      (i, _req, res, urls) => {
        if (i === 0) {
          res.writeHead(307, { location: `${urls[1]}/repos/acme/infra/issues` })
          res.end()
          return
        }
        res.writeHead(201, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ number: 1 }))
      },
      async (urls, hits) => {
        const client = createIssueClient({ token: 'ghs_' + 'w'.repeat(36), apiUrl: urls[0], owner: 'acme', repo: 'infra', redact: (t) => t, deadline: Date.now() + 5000 })
        await expect(client.create('t', 'b', 'pat-audit')).rejects.toThrow(/307 \(a redirect, not followed\)/)
        expect(hits[0]).toHaveLength(1)
        expect(hits[1]).toEqual([])
      }
    )
  })
})

describe('no request but a GET is ever sent twice', () => {
  const faults: Array<['502' | 'reset', HttpMethod]> = []
  for (const fault of ['502', 'reset'] as const) for (const method of ['GET', 'DELETE', 'PATCH', 'POST', 'PUT'] as HttpMethod[]) faults.push([fault, method])

  it.each(faults)('%s on %s', async (fault, method) => {
    await withServers(
      1,
      (_i, _req, res) => {
        if (fault === 'reset') {
          res.socket?.destroy()
          return
        }
        res.writeHead(502, { 'content-type': 'text/html' })
        res.end('<html><title>502 Bad Gateway</title></html>')
      },
      async (urls, hits) => {
        const ev = await transport(urls[0]).send({ method, path: '/repos/acme/infra/keys/1', query: {}, ...(method === 'GET' ? {} : { body: {} }) }, signal())
        expect(hits[0].length).toBe(method === 'GET' ? 1 + RETRIES : 1)
        if (method !== 'GET') expect(ev.status === 502 || ev.failure === 'network').toBe(true)
      }
    )
  })

  it('the issue client never sends anything twice, and stops at its deadline', async () => {
    await withServers(
      1,
      (_i, req, res) => {
        if (req.method === 'GET') return // hangs: no answer at all
        res.writeHead(502, { 'content-type': 'application/json' })
        res.end('{"message":"Server Error"}')
      },
      async (urls, hits) => {
        const client = createIssueClient({ token: 'ghs_' + 'w'.repeat(36), apiUrl: urls[0], owner: 'acme', repo: 'infra', redact: (t) => t, deadline: Date.now() + 1500 })
        await expect(client.create('t', 'b', 'pat-audit')).rejects.toThrow()
        const started = Date.now()
        await expect(client.listOwn('github-actions[bot]', 'pat-audit')).rejects.toThrow(/within timeout-seconds|timeout-seconds was reached/)
        expect(Date.now() - started).toBeLessThan(3000)
        expect(hits[0].map((h) => h.method)).toEqual(['POST', 'GET'])
      }
    )
  })
})
