/**
 * Sends planned requests: bounded concurrency, a deadline for the whole audit, and the harmlessness guard
 * in front of every request. Never throws; every request comes back as evidence.
 */
import type { HttpRequest, Transport } from './transport.js'
import type { HttpEvidence, ProbeSpec } from '../types.js'
import { checkHarmless } from '../catalog/safety.js'

export interface RunOptions {
  /** Epoch milliseconds after which nothing more is sent and requests in flight are abandoned. */
  readonly deadline: number
  readonly now: () => number
  /** Aborted at the deadline, shared by every request (session.ts); without it each request arms its own timer. */
  readonly deadlineSignal?: AbortSignal
}

/** A signal aborted at `deadline` (its timer does not keep the process alive). */
export function signalAt(deadline: number, now: () => number): AbortSignal {
  const controller = new AbortController()
  setTimeout(() => controller.abort(), Math.max(0, deadline - now())).unref?.()
  return controller.signal
}

export function syntheticEvidence(request: HttpRequest, failure: NonNullable<HttpEvidence['failure']>, message: string): HttpEvidence {
  return { method: request.method, path: request.path, status: 0, headers: {}, message, failure, durationMs: 0 }
}

export async function sendOne(probe: ProbeSpec, request: HttpRequest, transport: Transport, options: RunOptions): Promise<HttpEvidence> {
  const unsafe = checkHarmless(probe, request)
  if (unsafe) return syntheticEvidence(request, 'refused', `Not sent: the harmlessness guard refused it (${unsafe}).`)
  const remaining = options.deadline - options.now()
  if (remaining <= 0) return syntheticEvidence(request, 'deadline', 'Not sent: the audit reached its time limit (timeout-seconds) first.')
  const controller = options.deadlineSignal ? undefined : new AbortController()
  const timer = controller ? setTimeout(() => controller.abort(), remaining) : undefined
  timer?.unref?.()
  const signal = options.deadlineSignal ?? (controller as AbortController).signal
  try {
    const evidence = await transport.send(request, signal)
    if (signal.aborted && evidence.status === 0) {
      return { ...evidence, failure: 'deadline', message: 'Abandoned: the audit reached its time limit (timeout-seconds) while waiting for this response.' }
    }
    return evidence
  } catch (error: unknown) {
    // A transport must not throw; if one does, the probe is inconclusive rather than the audit lost.
    return syntheticEvidence(request, 'network', `The request failed: ${error instanceof Error ? error.name : 'unknown error'}.`)
  } finally {
    clearTimeout(timer)
  }
}

/** Resolves after the promise jobs queued so far and the next I/O turn of the event loop (setImmediate). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * Starts `count` requests one after another without waiting for their answers, each written before the next is made.
 * Made all at once, none would be written before the last was made: a request is written in the ticks queued while it
 * was made, which run only once the promise jobs that make the others have run. Here each next one starts after a
 * tick queued before those. Returns each request's promise, in order, at once.
 */
export function oneAfterAnother<T>(count: number, start: (i: number) => Promise<T>): Array<Promise<T>> {
  const started: Array<Promise<T>> = []
  let turn: Promise<void> = Promise.resolve()
  for (let i = 0; i < count; i++) {
    const mine = turn
    started.push(mine.then(() => start(i)))
    turn = mine.then(() => new Promise<void>((resolve) => process.nextTick(resolve)))
  }
  return started
}

/** At most `limit` calls of the returned function run at once; the others wait in order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
