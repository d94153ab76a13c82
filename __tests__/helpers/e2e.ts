/**
 * End-to-end harness: the committed dist/index.js, run as the runner runs it, against the loopback simulator.
 * Every run is also checked for token leaks (with debug logging on) and for requests that could have changed state.
 */
import { expect } from '@jest/globals'
import { actionInputNames, actionOutputNames } from '../../tools/action-metadata.js'
import { startSimulator } from '../../tools/simulator/server.js'
import { findLeaks, runAction } from '../../tools/run-action.js'
import type { ActionRun } from '../../tools/run-action.js'

/** The outputs action.yml declares (read with the YAML parser GitHub's tools use): every run must set each of them. */
export const OUTPUT_NAMES = actionOutputNames()

/** The names under `inputs:` or `outputs:` in action.yml, in file order. */
export function actionYmlKeys(section: 'inputs' | 'outputs'): string[] {
  return section === 'inputs' ? actionInputNames() : actionOutputNames()
}

type Scenario = Parameters<typeof startSimulator>[0]
export type Simulator = Awaited<ReturnType<typeof startSimulator>>

export interface AuditRun extends ActionRun {
  sim: Simulator
  report: Record<string, unknown> & { permissions?: Array<Record<string, unknown>>; findings?: Array<Record<string, unknown>> }
}

/**
 * Runs the action for the scenario's token (the first, or the one named) with the given inputs.
 * `apiPath` is appended to the simulator URL (GHES: `/api/v3`).
 */
export async function auditWith(
  scenario: Scenario,
  inputs: Record<string, string>,
  options: { tokenName?: string; env?: Record<string, string>; apiPath?: string; token?: string; sim?: Simulator } = {}
): Promise<AuditRun> {
  const sim = options.sim ?? (await startSimulator(scenario))
  try {
    const spec = options.tokenName ? scenario.tokens.find((t) => t.name === options.tokenName) : scenario.tokens[0]
    const token = options.token ?? spec?.value ?? ''
    const apiUrl = sim.url + (options.apiPath ?? '')
    const run = await runAction({
      inputs: { token, repository: 'acme/infra', 'api-url': apiUrl, ...inputs },
      env: { GITHUB_API_URL: apiUrl, ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', ...options.env }
    })
    // The promises every run keeps: no token of the scenario (audited, org-admin, workflow) leaks anywhere.
    for (const secret of new Set([token, ...scenario.tokens.map((t) => t.value)])) expect([secret.slice(0, 12), findLeaks(run, secret)]).toEqual([secret.slice(0, 12), []])
    expect(sim.flags).toEqual([])
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(run.stdout.split('\n')[0]).toBe(token.trim() ? `::add-mask::${token.trim()}` : run.stdout.split('\n')[0])
    expect(run.stderr).not.toMatch(/\n\s+at /)
    const report = JSON.parse(run.outputs.report || '{}')
    return { ...run, sim, report }
  } finally {
    if (!options.sim) await sim.close()
  }
}

export function permissionStatus(run: AuditRun): Record<string, string> {
  return Object.fromEntries((run.report.permissions ?? []).map((p) => [`${p.name}:${p.level}`, String(p.status)]))
}

export function findingCodes(run: AuditRun): string[] {
  return (run.report.findings ?? []).map((f) => String(f.code))
}

/** The `::error::` lines the run printed. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::error'))
}
