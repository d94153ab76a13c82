/** runner.ts's scheduling: the bound on requests in flight, and requests started one after another. */
import { describe, expect, it } from '@jest/globals'
import { createLimiter, oneAfterAnother } from '../../src/audit/runner.js'

/** A request as Node's http makes one: a few promise jobs to make it, then written in a tick queued at the end. */
function request(log: string[], i: number): Promise<number> {
  return (async () => {
    log.push(`make ${i}`)
    for (let k = 0; k < 5; k++) await Promise.resolve()
    await new Promise<void>((resolve) =>
      process.nextTick(() => {
        log.push(`write ${i}`)
        resolve()
      })
    )
    return i
  })()
}

describe('oneAfterAnother', () => {
  it('writes each request before the next is made, and gives their results in order', async () => {
    const log: string[] = []
    expect(await Promise.all(oneAfterAnother(3, (i) => request(log, i)))).toEqual([0, 1, 2])
    expect(log).toEqual(['make 0', 'write 0', 'make 1', 'write 1', 'make 2', 'write 2'])
  })

  it('where making them all at once writes none before the last is made', async () => {
    const log: string[] = []
    await Promise.all([0, 1, 2].map((i) => request(log, i)))
    expect(log.slice(0, 3)).toEqual(['make 0', 'make 1', 'make 2'])
  })

  it('starts nothing for no requests', () => {
    expect(oneAfterAnother(0, () => Promise.reject(new Error('started')))).toEqual([])
  })
})

describe('createLimiter', () => {
  it('runs at most the bound at once, the others in order as places free', async () => {
    const limit = createLimiter(2)
    let running = 0
    let most = 0
    const order: number[] = []
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limit(async () => {
          running++
          most = Math.max(most, running)
          order.push(i)
          await new Promise((resolve) => setTimeout(resolve, 2))
          running--
        })
      )
    )
    expect(most).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
  })
})
