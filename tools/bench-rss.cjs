// @ts-check
/**
 * Preloaded by `npm run bench` (`node --require tools/bench-rss.cjs …`) into bare `node -e 0` and into the action
 * alike: at exit, writes the process's peak resident set size in KiB to the file named by PAT_AUDIT_BENCH_RSS_FILE.
 * Nothing else; without the variable it does nothing.
 *
 * On Linux the peak is /proc/self/status's VmHWM, the high-water mark of this program's own memory. getrusage's
 * ru_maxrss (process.resourceUsage().maxRSS) is kept across execve: a child spawned by a large parent reports at
 * least the parent's size at fork (measured: 207 MiB for a bare `node -e 0` spawned by a 240 MiB process, whose
 * VmHWM was 38 MiB), which made the benchmark's figures depend on its own size. Elsewhere, maxRSS.
 */
'use strict'
const file = process.env.PAT_AUDIT_BENCH_RSS_FILE
if (file) {
  // A --require preload is CommonJS, loaded before any ES module: it has require, not import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
  const { readFileSync, writeFileSync } = require('node:fs')
  process.on('exit', () => {
    let kib = process.resourceUsage().maxRSS
    try {
      const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
      if (hwm) kib = Number(hwm)
    } catch {
      // Not Linux: getrusage's figure.
    }
    writeFileSync(file, String(kib))
  })
}
