import { describe, expect, it } from '@jest/globals'
import { openSession } from '../../src/audit/session.js'
import { IDENTITY_PROBE } from '../../src/audit/probe.js'
import type { Transport } from '../../src/audit/transport.js'

/** A transport that answers only when its signal aborts, as a request hanging past the audit's deadline. */
function hanging(): Transport & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = []
  return {
    signals,
    send: (request, signal) =>
      new Promise((resolve) => {
        signals.push(signal)
        signal.addEventListener('abort', () => resolve({ method: request.method, path: request.path, status: 0, headers: {}, message: 'aborted', failure: 'network', durationMs: 0 }), { once: true })
      })
  }
}

describe('openSession: one deadline for every request', () => {
  it('abandons every request in flight at the deadline, through one shared signal', async () => {
    const transport = hanging()
    const session = openSession(1, { transport, now: Date.now })
    const request = { method: 'GET' as const, path: '/user', query: {} }
    const started = Date.now()
    const [a, b] = await Promise.all([session.send(IDENTITY_PROBE, request), session.send(IDENTITY_PROBE, request)])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    for (const ev of [a, b]) expect(ev).toMatchObject({ status: 0, failure: 'deadline', message: expect.stringMatching(/time limit/) })
    expect(transport.signals).toHaveLength(2)
    expect(transport.signals[0]).toBe(transport.signals[1])
    expect(session.requests()).toBe(2)
  })

  it('sends nothing once the deadline has passed', async () => {
    const transport = hanging()
    let now = Date.now()
    const session = openSession(1, { transport, now: () => now })
    now += 2000
    const ev = await session.send(IDENTITY_PROBE, { method: 'GET', path: '/user', query: {} })
    expect(ev).toMatchObject({ status: 0, failure: 'deadline', message: expect.stringMatching(/^Not sent/) })
    expect(transport.signals).toEqual([])
  })
})
