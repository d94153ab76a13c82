// @ts-check
/**
 * Jest globalSetup: the end-to-end tests run the bundled dist/, so a dist/ older than src/ would test stale code.
 * When any source file is newer than the bundle (or the bundle is missing), `npm run bundle` runs first; if that
 * fails, the run stops with a message saying so. Unit-only runs (`jest __tests__/unit`) skip this.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../tools/run-action.js'

/** @param {string} dir @returns {number} */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** @param {{ testPathPattern?: string }} globalConfig */
export default function bundleWhenStale(globalConfig) {
  const pattern = globalConfig.testPathPattern ?? ''
  // Only a run limited to unit tests can skip it: any other selection may include an end-to-end test.
  if (/unit/.test(pattern) && !/e2e/.test(pattern)) return
  const bundles = ['index.js', 'cli.js'].map((f) => join(ROOT, 'dist', f))
  const built = Math.min(...bundles.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)))
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'package-lock.json')).mtimeMs)
  if (built >= sources) return
  process.stderr.write('\ndist/ is older than src/: running `npm run bundle` so that the end-to-end tests run the current code.\n')
  try {
    execFileSync(process.execPath, [join(ROOT, 'tools', 'bundle.js')], { cwd: ROOT, stdio: 'inherit' })
  } catch {
    throw new Error('dist/ is older than src/ and `npm run bundle` failed: fix the build, or run `npm run bundle` by hand, before the end-to-end tests.')
  }
}
