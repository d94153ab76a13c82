// @ts-check
/**
 * `npm run bundle`: builds dist/index.js (the action) and dist/cli.js (the command line) with ncc, minified.
 * Both read the permission data files that ncc copies beside them; the CLI is built in a scratch folder and
 * moved next to the action, where the same data files already are (checked byte for byte), and given the
 * `#!/usr/bin/env node` line that makes it runnable as the package's bin.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeStamp } from './build-stamp.js'
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

// The `pat-audit` bin: without the interpreter line, `npm install -g` and `npx` hand the file to the shell.
const cli = join(dist, 'cli.js')
const code = readFileSync(cli, 'utf8')
if (!code.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${code}`)
chmodSync(cli, 0o755)

// What this dist/ was built from, for `npm run release` (tools/build-stamp.js).
writeStamp(ROOT)
