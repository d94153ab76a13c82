// @ts-check
/**
 * dist/build-stamp.json: what dist/ was built from and what it holds, as SHA-256 hashes. `npm run bundle` writes
 * it; `npm run release` compares it with the working tree, so a release from a dist/ that is older than src/ (or
 * edited by hand) is refused without a rebuild. CI's check-dist job still rebuilds and diffs dist/ in full.
 *   node tools/build-stamp.js --write    stamp dist/ as built from the current sources
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'

export const STAMP = 'build-stamp.json'
/** Everything the bundle is built from. */
const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tools/bundle.js']

/** @param {string} root @param {string} path @returns {string[]} files under path, relative to root, sorted */
function files(root, path) {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [path]
  return readdirSync(full)
    .sort()
    .flatMap((f) => files(root, relative(root, join(full, f))))
}

/** @param {string} root @param {string[]} list @returns {string} one hash over the paths and contents */
function digest(root, list) {
  const hash = createHash('sha256')
  for (const file of list) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0')
  return hash.digest('hex')
}

/**
 * @param {string} root
 * @returns {{ inputs: string, outputs: string }}
 */
export function computeStamp(root) {
  const inputs = INPUTS.flatMap((p) => files(root, p))
  const outputs = files(root, 'dist').filter((f) => f !== join('dist', STAMP))
  return { inputs: digest(root, inputs), outputs: digest(root, outputs) }
}

/** @param {string} root */
export function writeStamp(root) {
  writeFileSync(join(root, 'dist', STAMP), `${JSON.stringify(computeStamp(root), null, 2)}\n`)
}

/**
 * Why dist/ is not what the sources build, or null when it is.
 * @param {string} root
 * @returns {string | null}
 */
export function staleReason(root) {
  const path = join(root, 'dist', STAMP)
  if (!existsSync(path)) return `dist/${STAMP} is missing: run 'npm run bundle' and commit dist/.`
  const recorded = JSON.parse(readFileSync(path, 'utf8'))
  const now = computeStamp(root)
  if (recorded.inputs !== now.inputs) return "dist/ was built from other sources than src/, package.json and the lockfile hold now: run 'npm run bundle' and commit dist/."
  if (recorded.outputs !== now.outputs) return "dist/ differs from what 'npm run bundle' wrote (edited by hand?): run 'npm run bundle' and commit dist/."
  return null
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--write')) {
  writeStamp(join(fileURLToPath(new URL('.', import.meta.url)), '..'))
}
