/**
 * The leak canary: the committed dist/index.js runs, with debug logging on (ACTIONS_STEP_DEBUG, RUNNER_DEBUG), for
 * every sample token of every scenario in tools/simulator/scenarios.js and for the failure paths (the token pasted
 * into another input, an invalid token, rate limits, network failures, broken answers). Everything the run wrote
 * (stdout but the `::add-mask::` lines, stderr, every output, the job summary, and every string of the JSON report)
 * is searched for the token, its first 20 and last 20 characters, and its base64 form. The expected count is zero.
 */
import { describe, expect, it } from '@jest/globals'
import * as S from '../../tools/simulator/scenarios.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { auditWith } from '../helpers/e2e.js'
import type { AuditRun } from '../helpers/e2e.js'

type Scenario = ReturnType<typeof S.analytics>
type ScenarioToken = Scenario['tokens'][number]

const CATALOG = buildCatalog('fpt')

/** The sample scenarios named in the brief; every other scenario exported in SCENARIOS is run too. */
const REQUIRED_SCENARIOS = ['analytics', 'bot', 'pending', 'classic', 'everything', 'nothing', 'policies']
/** `all` holds the same tokens as the individual scenarios. */
const SCENARIO_NAMES = Object.keys(S.SCENARIOS).filter((name) => name !== 'all')

/** The forms of a token that must appear nowhere. */
function needles(token: string): Record<string, string> {
  const t = token.trim()
  return {
    token: t,
    'first 20 characters': t.slice(0, 20),
    'last 20 characters': t.slice(-20),
    base64: Buffer.from(t).toString('base64')
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
  return []
}

/** Every place the run wrote something, by name. */
function written(run: AuditRun): Record<string, string> {
  let report: unknown
  try {
    report = JSON.parse(run.outputs.report || '{}')
  } catch {
    report = run.outputs.report
  }
  return {
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    summary: run.summary,
    ...Object.fromEntries(Object.entries(run.outputs).map(([name, value]) => [`output ${name}`, value])),
    'report strings': strings(report).join('\n')
  }
}

/** `form in place` for every form of every secret found in every place; empty when nothing leaked. */
function leaks(run: AuditRun, secrets: string[]): string[] {
  const found: string[] = []
  const places = written(run)
  for (const secret of secrets) {
    if (secret.trim().length < 20) throw new Error('a canary secret must be at least 20 characters long')
    for (const [form, needle] of Object.entries(needles(secret))) {
      for (const [place, text] of Object.entries(places)) if (text.includes(needle)) found.push(`${form} in ${place}`)
    }
  }
  // The simulator recorded every request; the token's value must not be in any path, query or body either.
  const records = JSON.stringify(run.sim.requests)
  for (const secret of secrets) if (records.includes(secret.trim())) found.push('token in a request the simulator recorded')
  return found
}

/** The token's own permissions, plus a few it may lack, so that granted, missing and inconclusive all show up. */
function requiredFor(token: ScenarioToken): string {
  // Only names the action knows: a scenario may hold a permission the action's data does not list.
  const wanted = new Map<string, string>(Object.entries(token.permissions ?? {}).filter(([name]) => CATALOG.permissions.has(name)))
  for (const [name, level] of [
    ['contents', 'write'],
    ['members', 'read'],
    ['organization_secrets', 'read'],
    ['workflows', 'write']
  ]) {
    if (!wanted.has(name)) wanted.set(name, level)
  }
  return [...wanted].map(([name, level]) => `${name}: ${level}`).join('\n')
}

/** A repository the token's resource owner has in the scenario (acme/infra when nothing better). */
function repositoryFor(scenario: Scenario, token: ScenarioToken): string {
  const explicit = (token as { repository?: unknown }).repository
  if (typeof explicit === 'string') return explicit
  const owner = token.resourceOwner ?? 'acme'
  const repo = (scenario.repos ?? []).find((r) => r.owner === owner)
  return repo ? `${repo.owner}/${repo.name}` : 'acme/infra'
}

const cases: Array<[string, string, string]> = SCENARIO_NAMES.flatMap((scenarioName) => {
  const make = S.SCENARIOS[scenarioName as keyof typeof S.SCENARIOS] as () => Scenario
  return make().tokens.map((t): [string, string, string] => [`${scenarioName} / ${t.name}`, scenarioName, t.name])
})

describe('every sample token of every scenario, with debug logging on', () => {
  it('covers the sample scenarios', () => {
    expect(SCENARIO_NAMES).toEqual(expect.arrayContaining(REQUIRED_SCENARIOS))
    expect(cases.length).toBeGreaterThanOrEqual(8)
  })

  it.each(cases)('%s: the token leaks nowhere', async (_, scenarioName, tokenName) => {
    const make = S.SCENARIOS[scenarioName as keyof typeof S.SCENARIOS] as () => Scenario
    const scenario = make()
    const token = scenario.tokens.find((t) => t.name === tokenName) as ScenarioToken
    const run = await auditWith(scenario, { repository: repositoryFor(scenario, token), 'required-permissions': requiredFor(token) }, { tokenName })
    expect(run.sim.requests.length).toBeGreaterThan(0)
    expect(leaks(run, [token.value])).toEqual([])
  })
})

describe('failure paths, with debug logging on', () => {
  const analytics = () => S.analytics()
  const value = () => analytics().tokens[0]?.value ?? ''

  it.each([
    ['required-permissions', (t: string) => `members: read\n${t}`],
    ['required-permissions', (t: string) => `members: ${t}`],
    ['repository', (t: string) => `acme/${t}`],
    ['organization', (t: string) => t],
    ['api-url', (t: string) => `https://${t}@api.github.com`],
    ['expiry-warn-days', (t: string) => t],
    ['fail-on', (t: string) => t],
    ['timeout-seconds', (t: string) => ` ${t} `]
  ])('the token pasted into %s: rejected by name, never echoed', async (input, paste) => {
    const token = value()
    const run = await auditWith(analytics(), { 'required-permissions': 'members: read', [input]: paste(token) })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toContain(`Input '${input}'`)
    expect(run.sim.requests).toEqual([])
    expect(leaks(run, [token])).toEqual([])
  })

  // KNOWN BUG (src/inputs/settings.ts, see the report): only the whole token (or a whitespace-separated piece of it) is
  // recognised in another input; a 40-character fragment is echoed in the error, the report and, as a repository name,
  // even sent to GitHub and put in the summary. Remove `.failing` once settings.ts recognises 20-character fragments.
  it('a fragment of the token (its first 40 characters) pasted into required-permissions: never echoed', async () => {
    const token = value()
    const run = await auditWith(analytics(), { 'required-permissions': `members: ${token.slice(0, 40)}` })
    expect(run.code).toBe(1)
    expect(leaks(run, [token])).toEqual([])
  })

  it('a fragment of the token (its first 39 characters) pasted into organization: never echoed', async () => {
    const token = value()
    const run = await auditWith(analytics(), { 'required-permissions': 'members: read', organization: token.slice(0, 39) })
    expect(leaks(run, [token])).toEqual([])
  })

  it('a fragment of the token (its last 40 characters) as a repository name: never sent, never echoed', async () => {
    const token = value()
    const run = await auditWith(analytics(), { 'required-permissions': 'contents: read', repository: `acme/${token.slice(-40)}` })
    expect(run.sim.requests).toEqual([])
    expect(leaks(run, [token])).toEqual([])
  })

  it.each([
    ['a fine-grained token GitHub does not know', S.fineGrainedTokenValue('pat-audit-canary:revoked')],
    ['a classic token GitHub does not know', S.classicTokenValue('pat-audit-canary:revoked')]
  ])('%s (401): no leak', async (_, unknown) => {
    const run = await auditWith(analytics(), { 'required-permissions': 'members: read, contents: write' }, { token: unknown })
    expect(run.outputs.result).toBe('fail')
    // GET /user and at most the first wave sent with it; nothing after its 401.
    expect(run.sim.requests.every((r) => r.token === '(unknown)')).toBe(true)
    expect(run.sim.requests.length).toBeLessThanOrEqual(10)
    expect(leaks(run, [unknown])).toEqual([])
  })

  it('a token with surrounding whitespace and a newline: neither form leaks', async () => {
    const token = value()
    const run = await auditWith(analytics(), { 'required-permissions': 'members: read' }, { token: `  ${token}\n` })
    expect(run.outputs['granted-permissions']).toBe('members:read')
    expect(leaks(run, [token])).toEqual([])
  })

  it('the primary rate limit used up (nothing probed): no leak', async () => {
    const scenario = analytics()
    const spec = scenario.tokens[0]
    if (spec) spec.rateLimit = { limit: 5000, remaining: 0, resetEpochSeconds: Math.floor(Date.now() / 1000) + 3600 }
    const run = await auditWith(scenario, { 'required-permissions': 'members: read, organization_secrets: read' })
    expect(run.report.findings?.some((f) => f.code === 'rate-limited')).toBe(true)
    expect(leaks(run, [value()])).toEqual([])
  })

  it('a secondary rate limit on the first requests: no leak', async () => {
    const scenario = analytics()
    const spec = scenario.tokens[0]
    if (spec) spec.secondaryRateLimit = { times: 3, retryAfterSeconds: 1 }
    const run = await auditWith(scenario, { 'required-permissions': 'members: read, organization_secrets: read' })
    expect(run.sim.requests.some((r) => r.status === 403)).toBe(true)
    // The throttling plugin's wait is written to the debug log, which is searched like everything else.
    expect(run.stdout).toMatch(/^::debug::GET \/user: rate limited; retrying after 1 s\./m)
    expect(leaks(run, [value()])).toEqual([])
  })

  it('faults: a reset, a persistent 503, an HTML page, an empty body and a malformed expiry: no leak', async () => {
    const scenario = analytics()
    const spec = scenario.tokens[0]
    if (spec) {
      spec.faults = [
        { match: 'GET ^/user$', kind: 'malformed-expiry', times: 1 },
        { match: 'GET ^/orgs/acme/teams$', kind: 'reset', times: 1 },
        { match: 'GET ^/orgs/acme/copilot/', kind: '503', times: 10 },
        { match: 'GET ^/orgs/acme/actions/secrets$', kind: 'html', times: 1 },
        { match: 'GET ^/orgs/acme/installations$', kind: 'empty-body', times: 1 }
      ]
    }
    const run = await auditWith(scenario, {
      'required-permissions': 'members: read, organization_copilot_seat_management: read, organization_secrets: read, organization_administration: read'
    })
    expect(run.sim.requests.filter((r) => r.fault).length).toBeGreaterThanOrEqual(5)
    expect(leaks(run, [value()])).toEqual([])
  })

  it('GitHub out of reach (the API host does not resolve, and a proxy that refuses): no leak', async () => {
    const token = value()
    const [dns, proxy] = await Promise.all([
      auditWith(analytics(), { 'required-permissions': 'members: read', 'api-url': 'http://nonexistent.invalid' }, { env: { GITHUB_API_URL: 'http://nonexistent.invalid' } }),
      auditWith(analytics(), { 'required-permissions': 'members: read', 'api-url': 'https://api.pat-audit.invalid' }, {
        // Port 9 on loopback: nothing listens, and the request never leaves the machine.
        env: { GITHUB_API_URL: 'https://api.pat-audit.invalid', HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '', no_proxy: '' }
      })
    ])
    for (const run of [dns, proxy]) {
      expect(run.report.findings?.some((f) => f.code === 'api-unreachable')).toBe(true)
      expect(leaks(run, [token])).toEqual([])
    }
  })
})
