import { describe, expect, it } from '@jest/globals'
import { requestSignal } from '../../src/github/request-signal.js'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('requestSignal: the audit’s deadline or the request’s own time, whichever comes first', () => {
  it('aborts with the audit’s reason when the audit’s signal aborts, and is not a timeout', () => {
    const audit = new AbortController()
    const r = requestSignal(audit.signal, 60_000)
    expect(r.signal.aborted).toBe(false)
    audit.abort(new Error('deadline'))
    expect(r.signal.aborted).toBe(true)
    expect((r.signal.reason as Error).message).toBe('deadline')
    expect(r.timedOut()).toBe(false)
    r.dispose()
  })

  it('aborts with a TimeoutError when the request’s own time runs out', async () => {
    const r = requestSignal(new AbortController().signal, 20)
    await wait(60)
    expect(r.signal.aborted).toBe(true)
    expect((r.signal.reason as DOMException).name).toBe('TimeoutError')
    expect(r.timedOut()).toBe(true)
    r.dispose()
  })

  it('starts aborted when the audit’s signal already is', () => {
    const audit = new AbortController()
    audit.abort()
    const r = requestSignal(audit.signal, 60_000)
    expect(r.signal.aborted).toBe(true)
    r.dispose()
  })

  it('once disposed, neither the timer nor the audit’s signal aborts it', async () => {
    const audit = new AbortController()
    const r = requestSignal(audit.signal, 20)
    r.dispose()
    await wait(60)
    audit.abort()
    expect(r.signal.aborted).toBe(false)
    expect(r.timedOut()).toBe(false)
  })
})
