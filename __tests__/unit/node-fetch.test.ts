/**
 * The fetch requests go through: Node's own HTTP when no proxy applies (what Octokit reads of its answers, no
 * redirect followed, failures as fetch reports them), and the proxy, chosen by @actions/http-client's rules, when one does.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { closedPort } from '../helpers/closed-port.js'
import { nodeFetch } from '../../src/github/node-fetch.js'
import { createTransport } from '../../src/github/octokit-transport.js'
import { fetchFor } from '../../src/github/proxy.js'

const servers: Server[] = []
async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.()
    await new Promise((resolve) => s.close(resolve))
  }
})

const TOKEN = 'github_pat_11NODEFETCHTEST00000000_' + 'q'.repeat(59)

describe('Node fetch', () => {
  it('gives Octokit the status, the headers and the body, and sends the method, headers and body', async () => {
    let seen: { method?: string; headers?: IncomingMessage['headers']; body?: string } = {}
    const url = await listen(
      createServer((req, res) => {
        let body = ''
        req.on('data', (d) => (body += d))
        req.on('end', () => {
          seen = { method: req.method, headers: req.headers, body }
          res.writeHead(422, { 'content-type': 'application/json; charset=utf-8', 'x-accepted-github-permissions': 'issues=write', 'set-cookie': ['a=1', 'b=2'] }).end('{"message":"Validation Failed"}')
        })
      })
    )
    const response = await nodeFetch(`${url}/repos/acme/infra/issues`, { method: 'POST', headers: { authorization: 'token x', 'content-type': 'application/json' }, body: '{"title":"t"}' })
    expect(response.status).toBe(422)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-accepted-github-permissions': 'issues=write', 'set-cookie': 'a=1, b=2' })
    expect(await response.text()).toBe('{"message":"Validation Failed"}')
    expect(seen).toMatchObject({ method: 'POST', body: '{"title":"t"}', headers: { authorization: 'token x', 'content-length': '13' } })
  })

  it('decompresses a gzip answer', async () => {
    const url = await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('[{"full_name":"acme/infra"}]'))))
    expect(await (await nodeFetch(`${url}/user/repos`, { method: 'GET', headers: {} })).text()).toBe('[{"full_name":"acme/infra"}]')
  })

  it('never follows a redirect', async () => {
    let calls = 0
    const url = await listen(
      createServer((_req, res) => {
        calls++
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end()
      })
    )
    const response = await nodeFetch(`${url}/repos/acme/infra`, { method: 'GET', headers: {}, redirect: 'follow' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://127.0.0.1:1/elsewhere')
    expect(calls).toBe(1)
  })

  it('fails as fetch does: a refused connection, a bad port, an abort', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}`
    const refused = await nodeFetch(`${closed}/x`, { method: 'GET', headers: {} }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(TypeError)
    expect(String((refused as { cause?: Error }).cause?.message)).toMatch(/ECONNREFUSED/)
    expect(String(((await nodeFetch('http://127.0.0.1:6000/x', { method: 'GET', headers: {} }).catch((e: unknown) => e)) as { cause?: Error }).cause?.message)).toBe('bad port')
    const url = await listen(createServer(() => undefined))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    expect(await nodeFetch(`${url}/slow`, { method: 'GET', headers: {}, signal: controller.signal }).catch((e: unknown) => (e as Error).name)).toBe('AbortError')
  })
})

/** A forward proxy on 127.0.0.1 that tunnels CONNECT to the target (names under .pat-audit.test are 127.0.0.1) and records what it was asked. */
function tunnellingProxy(log: string[]) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A plain-HTTP proxy request (absolute URL): forward it.
    log.push(`${req.method} ${req.url}`)
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    req.pipe(upstream)
  })
  server.on('connect', (req, socket, head) => {
    log.push(`CONNECT ${req.url}`)
    const [host, port] = String(req.url).split(':')
    const upstream = connect(Number(port), String(host).endsWith('.pat-audit.test') ? '127.0.0.1' : String(host), () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  return server
}

describe('the proxy', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('carries every request, the token with it, when one applies; Node HTTP is used only when none does', async () => {
    const authorizations: string[] = []
    const api = await listen(
      createServer((req, res) => {
        authorizations.push(String(req.headers.authorization))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"octocat"}')
      })
    )
    // Loopback hosts never go through a proxy (@actions/http-client's rule); a name that resolves to it does.
    const apiByName = api.replace('127.0.0.1', 'localhost.pat-audit.test')
    const proxyLog: string[] = []
    const proxy = await listen(tunnellingProxy(proxyLog))
    for (const name of ['https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']) delete process.env[name]
    process.env.HTTP_PROXY = proxy
    process.env.http_proxy = proxy
    expect(fetchFor(apiByName)).not.toBe(nodeFetch)
    expect(fetchFor(api)).toBe(nodeFetch)
    // The proxy resolves the name: point it at the API through the request it receives.
    const t = createTransport({ token: TOKEN, apiUrl: apiByName, requestTimeoutMs: 5000, deadline: Date.now() + 30_000, retryBaseMs: 10, debug: () => undefined })
    const ev = await t.send({ method: 'GET', path: '/user', query: {} }, new AbortController().signal)
    expect(ev.status).toBe(200)
    expect(proxyLog).toEqual([`CONNECT ${new URL(apiByName).host}`])
    expect(authorizations).toEqual([`token ${TOKEN}`])

    process.env.NO_PROXY = 'localhost.pat-audit.test'
    process.env.no_proxy = 'localhost.pat-audit.test'
    expect(fetchFor(apiByName)).toBe(nodeFetch)
  })
})
