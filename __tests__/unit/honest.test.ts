/** Issue 11: verdicts that hold against GitHub's real answers. */
import { describe, expect, it } from '@jest/globals'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { audit } from '../../src/audit/audit.js'
import type { Settings } from '../../src/inputs/settings.js'
import { settingsFor } from '../helpers/settings.js'
import type { HttpRequest, Transport } from '../../src/audit/transport.js'
import type { HttpEvidence, RequiredPermission } from '../../src/types.js'

const catalog = buildCatalog('fpt')
const NOW = Date.parse('2026-11-22T00:00:00Z')
const context = { catalog, edition: 'fpt' as const, serverUrl: 'https://github.com' }

function settings(required: RequiredPermission[], extra: Partial<Settings> = {}): Settings {
  return settingsFor(required, { repository: { owner: 'acme', repo: 'site' }, ...extra })
}

type Answer = Partial<HttpEvidence> & { status: number }
function transport(respond: (req: HttpRequest) => Answer): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  return {
    sent,
    async send(request) {
      sent.push(request)
      return { method: request.method, path: request.path, headers: {}, message: '', durationMs: 1, ...respond(request) }
    }
  }
}
const deps = (t: Transport) => ({ transport: t, now: () => NOW, randomHex: () => 'a1b2c3d4e5f60718293a4b5c6d7e8f90', sleep: async () => {} })
const identity: Answer = {
  status: 200,
  headers: { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW / 1000 + 3600), 'github-authentication-token-expiration': '2027-01-01 00:00:00 UTC' },
  body: { login: 'octocat' },
  message: 'OK'
}
const NOT_ACCESSIBLE: Answer = { status: 403, message: 'Resource not accessible by personal access token' }
const READS: RequiredPermission[] = [
  { name: 'contents', level: 'read' },
  { name: 'issues', level: 'read' },
  { name: 'pull_requests', level: 'read' },
  { name: 'actions', level: 'read' }
]

/** GitHub on a public repository, for a token with no permissions at all: public reads answer, everything else is refused. */
function publicRepositoryNoPermissions(req: HttpRequest): Answer {
  if (req.path === '/user') return identity
  if (req.path === '/repos/acme/site') return { status: 200, message: 'OK', body: { private: false, visibility: 'public' } }
  if (req.method === 'GET' && /^\/repos\/acme\/site\/(commits|issues|pulls|actions\/runs)$/.test(req.path)) return { status: 200, message: 'OK', body: [] }
  return NOT_ACCESSIBLE
}

describe('a token with no permissions, audited on a public repository', () => {
  it('never passes and shows no permission granted from public data; it says why and what would prove it', async () => {
    const report = await audit(settings(READS), context, deps(transport(publicRepositoryNoPermissions)))
    expect(report.result).not.toBe('pass')
    expect(report.permissions.filter((p) => p.status === 'granted')).toEqual([])
    for (const p of report.permissions) {
      expect(p.code).toBe('public-data')
      expect(p.reason).toMatch(/Public repository: GitHub answers any token here/)
      expect(p.reason).toMatch(/private repository in the token's selection/)
    }
  })
  it('report-excess calls nothing excess from public data', async () => {
    const report = await audit(settings([{ name: 'metadata', level: 'read' }], { reportExcess: true }), context, deps(transport(publicRepositoryNoPermissions)))
    expect(report.excess?.permissions).toEqual([])
    expect(report.result).not.toBe('pass')
  })
  it('a 403 still proves a permission missing there', async () => {
    const report = await audit(settings([{ name: 'secrets', level: 'read' }]), context, deps(transport(publicRepositoryNoPermissions)))
    expect(report.permissions[0]).toMatchObject({ status: 'missing', code: 'not-accessible' })
    expect(report.result).toBe('fail')
  })
  it('private data (Actions secrets) still proves a permission held on a public repository', async () => {
    const t = transport((req) => (req.path === '/repos/acme/site/actions/secrets' ? { status: 200, message: 'OK', body: { total_count: 0, secrets: [] } } : publicRepositoryNoPermissions(req)))
    const report = await audit(settings([{ name: 'secrets', level: 'read' }]), context, deps(t))
    expect(report.permissions[0]).toMatchObject({ status: 'granted' })
  })
})

describe('an audit that verified nothing fails', () => {
  const unreachable = transport(() => ({ status: 0, message: 'connect ECONNREFUSED 127.0.0.1:1', failure: 'network' }))
  it('GitHub unreachable: fail, one finding saying the token could not be checked and why', async () => {
    const report = await audit(settings(READS), context, deps(unreachable))
    expect(report.result).toBe('fail')
    const f = report.findings.filter((x) => x.title === 'The token could not be checked')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ severity: 'error', code: 'api-unreachable' })
    expect(f[0].message).toMatch(/ECONNREFUSED/)
  })
  it('/user answering 5xx: fail, and the expiry stays unknown (no lifetime failure)', async () => {
    const report = await audit(settings(READS), context, deps(transport((req) => (req.path === '/user' ? { status: 502, message: 'Bad Gateway' } : NOT_ACCESSIBLE))))
    expect(report.result).toBe('fail')
    expect(report.findings.find((f) => f.code === 'not-checked')).toBeDefined()
    expect(report.token.expiresAt).toBeNull()
    expect(report.findings.find((f) => f.code === 'lifetime-noncompliant')).toBeUndefined()
  })
  it('every probe unanswered for a server reason: fail', async () => {
    const report = await audit(settings(READS), context, deps(transport((req) => (req.path === '/user' ? identity : { status: 503, message: 'Service Unavailable' }))))
    expect(report.result).toBe('fail')
    expect(report.findings.find((f) => f.code === 'not-checked')?.message).toMatch(/No probe was answered usefully/)
  })
})

describe('an answer without token headers leaves the expiry unknown', () => {
  it('a rate-limited /user does not make the token "never expires"', async () => {
    const limited: Answer = { status: 403, message: 'API rate limit exceeded for user ID 1.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3000) } }
    const report = await audit(settings(READS), context, deps(transport((req) => (req.path === '/user' ? limited : limited))))
    expect(report.token.expiresAt).toBeNull()
    expect(report.token.lifetime.compliant).toBe('unknown')
    expect(report.findings.find((f) => f.code === 'lifetime-noncompliant')).toBeUndefined()
    expect(report.result).not.toBe('pass')
  })
})

describe('conditions are their own findings, never missing or granted', () => {
  const withAnswer = (path: RegExp, answer: Answer) =>
    transport((req) => {
      if (req.path === '/user') return identity
      if (req.path === '/repos/acme/site') return { status: 200, message: 'OK', body: { private: true } }
      return path.test(req.path) ? answer : { status: 200, message: 'OK', body: [] }
    })
  const cases: Array<[string, string, 'read' | 'write', Answer, string, string]> = [
    ['archived', 'issues', 'write', { status: 403, message: 'Repository was archived so is read-only.' }, 'repository-archived', 'error'],
    ['issues disabled', 'issues', 'read', { status: 410, message: 'Issues are disabled for this repo' }, 'feature-disabled', 'warning'],
    ['empty repository', 'contents', 'read', { status: 409, message: 'Git Repository is empty.' }, 'repository-empty', 'warning'],
    ['role refusal', 'administration', 'read', { status: 403, message: 'Must have admin rights to Repository.' }, 'role-refused', 'warning'],
    ['blocked', 'contents', 'read', { status: 451, message: 'Repository access blocked' }, 'repository-blocked', 'error'],
    ['IP allow list', 'contents', 'read', { status: 403, message: 'Although you appear to have the correct authorization credentials, the `acme` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.' }, 'ip-allow-list', 'error']
  ]
  it.each(cases)('%s', async (_name, permission, level, answer, code, severity) => {
    const report = await audit(settings([{ name: permission, level }]), context, deps(withAnswer(/^\/repos\/acme\/site\/./, answer)))
    expect(report.permissions[0].status).toBe('inconclusive')
    expect(report.findings.filter((f) => f.code === code)).toEqual([expect.objectContaining({ severity, fix: expect.any(String) })])
  })
})

describe('pending approval is named where the evidence fits it', () => {
  it('public reads answered while the organization\'s private data is refused: the finding says who approves and where', async () => {
    const report = await audit(settings([{ name: 'contents', level: 'read' }, { name: 'secrets', level: 'read' }]), context, deps(transport(publicRepositoryNoPermissions)))
    const pending = report.findings.find((f) => f.code === 'pending-approval-possible')
    expect(pending).toMatchObject({ severity: 'warning', title: "The token may be waiting for acme's approval" })
    expect(pending?.fix).toContain('https://github.com/organizations/acme/settings/personal-access-token-requests')
    expect(report.permissions.find((p) => p.name === 'secrets')?.fix).toContain('Pending requests (https://github.com/organizations/acme/settings/personal-access-token-requests)')
  })
  it('not for a classic token, which cannot be pending', async () => {
    const classic = 'ghp_' + 'A'.repeat(36)
    const report = await audit(settings([{ name: 'contents', level: 'read' }, { name: 'secrets', level: 'read' }], { token: classic }), context, deps(transport(publicRepositoryNoPermissions)))
    expect(report.findings.find((f) => f.code === 'pending-approval-possible')).toBeUndefined()
  })
})
