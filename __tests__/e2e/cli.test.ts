/** The command line (dist/cli.js), as a person runs it before saving a token as a secret. */
import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { startSimulator } from '../../tools/simulator/server.js'
import * as S from '../../tools/simulator/scenarios.js'
import { runProcess } from '../helpers/process.js'
import type { Finished } from '../helpers/process.js'

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function runCli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Finished> {
  return runProcess(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env }, stdin: options.stdin ?? '' })
}

describe('pat-audit on the command line', () => {
  it('audits a token read from standard input and exits with the gate status', async () => {
    const scenario = S.bot()
    const sim = await startSimulator(scenario)
    try {
      const token = scenario.tokens[0].value
      const ok = await runCli(['--required-permissions', 'contents: write', '--repository', 'acme/infra', '--api-url', sim.url], { stdin: `${token}\n` })
      expect(ok.code).toBe(0)
      expect(ok.stdout).toContain('Token audit passed with 1 warning')
      expect(ok.stdout).toContain('contents')
      // A pipe is not a terminal: plain text, no colour, no Markdown or HTML source.
      expect(ok.stdout).not.toMatch(/`|\*\*|<br>|<h2>|_Fix:_|^#+ |\]\(/m)
      expect(ok.stdout).not.toContain(String.fromCharCode(27))
      expect(ok.stdout).toMatch(/^ {3}→ Create the replacement token: http:\/\/127\.0\.0\.1:\d+\/settings\/personal-access-tokens\/new\?/m)
      const missing = await runCli(['--required-permissions=secrets: read', '--repository=acme/infra', `--api-url=${sim.url}`, '--json'], { stdin: token })
      expect(missing.code).toBe(1)
      expect(JSON.parse(missing.stdout)).toMatchObject({ result: 'fail', permissions: [{ name: 'secrets', status: 'missing' }] })
      for (const out of [ok.stdout, ok.stderr, missing.stdout, missing.stderr]) expect(out).not.toContain(token)
      expect(sim.flags).toEqual([])
    } finally {
      await sim.close()
    }
  })

  it('reads the token from PAT_AUDIT_TOKEN', async () => {
    const scenario = S.analytics()
    const sim = await startSimulator(scenario)
    try {
      const r = await runCli(['--required-permissions', 'members: read', '--organization', 'acme', '--api-url', sim.url], { env: { PAT_AUDIT_TOKEN: scenario.tokens[0].value } })
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('Token audit passed')
    } finally {
      await sim.close()
    }
  })

  it('refuses a token given as an argument, without echoing it', async () => {
    const r = await runCli(['--token', 'ghp_SHOULDNOTAPPEAR000000000000000000000'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/never taken as an argument/)
    expect(r.stderr + r.stdout).not.toContain('SHOULDNOTAPPEAR')
  })

  it('says where the token comes from when there is none', async () => {
    const r = await runCli(['--required-permissions', 'contents: read'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/PAT_AUDIT_TOKEN/)
  })

  it('prints the catalog: every permission with a probe or the reason there is none', async () => {
    const r = await runCli(['catalog'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^contents:write\s+DELETE \/repos\/\{owner\}\/\{repo\}\//m)
    expect(r.stdout).toMatch(/^workflows:write\s+not checkable/m)
    expect(r.stdout).toMatch(/77 permissions \(GitHub\.com\)/)
  })

  it('prints the catalog as JSON for tools (the benchmark computes its request floor from it)', async () => {
    const r = await runCli(['catalog', '--json'])
    expect(r.code).toBe(0)
    const { edition, rows } = JSON.parse(r.stdout) as { edition: string; rows: Array<{ permission: string; level: string; probe: string | null; alternatives: Array<{ permission: string; level: string; probe: string | null }> }> }
    expect(edition).toBe('fpt')
    expect(rows).toHaveLength(136)
    expect(rows.find((x) => x.permission === 'contents' && x.level === 'read')).toMatchObject({ probe: 'GET /repos/{owner}/{repo}/commits', alternatives: [] })
    expect(rows.find((x) => x.permission === 'workflows')).toMatchObject({ probe: null })
    expect(rows.find((x) => x.permission === 'organization_codespaces' && x.level === 'read')?.alternatives).toEqual([{ permission: 'codespaces', level: 'read', probe: 'GET /repos/{owner}/{repo}/codespaces' }])
  })
})
