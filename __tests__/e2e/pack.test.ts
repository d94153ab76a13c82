/**
 * The CLI as a person installs it: `npm pack`, then `npm install -g` of the tarball into a temporary prefix (offline:
 * the bundle has no runtime dependencies), then the installed `pat-audit` bin, started as the shell starts it
 * (through its `#!` line), for --help, --version and a real audit against the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT, actionInputNames } from '../../tools/action-metadata.js'
import { startSimulator } from '../../tools/simulator/server.js'
import * as S from '../../tools/simulator/scenarios.js'
import { runProcess } from '../helpers/process.js'
import type { Finished } from '../helpers/process.js'

const exec = promisify(execFile)
const TOKEN_INPUTS = ['token', 'org-admin-token', 'github-token']

let dir = ''
let bin = ''
let packed: string[] = []

/** Runs the installed bin directly (not `node bin`): the kernel reads its `#!/usr/bin/env node` line. */
function pat(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Finished> {
  // PATH holds the running node's folder only, so `env node` finds it; nothing else of this machine is on it.
  return runProcess(bin, args, { env: { PATH: `${join(process.execPath, '..')}:/usr/bin:/bin`, HOME: dir, NO_COLOR: '1', ...options.env }, stdin: options.stdin ?? '' })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pat-audit-pack-'))
  const npm = { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' } }
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', dir], npm)
  const info = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
  packed = info[0].files.map((f) => f.path).sort()
  await exec('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', join(dir, 'prefix'), join(dir, info[0].filename)], npm)
  bin = join(dir, 'prefix', 'bin', 'pat-audit')
}, 180_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the packed and installed CLI', () => {
  it('packs the bundle, the action, the licence and the docs, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['action.yml', 'dist/cli.js', 'dist/index.js', 'LICENSE', 'README.md', 'SECURITY.md', 'CHANGELOG.md', 'package.json']))
    expect(packed.filter((p) => /^(src|__tests__|tools|node_modules)\//.test(p))).toEqual([])
  })

  it('starts through its #! line: --version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(await pat(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('--help lists every input of action.yml: each as an option, the tokens with where they are read from', async () => {
    const help = await pat(['--help'])
    expect(help.code).toBe(0)
    const options = [...help.stdout.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1])
    const tokens = [...help.stdout.matchAll(/^ {2}([a-z-]+) +PAT_AUDIT_/gm)].map((m) => m[1])
    for (const input of actionInputNames()) expect([input, TOKEN_INPUTS.includes(input) ? tokens.includes(input) : options.includes(input)]).toEqual([input, true])
    expect(options).toEqual(expect.arrayContaining(['json', 'markdown', 'no-color', 'token-stdin', 'version', 'help']))
  })

  it('refuses a token given as an argument with one line naming the environment or standard input', async () => {
    for (const name of TOKEN_INPUTS) {
      for (const args of [[`--${name}`, 'ghp_0123456789abcdef0123456789abcdef0123'], [`--${name}=ghp_0123456789abcdef0123456789abcdef0123`]]) {
        const run = await pat(args)
        expect(run.code).toBe(2)
        expect(run.stdout).toBe('')
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
        expect(run.stderr).toMatch(new RegExp(`^pat-audit: --${name} is not accepted: .*never taken as an argument .*environment or standard input: PAT_AUDIT_`))
        expect(run.stderr).not.toContain('ghp_0123456789')
      }
    }
  })

  it('audits a token against the simulator: from the environment, and from standard input', async () => {
    const scenario = S.bot()
    const sim = await startSimulator(scenario)
    try {
      const token = scenario.tokens[0].value
      const args = ['--required-permissions', 'contents: write, pull_requests: write', '--repository', 'acme/infra', '--api-url', sim.url]
      const fromEnv = await pat(args, { env: { PAT_AUDIT_TOKEN: token } })
      expect(fromEnv.code).toBe(0)
      expect(fromEnv.stdout).toContain('Token audit passed with 1 warning')
      const fromStdin = await pat([...args, '--required-permissions', 'secrets: read', '--json'], { stdin: `${token}\n` })
      expect(fromStdin.code).toBe(1)
      expect(JSON.parse(fromStdin.stdout)).toMatchObject({ result: 'fail', permissions: [{ name: 'secrets', status: 'missing' }] })
      for (const out of [fromEnv.stdout, fromEnv.stderr, fromStdin.stdout, fromStdin.stderr]) expect(out.includes(token)).toBe(false)
      expect(sim.requests.length).toBeGreaterThan(0)
      expect(sim.flags).toEqual([])
    } finally {
      await sim.close()
    }
  })
})
