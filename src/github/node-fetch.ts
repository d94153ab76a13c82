/**
 * The fetch Octokit sends through when no proxy applies: Node's own http/https (its built-in C parser), not
 * undici's fetch. Measured (npm run bench): undici's fetch compiled its llhttp WebAssembly in the background and
 * held the process 100 ms after the last answer, and its package made up half the bundle's start-up.
 *
 * Only what @octokit/request reads is implemented (status, url, headers iterable and `get`, text, arrayBuffer): one
 * request, the body sent as given, the answer read whole. Redirects are never followed (`redirect` is ignored: a 3xx
 * comes back as it is). A network failure rejects as fetch does (a TypeError "fetch failed" whose `cause` is Node's
 * error, e.g. `connect ECONNREFUSED …`), an abort with an AbortError, and a port on the Fetch standard's bad-port list
 * is refused without connecting, as fetch refuses it.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { AgentOptions, IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { withWarmConnections } from './warm-connections.js'
import type { WarmAgent } from './warm-connections.js'

/** A fetch as Octokit calls it. */
export type FetchLike = (url: string, init: Record<string, unknown>) => Promise<Response>

/** https://fetch.spec.whatwg.org/#port-blocking */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123,
  135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995,
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080
])

/** As Node's global agents are made (keep-alive, last freed first, idle connections closed after 5 s): ours only add the warm pool. */
const AGENT_OPTIONS: AgentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 5000 }
let httpAgent: WarmAgent | undefined
let httpsAgent: WarmAgent | undefined

/** The agent for a scheme, made on first use (node:https, with tls, loads only for an https URL). */
async function agentFor(https: boolean): Promise<WarmAgent> {
  if (!https) return (httpAgent ??= withWarmConnections(new HttpAgent(AGENT_OPTIONS)))
  const { Agent } = await import('node:https')
  return (httpsAgent ??= withWarmConnections(new Agent(AGENT_OPTIONS)))
}

/**
 * Opens connections to the origin of `url` until `count` are open or waiting (warm-connections.ts), for requests about
 * to go there at once. Sends nothing; a URL that is not http(s) opens nothing.
 */
export function warmConnections(url: string, count: number): void {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return
  const https = target.protocol === 'https:'
  const port = Number(target.port || (https ? 443 : 80))
  if (BAD_PORTS.has(port)) return
  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname
  void agentFor(https).then((warm) => warm.warm({ host, port, ...(https && !isIP(host) ? { servername: host } : {}) }, count))
}

/** Response headers as fetch gives them: lower-case names, repeated values joined with ", ". */
class NodeHeaders {
  private readonly map = new Map<string, string>()
  constructor(raw: IncomingMessage['headers']) {
    // A loop over the keys, not entries with destructuring: this runs for every answer, mostly before V8 optimises it.
    for (const name of Object.keys(raw)) {
      const value = raw[name]
      if (value !== undefined) this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value)
    }
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase())
  }
  forEach(callback: (value: string, name: string) => void): void {
    this.map.forEach((value, name) => callback(value, name))
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries()
  }
}

class NodeResponse {
  readonly ok: boolean
  readonly redirected = false
  readonly bodyUsed = false
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: NodeHeaders,
    private readonly bytes: Buffer
  ) {
    this.ok = status >= 200 && status < 300
  }
  /** The whole body, already read: what Octokit passes through with `parseSuccessResponseBody: false`. */
  get body(): Buffer {
    return this.bytes
  }
  async text(): Promise<string> {
    return this.bytes.toString('utf8')
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.bytes.toString('utf8'))
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.bytes.buffer.slice(this.bytes.byteOffset, this.bytes.byteOffset + this.bytes.byteLength) as ArrayBuffer
  }
}

/**
 * An answer made here, never received: what the transport's rehearsal (octokit-transport.ts) hands Octokit instead of
 * sending anything, built as nodeFetch builds a received one.
 */
export function inventedAnswer(url: string, status: number, headers: Record<string, string>, body: string): Response {
  return new NodeResponse(status, status === 200 ? 'OK' : 'Not Found', url, new NodeHeaders(headers), Buffer.from(body, 'utf8')) as unknown as Response
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError' ? signal.reason : new DOMException('This operation was aborted', 'AbortError')
}

export const nodeFetch: FetchLike = async (url, init) => {
  // node:https (with tls) loads on the first https request: a plain-http API (a loopback simulator) never needs it.
  const https = /^https:/i.test(url)
  const send = https ? (await import('node:https')).request : httpRequest
  const { agent } = await agentFor(https)
  return new Promise<Response>((resolve, reject) => {
    let target: URL
    try {
      target = new URL(url)
    } catch (error: unknown) {
      reject(new TypeError('Invalid URL', { cause: error }))
      return
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      reject(fetchFailed(new Error(`unsupported protocol ${target.protocol}`)))
      return
    }
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80))
    if (BAD_PORTS.has(port)) {
      reject(fetchFailed(new Error('bad port')))
      return
    }
    const signal = init.signal as AbortSignal | undefined
    if (signal?.aborted) {
      reject(abortError(signal))
      return
    }
    const body = init.body === undefined || init.body === null ? undefined : Buffer.from(String(init.body), 'utf8')
    const headers: Record<string, string> = { ...((init.headers as Record<string, string> | undefined) ?? {}) }
    if (body) headers['content-length'] = String(body.length)
    // As fetch does: compressed answers (a page of 100 repositories is about 600 kB as JSON).
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'accept-encoding')) headers['accept-encoding'] = 'gzip, deflate'
    const req = send(target, { method: String(init.method ?? 'GET').toUpperCase(), headers, agent })
    const onAbort = () => req.destroy(abortError(signal as AbortSignal) as Error)
    signal?.addEventListener('abort', onAbort, { once: true })
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      reject(signal?.aborted ? abortError(signal) : fetchFailed(error))
    }
    req.on('error', fail)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', fail)
      res.on('aborted', () => fail(new Error('other side closed')))
      res.on('end', () => {
        if (settled) return
        decode(Buffer.concat(chunks), String(res.headers['content-encoding'] ?? '').trim().toLowerCase()).then(
          (bytes) => {
            if (settled) return
            settled = true
            signal?.removeEventListener('abort', onAbort)
            resolve(new NodeResponse(res.statusCode ?? 0, res.statusMessage ?? '', target.href, new NodeHeaders(res.headers), bytes) as unknown as Response)
          },
          fail
        )
      })
    })
    req.end(body)
  })
}

/** The body as sent, decompressed when the server compressed it (zlib is loaded only then). */
async function decode(bytes: Buffer, encoding: string): Promise<Buffer> {
  if (encoding === '' || encoding === 'identity' || bytes.length === 0) return bytes
  const zlib = await import('node:zlib')
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(bytes)
  if (encoding === 'deflate') return zlib.inflateSync(bytes)
  if (encoding === 'br') return zlib.brotliDecompressSync(bytes)
  throw new Error(`unsupported content-encoding ${encoding}`)
}
