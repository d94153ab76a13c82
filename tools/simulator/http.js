// @ts-check
/**
 * HTTP: the loopback server. It records each request (`sim.requests`), parses its body, asks admission.js for the
 * reply, records the answer's status on the request, its flags and its write, and sends it (after the scenario's
 * latency, or by destroying the socket for a `reset` fault). Listens on 127.0.0.1 only, on a port the OS chooses.
 */
import { createServer } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { errorBody } from './rules.js'
import { decide } from './admission.js'

/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./state.js').SimState} SimState */
/** @typedef {import('./state.js').Reply} Reply */

/**
 * Starts the server for a simulator's state; resolves once it listens.
 * @param {SimState} s
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function listen(s) {
  const server = createServer((req, res) => {
    const at = Date.now()
    s.inFlight++
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight)
    let finished = false
    const finish = () => {
      if (!finished) {
        finished = true
        s.inFlight--
      }
    }
    res.on('close', finish)
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('error', finish)
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      // GitHub Enterprise Server serves the REST API under /api/v3; the simulator's GHES edition does too.
      if (s.scenario.edition === 'ghes' && url.pathname.startsWith('/api/v3/')) url.pathname = url.pathname.slice('/api/v3'.length)
      const raw = Buffer.concat(chunks).toString('utf8')
      /** @type {{ value: unknown, bad: boolean }} */
      let body = { value: undefined, bad: false }
      if (raw.trim() !== '') {
        try {
          body = { value: JSON.parse(raw), bad: false }
        } catch {
          body = { value: raw, bad: true }
        }
      }
      const method = (req.method ?? 'GET').toUpperCase()
      /** @type {RecordedRequest} */
      const record = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        template: null,
        status: 0,
        token: '(none)',
        body: body.value === undefined ? null : body.value,
        at
      }
      s.requests.push(record)
      const flagCount = s.flags.length
      const outcome = { write: false }
      /** @type {Reply} */
      let reply
      try {
        reply = decide(s, { method, path: url.pathname, query: url.searchParams, headers: req.headers, body }, record, outcome)
      } catch (error) {
        reply = {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: errorBody(`Simulator error: ${error instanceof Error ? error.message : String(error)}`, '500')
        }
      }
      record.status = reply.status
      if (reply.fault) record.fault = reply.fault
      if (outcome.write) s.writes.push({ method, path: url.pathname, status: reply.status, body: record.body, token: record.token })
      for (let i = flagCount; i < s.flags.length; i++) {
        const flag = s.flags[i]
        if (flag) flag.status = reply.status
      }
      const send = () => {
        if (reply.destroy) {
          req.socket.destroy()
          finish()
          return
        }
        const payload = reply.body ?? ''
        res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(payload)) })
        res.end(payload)
        record.respondedAt = Date.now()
      }
      if (s.latencyMs > 0) delay(s.latencyMs).then(send, send)
      else send()
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('simulator: no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve(undefined)))
          server.closeAllConnections()
        })
      )
  }
}
