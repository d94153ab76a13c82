/**
 * What @octokit/plugin-retry and @octokit/plugin-throttling use of Bottleneck, and nothing else: `schedule` runs the
 * task at once, and when it fails, the `failed` listeners (the plugins' own retry decisions) say whether to run it
 * again and after how many milliseconds, exactly as Bottleneck's Job does (`_onFailure`: the first listener result
 * that is not null or undefined, `~~` of it as the wait, `retryCount` + 1).
 *
 * Why not Bottleneck itself: its queue yields to the event loop with `setTimeout(0)` at each step, so each plugin
 * added about 5 ms to every request and 1 ms of CPU (measured: 0.4 ms a request with @octokit/core alone, 10.3 ms
 * with both plugins on Bottleneck), and the audit already bounds its own concurrency (src/audit/runner.ts). The
 * bundle and the tests map `bottleneck/light.js` here (tsconfig.json `paths`, which ncc follows; jest.config.js
 * `moduleNameMapper`); `unit/bottleneck-shim.test.ts` runs the same jobs through Bottleneck and through this module
 * and compares what the listeners saw, the waits and the outcomes.
 *
 * Not implemented, because neither plugin uses them as the audit configures them: concurrency and rate limits
 * (maxConcurrent, minTime, reservoir: the plugins' groups and the audit's limiter), priorities, job expiration (set
 * by plugin-throttling only with a Redis `connection`) and clustering.
 */

type Listener = (...args: unknown[]) => unknown

/** Bottleneck's Events: `on`/`once` on the instance given, and `trigger`, which resolves to the first listener result that is not null or undefined. */
class Events {
  private events: Record<string, Array<{ cb: Listener; status: 'many' | 'once' | 'none' }>> = {}

  constructor(instance: Record<string, unknown>) {
    if (instance.on != null || instance.once != null || instance.removeAllListeners != null) throw new Error('An Emitter already exists for this object')
    instance.on = (name: string, cb: Listener) => this.add(name, 'many', cb, instance)
    instance.once = (name: string, cb: Listener) => this.add(name, 'once', cb, instance)
    instance.removeAllListeners = (name: string | null = null) => {
      if (name != null) delete this.events[name]
      else this.events = {}
    }
  }

  private add(name: string, status: 'many' | 'once', cb: Listener, instance: unknown): unknown {
    ;(this.events[name] ??= []).push({ cb, status })
    return instance
  }

  async trigger(name: string, ...args: unknown[]): Promise<unknown> {
    try {
      const listeners = this.events[name]
      if (!listeners) return undefined
      this.events[name] = listeners.filter((l) => l.status !== 'none')
      const values = await Promise.all(
        (this.events[name] ?? []).map(async (listener) => {
          if (listener.status === 'none') return undefined
          if (listener.status === 'once') listener.status = 'none'
          try {
            return await listener.cb(...args)
          } catch (error: unknown) {
            if (name !== 'error') void this.trigger('error', error)
            return null
          }
        })
      )
      return values.find((v) => v != null)
    } catch (error: unknown) {
      if (name !== 'error') void this.trigger('error', error)
      return null
    }
  }
}

export interface JobInfo {
  readonly args: readonly unknown[]
  readonly options: Record<string, unknown>
  readonly retryCount: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export default class Bottleneck {
  static readonly Events = Events
  declare on: (name: string, cb: Listener) => Bottleneck
  declare once: (name: string, cb: Listener) => Bottleneck
  declare removeAllListeners: (name?: string | null) => void
  private readonly emitter: Events

  constructor(_options: Record<string, unknown> = {}) {
    this.emitter = new Events(this as unknown as Record<string, unknown>)
  }

  /** `schedule(task, ...args)` or `schedule(options, task, ...args)`, as Bottleneck takes them. */
  async schedule<T>(...input: unknown[]): Promise<T> {
    const options = (typeof input[0] === 'function' ? {} : (input.shift() ?? {})) as Record<string, unknown>
    const [task, ...args] = input as [(...a: unknown[]) => Promise<T> | T, ...unknown[]]
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await task(...args)
      } catch (error: unknown) {
        const info: JobInfo = { args, options, retryCount }
        const retry = await this.emitter.trigger('failed', error, info)
        if (retry == null) throw error
        const wait = ~~(retry as number)
        void this.emitter.trigger('retry', `Retrying ${String(options.id ?? '<no-id>')} after ${wait} ms`, info)
        await sleep(wait)
      }
    }
  }

  /** Bottleneck's Group: one limiter per key (plugin-throttling's global, auth, search, write and notifications groups). */
  static readonly Group = class Group {
    private readonly limiters = new Map<string, Bottleneck>()
    constructor(_options: Record<string, unknown> = {}) {}
    key(key = ''): Bottleneck {
      let limiter = this.limiters.get(key)
      if (!limiter) this.limiters.set(key, (limiter = new Bottleneck()))
      return limiter
    }
  }
}
