// @ts-check
/**
 * Jest globalSetup: the end-to-end tests run the bundled dist/, so a dist/ that is not what src/ builds would test
 * stale code. When tools/build-stamp.js says dist/ is stale (its sources' hashes differ from the stamp `npm run
 * bundle` wrote), `npm run bundle` runs first; if that fails, the run stops with a message saying so.
 * A run limited to unit tests (`jest __tests__/unit`) skips this.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../../tools/run-action.js'
import { staleReason } from '../../tools/build-stamp.js'

/** @param {{ testPathPattern?: string }} globalConfig */
export default function bundleWhenStale(globalConfig) {
  const pattern = globalConfig.testPathPattern ?? ''
  // Only a run limited to unit tests can skip it: any other selection may include an end-to-end test.
  if (/unit/.test(pattern) && !/e2e/.test(pattern)) return
  const stale = staleReason(ROOT)
  if (stale === null) return
  process.stderr.write(`\n${stale.split(':')[0]}: running \`npm run bundle\` first, so that the end-to-end tests run the current code.\n`)
  try {
    execFileSync(process.execPath, [join(ROOT, 'tools', 'bundle.js')], { cwd: ROOT, stdio: 'inherit' })
  } catch {
    throw new Error('dist/ is not what src/ builds and `npm run bundle` failed: fix the build, or run `npm run bundle` by hand, before the end-to-end tests.')
  }
}
