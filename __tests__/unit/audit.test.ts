import { describe, expect, it } from '@jest/globals'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { audit } from '../../src/audit/audit.js'
import { answerOpensGate } from '../../src/verdicts/identity.js'
import { FIRST_WAVE } from '../../src/facts/limits.js'
import { lifetimeCompliance } from '../../src/verdicts/token.js'
import type { Settings } from '../../src/inputs/settings.js'
import { settingsFor } from '../helpers/settings.js'
import type { HttpRequest, Transport } from '../../src/audit/transport.js'
import type { HttpEvidence, RequiredPermission } from '../../src/types.js'
import type { Report } from '../../src/report/report.js'

const catalog = buildCatalog('fpt')
const NOW = Date.parse('2026-11-22T00:00:00Z')
const DAY = 86_400_000

const settings = settingsFor

type Responder = (req: HttpRequest) => Partial<HttpEvidence> & { status: number }

/** A transport answering from a function, recording what was sent. */
function fakeTransport(respond: Responder): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  return {
    sent,
    async send(request) {
      sent.push(request)
      const r = respond(request)
      // The audited repository is private unless a test's answer says otherwise (on a public one nothing read proves much).
      const repository = request.method === 'GET' && request.path === '/repos/acme/infra' && r.status === 200 && r.body === undefined ? { body: { private: true, visibility: 'private' } } : {}
      return { method: request.method, path: request.path, headers: {}, message: '', durationMs: 1, ...repository, ...r }
    }
  }
}

const identity = (headers: Record<string, string> = {}) => ({
  status: 200,
  headers: { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW / 1000 + 3600), 'github-authentication-token-expiration': '2027-06-01 00:00:00 UTC', ...headers },
  body: { login: 'octocat' },
  message: 'OK'
})

function deps(transport: Transport, now = () => NOW) {
  const slept: number[] = []
  return { transport, now, randomHex: () => 'a1b2c3d4e5f60718293a4b5c6d7e8f90', sleep: async (ms: number) => void slept.push(ms), slept }
}

const context = { catalog, edition: 'fpt' as const, serverUrl: 'https://github.com' }

describe('audit: the bot token (contents and pull requests write)', () => {
  it('passes when GitHub lets every probe through, sending each distinct probe once plus GET /user', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : req.method === 'GET' ? { status: 200, message: 'OK' } : { status: 404, message: 'Not Found' }))
    const report = await audit(settings([{ name: 'contents', level: 'write' }, { name: 'pull_requests', level: 'write' }, { name: 'metadata', level: 'read' }]), context, deps(t))
    expect(report.result).toBe('pass')
    expect(report.permissions.map((p) => [p.name, p.status])).toEqual([['contents', 'granted'], ['pull_requests', 'granted'], ['metadata', 'granted']])
    expect(t.sent).toHaveLength(4)
    expect(new Set(t.sent.map((r) => `${r.method} ${r.path}`)).size).toBe(4)
    expect(report.token).toMatchObject({ owner: 'octocat', expiresAt: '2027-06-01T00:00:00.000Z', daysRemaining: 191 })
    expect(report.token.lifetime.compliant).toBe('true')
  })

  it('fails with the missing permission and its evidence when GitHub refuses the write probe', async () => {
    const t = fakeTransport((req) => {
      if (req.path === '/user') return identity()
      if (req.method === 'GET') return { status: 200, message: 'OK' }
      return { status: 403, message: 'Resource not accessible by personal access token', headers: { 'x-accepted-github-permissions': 'pull_requests=write' } }
    })
    const report = await audit(settings([{ name: 'pull_requests', level: 'write' }]), context, deps(t))
    expect(report.result).toBe('fail')
    const pr = report.permissions[0]
    expect(pr).toMatchObject({ status: 'missing', code: 'not-accessible' })
    expect(pr.evidence[0]).toMatchObject({ status: 403, acceptedPermissions: 'pull_requests=write' })
    expect(report.findings[0]).toMatchObject({ severity: 'error', code: 'permission-missing' })
  })
})

describe('audit: the rehearsal while the first wave is in flight (conclude.ts rehearse)', () => {
  it('concludes once on invented answers, sends nothing for it and leaves the real report to the real answers', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : req.method === 'GET' ? { status: 200, message: 'OK' } : { status: 404, message: 'Not Found' }))
    const rehearsals: Report[] = []
    const required: RequiredPermission[] = [{ name: 'contents', level: 'write' }, { name: 'pull_requests', level: 'write' }, { name: 'issues', level: 'read' }, { name: 'members', level: 'read' }]
    const admin = fakeTransport(() => ({ status: 200, body: [] }))
    const repositories = [{ owner: 'acme', repo: 'infra' }, { owner: 'acme', repo: 'one' }, { owner: 'acme', repo: 'two' }, { owner: 'acme', repo: 'three' }]
    const report = await audit(settings(required, { organization: 'acme', repositories, orgAdminToken: 'github_pat_' + 'b'.repeat(82) }), context, {
      ...deps(t),
      adminTransport: admin,
      rehearsed: (r: Report) => void rehearsals.push(r)
    })
    expect(rehearsals).toHaveLength(1)
    const [rehearsal] = rehearsals
    // Repository coverage is rehearsed too (three names, decided from an invented listing), the organization's record never.
    expect(rehearsal.coverage).toMatchObject({ checked: 3, unreachable: ['acme/one'] })
    expect(admin.sent.every((r) => !JSON.stringify(r).includes('rehearsal'))).toBe(true)
    expect(admin.sent.length).toBeGreaterThan(0)
    // Its answers are invented (some refused), its session sends nothing and has no time left.
    expect(rehearsal.stats.requests).toBe(0)
    expect(rehearsal.permissions.some((p) => p.status !== 'granted')).toBe(true)
    expect(rehearsal.token.owner).toBe('rehearsal')
    // The real audit: what the transport was sent, decided by what it answered.
    expect(report.stats.requests).toBe(t.sent.length + admin.sent.length)
    expect(t.sent.every((r) => !JSON.stringify(r).includes('rehearsal'))).toBe(true)
    expect(report.permissions.map((p) => p.status)).toEqual(['granted', 'granted', 'granted', 'granted'])
    expect(report.token.owner).toBe('octocat')
    expect(JSON.stringify(report)).not.toContain('rehearsal')
  })

  it('never holds up the audit when the rehearsal fails', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : { status: 200, message: 'OK' }))
    const report = await audit(settings([{ name: 'contents', level: 'read' }]), context, {
      ...deps(t),
      rehearsed: () => {
        throw new Error('boom')
      }
    })
    expect(report.result).toBe('pass')
  })
})

describe("audit: the transport's preparation while the first wave is in flight", () => {
  const prepared = async (repositories: Settings['repositories']) => {
    const calls: number[] = []
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : { status: 200, body: [] }))
    const sentBefore: number[] = []
    const transport: Transport = { send: (request, signal) => t.send(request, signal), prepare: (connections) => void (calls.push(connections), sentBefore.push(t.sent.length)) }
    await audit(settings([{ name: 'contents', level: 'read' }], { repositories }), context, deps(transport))
    return { calls, sentBefore }
  }
  const names = (n: number) => Array.from({ length: n }, (_, i) => ({ owner: 'acme', repo: `r${i}` }))

  it('asks once, after the first wave left, for connections for what repository coverage sends at once (at most ten)', async () => {
    const big = await prepared(names(1000))
    expect(big.calls).toEqual([10])
    // GET /user, the coverage's first page and the probes had all been handed to the transport.
    expect(big.sentBefore[0]).toBeGreaterThanOrEqual(3)
    expect((await prepared(names(3))).calls).toEqual([4])
  })

  it('asks for no connection without repositories to list (owner/* is decided by the organization record)', async () => {
    expect((await prepared([])).calls).toEqual([0])
    expect((await prepared([{ owner: 'acme', repo: '*' }])).calls).toEqual([0])
  })
})

describe('audit: expiry and lifetime', () => {
  const run = (headers: Record<string, string>, extra: Partial<Settings> = {}) =>
    audit(settings([], extra), context, deps(fakeTransport((req) => (req.path === '/user' ? { ...identity(headers), headers: { ...identity().headers, ...headers } } : { status: 200 }))))

  it('fails a token with 5 days left and warns one with 20', async () => {
    expect((await run({ 'github-authentication-token-expiration': '2026-11-27 12:00:00 UTC' })).findings.find((f) => f.code === 'token-expiring')?.severity).toBe('error')
    expect((await run({ 'github-authentication-token-expiration': '2026-12-12 12:00:00 +0200' })).findings.find((f) => f.code === 'token-expiring')?.severity).toBe('warning')
  })

  it('calls a token without an expiry header never-expiring and non-compliant', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? { status: 200, body: { login: 'octocat' }, headers: { 'x-ratelimit-remaining': '100', 'x-ratelimit-reset': '0' } } : { status: 200 }))
    const report = await audit(settings([]), context, deps(t))
    expect(report.token.expiresAt).toBe('never')
    expect(report.token.daysRemaining).toBeNull()
    expect(report.token.lifetime.compliant).toBe('false')
    expect(report.result).toBe('fail')
  })

  it('warns that a malformed expiry header leaves the expiry unknown', async () => {
    const report = await run({ 'github-authentication-token-expiration': 'not-a-date' })
    expect(report.token.expiresAt).toBeNull()
    expect(report.token.lifetime.compliant).toBe('unknown')
    expect(report.findings.map((f) => f.code)).toContain('expiry-unreadable')
  })

  it('turns the lifetime check off with max-lifetime-days 0', async () => {
    expect((await run({}, { maxLifetimeDays: 0 })).token.lifetime.compliant).toBe('unknown')
  })
})

describe('lifetimeCompliance', () => {
  it.each([
    ['never expires', 'never' as const, 366, undefined, 'false'],
    ['expires in 400 days', new Date(NOW + 400 * DAY), 366, undefined, 'false'],
    ['expires in 300 days', new Date(NOW + 300 * DAY), 366, undefined, 'true'],
    ['blocked by a 90-day policy', new Date(NOW + 30 * DAY), 366, { maxDays: 90 }, 'false'],
    ['unknown expiry', undefined, 366, undefined, 'unknown']
  ])('%s', (_n, expiresAt, max, policy, expected) => {
    expect(lifetimeCompliance('fine-grained', expiresAt, max, policy, NOW).compliant).toBe(expected)
  })
  it('reports the organization limit from the message', () => {
    expect(lifetimeCompliance('fine-grained', 'never', 366, { maxDays: 90 }, NOW)).toMatchObject({ organizationLimitDays: 90, policyDays: 90 })
  })
})

describe('audit: a token that cannot be used', () => {
  /** More probes than the first wave that goes out with GET /user. */
  const MANY: RequiredPermission[] = ['actions', 'administration', 'contents', 'deployments', 'issues', 'pull_requests', 'secrets', 'actions_variables', 'repository_hooks', 'dependabot_secrets', 'security_events', 'statuses'].map(
    (name) => ({ name, level: 'read' as const })
  )

  it('sends nothing after the first wave once GET /user answers 401', async () => {
    const t = fakeTransport(() => ({ status: 401, message: 'Bad credentials' }))
    const report = await audit(settings(MANY), context, deps(t))
    expect(t.sent.length).toBeLessThanOrEqual(1 + FIRST_WAVE)
    expect(t.sent[0].path).toBe('/user')
    expect(report.result).toBe('fail')
    expect(report.findings[0].code).toBe('token-invalid')
    expect(report.permissions.every((p) => p.status === 'inconclusive' && p.code === 'invalid-token')).toBe(true)
  })

  it('sends nothing after the first wave when the rate budget cannot cover the rest and the reset is far', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity({ 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': String(NOW / 1000 + 1800) }) : { status: 200 }))
    const report = await audit(settings(MANY), context, deps(t))
    expect(t.sent).toHaveLength(1 + FIRST_WAVE)
    const skipped = report.permissions.filter((p) => p.code === 'rate-limited')
    expect(skipped.length).toBeGreaterThan(0)
    expect(report.permissions.filter((p) => p.status === 'missing')).toEqual([])
    expect(report.findings.find((f) => f.code === 'rate-limited')?.message).toContain('resets at')
  })

  it('waits for a reset that is near, then probes the rest', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 20) }) : { status: 200 }))
    const d = deps(t)
    const report = await audit(settings(MANY), context, d)
    expect(d.slept).toEqual([20_000])
    expect(report.permissions.every((p) => p.status === 'granted')).toBe(true)
  })

  it('marks probes not started before the deadline inconclusive and still reports', async () => {
    let now = NOW
    const t = fakeTransport((req) => {
      now += 40_000
      return req.path === '/user' ? identity() : { status: 200 }
    })
    const report = await audit(settings([{ name: 'issues', level: 'read' }, { name: 'contents', level: 'read' }], { timeoutSeconds: 60 }), context, deps(t, () => now))
    expect(report.permissions.some((p) => p.code === 'deadline')).toBe(true)
  })
})

describe('audit: repository coverage goes out with the first wave', () => {
  const MANY: RequiredPermission[] = ['actions', 'administration', 'contents', 'deployments', 'issues', 'pull_requests', 'secrets', 'actions_variables', 'repository_hooks', 'dependabot_secrets', 'security_events', 'statuses'].map(
    (name) => ({ name, level: 'read' as const })
  )
  const repositories = [{ owner: 'acme', repo: 'infra' }, { owner: 'acme', repo: 'other' }]
  /** GET /user answers only when released; everything else at once (the listing shows acme/infra). */
  function heldIdentity() {
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    const t = fakeTransport((req) => (req.path === '/user/repos' ? { status: 200, body: [{ full_name: 'acme/infra' }] } : req.path === '/user' ? identity() : { status: 200 }))
    const send = t.send.bind(t)
    // Recorded when sent (fakeTransport records on its own send), answered when released.
    const transport = {
      sent: t.sent,
      send: async (req: HttpRequest, signal: AbortSignal) => {
        if (req.path !== '/user') return send(req, signal)
        const answer = released.then(() => send(req, signal))
        t.sent.push(req)
        const ev = await answer
        t.sent.splice(t.sent.lastIndexOf(req), 1)
        return ev
      }
    }
    return { transport, release }
  }
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
  }

  it("sends the listing's first page first, then GET /user, then the plan's probes", async () => {
    const { transport, release } = heldIdentity()
    const running = audit(settings([{ name: 'contents', level: 'read' }], { repositories }), context, deps(transport))
    await turns(3)
    expect(transport.sent.slice(0, 3).map((r) => `${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`)).toEqual(['/user/repos?page=1', '/user', '/repos/acme/infra'])
    release()
    const report = await running
    expect(report.coverage?.unreachable).toEqual([])
    expect(transport.sent.map((r) => r.path)).toContain('/repos/acme/other')
  })

  /** 250 listable repositories (three pages) and 250 named ones; GET /user answers only when released. */
  function threePages(pageHeaders: Record<string, string>) {
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    const named = Array.from({ length: 250 }, (_, i) => ({ owner: 'acme', repo: `r${i}` }))
    const t = fakeTransport((req) => {
      if (req.path === '/user') return identity()
      if (req.path !== '/user/repos') return { status: 200 }
      const page = Number(req.query.page)
      const body = named.slice((page - 1) * 100, page * 100).map((r) => ({ full_name: `${r.owner}/${r.repo}` }))
      return { status: 200, body, headers: { ...pageHeaders, link: '<https://api.github.com/user/repos?per_page=100&page=3>; rel="last"' } }
    })
    const transport = {
      sent: t.sent,
      // GitHub answers after a while, not before the plan is made: here, a few milliseconds.
      send: async (req: HttpRequest, signal: AbortSignal) =>
        req.path === '/user' ? released.then(() => t.send(req, signal)) : new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => t.send(req, signal))
    }
    return { transport, release, named }
  }

  it("sends the other pages on the first page's own answer when it shows the rate budget for them and the probes", async () => {
    const { transport, release, named } = threePages({ 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': String(NOW / 1000 + 3600) })
    const running = audit(settings([{ name: 'contents', level: 'read' }], { repositories: named }), context, deps(transport))
    await new Promise((resolve) => setTimeout(resolve, 30))
    // GET /user has not answered yet: pages 2 and 3 are already out.
    expect(transport.sent.filter((r) => r.path === '/user/repos').map((r) => r.query.page)).toEqual(['1', '2', '3'])
    release()
    const report = await running
    expect(report.coverage).toMatchObject({ checked: 250, unreachable: [], undecided: [] })
  })

  it("leaves the other pages to GET /user's gate when the first page shows no rate budget, or too small a one", async () => {
    for (const headers of [{}, { 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': String(NOW / 1000 + 3600) }] as Array<Record<string, string>>) {
      const { transport, release, named } = threePages(headers)
      const running = audit(settings([{ name: 'contents', level: 'read' }], { repositories: named }), context, deps(transport))
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(transport.sent.filter((r) => r.path === '/user/repos').map((r) => r.query.page)).toEqual(['1'])
      release()
      const report = await running
      expect(transport.sent.filter((r) => r.path === '/user/repos').map((r) => r.query.page)).toEqual(['1', '2', '3'])
      expect(report.coverage).toMatchObject({ checked: 250, unreachable: [] })
    }
  })

  it('opens the gate on a 200 with the budget only: not on a refusal, a failure or a budget short by one', () => {
    const ev = (status: number, remaining: string, extra: Partial<HttpEvidence> = {}): HttpEvidence => ({
      method: 'GET',
      path: '/user/repos',
      status,
      headers: { 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': '4102444800' },
      message: '',
      durationMs: 1,
      ...extra
    })
    expect(answerOpensGate(ev(200, '12'), 12)).toBe(true)
    expect(answerOpensGate(ev(200, '11'), 12)).toBe(false)
    expect(answerOpensGate(ev(401, '4999'), 12)).toBe(false)
    expect(answerOpensGate(ev(403, '4999'), 12)).toBe(false)
    expect(answerOpensGate(ev(200, '4999', { failure: 'not-json' }), 12)).toBe(false)
    expect(answerOpensGate(ev(200, 'many'), 12)).toBe(false)
  })

  it('keeps the first wave to FIRST_WAVE requests beside GET /user when the page took a place of it', async () => {
    const { transport, release } = heldIdentity()
    const running = audit(settings(MANY, { repositories }), context, deps(transport))
    await turns(5)
    // Before the identity answers: GET /user, the first page and FIRST_WAVE - 1 probes.
    expect(transport.sent).toHaveLength(1 + FIRST_WAVE)
    expect(transport.sent.filter((r) => r.path === '/user/repos')).toHaveLength(1)
    release()
    const report = await running
    expect(report.permissions.every((p) => p.status === 'granted')).toBe(true)
    expect(transport.sent.length).toBeGreaterThan(1 + FIRST_WAVE)
  })
})

describe('audit: repository coverage and the audited repository', () => {
  const sentTo = (t: { sent: HttpRequest[] }, path: string) => t.sent.filter((r) => r.method === 'GET' && r.path === path).length

  it("takes the probes' answer for the audited repository when it is named but not listed, instead of asking again", async () => {
    // The listing shows neither: the audited repository is asked once (by the probes), acme/other once (by coverage).
    const t = fakeTransport((req) =>
      req.path === '/user' ? identity() : req.path === '/user/repos' ? { status: 200, body: [] } : req.path === '/repos/acme/other' ? { status: 404, message: 'Not Found' } : { status: 200 }
    )
    const repositories = [{ owner: 'ACME', repo: 'Infra' }, { owner: 'acme', repo: 'other' }]
    const report = await audit(settings([{ name: 'contents', level: 'read' }], { repositories }), context, deps(t))
    expect(sentTo(t, '/repos/acme/infra')).toBe(1)
    expect(sentTo(t, '/repos/ACME/Infra')).toBe(0)
    expect(sentTo(t, '/repos/acme/other')).toBe(1)
    expect(report.coverage).toMatchObject({ checked: 2, unreachable: ['acme/other'], undecided: [], requests: 2 })
    expect(report.stats.requests).toBe(t.sent.length)
  })

  it('decides the audited repository unreachable from that same answer when it is a 404', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : req.path === '/user/repos' ? { status: 200, body: [] } : req.path === '/repos/acme/infra' ? { status: 404, message: 'Not Found' } : { status: 200 }))
    const report = await audit(settings([{ name: 'contents', level: 'read' }], { repositories: [{ owner: 'acme', repo: 'infra' }] }), context, deps(t))
    expect(sentTo(t, '/repos/acme/infra')).toBe(1)
    expect(report.coverage).toMatchObject({ checked: 1, unreachable: ['acme/infra'] })
  })

  it('asks for itself when the probes do not ask for the audited repository (no repository permission required)', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity() : req.path === '/user/repos' ? { status: 200, body: [] } : { status: 200 }))
    const report = await audit(settings([{ name: 'members', level: 'read' }], { repositories: [{ owner: 'acme', repo: 'infra' }] }), context, deps(t))
    expect(sentTo(t, '/repos/acme/infra')).toBe(1)
    expect(report.coverage).toMatchObject({ checked: 1, unreachable: [], requests: 2 })
  })
})

describe('audit: alternatives (Copilot seats accept organization_administration too)', () => {
  const required: RequiredPermission[] = [{ name: 'organization_copilot_seat_management', level: 'read' }]
  const seatProbe = catalog.entry('organization_copilot_seat_management', 'read')!.probe!
  const adminProbe = catalog.entry('organization_administration', 'read')!.probe!
  const respond = (adminStatus: number) =>
    fakeTransport((req) => {
      if (req.path === '/user') return identity()
      if (req.path === seatProbe.template.replace('{org}', 'acme')) return { status: 200 }
      if (req.path === adminProbe.template.replace('{org}', 'acme')) {
        return adminStatus === 200 ? { status: 200 } : { status: 403, message: 'Resource not accessible by personal access token', headers: { 'x-accepted-github-permissions': 'organization_administration=read' } }
      }
      return { status: 404 }
    })

  it('does not report the target granted when only the alternative let it through', async () => {
    const report = await audit(settings(required), context, deps(respond(200)))
    expect(report.permissions[0]).toMatchObject({ status: 'inconclusive', code: 'satisfied-by-alternative', satisfiedBy: 'organization_administration: read' })
    expect(report.permissions[0].reason).toContain('satisfied through organization_administration: read')
  })

  it('reports it granted when the alternative is proven missing', async () => {
    const report = await audit(settings(required), context, deps(respond(403)))
    expect(report.permissions[0].status).toBe('granted')
    expect(report.permissions[0].evidence.map((e) => e.role)).toEqual(['probe', 'alternative'])
  })
})

describe('audit: classic tokens are decided by their scopes', () => {
  const classic = 'ghp_' + 'A'.repeat(36)
  it('reports missing from X-OAuth-Scopes and recommends a fine-grained token', async () => {
    const t = fakeTransport((req) => (req.path === '/user' ? identity({ 'x-oauth-scopes': 'read:org' }) : { status: 200 }))
    const report = await audit(settings([{ name: 'contents', level: 'write' }, { name: 'members', level: 'read' }], { token: classic }), context, deps(t))
    const byName = Object.fromEntries(report.permissions.map((p) => [p.name, p]))
    expect(byName.contents).toMatchObject({ status: 'missing', code: 'scope-missing' })
    expect(byName.members).toMatchObject({ status: 'granted', code: 'scope-granted' })
    expect(report.token.scopes).toEqual(['read:org'])
    expect(report.findings.map((f) => f.code)).toContain('classic-token')
  })
})
