/** The HTTP layer against nock: what is retried, what is not, and how failures become evidence. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTransport } from '../../src/github/octokit-transport.js'

/** A real server on 127.0.0.1, for failures nock cannot fake faithfully (resets, slow answers). */
async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, body: (url: string) => Promise<void>) {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

const API = 'https://api.example.test'
const TOKEN = 'github_pat_11TRANSPORTTEST0000000_' + 'z'.repeat(59)

function transport(overrides: Partial<Parameters<typeof createTransport>[0]> = {}) {
  const debug: string[] = []
  const t = createTransport({ token: TOKEN, apiUrl: API, requestTimeoutMs: 2000, deadline: Date.now() + 30_000, retryBaseMs: 10, debug: (m) => debug.push(m), ...overrides })
  return Object.assign(t, { debug })
}
const get = (path: string) => ({ method: 'GET' as const, path, query: {} })
const signal = () => new AbortController().signal

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
})

describe('retries', () => {
  it('retries a 502 and returns the later answer', async () => {
    const scope = nock(API).get('/user').reply(502, 'Bad Gateway').get('/user').reply(200, { login: 'octocat' }, { 'content-type': 'application/json' })
    const ev = await transport().send(get('/user'), signal())
    expect(ev.status).toBe(200)
    expect(scope.isDone()).toBe(true)
  })

  it.each([400, 401, 403, 404, 409, 410, 422, 451])('never retries %i', async (status) => {
    let calls = 0
    nock(API)
      .get('/x')
      .times(3)
      .reply(() => {
        calls++
        return [status, { message: `status ${status}` }, { 'content-type': 'application/json' }]
      })
    const ev = await transport().send(get('/x'), signal())
    expect(ev.status).toBe(status)
    expect(ev.message).toBe(`status ${status}`)
    expect(calls).toBe(1)
  })

  it('retries a reset connection, then reports the network failure without throwing', async () => {
    let calls = 0
    nock.enableNetConnect('127.0.0.1')
    await withServer(
      (req) => {
        calls++
        req.socket.destroy()
      },
      async (url) => {
        const ev = await transport({ apiUrl: url }).send(get('/x'), signal())
        expect(ev).toMatchObject({ status: 0, failure: 'network' })
        expect(calls).toBe(3)
      }
    )
  })

  it('recovers when a reset connection is followed by an answer', async () => {
    let calls = 0
    nock.enableNetConnect('127.0.0.1')
    await withServer(
      (req, res) => {
        if (++calls === 1) req.socket.destroy()
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"octocat"}')
      },
      async (url) => {
        expect(await transport({ apiUrl: url }).send(get('/user'), signal())).toMatchObject({ status: 200 })
      }
    )
  })

  it('reports a refused connection', async () => {
    nock.enableNetConnect('127.0.0.1')
    expect(await transport({ apiUrl: 'http://127.0.0.1:9' }).send(get('/x'), signal())).toMatchObject({ status: 0, failure: 'network' })
  })
})

describe('answers that are not what was expected', () => {
  it('reports an HTML page where JSON was expected', async () => {
    nock(API).get('/x').reply(200, '<html><title>Sign in to the proxy</title></html>', { 'content-type': 'text/html' })
    const ev = await transport().send(get('/x'), signal())
    expect(ev).toMatchObject({ status: 200, failure: 'not-json' })
    expect(ev.message).toContain('Sign in to the proxy')
  })

  it('reports an empty body', async () => {
    nock(API).get('/x').reply(200, '', { 'content-type': 'application/json' })
    expect(await transport().send(get('/x'), signal())).toMatchObject({ status: 200, failure: 'empty-body' })
  })

  it('keeps only the evidence headers', async () => {
    nock(API).get('/x').reply(403, { message: 'Resource not accessible by personal access token' }, { 'content-type': 'application/json', 'x-accepted-github-permissions': 'contents=read', 'set-cookie': 'a=b' })
    const ev = await transport().send(get('/x'), signal())
    expect(ev.headers['x-accepted-github-permissions']).toBe('contents=read')
    expect(ev.headers['set-cookie']).toBeUndefined()
  })
})

describe('rate limits', () => {
  it('does not wait for a primary limit that resets after the deadline', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    nock(API).get('/x').reply(403, { message: 'API rate limit exceeded' }, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) })
    const ev = await transport().send(get('/x'), signal())
    expect(ev.status).toBe(403)
    expect(ev.headers['x-ratelimit-remaining']).toBe('0')
  })

  it('honours retry-after on a secondary limit within the deadline', async () => {
    const scope = nock(API)
      .get('/x')
      .reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'content-type': 'application/json', 'retry-after': '1' })
      .get('/x')
      .reply(200, [], { 'content-type': 'application/json' })
    const ev = await transport().send(get('/x'), signal())
    expect(ev.status).toBe(200)
    expect(scope.isDone()).toBe(true)
  })
})

describe('time limits', () => {
  const slow = (_req: IncomingMessage, res: ServerResponse) => {
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 3000)
    res.on('close', () => clearTimeout(timer))
  }

  it('abandons a request when the audit deadline fires', async () => {
    nock.enableNetConnect('127.0.0.1')
    await withServer(slow, async (url) => {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 50)
      expect(await transport({ apiUrl: url }).send(get('/slow'), controller.signal)).toMatchObject({ status: 0, failure: 'deadline' })
    })
  })

  it('abandons a request after its own timeout', async () => {
    nock.enableNetConnect('127.0.0.1')
    await withServer(slow, async (url) => {
      expect(await transport({ apiUrl: url, requestTimeoutMs: 50 }).send(get('/slow'), signal())).toMatchObject({ status: 0, failure: 'timeout' })
    })
  })
})

describe('secrets', () => {
  it('sends the token only in the Authorization header, and logs nothing that holds it', async () => {
    const scope = nock(API).matchHeader('authorization', `token ${TOKEN}`).get('/user').times(3).reply(500, { message: 'boom' }, { 'content-type': 'application/json' })
    const t = transport()
    const ev = await t.send(get('/user'), signal())
    expect(scope.isDone()).toBe(true)
    expect(ev.status).toBe(500)
    expect(JSON.stringify(ev)).not.toContain(TOKEN)
    expect(t.debug.join('\n')).not.toContain(TOKEN)
  })
})
