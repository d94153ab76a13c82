/**
 * Representative audits, each run for real: the action's shell (`run()`) with a recording runner interface, the
 * real transport, against the loopback simulator. What they give back (the job summary as written, the report,
 * the annotations) is what a person would see on the run's page.
 */
import type { ActionIO } from '../../src/action/io.js'
import { run } from '../../src/action/main.js'
import type { Report } from '../../src/report/report.js'
import { startSimulator } from '../../tools/simulator/server.js'
import * as S from '../../tools/simulator/scenarios.js'

type Scenario = Parameters<typeof startSimulator>[0]

export interface RepresentativeRun {
  readonly name: string
  readonly summary: string
  /** Absent when the inputs were invalid. */
  readonly report?: Report
  readonly inputErrors?: string[]
  readonly annotations: Array<{ level: string; message: string; title?: string }>
  readonly fails: string[]
}

interface Case {
  readonly name: string
  readonly scenario: () => Scenario
  readonly token?: string
  readonly inputs: (scenario: Scenario) => Record<string, string>
}

const tokenValue = (scenario: Scenario, name: string): string => {
  const t = scenario.tokens.find((x) => x.name === name)
  if (!t) throw new Error(`no token ${name}`)
  return t.value
}

export const CASES: readonly Case[] = [
  { name: 'pass', scenario: S.analytics, inputs: () => ({ 'required-permissions': 'members: read, organization_copilot_seat_management: read' }) },
  {
    name: 'missing-permissions',
    scenario: S.bot,
    inputs: () => ({ 'required-permissions': 'contents: write, pull_requests: write, issues: write, secrets: read, actions: write, environments: read, workflows: write', 'expiry-warn-days': '10' })
  },
  { name: 'sso', scenario: S.policies, token: 'classic', inputs: () => ({ 'required-permissions': 'members: read, contents: read' }) },
  { name: 'lifetime-policy', scenario: S.policies, token: 'long-lived', inputs: () => ({ repository: 'globex/ledger', 'required-permissions': 'members: read' }) },
  { name: 'classic-token', scenario: S.classic, inputs: () => ({ 'required-permissions': 'contents: write, workflows: write, members: read' }) },
  { name: 'pending-approval', scenario: S.orgRecord, token: 'pending', inputs: (s) => ({ 'required-permissions': 'contents: read, issues: write', 'org-admin-token': tokenValue(s, 'org-admin-acme') }) },
  { name: 'public-repository', scenario: S.pending, inputs: () => ({ repository: 'acme/website', 'required-permissions': 'contents: read, issues: write' }) },
  { name: 'excess', scenario: S.everything, inputs: () => ({ 'required-permissions': 'contents: read', 'report-excess': 'true' }) },
  { name: 'excess-few', scenario: S.bot, inputs: () => ({ 'required-permissions': 'contents: read', 'report-excess': 'true', 'expiry-warn-days': '10' }) },
  {
    name: 'repository-coverage',
    scenario: S.fleet,
    inputs: () => ({ 'required-permissions': 'contents: read', repositories: Array.from({ length: 1000 }, (_, i) => `acme/service-${String(i + 1).padStart(4, '0')}`).join('\n') })
  },
  { name: 'organization-record', scenario: S.orgRecord, token: 'analytics', inputs: (s) => ({ 'required-permissions': 'members: read, organization_administration: read', 'org-admin-token': tokenValue(s, 'org-admin-acme') }) },
  { name: 'invalid-inputs', scenario: S.bot, inputs: () => ({ 'required-permissions': 'contents: wrote, issue: read', 'expiry-warn-days': 'soon', repository: 'acme' }) }
]

export async function runCase(c: Case): Promise<RepresentativeRun> {
  const scenario = c.scenario()
  const sim = await startSimulator(scenario)
  try {
    const inputs: Record<string, string> = { token: tokenValue(scenario, c.token ?? scenario.tokens[0].name), repository: 'acme/infra', 'api-url': sim.url, ...c.inputs(scenario) }
    const outputs: Record<string, string> = {}
    const annotations: RepresentativeRun['annotations'] = []
    const fails: string[] = []
    let summary = ''
    const io: ActionIO = {
      getInput: (name) => inputs[name] ?? '',
      setSecret: () => undefined,
      setOutput: (name, value) => void (outputs[name] = value),
      annotate: (level, message, title) => void annotations.push({ level, message, ...(title ? { title } : {}) }),
      info: () => undefined,
      debug: () => undefined,
      isDebug: () => false,
      writeSummary: async (text) => void (summary += text),
      fail: (message) => void fails.push(message)
    }
    await run({ io, env: { GITHUB_SERVER_URL: 'https://github.com' } })
    if (sim.flags.length > 0) throw new Error(`${c.name}: requests that could change something: ${JSON.stringify(sim.flags)}`)
    const parsed = JSON.parse(outputs.report || '{}') as Report & { inputErrors?: string[] }
    return { name: c.name, summary, annotations, fails, ...(parsed.inputErrors ? { inputErrors: parsed.inputErrors } : { report: parsed }) }
  } finally {
    await sim.close()
  }
}

export async function runAll(): Promise<RepresentativeRun[]> {
  const out: RepresentativeRun[] = []
  for (const c of CASES) out.push(await runCase(c))
  return out
}
