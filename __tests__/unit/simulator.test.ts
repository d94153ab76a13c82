import { describe, expect, it } from '@jest/globals'
import { formatExpiry } from '../../tools/simulator/server.js'
import type { ScenarioToken } from '../../tools/simulator/server.js'
import { token, withSim, withTokens } from '../helpers/simulator.js'
import type { Answer } from '../helpers/simulator.js'
import {
  analytics,
  bot,
  classic,
  classicTokenValue,
  daysFromNow,
  everything,
  fineGrainedTokenValue,
  nothing,
  pending,
  policies,
  SCENARIOS
} from '../../tools/simulator/scenarios.js'


const message = (a: Answer): unknown => (a.json as { message?: unknown } | null)?.message

describe('simulator: authentication and headers', () => {
  it('listens on 127.0.0.1 and answers 401 Bad credentials for unknown and expired tokens', async () => {
    const scenario = withTokens(analytics(), token('expired', { expiresAt: daysFromNow(-1) }))
    await withSim(scenario, async (sim, call) => {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      for (const who of ['github_pat_11UNKNOWN', 'expired']) {
        const a = await call(who, 'GET', '/user')
        expect(a.status).toBe(401)
        expect(a.json).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
      }
      const none = await call(null, 'GET', '/user')
      expect(none.status).toBe(401)
      expect(sim.requests.map((r) => r.token)).toEqual(['(unknown)', 'expired', '(none)'])
    })
  })

  it('sends GitHub headers and the expiry header in UTC form, +0200 form, or not at all', async () => {
    const scenario = withTokens(analytics(), ...bot().tokens, ...classic().tokens)
    const botToken = bot().tokens[0] as ScenarioToken
    await withSim(scenario, async (_sim, call) => {
      const a = await call('analytics', 'GET', '/user')
      expect(a.status).toBe(200)
      expect(a.json).toMatchObject({ login: 'octocat', id: 1, type: 'User' })
      expect(a.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(a.headers.get('x-github-api-version-selected')).toBe('2022-11-28')
      expect(a.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/)
      expect(a.headers.get('x-ratelimit-limit')).toBe('5000')
      expect(a.headers.get('x-ratelimit-remaining')).toBe('4999')
      expect(a.headers.get('x-ratelimit-used')).toBe('1')
      expect(a.headers.get('x-ratelimit-resource')).toBe('core')
      expect(a.headers.get('github-authentication-token-expiration')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)

      const b = await call('bot', 'GET', '/user')
      const expected = new Date(Date.parse(botToken.expiresAt as string) + 2 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') + ' +0200'
      expect(b.headers.get('github-authentication-token-expiration')).toBe(expected)
      expect(formatExpiry(Date.parse('2026-04-26T18:23:26Z'), 'offset')).toBe('2026-04-26 20:23:26 +0200')
      expect(formatExpiry(Date.parse('2026-09-03T02:34:04Z'), 'utc')).toBe('2026-09-03 02:34:04 UTC')

      const c = await call('classic', 'GET', '/user')
      expect(c.status).toBe(200)
      expect(c.headers.get('github-authentication-token-expiration')).toBeNull()
      expect(c.headers.get('x-oauth-scopes')).toBe('repo, read:org')
      const d = await call('classic', 'GET', '/repos/acme/infra')
      expect(d.headers.get('x-accepted-oauth-scopes')).toBe('repo')
    })
  })

  it('answers /rate_limit without spending, and 404 for unknown paths and missing owners', async () => {
    await withSim(nothing(), async (_sim, call) => {
      const r = await call('nothing', 'GET', '/rate_limit')
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({ resources: { core: { limit: 5000, remaining: 5000, used: 0 } }, rate: { remaining: 5000 } })
      expect((await call('nothing', 'GET', '/rate_limit')).headers.get('x-ratelimit-remaining')).toBe('5000')
      const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }
      expect((await call('nothing', 'GET', '/no/such/endpoint')).json).toEqual(notFound)
      expect((await call('nothing', 'GET', '/orgs/no-such-org/members')).status).toBe(404)
      expect((await call('nothing', 'GET', '/repos/acme/no-such-repo')).status).toBe(404)
    })
  })
})

describe('simulator: fine-grained permissions', () => {
  it('answers 403 with x-accepted-github-permissions and the docs link when the permission is missing', async () => {
    await withSim(analytics(), async (_sim, call) => {
      const a = await call('analytics', 'GET', '/repos/acme/infra/contents/README.md')
      expect(a.status).toBe(403)
      expect(a.headers.get('x-accepted-github-permissions')).toBe('contents=read')
      expect(a.json).toEqual({
        message: 'Resource not accessible by personal access token',
        documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
        status: '403'
      })
    })
  })

  it('accepts either alternative permission (Copilot seats via organization_administration)', async () => {
    const scenario = withTokens(analytics(), ...nothing().tokens, token('admin', { permissions: { organization_administration: 'read' } }))
    await withSim(scenario, async (_sim, call) => {
      for (const who of ['analytics', 'admin']) {
        const a = await call(who, 'GET', '/orgs/acme/copilot/billing/seats')
        expect(a.status).toBe(200)
        expect(a.json).toEqual({ total_seats: 0, seats: [] })
      }
      const n = await call('nothing', 'GET', '/orgs/acme/copilot/billing/seats')
      expect(n.status).toBe(403)
      expect(n.headers.get('x-accepted-github-permissions')).toBe('organization_copilot_seat_management=read; organization_administration=read')
    })
  })

  it('requires every permission of a conjunction, and a higher level satisfies a lower one', async () => {
    const scenario = withTokens(
      bot(),
      token('admin-only', { permissions: { administration: 'write' } }),
      token('admin-contents', { permissions: { administration: 'write', contents: 'write' } })
    )
    await withSim(scenario, async (sim, call) => {
      const fork = await call('admin-only', 'POST', '/repos/acme/infra/forks', {})
      expect(fork.status).toBe(403)
      expect(fork.headers.get('x-accepted-github-permissions')).toBe('administration=write,contents=read')
      expect((await call('admin-contents', 'POST', '/repos/acme/infra/forks', {})).status).toBe(202)
      // bot holds contents: write, which covers contents: read
      expect((await call('bot', 'GET', '/repos/acme/infra/branches/main')).status).toBe(200)
      const workflow = await call('bot', 'PUT', '/repos/acme/infra/contents/.github/workflows/ci.yml', { message: 'm', content: 'eA==' })
      expect(workflow.status).toBe(403)
      expect(workflow.headers.get('x-accepted-github-permissions')).toBe('contents=write,workflows=write')
      // Flags are judged as if the token held every permission: this write would have created a file.
      expect(sim.flags.map((f) => [f.path, f.token, f.status])).toEqual([
        ['/repos/acme/infra/forks', 'admin-only', 403],
        ['/repos/acme/infra/forks', 'admin-contents', 202],
        ['/repos/acme/infra/contents/.github/workflows/ci.yml', 'bot', 403]
      ])
    })
  })

  it('hides private repositories a token does not select, and lets any token read public ones', async () => {
    await withSim(bot(), async (_sim, call) => {
      expect((await call('bot', 'GET', '/repos/acme/infra')).status).toBe(200)
      expect((await call('bot', 'GET', '/repos/acme/secrets')).status).toBe(404)
      const site = await call('bot', 'GET', '/repos/acme/website')
      expect(site.status).toBe(200)
      expect(site.json).toMatchObject({ full_name: 'acme/website', private: false })
      // public repository outside the selection: reads are allowed, writes are not
      expect((await call('bot', 'GET', '/repos/acme/website/branches/main')).status).toBe(200)
      expect((await call('bot', 'POST', '/repos/acme/website/labels', { name: 'x' })).status).toBe(403)
    })
  })

  it('treats everything / nothing as every permission at its highest level / none', async () => {
    const scenario = withTokens(everything(), ...nothing().tokens)
    await withSim(scenario, async (_sim, call) => {
      expect((await call('everything', 'GET', '/orgs/acme/actions/secrets')).status).toBe(200)
      expect((await call('nothing', 'GET', '/orgs/acme/actions/secrets')).status).toBe(403)
      expect((await call('nothing', 'GET', '/repos/acme/infra')).status).toBe(200) // metadata: read always held
    })
  })

  it('serves the GHES edition from its own data', async () => {
    await withSim({ ...analytics(), edition: 'ghes' }, async (_sim, call) => {
      const a = await call('analytics', 'GET', '/orgs/acme/members')
      expect(a.status).toBe(200)
      expect(a.headers.get('x-accepted-github-permissions')).toBe('members=read')
    })
  })
})

describe('simulator: writes and flags', () => {
  it('answers a write probe on a random name with 404 and no flag, authorising first', async () => {
    const scenario = withTokens(bot(), ...nothing().tokens)
    await withSim(scenario, async (sim, call) => {
      const name = `zz-probe-${Math.random().toString(36).slice(2)}`
      const a = await call('bot', 'DELETE', `/repos/acme/infra/labels/${name}`)
      expect(a.status).toBe(404)
      expect(a.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write')
      const b = await call('nothing', 'DELETE', `/repos/acme/infra/labels/${name}`)
      expect(b.status).toBe(403)
      expect(sim.flags).toEqual([])
      expect(sim.requests.map((r) => [r.method, r.template, r.status])).toEqual([
        ['DELETE', '/repos/{owner}/{repo}/labels/{name}', 404],
        ['DELETE', '/repos/{owner}/{repo}/labels/{name}', 403]
      ])
    })
  })

  it('answers 422 to a POST missing a required field, without a flag', async () => {
    await withSim(bot(), async (sim, call) => {
      const a = await call('bot', 'POST', '/repos/acme/infra/labels', {})
      expect(a.status).toBe(422)
      expect(a.json).toEqual({
        message: 'Invalid request.\n\n"name" wasn\'t supplied.',
        documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
        status: '422'
      })
      expect(sim.flags).toEqual([])
    })
  })

  it('flags a complete POST, also when the token could not make it', async () => {
    await withSim(bot(), async (sim, call) => {
      const a = await call('bot', 'POST', '/repos/acme/infra/labels', { name: 'bug' })
      expect(a.status).toBe(201)
      expect(sim.flags).toEqual([
        expect.objectContaining({ method: 'POST', path: '/repos/acme/infra/labels', template: '/repos/{owner}/{repo}/labels', token: 'bot', status: 201 })
      ])
      expect(sim.flags[0]?.reason).toEqual(expect.any(String))
      const b = await call('github_pat_11UNKNOWN', 'POST', '/repos/acme/infra/labels', { name: 'bug' })
      expect(b.status).toBe(401)
      expect(sim.flags.map((f) => f.token)).toEqual(['bot', '(unknown)'])
    })
  })

  it('flags a PUT creating a random leaf name, but not a PUT on an integer id that does not exist', async () => {
    await withSim(bot(), async (sim, call) => {
      const name = `probe-${Math.random().toString(36).slice(2)}.txt`
      const a = await call('bot', 'PUT', `/repos/acme/infra/contents/${name}`, { message: 'm', content: 'eA==' })
      expect(a.status).toBe(201)
      expect(sim.flags).toHaveLength(1)
      expect(sim.flags[0]?.reason).toContain(name)
      const merge = await call('bot', 'PUT', '/repos/acme/infra/pulls/987654/merge', {})
      expect(merge.status).toBe(404)
      expect(sim.flags).toHaveLength(1)
    })
  })

  it('answers 400 to a body that is not JSON, without a flag', async () => {
    const scenario = bot()
    await withSim(scenario, async (sim) => {
      const res = await fetch(`${sim.url}/repos/acme/infra/labels`, {
        method: 'POST',
        headers: { authorization: `token ${scenario.tokens[0]?.value}` },
        body: '{not json'
      })
      expect(res.status).toBe(400)
      await res.text()
      expect(sim.flags).toEqual([])
    })
  })
})

describe('simulator: organization policies and approval', () => {
  it('answers 403 with x-github-sso on an org enforcing SAML SSO', async () => {
    await withSim(policies(), async (_sim, call) => {
      const a = await call('classic', 'GET', '/orgs/acme/members')
      expect(a.status).toBe(403)
      expect(a.headers.get('x-github-sso')).toBe('required; url=https://github.com/orgs/acme/sso?authorization_request=SIMULATED')
      expect(message(a)).toBe(
        'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'
      )
    })
  })

  it('refuses a fine-grained token living longer than the org allows, and classic tokens where forbidden', async () => {
    const scenario = policies()
    scenario.tokens.push(token('short-lived', { resourceOwner: 'globex', permissions: { members: 'read' }, expiresAt: daysFromNow(30) }))
    const longLived = scenario.tokens.findIndex((t) => t.name === 'long-lived')
    await withSim(scenario, async (_sim, call) => {
      const a = await call('long-lived', 'GET', '/orgs/globex/members')
      expect(a.status).toBe(403)
      expect(message(a)).toBe(
        "The 'globex' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. " +
          `Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/${1000001 + longLived}`
      )
      expect((await call('short-lived', 'GET', '/orgs/globex/members')).status).toBe(200)
      const c = await call('classic', 'GET', '/repos/initech/tps-reports')
      expect(c.status).toBe(403)
      expect(message(c)).toBe(
        // The real text (git-town/git-town#4609, refined-github/refined-github#6951): the owner in backticks.
        '`initech` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.'
      )
    })
  })

  it('lets a token pending approval read only public resources', async () => {
    await withSim(pending(), async (_sim, call) => {
      expect((await call('pending', 'GET', '/repos/acme/website')).status).toBe(200)
      expect((await call('pending', 'GET', '/repos/acme/infra')).status).toBe(404)
      const members = await call('pending', 'GET', '/orgs/acme/members')
      expect(members.status).toBe(200)
      expect((members.json as { login: string }[]).map((m) => m.login)).toEqual(['octocat'])
      expect((await call('pending', 'POST', '/repos/acme/website/issues', { title: 't' })).status).toBe(403)
    })
  })

  it('falls back to public members without members:read, like GitHub', async () => {
    const scenario = withTokens(analytics(), ...nothing().tokens)
    await withSim(scenario, async (_sim, call) => {
      const all = await call('analytics', 'GET', '/orgs/acme/members')
      expect((all.json as { login: string }[]).map((m) => m.login).sort()).toEqual(['hubot', 'octocat'])
      const open = await call('nothing', 'GET', '/orgs/acme/members')
      expect(open.status).toBe(200)
      expect((open.json as { login: string }[]).map((m) => m.login)).toEqual(['octocat'])
      expect(open.headers.get('x-accepted-github-permissions')).toBe('members=read')
    })
  })
})

describe('simulator: rate limits, faults, latency, concurrency', () => {
  it('counts down the primary rate limit, answers 403 at zero, and reset() restores it', async () => {
    const scenario = withTokens(nothing(), token('limited', { rateLimit: { limit: 10, remaining: 2, resetEpochSeconds: 1900000000 } }))
    await withSim(scenario, async (sim, call) => {
      expect((await call('limited', 'GET', '/user')).headers.get('x-ratelimit-remaining')).toBe('1')
      expect((await call('limited', 'GET', '/user')).headers.get('x-ratelimit-remaining')).toBe('0')
      const over = await call('limited', 'GET', '/user')
      expect(over.status).toBe(403)
      expect(over.headers.get('x-ratelimit-remaining')).toBe('0')
      expect(over.headers.get('x-ratelimit-reset')).toBe('1900000000')
      expect(message(over)).toMatch(/^API rate limit exceeded for user ID 1\. /)
      expect((over.json as { documentation_url: string }).documentation_url).toBe('https://docs.github.com/rest/overview/rate-limits-for-the-rest-api')
      const rl = await call('limited', 'GET', '/rate_limit')
      expect(rl.status).toBe(200)
      expect(rl.json).toMatchObject({ resources: { core: { limit: 10, remaining: 0, used: 10 } } })
      sim.reset()
      expect(sim.requests).toEqual([])
      expect((await call('limited', 'GET', '/user')).headers.get('x-ratelimit-remaining')).toBe('1')
    })
  })

  it('answers a secondary rate limit 403 with retry-after for the first requests', async () => {
    const scenario = withTokens(nothing(), token('hasty', { secondaryRateLimit: { times: 1, retryAfterSeconds: 3 } }))
    await withSim(scenario, async (_sim, call) => {
      const a = await call('hasty', 'GET', '/user')
      expect(a.status).toBe(403)
      expect(a.headers.get('retry-after')).toBe('3')
      expect(message(a)).toBe('You have exceeded a secondary rate limit. Please wait a few minutes before you try again.')
      expect((await call('hasty', 'GET', '/user')).status).toBe(200)
    })
  })

  it('injects faults the given number of times on matching requests', async () => {
    const scenario = withTokens(
      nothing(),
      token('flaky', {
        faults: [
          { match: 'GET ^/user$', kind: '500', times: 1 },
          { match: '* ^/orgs/acme$', kind: '502', times: 1 },
          { match: 'GET ^/repos/acme/infra$', kind: 'reset', times: 1 },
          { match: 'GET ^/users/octocat$', kind: 'html', times: 1 },
          { match: 'GET ^/users/hubot$', kind: 'empty-body', times: 1 },
          { match: 'GET ^/rate_limit$', kind: 'malformed-expiry', times: 2 }
        ]
      })
    )
    await withSim(scenario, async (sim, call) => {
      const a = await call('flaky', 'GET', '/user')
      expect(a.status).toBe(500)
      expect((await call('flaky', 'GET', '/user')).status).toBe(200)
      const b = await call('flaky', 'GET', '/orgs/acme')
      expect(b.status).toBe(502)
      expect(b.headers.get('content-type')).toMatch(/^text\/html/)
      expect((await call('flaky', 'GET', '/orgs/acme')).status).toBe(200)
      await expect(call('flaky', 'GET', '/repos/acme/infra')).rejects.toThrow()
      expect((await call('flaky', 'GET', '/repos/acme/infra')).status).toBe(200)
      const html = await call('flaky', 'GET', '/users/octocat')
      expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
      expect(html.text).toContain('<html')
      const empty = await call('flaky', 'GET', '/users/hubot')
      expect([empty.status, empty.text]).toEqual([200, ''])
      for (let i = 0; i < 2; i++) {
        expect((await call('flaky', 'GET', '/rate_limit')).headers.get('github-authentication-token-expiration')).toBe('not-a-date')
      }
      expect((await call('flaky', 'GET', '/rate_limit')).headers.get('github-authentication-token-expiration')).toMatch(/UTC$/)
      expect(sim.requests.filter((r) => r.fault).map((r) => [r.fault, r.status])).toEqual([
        ['500', 500],
        ['502', 502],
        ['reset', 0],
        ['html', 200],
        ['empty-body', 200],
        ['malformed-expiry', 200],
        ['malformed-expiry', 200]
      ])
    })
  })

  it('adds latencyMs before every response', async () => {
    await withSim({ ...nothing(), latencyMs: 100 }, async (_sim, call) => {
      const started = performance.now()
      expect((await call('nothing', 'GET', '/user')).status).toBe(200)
      expect((await call('github_pat_11UNKNOWN', 'GET', '/user')).status).toBe(401)
      expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    })
  })

  it('tracks the maximum number of requests in flight, and reset() clears it', async () => {
    await withSim({ ...nothing(), latencyMs: 200 }, async (sim, call) => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => call('nothing', 'GET', '/user')))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
      expect(sim.maxInFlight).toBe(6)
      sim.reset()
      expect(sim.maxInFlight).toBe(0)
      await call('nothing', 'GET', '/user')
      expect(sim.maxInFlight).toBe(1)
    })
  })
})

describe('simulator: records and sample scenarios', () => {
  it('records requests with method, path, query, template, status and token name, never the token value', async () => {
    const scenario = withTokens(analytics(), ...classic().tokens)
    await withSim(scenario, async (sim, call) => {
      await call('analytics', 'GET', '/orgs/acme/members?per_page=100&page=2')
      await call('classic', 'POST', '/repos/acme/infra/labels', { name: 'x' })
      expect(sim.requests).toEqual([
        {
          method: 'GET',
          path: '/orgs/acme/members',
          query: { per_page: '100', page: '2' },
          template: '/orgs/{org}/members',
          status: 200,
          token: 'analytics',
          body: null,
          at: expect.any(Number),
          respondedAt: expect.any(Number)
        },
        expect.objectContaining({ method: 'POST', template: '/repos/{owner}/{repo}/labels', status: 201, token: 'classic', body: { name: 'x' } })
      ])
      const recorded = JSON.stringify([sim.requests, sim.flags])
      for (const t of scenario.tokens) expect(recorded).not.toContain(t.value)
    })
  })

  it('provides sample scenarios with realistic token formats', () => {
    for (const make of Object.values(SCENARIOS)) {
      for (const t of make().tokens) {
        if (t.kind === 'fine-grained') expect(t.value).toMatch(/^github_pat_11[A-Z0-9]{20}_[A-Za-z0-9]{59}$/)
        if (t.kind === 'classic') expect(t.value).toMatch(/^ghp_[A-Za-z0-9]{36}$/)
      }
    }
    expect(fineGrainedTokenValue('x')).toHaveLength(93)
    expect(classicTokenValue('x')).toHaveLength(40)
    expect(analytics().tokens[0]?.permissions).toEqual({ members: 'read', organization_copilot_seat_management: 'read' })
    expect(bot().tokens[0]?.repositories).toEqual(['infra'])
    expect(classic().tokens[0]?.expiresAt).toBeNull()
    expect(Object.keys(everything().tokens[0]?.permissions ?? {}).length).toBeGreaterThan(60)
    expect(nothing().tokens[0]?.permissions).toEqual({})
  })
})
