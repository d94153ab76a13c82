// @ts-check
/**
 * Preloaded by `npm run bench` (`node --require tools/bench-rss.cjs …`) into bare `node -e 0` and into the action
 * alike: at exit, writes `<peak resident set size in KiB> <its own time in µs>` to the file descriptor named by
 * PAT_AUDIT_BENCH_RSS_FD, a pipe the benchmark opened for it. Nothing else; without the variable it does nothing.
 *
 * On Linux the peak is /proc/self/status's VmHWM, the high-water mark of this program's own memory. getrusage's
 * ru_maxrss (process.resourceUsage().maxRSS) is kept across execve: a child spawned by a large parent reports at
 * least the parent's size at fork (measured: 207 MiB for a bare `node -e 0` spawned by a 240 MiB process, whose
 * VmHWM was 38 MiB), which made the benchmark's figures depend on its own size. Elsewhere, maxRSS.
 *
 * Its own time is the benchmark's, not the program's: reading /proc/self/status took 0.4 to 0.8 ms on a 2-core VM
 * (and writing the figure to a new file 0.3 to 0.5 ms more, hence a pipe), inside the interval the exit row measures.
 * The benchmark takes it out of the process's times (tools/bench.js).
 */
'use strict'
const fd = Number(process.env.PAT_AUDIT_BENCH_RSS_FD)
if (Number.isInteger(fd) && fd > 2) {
  // A --require preload is CommonJS, loaded before any ES module: it has require, not import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
  const { readFileSync, writeSync } = require('node:fs')
  process.on('exit', () => {
    const started = process.hrtime.bigint()
    let kib = process.resourceUsage().maxRSS
    try {
      const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
      if (hwm) kib = Number(hwm)
    } catch {
      // Not Linux: getrusage's figure.
    }
    writeSync(fd, `${kib} ${Number((process.hrtime.bigint() - started) / 1000n)}`)
  })
}
