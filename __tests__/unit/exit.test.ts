/** The action's process ends once stdout and stderr have written everything before (exit.ts). */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { exitWhenWritten, prepareExit } from '../../src/action/exit.js'

function fakeProcess(queued = 1) {
  const callbacks: Record<'stdout' | 'stderr', Array<() => void>> = { stdout: [], stderr: [] }
  const exits: Array<number | undefined> = []
  const stream = (name: 'stdout' | 'stderr') => ({
    writableLength: name === 'stdout' ? queued : 0,
    write: (chunk: string, callback: () => void) => {
      expect(chunk).toBe('')
      callbacks[name].push(callback)
      return true
    }
  })
  return { proc: { stdout: stream('stdout'), stderr: stream('stderr'), exit: (code?: number) => void exits.push(code) }, callbacks, exits }
}

describe('exitWhenWritten', () => {
  it('with nothing queued on either stream, exits at once', () => {
    const { proc, callbacks, exits } = fakeProcess(0)
    exitWhenWritten(proc)
    expect(exits).toEqual([undefined])
    expect([...callbacks.stdout, ...callbacks.stderr]).toEqual([])
  })

  it('exits only when both streams have written what was queued, with the exit code already set', () => {
    const { proc, callbacks, exits } = fakeProcess()
    exitWhenWritten(proc)
    expect(exits).toEqual([])
    callbacks.stderr[0]?.()
    expect(exits).toEqual([])
    callbacks.stdout[0]?.()
    // No argument: process.exit then uses process.exitCode, which setFailed set.
    expect(exits).toEqual([undefined])
  })

  it('prepareExit makes standard error\u2019s stream (Node makes it on first use) and writes nothing', () => {
    const { proc, callbacks, exits } = fakeProcess(0)
    let made = 0
    prepareExit({
      get stderr() {
        made++
        return proc.stderr
      }
    })
    expect(made).toBe(1)
    expect([...callbacks.stdout, ...callbacks.stderr, ...exits]).toEqual([])
  })

  it('in a real process behind a pipe: everything written before it arrives, and the exit code set before it is kept', () => {
    // A megabyte is more than a pipe holds (64 KiB on Linux): part of it is still queued when exitWhenWritten runs.
    const script = `
      const { exitWhenWritten } = require(process.argv[1]);
      process.stdout.write('x'.repeat(1 << 20) + 'END');
      process.stderr.write('e'.repeat(1 << 18) + 'END');
      process.exitCode = 3;
      exitWhenWritten();
      setTimeout(() => process.stdout.write('never'), 5000);
    `
    const child = spawnSync(process.execPath, ['-e', script, new URL('../../dist/pat-audit.js', import.meta.url).pathname], { encoding: 'utf8', maxBuffer: 1 << 22, timeout: 20_000 })
    expect(child.status).toBe(3)
    expect(child.stdout).toHaveLength((1 << 20) + 3)
    expect(child.stdout.endsWith('END')).toBe(true)
    expect(child.stderr.endsWith('END')).toBe(true)
  })
})
