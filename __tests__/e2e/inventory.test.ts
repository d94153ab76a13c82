/**
 * End-to-end: the bundled action (dist/index.js) in `mode: organization`, run as a runner runs it, against the
 * simulator's organization of 1,020 token grants and 50 pending requests (tools/simulator/inventory.js).
 */
import { describe, expect, it } from '@jest/globals'
import { startSimulator } from '../../tools/simulator/server.js'
import { INVENTORY_GRANTS, INVENTORY_REQUESTS, inventory, inventoryKind, OLD_REQUESTS, ownerOf } from '../../tools/simulator/inventory.js'
import { orgAdminToken, workflowToken } from '../../tools/simulator/scenarios.js'
import { findLeaks, runAction } from '../../tools/run-action.js'
import { OUTPUT_NAMES } from '../helpers/e2e.js'
import { runProcess } from '../helpers/process.js'

type Scenario = Parameters<typeof startSimulator>[0]
type Simulator = Awaited<ReturnType<typeof startSimulator>>

const adminOf = (scenario: Scenario) => scenario.tokens.find((t) => t.name === 'org-admin-acme')!.value

async function inventoryRun(scenario: Scenario, inputs: Record<string, string> = {}, env: Record<string, string> = {}, keep?: (sim: Simulator) => void) {
  const sim = await startSimulator(scenario)
  try {
    const admin = adminOf(scenario)
    const run = await runAction({
      inputs: { mode: 'organization', organization: 'acme', 'org-admin-token': admin, 'api-url': sim.url, repository: 'acme/infra', ...inputs },
      env: { GITHUB_API_URL: sim.url, ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', ...env },
      timeoutMs: 120_000
    })
    // Every run: the org-admin token masked first and never written; nothing that could change state; every output set.
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${admin}`)
    expect(findLeaks(run, admin)).toEqual([])
    expect(sim.flags).toEqual([])
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(run.stderr).not.toMatch(/\n\s+at /)
    keep?.(sim)
    return { ...run, sim, report: JSON.parse(run.outputs.report || '{}') }
  } finally {
    await sim.close()
  }
}

const grantKey = (i: number) => `${ownerOf(i)}/ci-${String(i).padStart(4, '0')}#${40001 + i}`
const requestKey = (j: number) => `${ownerOf(j + 7)}/new-${String(j).padStart(3, '0')}#${40001 + INVENTORY_GRANTS + j}`
const grantsOf = (...kinds: string[]) =>
  Array.from({ length: INVENTORY_GRANTS }, (_, i) => i)
    .filter((i) => kinds.includes(inventoryKind(i)))
    .map(grantKey)
    .sort()
    .join(',')

/** Round trip (1-based) of each request from its arrival: 1 + the deepest request answered (arrival + latency) before it arrived. */
function depths(arrivals: number[], latencyMs: number): number[] {
  const order = [...arrivals].sort((a, b) => a - b)
  const depth: number[] = []
  order.forEach((at, k) => {
    depth[k] = 1 + Math.max(0, ...order.slice(0, k).map((earlier, j) => (earlier + latencyMs <= at ? depth[j] : 0)))
  })
  return depth
}

describe('mode: organization, on an organization of 1,020 tokens and 50 requests', () => {
  it('judges every token and request and sets each list, in 12 requests, reads only', async () => {
    let requests: Array<{ method: string; path: string; query: Record<string, string> }> = []
    let maxInFlight = 0
    const run = await inventoryRun(inventory(), {}, {}, (sim) => {
      requests = sim.requests.map((r) => ({ method: r.method, path: r.path, query: r.query }))
      maxInFlight = sim.maxInFlight
    })
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
    expect(run.outputs.tokens).toBe(String(INVENTORY_GRANTS))
    expect(run.outputs.expiring).toBe(grantsOf('expired', 'expiring-fail', 'expiring-warn'))
    expect(run.outputs['non-compliant']).toBe(grantsOf('never-expires', 'long-lifetime'))
    expect(run.outputs.unused).toBe(grantsOf('unused', 'never-used'))
    expect(run.outputs.broad).toBe(grantsOf('broad-all-write', 'broad-org-admin'))
    expect(run.outputs['pending-requests']).toBe(OLD_REQUESTS.map(requestKey).sort().join(','))
    expect(run.outputs.expiring.split(',')).toHaveLength(63)
    // The pages: 11 of grants and 1 of requests, each once, GET only.
    expect(requests).toHaveLength(12)
    expect(requests.every((r) => r.method === 'GET')).toBe(true)
    expect(requests.map((r) => `${r.path}?page=${r.query.page}&per_page=${r.query.per_page}`).sort()).toEqual(
      [
        ...Array.from({ length: 11 }, (_, p) => `/orgs/acme/personal-access-tokens?page=${p + 1}&per_page=100`),
        '/orgs/acme/personal-access-token-requests?page=1&per_page=100'
      ].sort()
    )
    expect(maxInFlight).toBeLessThanOrEqual(10)
    // The report and the summary.
    expect(run.report).toMatchObject({ schemaVersion: 1, mode: 'organization', result: 'fail', counts: { tokens: 1020, requests: INVENTORY_REQUESTS, needsAction: 21 * 9 + OLD_REQUESTS.length } })
    expect(run.outputs.report.length).toBeLessThan(1_000_000)
    const lines = run.summary.split('\n')
    expect(lines[0]).toBe('## ❌ Organization inventory failed: acme')
    expect(lines[2]).toBe(`**1020** tokens with access · **50** pending requests · **229** need action · 841 compliant`)
    expect(run.summary).toContain('<details><summary>Compliant tokens and requests (841)</summary>')
    expect(run.summary.indexOf('### Needs action')).toBeGreaterThan(run.summary.indexOf('| expired or expiring |'))
    // The most urgent first: an expired grant heads the table.
    expect(run.summary.split('### Needs action')[1].split('\n').find((l) => l.startsWith('| dev-'))).toMatch(/\| expired \|.*❌ expired/)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1_048_576)
    // One annotation per kind of problem, not one per token.
    expect(run.stdout.split('\n').filter((l) => /^::(error|warning) /.test(l))).toHaveLength(7)
  }, 120_000)

  it(`reads the rest concurrently: round trips ≤ 1 + ceil((pages − 1) / 10) (simulated latency 1 s)`, async () => {
    let arrivals: number[] = []
    await inventoryRun(inventory({ latencyMs: 1000 }), {}, {}, (sim) => {
      arrivals = sim.requests.map((r) => r.at)
    })
    const pages = 12
    expect(arrivals).toHaveLength(pages)
    expect(Math.max(...depths(arrivals, 1000))).toBeLessThanOrEqual(1 + Math.ceil((pages - 1) / 10))
  }, 120_000)

  it('passes on an organization whose tokens are all compliant, and fail-on: never only reports', async () => {
    const clean = inventory({ grants: 20, requests: 0 })
    clean.tokens = clean.tokens.filter((t) => !/^grant-[0-8]$/.test(t.name))
    const pass = await inventoryRun(clean)
    expect([pass.code, pass.outputs.result, pass.outputs.tokens, pass.outputs.expiring]).toEqual([0, 'pass', '11', ''])
    const never = await inventoryRun(inventory({ grants: 60, requests: 5 }), { 'fail-on': 'never' })
    expect([never.code, never.outputs.result]).toEqual([0, 'fail'])
  }, 120_000)

  it('an org-admin token without "Personal access token requests: read" fails the inventory and says so; the grants are still judged', async () => {
    const scenario = inventory({ grants: 30, requests: 5 })
    scenario.tokens = [...scenario.tokens.filter((t) => t.name !== 'org-admin-acme'), orgAdminToken('acme', { permissions: { organization_personal_access_tokens: 'read' } })]
    const run = await inventoryRun(scenario)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.tokens).toBe('30')
    expect(run.outputs['pending-requests']).toBe('')
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error title=The organization'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('GET /orgs/acme/personal-access-token-requests, page 1: 403 "Resource not accessible by integration"')
    expect(errors[0]).toContain('"Personal access token requests: read"')
    expect(errors[0]).toContain('organization_personal_access_token_requests=read')
  }, 120_000)

  it('notify: issue opens one tracking issue listing what needs action, with the workflow token only', async () => {
    const scenario = inventory({ grants: 60, requests: 10 })
    scenario.tokens.push(workflowToken('acme/infra'))
    const workflow = scenario.tokens.find((t) => t.name === 'workflow')!.value
    let issues: Simulator['issues'] = []
    let writes: Simulator['writes'] = []
    const run = await inventoryRun(scenario, { notify: 'issue', 'github-token': workflow }, { GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '77' }, (sim) => {
      issues = sim.issues
      writes = [...sim.writes]
    })
    expect(findLeaks(run, workflow)).toEqual([])
    expect(issues).toHaveLength(1)
    expect(issues[0].title).toBe(`Token inventory failing: acme (${run.report.counts.needsAction} need action)`)
    expect(issues[0].body).toContain(`\`${grantKey(0)}\`: expired`)
    expect(issues[0].body).toContain('/organizations/acme/settings/personal-access-token-requests')
    expect(writes.map((w) => `${w.method} ${w.path} ${w.token}`)).toEqual(['POST /repos/acme/infra/issues workflow'])
  }, 120_000)

  it('bad inputs in this mode: one line naming each input, and nothing sent', async () => {
    const sim = await startSimulator(inventory({ grants: 1, requests: 0 }))
    try {
      const run = await runAction({ inputs: { mode: 'organization', 'api-url': sim.url, 'unused-days': 'often', 'broad-permissions': 'root: write' }, env: { GITHUB_API_URL: sim.url } })
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
      expect(errors.map((l) => l.replace(/^::error::/, '').split(':')[0])).toEqual([
        "Input 'organization'",
        "Input 'org-admin-token'",
        "Input 'unused-days'",
        "Input 'broad-permissions'"
      ])
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('fail')
      expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
      expect(sim.requests).toEqual([])
    } finally {
      await sim.close()
    }
  }, 60_000)
})

describe('mode: organization on the command line (dist/cli.js)', () => {
  it('inventories with PAT_AUDIT_ORG_ADMIN_TOKEN and no token, and prints the report with --json', async () => {
    const { fileURLToPath } = await import('node:url')
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
    const scenario = inventory({ grants: 120, requests: 3 })
    const admin = adminOf(scenario)
    const sim = await startSimulator(scenario)
    try {
      const result = await runProcess(process.execPath, [cli, '--mode', 'organization', '--organization', 'acme', '--api-url', sim.url, '--json'], {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PAT_AUDIT_ORG_ADMIN_TOKEN: admin }
      })
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1, mode: 'organization', result: 'fail', counts: { tokens: 120, requests: 3 } })
      expect(result.stderr).toContain('pat-audit: Organization inventory failed (fail-on: error)')
      for (const out of [result.stdout, result.stderr]) expect(out).not.toContain(admin)
      expect(sim.flags).toEqual([])
    } finally {
      await sim.close()
    }
  }, 60_000)
})
