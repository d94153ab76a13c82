// @ts-check
/**
 * Preloaded by `npm run bench` (`node --require tools/bench-rss.cjs …`) into bare `node -e 0` and into the action
 * alike: at exit, writes the process's peak resident set size (getrusage's ru_maxrss, in KiB) to the file named by
 * PAT_AUDIT_BENCH_RSS_FILE. Nothing else; without the variable it does nothing.
 */
'use strict'
const file = process.env.PAT_AUDIT_BENCH_RSS_FILE
if (file) {
  // A --require preload is CommonJS, loaded before any ES module: it has require, not import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
  const { writeFileSync } = require('node:fs')
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
}
