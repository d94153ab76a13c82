/**
 * Faults, end to end: the committed dist/index.js against the simulator's per-token faults (5xx, resets, HTML pages,
 * empty bodies, a malformed expiration header), an API host that does not resolve, a refused connection and a proxy
 * that refuses. Each gives a clear finding, is retried where that makes sense, and never crashes the action or turns
 * into a false verdict; a fault on one probe leaves the other probes' results intact. auditWith also checks, on every
 * run, that the token leaked nowhere, that every output is set, that no stack trace was printed and that no request
 * could have changed state.
 */
import { describe, expect, it } from '@jest/globals'
import * as S from '../../tools/simulator/scenarios.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { isRandomValue } from '../../src/catalog/safety.js'
import type { Level } from '../../src/types.js'
import { RETRIES } from '../../src/github/octokit-transport.js'
import { proxyInUse } from '../../src/github/proxy.js'
import { closedPort } from '../helpers/closed-port.js'
import { auditWith, findingCodes, permissionStatus } from '../helpers/e2e.js'
import type { AuditRun } from '../helpers/e2e.js'

type Scenario = ReturnType<typeof S.analytics>
type FaultKind = '500' | '502' | '503' | 'reset' | 'html' | 'empty-body' | 'malformed-expiry'

const catalog = buildCatalog('fpt')

/** The probe the catalog uses for a permission at a level (a test precondition: it must have one). */
function probeOf(name: string, level: Level) {
  const probe = catalog.entry(name, level)?.probe
  if (!probe) throw new Error(`the catalog has no probe for ${name}:${level}`)
  return probe
}

/** A simulator fault `match` for a probe on acme/infra or the acme organization; random segments match anything. */
function faultMatch(name: string, level: Level): string {
  const probe = probeOf(name, level)
  const known: Record<string, string> = { org: 'acme', owner: 'acme', repo: 'infra' }
  const pattern = probe.template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part)?.[1]
      if (param === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      return known[param] ?? '[^/]+'
    })
    .join('')
  return `${probe.method} ^${pattern}$`
}

/** The requests a run made with a probe (matched on the simulator's routing, so random segments are included). */
function requestsFor(run: AuditRun, name: string, level: Level) {
  const probe = probeOf(name, level)
  return run.sim.requests.filter((r) => r.method === probe.method && r.template === probe.template)
}

function withFaults(scenario: Scenario, ...faults: Array<{ match: string; kind: FaultKind; times: number }>): Scenario {
  const token = scenario.tokens[0]
  if (token) token.faults = faults
  return scenario
}

function permission(run: AuditRun, key: string) {
  return (run.report.permissions ?? []).find((p) => `${p.name}:${p.level}` === key)
}

function finding(run: AuditRun, code: string) {
  return (run.report.findings ?? []).find((f) => f.code === code)
}

/**
 * The analytics token holds members and Copilot seats read and lacks organization secrets; without faults these are
 * granted, granted and missing. The members probe is the one faults hit unless a test says otherwise.
 */
const REQUIRED = 'members: read\norganization_copilot_seat_management: read\norganization_secrets: read'
const BASELINE = {
  'members:read': 'granted',
  'organization_copilot_seat_management:read': 'granted',
  'organization_secrets:read': 'missing'
}
const ATTEMPTS_WHEN_PERSISTENT = 1 + RETRIES

describe('a transient fault on one probe is retried, and every permission is still decided correctly', () => {
  it('the fault-free baseline: granted, granted, missing, one request per probe', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': REQUIRED })
    expect(permissionStatus(run)).toEqual(BASELINE)
    for (const key of Object.keys(BASELINE)) {
      const [name, level] = key.split(':') as [string, Level]
      expect([key, requestsFor(run, name, level).length]).toEqual([key, 1])
    }
  })

  it.each(['502', '503', 'reset'] as const)('a %s on the members probe (once): retried once, then granted', async (kind) => {
    const run = await auditWith(withFaults(S.analytics(), { match: faultMatch('members', 'read'), kind, times: 1 }), { 'required-permissions': REQUIRED })
    expect(permissionStatus(run)).toEqual(BASELINE)
    expect(permission(run, 'members:read')).toMatchObject({ status: 'granted', code: 'answered' })
    // The faulted request and its one retry; every other probe was sent once, and the 403 was not retried.
    expect(requestsFor(run, 'members', 'read').map((r) => [r.status, r.fault ?? null])).toEqual([
      [kind === 'reset' ? 0 : Number(kind), kind],
      [200, null]
    ])
    expect(requestsFor(run, 'organization_copilot_seat_management', 'read')).toHaveLength(1)
    expect(requestsFor(run, 'organization_secrets', 'read').map((r) => r.status)).toEqual([403])
    expect(run.outputs['missing-permissions']).toBe('organization_secrets:read')
    expect(findingCodes(run)).not.toContain('permission-inconclusive')
    expect(run.code).toBe(1) // the missing permission, as without the fault
  })

  it('a 503 on a write probe is never re-sent (a 5xx may arrive after GitHub acted): that write is inconclusive', async () => {
    const run = await auditWith(withFaults(S.bot(), { match: faultMatch('contents', 'write'), kind: '503', times: 1 }), {
      'required-permissions': 'contents: write, pull_requests: write, metadata: read'
    })
    expect(run.outputs['granted-permissions']).toBe('metadata:read,pull_requests:write')
    expect(run.outputs['inconclusive-permissions']).toBe('contents:write')
    const attempts = requestsFor(run, 'contents', 'write')
    expect(attempts.map((r) => r.status)).toEqual([503])
    expect(isRandomValue(attempts[0]?.path.split('/').pop() ?? '')).toBe(true)
    expect(JSON.parse(run.outputs.report).permissions.find((p: { name: string }) => p.name === 'contents').reason).toMatch(/never sent twice/)
  })

  it('a reset on GET /user (once) is retried: the owner and the expiry are still read', async () => {
    const run = await auditWith(withFaults(S.analytics(), { match: 'GET ^/user$', kind: 'reset', times: 1 }), { 'required-permissions': 'members: read' })
    expect(run.sim.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual([0, 200])
    expect(run.outputs).toMatchObject({ result: 'pass', 'token-owner': 'octocat', 'lifetime-compliant': 'true', 'granted-permissions': 'members:read' })
    expect(Number(run.outputs['days-remaining'])).toBeGreaterThanOrEqual(298)
    expect(run.code).toBe(0)
  })
})

describe('a persistent server error on one probe', () => {
  it('500 (JSON), 502 (HTML page) or 503 every time: only that permission is inconclusive (server-error); a warning, exit 0', async () => {
    // The three kinds run side by side (each against its own simulator): each waits through both retries.
    const kinds = ['500', '502', '503'] as const
    const runs = await Promise.all(
      kinds.map((kind) =>
        auditWith(withFaults(S.analytics(), { match: faultMatch('members', 'read'), kind, times: 10 }), {
          'required-permissions': 'members: read\norganization_copilot_seat_management: read'
        })
      )
    )
    runs.forEach((run, i) => {
      const kind = kinds[i]
      expect([kind, permission(run, 'members:read')]).toEqual([kind, expect.objectContaining({ status: 'inconclusive', code: 'server-error' })])
      expect(String(permission(run, 'members:read')?.reason)).toContain(`GitHub answered ${kind}`)
      // The other probe keeps its verdict.
      expect([kind, permissionStatus(run)['organization_copilot_seat_management:read']]).toEqual([kind, 'granted'])
      expect([kind, requestsFor(run, 'members', 'read').map((r) => r.status)]).toEqual([kind, Array(ATTEMPTS_WHEN_PERSISTENT).fill(Number(kind))])
      expect([kind, requestsFor(run, 'organization_copilot_seat_management', 'read')]).toEqual([kind, [expect.objectContaining({ status: 200 })]])
      expect(run.outputs).toMatchObject({
        result: 'warn',
        'missing-permissions': '',
        'granted-permissions': 'organization_copilot_seat_management:read',
        'inconclusive-permissions': 'members:read',
        'lifetime-compliant': 'true'
      })
      expect(finding(run, 'permission-inconclusive')).toMatchObject({ severity: 'warning', permission: 'members: read' })
      expect(run.code).toBe(0)
    })
  })
})

describe('an answer that is not the JSON expected', () => {
  const BAD_BODIES: Array<['html' | 'empty-body', RegExp]> = [
    ['html', /text\/html page/],
    ['empty-body', /body was empty/]
  ]

  it.each(BAD_BODIES)('a 200 %s on the probe of a permission the token lacks: inconclusive with the reason, never granted, not retried', async (kind, why) => {
    const run = await auditWith(withFaults(S.analytics(), { match: faultMatch('organization_secrets', 'read'), kind, times: 1 }), { 'required-permissions': REQUIRED })
    expect(permission(run, 'organization_secrets:read')).toMatchObject({ status: 'inconclusive', code: 'bad-response' })
    expect(String(permission(run, 'organization_secrets:read')?.reason)).toMatch(why)
    expect(permissionStatus(run)).toEqual({ ...BASELINE, 'organization_secrets:read': 'inconclusive' })
    expect(requestsFor(run, 'organization_secrets', 'read')).toEqual([expect.objectContaining({ status: 200, fault: kind })])
    expect(run.outputs.result).toBe('warn')
    expect(run.code).toBe(0)
    expect(run.summary).toMatch(why)
  })

  it.each(BAD_BODIES)('a 200 %s on GET /user: the token details stay unknown, the probes keep their own evidence, nothing more is sent', async (kind, why) => {
    const run = await auditWith(withFaults(S.analytics(), { match: 'GET ^/user$', kind, times: 1 }), { 'required-permissions': REQUIRED })
    // The first wave went out with GET /user; each of its answers is evidence of its own.
    expect(permissionStatus(run)).toEqual(BASELINE)
    expect(run.outputs).toMatchObject({ 'token-owner': '', 'expires-at': '', 'days-remaining': '', 'lifetime-compliant': 'unknown' })
    // The API answered, with something else than GitHub's JSON: not "unreachable".
    expect(finding(run, 'api-unreachable')).toBeUndefined()
    expect(String(finding(run, 'api-unexpected')?.message)).toMatch(why)
    expect(run.sim.requests.filter((r) => r.path === '/user')).toHaveLength(1)
  })
})

describe('a malformed github-authentication-token-expiration header', () => {
  it('on GET /user: the expiry is unknown (not "never"), with an expiry-unreadable warning; permissions are still decided', async () => {
    const run = await auditWith(withFaults(S.analytics(), { match: 'GET ^/user$', kind: 'malformed-expiry', times: 1 }), { 'required-permissions': REQUIRED })
    expect(run.outputs).toMatchObject({ 'expires-at': '', 'days-remaining': '', 'lifetime-compliant': 'unknown', 'token-owner': 'octocat' })
    expect(run.report).toMatchObject({ token: { expiresAt: null, daysRemaining: null } })
    expect(finding(run, 'expiry-unreadable')).toMatchObject({ severity: 'warning' })
    expect(String(finding(run, 'expiry-unreadable')?.message)).toContain('not-a-date')
    expect(findingCodes(run)).not.toContain('lifetime-noncompliant')
    expect(permissionStatus(run)).toEqual(BASELINE)
  })
})

describe('GitHub out of reach', () => {
  const required = { 'required-permissions': 'members: read, organization_copilot_seat_management: read' }
  /** Runs against an API URL other than the simulator's (auditWith's simulator then sees nothing). */
  const against = (apiUrl: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    auditWith(S.analytics(), { ...required, 'api-url': apiUrl, ...inputs }, { env: { GITHUB_API_URL: apiUrl, ...env } })

  function expectUnreachable(run: AuditRun, cause: RegExp) {
    expect(run.outputs).toMatchObject({
      result: 'fail',
      'token-type': 'fine-grained',
      'token-owner': '',
      'expires-at': '',
      'days-remaining': '',
      'lifetime-compliant': 'unknown',
      'missing-permissions': '',
      'granted-permissions': '',
      'inconclusive-permissions': 'members:read,organization_copilot_seat_management:read'
    })
    expect(finding(run, 'api-unreachable')).toMatchObject({ severity: 'error', title: 'The token could not be checked' })
    expect((run.report.findings ?? []).filter((f) => f.title === 'The token could not be checked')).toHaveLength(1)
    const message = String(finding(run, 'api-unreachable')?.message)
    expect(message).toMatch(/GitHub could not be reached/)
    expect(message).toMatch(cause)
    expect(message).toContain(`retried ${RETRIES} times`)
    expect((run.report.permissions ?? []).map((p) => p.code)).toEqual(['network', 'network'])
    expect(run.outputs['regenerate-url']).toMatch(/^https:\/\/github\.com\/settings\/personal-access-tokens\/new\?/)
    expect(run.summary).toMatch(/could not be reached/)
    expect(run.sim.requests).toEqual([])
  }

  it('an API host that does not resolve: the audit verified nothing and fails, exit 1 by default and 0 with fail-on: never', async () => {
    const [byDefault, never] = await Promise.all([
      against('http://nonexistent.invalid'),
      against('http://nonexistent.invalid', { 'fail-on': 'never' })
    ])
    expectUnreachable(byDefault, /could not be resolved.*nonexistent\.invalid/)
    expectUnreachable(never, /could not be resolved.*nonexistent\.invalid/)
    expect(byDefault.code).toBe(1)
    expect(never.code).toBe(0)
  })

  it('a refused connection (a closed port, and port 9, which fetch will not even try): fails, exit 1 by default and 0 with fail-on: never', async () => {
    const port = await closedPort()
    const [refused, refusedStrict, nine, nineStrict] = await Promise.all([
      against(`http://127.0.0.1:${port}`),
      against(`http://127.0.0.1:${port}`, { 'fail-on': 'never' }),
      against('http://127.0.0.1:9'),
      against('http://127.0.0.1:9', { 'fail-on': 'never' })
    ])
    for (const run of [refused, refusedStrict]) expectUnreachable(run, new RegExp(`connection was refused.*127\\.0\\.0\\.1:${port}`))
    for (const run of [nine, nineStrict]) expectUnreachable(run, /port/i)
    expect([refused.code, nine.code]).toEqual([1, 1])
    expect([refusedStrict.code, nineStrict.code]).toEqual([0, 0])
  })
})

describe('a proxy that refuses', () => {
  const required = { 'required-permissions': 'members: read' }

  it('is bypassed for the loopback simulator (@actions/http-client never proxies 127.0.0.1): the audit runs normally', async () => {
    const port = await closedPort()
    const proxy = `http://127.0.0.1:${port}`
    const run = await auditWith(S.analytics(), required, { env: { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, https_proxy: proxy, http_proxy: proxy, NO_PROXY: '', no_proxy: '' } })
    expect(run.outputs).toMatchObject({ result: 'pass', 'granted-permissions': 'members:read' })
    expect(run.sim.requests.map((r) => r.path)).toEqual(['/user', '/orgs/acme/teams'])
  })

  it('is used for another host (HTTP_PROXY for http://, HTTPS_PROXY for https://): a network finding that names the proxy, no crash', async () => {
    const port = await closedPort()
    const proxy = `http://127.0.0.1:${port}`
    const env = (vars: Record<string, string>) => ({ NO_PROXY: '', no_proxy: '', ...vars })
    // Hosts under .invalid never resolve: a request that went around the proxy would fail on DNS instead.
    const [overHttp, overHttps, httpsProxyForHttp] = await Promise.all([
      auditWith(S.analytics(), { ...required, 'api-url': 'http://api.pat-audit.invalid' }, { env: env({ GITHUB_API_URL: 'http://api.pat-audit.invalid', HTTP_PROXY: proxy }) }),
      auditWith(S.analytics(), { ...required, 'api-url': 'https://api.pat-audit.invalid' }, { env: env({ GITHUB_API_URL: 'https://api.pat-audit.invalid', HTTPS_PROXY: proxy }) }),
      auditWith(S.analytics(), { ...required, 'api-url': 'http://api.pat-audit.invalid' }, { env: env({ GITHUB_API_URL: 'http://api.pat-audit.invalid', HTTPS_PROXY: proxy }) })
    ])
    for (const run of [overHttp, overHttps]) {
      const message = String(finding(run, 'api-unreachable')?.message)
      expect(message).toMatch(/GitHub could not be reached/)
      expect(message).toMatch(new RegExp(`proxy 127\\.0\\.0\\.1:${port} \\(from HTTPS?_PROXY\\) refused the connection`))
      expect(run.outputs).toMatchObject({ result: 'fail', 'inconclusive-permissions': 'members:read', 'lifetime-compliant': 'unknown' })
      expect(run.code).toBe(1)
    }
    // HTTPS_PROXY does not apply to an http:// API URL: the request goes direct, and the .invalid host does not resolve.
    expect(String(finding(httpsProxyForHttp, 'api-unreachable')?.message)).toMatch(/API host could not be resolved.*api\.pat-audit\.invalid/)
  })

  it('is chosen for the api-url input even when GITHUB_API_URL names another host', async () => {
    const port = await closedPort()
    const proxy = `http://127.0.0.1:${port}`
    const run = await auditWith(S.analytics(), { ...required, 'api-url': 'http://ghes.pat-audit.invalid/api/v3' }, { env: { GITHUB_API_URL: 'https://api.github.com', HTTP_PROXY: proxy, NO_PROXY: '', no_proxy: '' } })
    expect(String(finding(run, 'api-unreachable')?.message)).toMatch(new RegExp(`proxy 127\\.0\\.0\\.1:${port} \\(from HTTP_PROXY\\) refused the connection`))
  })

  it('whose own host does not resolve: the finding blames the proxy host, not the API host', async () => {
    const run = await auditWith(S.analytics(), { ...required, 'api-url': 'https://api.pat-audit.invalid' }, {
      env: { GITHUB_API_URL: 'https://api.pat-audit.invalid', HTTPS_PROXY: 'http://proxy.pat-audit.invalid:3128', NO_PROXY: '', no_proxy: '' }
    })
    const message = String(finding(run, 'api-unreachable')?.message)
    expect(message).toMatch(/proxy host proxy\.pat-audit\.invalid \(from HTTPS_PROXY\) could not be resolved/)
    expect(message).not.toMatch(/API host/)
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
  })
})

describe('which proxy a network finding names (chosen for the api-url input)', () => {
  it('is chosen for api-url, not for GITHUB_API_URL', () => {
    expect(proxyInUse({ GITHUB_API_URL: 'https://api.github.com', HTTP_PROXY: 'http://proxy.corp:3128' }, 'http://ghes.corp/api/v3')).toEqual({ variable: 'HTTP_PROXY', hostname: 'proxy.corp', host: 'proxy.corp:3128' })
  })

  it.each([
    ['HTTPS_PROXY for the default https API', { HTTPS_PROXY: 'http://user:secret@proxy.corp:3128' }, { variable: 'HTTPS_PROXY', hostname: 'proxy.corp', host: 'proxy.corp:3128' }],
    ['https_proxy before HTTPS_PROXY, without a scheme', { https_proxy: '10.0.0.1:8080', HTTPS_PROXY: 'http://proxy.upper:3128' }, { variable: 'https_proxy', hostname: '10.0.0.1', host: '10.0.0.1:8080' }],
    // `proxy.corp:3128` parses as a URL with the scheme `proxy.corp:` and no host; @actions/http-client then uses no proxy.
    ['none: a host name without a scheme', { HTTPS_PROXY: 'proxy.corp:3128' }, undefined],
    ['the default port of the proxy scheme', { GITHUB_API_URL: 'http://ghes.corp/api/v3', HTTP_PROXY: 'http://proxy.corp' }, { variable: 'HTTP_PROXY', hostname: 'proxy.corp', host: 'proxy.corp:80' }],
    ['none: HTTP_PROXY for an https API', { HTTP_PROXY: 'http://proxy.corp:3128' }, undefined],
    ['none: a loopback API', { GITHUB_API_URL: 'http://127.0.0.1:8080', HTTP_PROXY: 'http://proxy.corp:3128' }, undefined],
    ['none: the API host in NO_PROXY', { GITHUB_API_URL: 'https://ghes.corp/api/v3', HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'example.com, .corp' }, undefined],
    ['none: NO_PROXY=*', { HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '*' }, undefined]
  ] as Array<[string, Record<string, string>, object | undefined]>)('%s', (_, env, expected) => {
    expect(proxyInUse(env, env.GITHUB_API_URL ?? 'https://api.github.com')).toEqual(expected)
  })

  it('never carries the credentials of a proxy URL', () => {
    expect(JSON.stringify(proxyInUse({ HTTPS_PROXY: 'http://user:s3cret-pa55@proxy.corp:3128' }, 'https://api.github.com'))).not.toMatch(/user|s3cret/)
  })
})

describe('a server error on GET /user itself', () => {
  // KNOWN BUG (src/audit/audit.ts, see the report): a 5xx answer carries no expiration header, and the audit reads
  // the missing header as "never expires" -> expires-at 'never', lifetime-noncompliant, result fail. Remove
  // `.failing` once audit.ts treats a 5xx identity answer as "expiry unknown".
  it('500 every time: the expiry is unknown, not "never"; no lifetime verdict; the permissions are still probed, and the audit fails', async () => {
    const run = await auditWith(withFaults(S.analytics(), { match: 'GET ^/user$', kind: '500', times: 10 }), {
      'required-permissions': 'members: read\norganization_copilot_seat_management: read'
    })
    expect(run.sim.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual(Array(ATTEMPTS_WHEN_PERSISTENT).fill(500))
    expect(permissionStatus(run)).toEqual({ 'members:read': 'granted', 'organization_copilot_seat_management:read': 'granted' })
    expect(run.outputs).toMatchObject({ 'expires-at': '', 'days-remaining': '', 'lifetime-compliant': 'unknown' })
    expect(findingCodes(run)).not.toContain('lifetime-noncompliant')
    // GET /user never answered: the audit verified nothing about who the token is, so it fails (issue 11).
    expect(finding(run, 'not-checked')).toMatchObject({ severity: 'error', title: 'The token could not be checked' })
    expect(String(finding(run, 'not-checked')?.message)).toMatch(/500/)
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
  })
})
