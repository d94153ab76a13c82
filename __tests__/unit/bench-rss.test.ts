/**
 * tools/bench-rss.cjs, the benchmark's peak-memory probe, reports the program's own peak (VmHWM on Linux), not
 * getrusage's ru_maxrss, which a child inherits from a large parent at fork: this jest process is that parent.
 */
import { expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROBE = fileURLToPath(new URL('../../tools/bench-rss.cjs', import.meta.url))

const onLinux = existsSync('/proc/self/status')
;(onLinux ? it : it.skip)('reports a bare node -e 0 at its own size, whatever the size of the process that spawned it', () => {
  const ballast = Buffer.alloc(300 * 1024 * 1024, 1) // keeps this parent well above any bare Node
  const dir = mkdtempSync(join(tmpdir(), 'pat-audit-rss-'))
  try {
    const file = join(dir, 'rss')
    const inherited = Number(execFileSync(process.execPath, ['-p', 'process.resourceUsage().maxRSS'], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' }))
    execFileSync(process.execPath, ['--require', PROBE, '-e', '0'], { env: { PATH: process.env.PATH ?? '', PAT_AUDIT_BENCH_RSS_FILE: file } })
    const kib = Number(readFileSync(file, 'utf8'))
    // getrusage in the same child carries this parent's size; the probe's figure is a bare Node's (tens of MiB).
    expect(inherited).toBeGreaterThan(300 * 1024)
    expect(kib).toBeGreaterThan(10 * 1024)
    expect(kib).toBeLessThan(150 * 1024)
    expect(ballast.length).toBeGreaterThan(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
