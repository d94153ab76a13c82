/**
 * Connections opened ahead (src/github/warm-connections.ts, through nodeFetch's agents): requests take them instead of
 * opening their own, nothing is sent on them before, they do not keep the process alive while they wait, and one the
 * server closes meanwhile is not handed to a request. The transport's `prepare` opens them and sends nothing.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { nodeFetch, warmConnections } from '../../src/github/node-fetch.js'
import { createTransport } from '../../src/github/octokit-transport.js'

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.()
    await new Promise((resolve) => s.close(resolve))
  }
})

/** A server that counts the connections it accepts and the requests it answers. */
async function counting(): Promise<{ url: string; connections: Socket[]; requests: string[] }> {
  const connections: Socket[] = []
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
  })
  server.on('connection', (socket: Socket) => void connections.push(socket))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections, requests }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(check()).toBe(true)
}

/** TCP handles that keep the event loop alive (an unref'd socket is not listed). */
const refTcp = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length

describe('warm connections', () => {
  it('are taken by the requests that follow: four requests at once open no connection of their own', async () => {
    const server = await counting()
    warmConnections(server.url, 4)
    await until(() => server.connections.length === 4)
    expect(server.requests).toEqual([])
    const answers = await Promise.all([1, 2, 3, 4].map((n) => nodeFetch(`${server.url}/user/repos?page=${n}`, { method: 'GET', headers: {} })))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200])
    expect(server.requests).toHaveLength(4)
    expect(server.connections).toHaveLength(4)
  })

  it('counts the connections already open: warming to three after one request opens two more', async () => {
    const server = await counting()
    await nodeFetch(`${server.url}/user`, { method: 'GET', headers: {} })
    expect(server.connections).toHaveLength(1)
    warmConnections(server.url, 3)
    await until(() => server.connections.length === 3)
    warmConnections(server.url, 3)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(server.connections).toHaveLength(3)
  })

  it('do not keep the process alive while they wait', async () => {
    const server = await counting()
    const before = refTcp()
    warmConnections(server.url, 3)
    await until(() => server.connections.length === 3)
    expect(refTcp()).toBe(before)
  })

  it('are not handed to a request once the server closed them; the request opens its own', async () => {
    const server = await counting()
    warmConnections(server.url, 2)
    await until(() => server.connections.length === 2)
    for (const socket of server.connections) socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 30))
    const answer = await nodeFetch(`${server.url}/user`, { method: 'GET', headers: {} })
    expect(answer.status).toBe(200)
    expect(server.connections).toHaveLength(3)
    expect(server.requests).toEqual(['GET /user'])
  })

  it('open nothing for a URL that is not http(s) or has a refused port', async () => {
    const server = await counting()
    warmConnections(server.url.replace('http:', 'ftp:'), 3)
    warmConnections('http://127.0.0.1:6000', 3)
    warmConnections('not a url', 3)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(server.connections).toHaveLength(0)
  })
})

describe("the transport's prepare", () => {
  it('opens the connections asked for and sends nothing, the rehearsal of its answer path included', async () => {
    const server = await counting()
    const transport = createTransport({ token: 'github_pat_11WARMTEST000000000000_' + 'q'.repeat(59), apiUrl: server.url, requestTimeoutMs: 5000, deadline: Date.now() + 10_000, debug: () => undefined })
    transport.prepare?.(3)
    await until(() => server.connections.length === 3)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.requests).toEqual([])
    const ev = await transport.send({ method: 'GET', path: '/user/repos', query: { page: '1' } }, new AbortController().signal)
    expect(ev.status).toBe(200)
    expect(server.requests).toEqual(['GET /user/repos?page=1'])
    expect(server.connections).toHaveLength(3)
  })

  it('opens nothing when requests go through a fetch of its own (a proxy, a test)', async () => {
    const server = await counting()
    const transport = createTransport({ token: 't', apiUrl: server.url, requestTimeoutMs: 5000, deadline: Date.now() + 10_000, debug: () => undefined, fetch: async () => new Response('[]') })
    transport.prepare?.(3)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.connections).toHaveLength(0)
  })
})
