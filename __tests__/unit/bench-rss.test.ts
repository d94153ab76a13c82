/**
 * tools/bench-rss.cjs, the benchmark's peak-memory probe, reports the program's own peak (VmHWM on Linux), not
 * getrusage's ru_maxrss, which a child inherits from a large parent at fork: this jest process is that parent. It
 * writes to the pipe the benchmark gives it as file descriptor 3, with its own time, which the benchmark takes out
 * of the process's times.
 */
import { expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const PROBE = fileURLToPath(new URL('../../tools/bench-rss.cjs', import.meta.url))

/** Runs `node --require PROBE -e <code>` with a pipe as its file descriptor 3: what the probe wrote there. */
function probed(code: string, env: Record<string, string> = { PAT_AUDIT_BENCH_RSS_FD: '3' }): string {
  return run(code, env).fd3
}

function run(code: string, env: Record<string, string>): { stdout: string; stderr: string; fd3: string } {
  const child = spawnSync(process.execPath, ['--require', PROBE, '-e', code], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' })
  expect(child.status).toBe(0)
  return { stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? ''), fd3: String(child.output[3] ?? '') }
}

const onLinux = existsSync('/proc/self/status')
;(onLinux ? it : it.skip)('reports a bare node -e 0 at its own size, whatever the size of the process that spawned it, and its own time', () => {
  const ballast = Buffer.alloc(300 * 1024 * 1024, 1) // keeps this parent well above any bare Node
  const inherited = Number(execFileSync(process.execPath, ['-p', 'process.resourceUsage().maxRSS'], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' }))
  const [kib, micros] = probed('0').split(' ').map(Number)
  // getrusage in the same child carries this parent's size; the probe's figure is a bare Node's (tens of MiB).
  expect(inherited).toBeGreaterThan(300 * 1024)
  expect(kib).toBeGreaterThan(10 * 1024)
  expect(kib).toBeLessThan(150 * 1024)
  // Its own time, in whole microseconds: more than nothing (it read a file), less than a second.
  expect(Number.isInteger(micros)).toBe(true)
  expect(micros).toBeGreaterThan(0)
  expect(micros).toBeLessThan(1_000_000)
  expect(ballast.length).toBeGreaterThan(0)
})

;(onLinux ? it : it.skip)('reports a peak that grows with what the program touched', () => {
  const small = Number(probed('0').split(' ')[0])
  const large = Number(probed('globalThis.keep = Buffer.alloc(64 * 1024 * 1024, 1)').split(' ')[0])
  expect(large - small).toBeGreaterThan(50 * 1024)
})

it('writes nothing without the variable, or when it names a standard stream', () => {
  expect(run('0', {})).toEqual({ stdout: '', stderr: '', fd3: '' })
  // Named as standard output or error, it writes to neither (nor to its pipe).
  expect(run('0', { PAT_AUDIT_BENCH_RSS_FD: '1' })).toEqual({ stdout: '', stderr: '', fd3: '' })
  expect(run('0', { PAT_AUDIT_BENCH_RSS_FD: '2' })).toEqual({ stdout: '', stderr: '', fd3: '' })
})
