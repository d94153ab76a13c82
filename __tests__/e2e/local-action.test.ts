/**
 * A real client runs the action: GitHub's `@github/local-action` (the tool `npm run local-action` starts) reads
 * action.yml with its own YAML parser, passes action.yml's defaults through as literal text
 * (`${{ github.repository }}`, `${{ github.api_url }}`, `${{ github.token }}`), stubs @actions/core and runs
 * src/action/main.ts, here against the loopback simulator.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, actionOutputNames } from '../../tools/action-metadata.js'
import { startSimulator } from '../../tools/simulator/server.js'
import * as S from '../../tools/simulator/scenarios.js'
import { runProcess } from '../helpers/process.js'

const BIN = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')

interface LocalRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** The arguments of `npm run local-action` (package.json), with the .env file replaced by `envFile`. */
async function localActionArgs(envFile: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [command, ...args] = pkg.scripts['local-action'].split(' ')
  expect([command, args.at(-1)]).toEqual(['local-action', '.env'])
  return [...args.slice(0, -1), envFile]
}

/**
 * Runs `npm run local-action`'s command from the project root, with .env.example as a person copies it (`template`),
 * or with only the given lines, and `values` in place of the template's lines for the same keys.
 */
async function localAction(values: Record<string, string>, template = ''): Promise<LocalRun> {
  const dir = await mkdtemp(join(tmpdir(), 'pat-audit-local-action-'))
  try {
    const summaryFile = join(dir, 'summary.md')
    await writeFile(summaryFile, '')
    const envFile = join(dir, '.env')
    const lines = { ACTIONS_STEP_DEBUG: 'false', GITHUB_STEP_SUMMARY: summaryFile, ...values }
    const own = Object.entries(lines).map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    // The template's lines for these keys are replaced, not repeated.
    const kept = template.split('\n').filter((line) => !Object.keys(lines).some((k) => line.startsWith(`${k}=`)))
    await writeFile(envFile, [...kept, ...own].join('\n') + '\n')
    const args = await localActionArgs(envFile)
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? dir, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_offline: 'true' }
    const { code, stdout, stderr } = await runProcess(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeoutMs: 150_000 })
    // local-action's @actions/core prints each output as a `::set-output name=…::value` line.
    const outputs: Record<string, string> = {}
    for (const m of stdout.matchAll(/^::set-output name=([a-z-]+)::(.*)$/gm)) outputs[m[1]] = m[2]
    return { code, stdout, stderr, outputs, summary: await readFile(summaryFile, 'utf8') }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('@github/local-action runs the action', () => {
  it('audits a token against the simulator with action.yml defaults left unexpanded, and sets every output', async () => {
    const scenario = S.bot()
    const sim = await startSimulator(scenario)
    try {
      const token = scenario.tokens[0].value
      // .env.example as a person copies it, with the token and the API URL the simulator printed. It has no
      // INPUT_REPOSITORY, INPUT_API-URL or INPUT_GITHUB-TOKEN: local-action gives action.yml's `${{ … }}` defaults.
      const template = await readFile(join(ROOT, '.env.example'), 'utf8')
      expect(template).toMatch(/^INPUT_TOKEN=$/m)
      expect(template).not.toMatch(/^INPUT_(REPOSITORY|API-URL|GITHUB-TOKEN)=/m)
      const run = await localAction({ INPUT_TOKEN: token, GITHUB_API_URL: sim.url }, template)
      expect(run.stdout).toContain('Running Action')
      expect(Object.keys(run.outputs).sort()).toEqual(actionOutputNames().sort())
      expect(run.outputs).toMatchObject({ result: 'warn', 'token-type': 'fine-grained', 'granted-permissions': 'contents:write,pull_requests:write', 'missing-permissions': '' })
      const report = JSON.parse(run.outputs.report)
      expect(report.target).toMatchObject({ repository: 'acme/infra', apiUrl: sim.url })
      expect(run.summary).toContain('Token audit passed with 1 warning')
      expect(run.stdout).not.toMatch(/::error::/)
      for (const text of [run.stdout, run.stderr, run.summary]) expect(text.includes(token)).toBe(false)
      expect(sim.requests.length).toBeGreaterThan(0)
      expect(sim.flags).toEqual([])
    } finally {
      await sim.close()
    }
  }, 180_000)

  it('writes a job summary naming the invalid input when an input is wrong', async () => {
    const scenario = S.bot()
    const sim = await startSimulator(scenario)
    try {
      const run = await localAction({ INPUT_TOKEN: scenario.tokens[0].value, 'INPUT_FAIL-ON': 'sometimes', GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: sim.url })
      expect(run.stdout).toContain("::error::Input 'fail-on': expected one of error, warning, never")
      expect(run.summary).toContain('Token audit did not run')
      expect(run.summary).toContain("Input 'fail-on'")
      expect(run.outputs.result).toBe('fail')
      expect(sim.requests).toEqual([])
    } finally {
      await sim.close()
    }
  }, 180_000)
})
