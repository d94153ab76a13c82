// @ts-check
/**
 * `npm run bundle`: builds dist/index.js (the action) and dist/cli.js (the command line) with ncc, minified.
 * Both read the permission data files that ncc copies beside them; the CLI is built in a scratch folder and
 * moved next to the action, where the same data files already are (checked byte for byte).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

const dist = join(ROOT, 'dist')
const scratch = join(dist, '.cli')
const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
/** @param {string[]} args */
const build = (args) => execFileSync(process.execPath, [ncc, 'build', ...args, '--minify', '--no-source-map-register', '--quiet'], { cwd: ROOT, stdio: 'inherit' })

build(['src/action/index.ts', '-o', 'dist', '--license', 'licenses.txt'])
rmSync(scratch, { recursive: true, force: true })
build(['src/cli/index.ts', '-o', scratch])
for (const file of readdirSync(scratch)) {
  if (file === 'index.js' || file === 'package.json') continue
  const beside = join(dist, file)
  if (!existsSync(beside) || !readFileSync(beside).equals(readFileSync(join(scratch, file)))) {
    throw new Error(`dist/${file} differs between the action and the CLI bundles; they must share their data files`)
  }
}
renameSync(join(scratch, 'index.js'), join(dist, 'cli.js'))
rmSync(scratch, { recursive: true, force: true })
