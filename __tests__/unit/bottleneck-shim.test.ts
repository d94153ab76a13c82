/**
 * src/github/bottleneck-shim.ts against Bottleneck itself (the package's full build, which the jest mapping of
 * `bottleneck/light.js` leaves alone): the same jobs, the same `failed` listeners, the same outcome, retry counts,
 * arguments and waits; and the Octokit plugins really schedule through the shim.
 */
import { describe, expect, it } from '@jest/globals'
import RealBottleneck from 'bottleneck'
import Shim from '../../src/github/bottleneck-shim.js'
import Light from 'bottleneck/light.js'

type Limiter = { schedule: (...a: unknown[]) => Promise<unknown>; on: (name: string, cb: (...a: unknown[]) => unknown) => unknown }
const makers: Record<string, () => Limiter> = {
  bottleneck: () => new RealBottleneck() as unknown as Limiter,
  shim: () => new Shim() as unknown as Limiter
}

interface Seen {
  outcome: string
  calls: unknown[][]
  failed: Array<{ message: string; retryCount: number; args: unknown[] }>
  waits: number[]
  /** The waits the listeners asked for (a retry's wait is the first result that is not null, cut to whole ms). */
  asked: number[]
}

/** Runs `task` (which fails `failures` times) under `listeners` and records what happened. */
async function run(make: () => Limiter, failures: number, listeners: Array<(e: Error, info: { retryCount: number; args: unknown[] }) => unknown>, withOptions: boolean): Promise<Seen> {
  const limiter = make()
  const seen: Seen = { outcome: '', calls: [], failed: [], waits: [], asked: [] }
  let last = 0
  for (const listener of listeners)
    limiter.on('failed', (error: unknown, info: unknown) => {
      const i = info as { retryCount: number; args: unknown[] }
      seen.failed.push({ message: (error as Error).message, retryCount: i.retryCount, args: [...i.args] })
      return listener(error as Error, i)
    })
  limiter.on('retry', (message: unknown) => void seen.asked.push(Number(/after (\d+) ms/.exec(String(message))?.[1])))
  const task = async (...args: unknown[]) => {
    const now = performance.now()
    if (seen.calls.length > 0) seen.waits.push(now - last)
    last = now
    seen.calls.push(args)
    if (seen.calls.length <= failures) throw new Error(`failure ${seen.calls.length}`)
    return `done with ${args.join('+')}`
  }
  try {
    seen.outcome = String(withOptions ? await limiter.schedule({ id: 'job' }, task, 'a', 'b') : await limiter.schedule(task, 'a', 'b'))
  } catch (error: unknown) {
    seen.outcome = `rejected: ${(error as Error).message}`
  }
  return seen
}

const scenarios: Array<[string, number, Array<(e: Error, info: { retryCount: number }) => unknown>]> = [
  ['succeeds at once', 0, [() => 1]],
  ['fails twice, retried after 5 ms each time', 2, [(_e, info) => (info.retryCount < 3 ? 5 : undefined)]],
  ['fails, and no listener asks for a retry', 1, [() => undefined]],
  ['fails, a listener returns null', 1, [() => null]],
  ['fails 4 times, retried 3 times (the retry plugin\u2019s rule)', 4, [(_e, info) => (3 > info.retryCount ? 2 : undefined)]],
  ['an async listener asks for a retry', 1, [async () => 3]],
  ['the first listener passes, the second asks for 0 ms', 1, [() => undefined, () => 0]],
  ['a listener throws: no retry', 1, [() => { throw new Error('listener') }]],
  ['a fractional wait is cut to whole ms', 1, [() => 2.9]]
]

describe.each([false, true])('the shim schedules as Bottleneck does (options given: %s)', (withOptions) => {
  it.each(scenarios)('%s', async (_name, failures, listeners) => {
    const [real, shim] = [await run(makers.bottleneck, failures, listeners, withOptions), await run(makers.shim, failures, listeners, withOptions)]
    expect(shim.outcome).toBe(real.outcome)
    expect(shim.calls).toEqual(real.calls)
    expect(shim.failed).toEqual(real.failed)
    expect(shim.asked).toEqual(real.asked)
    expect(shim.waits.length).toBe(shim.asked.length)
    // Each retry waits what was asked (a timer may fire up to a millisecond early on the clock used here).
    shim.waits.forEach((w, i) => expect(w).toBeGreaterThanOrEqual((shim.asked[i] ?? 0) - 1))
  })
})

describe('Events and Group', () => {
  it('Events resolves to the first listener result that is not null or undefined, as Bottleneck.Events does', async () => {
    for (const Ctor of [RealBottleneck.Events, Shim.Events] as unknown as Array<new (o: object) => { trigger: (n: string, ...a: unknown[]) => Promise<unknown> }>) {
      const target: Record<string, (name: string, cb: (...a: unknown[]) => unknown) => unknown> = {}
      const events = new Ctor(target)
      target.on('x', () => undefined)
      target.on('x', async (v: unknown) => `got ${String(v)}`)
      target.on('x', () => 'later')
      await expect(events.trigger('x', 1)).resolves.toBe('got 1')
      await expect(events.trigger('none')).resolves.toBeUndefined()
      expect(() => new Ctor(target)).toThrow('An Emitter already exists for this object')
    }
  })

  it('Group gives one limiter per key, each scheduling at once', async () => {
    const group = new Shim.Group({ maxConcurrent: 1, minTime: 1000 })
    expect(group.key('a')).toBe(group.key('a'))
    expect(group.key('a')).not.toBe(group.key('b'))
    const started = performance.now()
    await Promise.all([1, 2, 3].map((n) => group.key('a').schedule({}, async () => n)))
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('the Octokit plugins import the shim in place of bottleneck/light.js (tsconfig paths in the bundle, moduleNameMapper here)', () => {
    expect(Light).toBe(Shim)
  })
})
