import { describe, expect, it } from '@jest/globals'
import { startSimulator } from '../../tools/simulator/server.js'
import type { ScenarioToken } from '../../tools/simulator/server.js'
import { token, withSim, withTokens } from '../helpers/simulator.js'
import type { Answer } from '../helpers/simulator.js'
import {
  analytics,
  bot,
  classic,
  classicTokenValue,
  daysFromNow,
  fleet,
  FLEET_UNSELECTED,
  manyRepos,
  orgAdminToken,
  orgRecord,
  pending,
  workflow,
  workflowToken
} from '../../tools/simulator/scenarios.js'


/** rel → URL from a Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part)
    if (m?.[1] && m[2]) out[m[2]] = m[1]
  }
  return out
}

const names = (a: Answer): string[] => (a.json as { full_name: string }[]).map((r) => r.full_name)
const message = (a: Answer): unknown => (a.json as { message?: unknown } | null)?.message

describe('simulator: repositories a token reaches', () => {
  it('makes many repositories cheaply', () => {
    const list = manyRepos('acme', 3, { private: false, prefix: 'svc', firstId: 50 })
    expect(list).toEqual([
      { owner: 'acme', name: 'svc-0001', private: false, id: 50 },
      { owner: 'acme', name: 'svc-0002', private: false, id: 51 },
      { owner: 'acme', name: 'svc-0003', private: false, id: 52 }
    ])
    expect(manyRepos('acme', 12000)[11999]).toEqual({ owner: 'acme', name: 'repo-12000', private: true })
    const scenario = fleet()
    expect(scenario.repos).toHaveLength(1003)
    expect(scenario.tokens[0]?.repositories).toHaveLength(998)
    expect(FLEET_UNSELECTED).toHaveLength(3)
  })

  it('lists 998 of 1,003 repositories for a fine-grained selection in 10 pages, with GitHub Link headers', async () => {
    await withSim(fleet(), async (sim, call) => {
      const reached: string[] = []
      let next: string | undefined = '/user/repos?per_page=100&affiliation=owner,collaborator,organization_member&page=1'
      let pages = 0
      while (next) {
        const a = await call('fleet', 'GET', next)
        expect(a.status).toBe(200)
        pages++
        reached.push(...names(a))
        const rel = links(a.headers.get('link'))
        if (pages === 1) {
          expect(rel).toEqual({
            next: `${sim.url}/user/repos?per_page=100&affiliation=owner%2Ccollaborator%2Corganization_member&page=2`,
            last: `${sim.url}/user/repos?per_page=100&affiliation=owner%2Ccollaborator%2Corganization_member&page=10`
          })
        } else {
          expect(rel.prev).toContain(`page=${pages - 1}`)
          expect(rel.first).toContain('page=1')
          if (pages < 10) expect(rel.last).toContain('page=10')
        }
        next = rel.next
      }
      expect(pages).toBe(10)
      expect(reached).toHaveLength(998)
      expect(new Set(reached).size).toBe(998)
      expect(reached[0]).toBe('acme/infra') // sorted by full_name
      const services = reached.filter((n) => n.startsWith('acme/service-'))
      expect(services).toHaveLength(997)
      for (const name of FLEET_UNSELECTED) {
        expect(reached).not.toContain(`acme/${name}`)
        expect((await call('fleet', 'GET', `/repos/acme/${name}`)).status).toBe(404)
      }
      expect(reached).not.toContain('acme/secrets')
      expect(reached).not.toContain('acme/website') // public, but not selected: not listed
      expect(sim.requests.filter((r) => r.template === '/user/repos')).toHaveLength(10)
    })
  })

  it('pages 30 at a time by default, at most 100, and answers an empty page past the end', async () => {
    await withSim(fleet(), async (_sim, call) => {
      const a = await call('fleet', 'GET', '/user/repos')
      expect((a.json as unknown[]).length).toBe(30)
      expect(links(a.headers.get('link')).last).toMatch(/[?&]page=34$/)
      expect((await call('fleet', 'GET', '/user/repos?per_page=500')).json).toHaveLength(100)
      const past = await call('fleet', 'GET', '/user/repos?per_page=100&page=11')
      expect(past.json).toEqual([])
      expect(links(past.headers.get('link')).prev).toMatch(/page=10$/)
      const priv = await call('fleet', 'GET', '/user/repos?visibility=public')
      expect(priv.json).toEqual([])
      expect(priv.headers.get('link')).toBeNull()
    })
  })

  it('lists for classic tokens the repositories of the user and of orgs it is a member of; nothing while pending', async () => {
    const scenario = withTokens(
      classic(),
      ...pending().tokens,
      { name: 'public-only', value: classicTokenValue('issue6:public-only'), kind: 'classic', login: 'octocat', scopes: ['read:org'] },
      { name: 'hubot-classic', value: classicTokenValue('issue6:hubot'), kind: 'classic', login: 'hubot', scopes: ['repo'] }
    )
    scenario.orgs = [
      { login: 'acme', members: ['octocat', 'hubot'] },
      { login: 'globex', members: ['hubot'] }
    ]
    scenario.repos = [...(scenario.repos ?? []), { owner: 'globex', name: 'ledger' }, { owner: 'octocat', name: 'dotfiles', private: false }, { owner: 'hubot', name: 'brain' }]
    await withSim(scenario, async (_sim, call) => {
      expect(names(await call('classic', 'GET', '/user/repos'))).toEqual(['acme/infra', 'acme/secrets', 'acme/website', 'octocat/dotfiles'])
      expect(names(await call('classic', 'GET', '/user/repos?affiliation=owner'))).toEqual(['octocat/dotfiles'])
      expect(names(await call('classic', 'GET', '/user/repos?visibility=private'))).toEqual(['acme/infra', 'acme/secrets'])
      expect(names(await call('public-only', 'GET', '/user/repos'))).toEqual(['acme/website', 'octocat/dotfiles'])
      expect(names(await call('hubot-classic', 'GET', '/user/repos'))).toEqual(['acme/infra', 'acme/secrets', 'acme/website', 'globex/ledger', 'hubot/brain'])
      expect(names(await call('pending', 'GET', '/user/repos'))).toEqual([])
    })
  })

  it('lists an installation token\'s repositories at /installation/repositories, and refuses it /user/repos', async () => {
    const app = orgAdminToken('acme', { name: 'app', repositories: 'all', permissions: { contents: 'read' } })
    const scenario = withTokens(bot(), app, workflowToken('acme/infra'))
    scenario.repos = [...(scenario.repos ?? []), ...manyRepos('acme', 150)]
    await withSim(scenario, async (sim, call) => {
      const first = await call('app', 'GET', '/installation/repositories?per_page=100')
      expect(first.status).toBe(200)
      const body = first.json as { total_count: number; repository_selection: string; repositories: { full_name: string }[] }
      expect([body.total_count, body.repository_selection, body.repositories.length]).toEqual([153, 'all', 100])
      expect(links(first.headers.get('link'))).toEqual({
        next: `${sim.url}/installation/repositories?per_page=100&page=2`,
        last: `${sim.url}/installation/repositories?per_page=100&page=2`
      })
      const second = await call('app', 'GET', '/installation/repositories?per_page=100&page=2')
      expect((second.json as typeof body).repositories).toHaveLength(53)
      const wf = await call('workflow', 'GET', '/installation/repositories')
      expect(wf.json).toEqual({ total_count: 1, repository_selection: 'selected', repositories: [expect.objectContaining({ full_name: 'acme/infra' })] })
      const refused = await call('app', 'GET', '/user/repos')
      expect([refused.status, message(refused)]).toEqual([403, 'Resource not accessible by integration'])
      const pat = await call('bot', 'GET', '/installation/repositories')
      expect([pat.status, message(pat)]).toEqual([403, 'Resource not accessible by personal access token'])
    })
  })
})

describe('simulator: the organization\'s record of fine-grained tokens', () => {
  it('lists approved tokens in GitHub\'s grant shape, with recorded permissions, name and last use', async () => {
    const scenario = orgRecord()
    const analyticsSpec = scenario.tokens.find((t) => t.name === 'analytics') as ScenarioToken
    await withSim(scenario, async (sim, call) => {
      const a = await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens?per_page=100&owner[]=octocat')
      expect(a.status).toBe(200)
      expect(a.headers.get('x-accepted-github-permissions')).toBe('organization_personal_access_tokens=read')
      expect(a.headers.get('link')).toBeNull()
      const second = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z') : null)
      expect(a.json).toEqual([
        {
          id: 40001,
          owner: expect.objectContaining({ login: 'octocat', id: 1, type: 'User' }),
          repository_selection: 'all',
          repositories_url: `${sim.url}/orgs/acme/personal-access-tokens/40001/repositories`,
          permissions: {
            organization: { members: 'read', organization_copilot_seat_management: 'read', organization_administration: 'read' },
            repository: {},
            other: {}
          },
          access_granted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          token_id: 1000001,
          token_name: 'Copilot analytics',
          token_expired: false,
          token_expires_at: second(analyticsSpec.expiresAt),
          token_last_used_at: analyticsSpec.lastUsedAt
        }
      ])
      expect((await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens?owner[]=hubot')).json).toEqual([])
      expect((await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens?owner=hubot,octocat')).json).toHaveLength(1)
    })
  })

  it('lists pending tokens as requests, with the reason', async () => {
    await withSim(orgRecord(), async (_sim, call) => {
      const r = await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-token-requests?per_page=100&owner[]=octocat')
      expect(r.status).toBe(200)
      const entries = r.json as Record<string, unknown>[]
      expect(entries).toHaveLength(1)
      expect(entries[0]).toEqual({
        id: 40002,
        reason: 'Triage issues for the infra team',
        owner: expect.objectContaining({ login: 'octocat', type: 'User' }),
        repository_selection: 'all',
        repositories_url: expect.stringMatching(/\/orgs\/acme\/personal-access-token-requests\/40002\/repositories$/),
        permissions: { organization: { members: 'read' }, repository: { contents: 'read', issues: 'write', metadata: 'read' }, other: {} },
        created_at: expect.any(String),
        token_id: 1000002,
        token_name: 'pending',
        token_expired: false,
        token_expires_at: expect.stringMatching(/Z$/),
        token_last_used_at: null
      })
    })
  })

  it('classifies user permissions as other, pages with Link, marks expired tokens, and serves repositories_url', async () => {
    const scenario = withTokens(
      orgRecord(),
      token('subset', { repositories: ['infra', 'website'], permissions: { contents: 'write', gists: 'write' } }),
      token('old', { expiresAt: daysFromNow(-2), createdAt: daysFromNow(-40) })
    )
    await withSim(scenario, async (sim, call) => {
      const all = (await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens')).json as Record<string, unknown>[]
      expect(all.map((g) => g.token_name)).toEqual(['Copilot analytics', 'subset', 'old'])
      const subset = all[1] as { repository_selection: string; permissions: unknown; repositories_url: string }
      expect(subset.repository_selection).toBe('subset')
      expect(subset.permissions).toEqual({ organization: {}, repository: { contents: 'write', metadata: 'read' }, other: { gists: 'write' } })
      expect(all[2]).toMatchObject({ token_expired: true })
      const repos = await call('org-admin-acme', 'GET', subset.repositories_url)
      expect([repos.status, names(repos)]).toEqual([200, ['acme/infra', 'acme/website']])
      expect((await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens/99999/repositories')).status).toBe(404)

      const page1 = await call('org-admin-acme', 'GET', '/orgs/acme/personal-access-tokens?per_page=2')
      expect(page1.json).toHaveLength(2)
      expect(links(page1.headers.get('link'))).toEqual({
        next: `${sim.url}/orgs/acme/personal-access-tokens?per_page=2&page=2`,
        last: `${sim.url}/orgs/acme/personal-access-tokens?per_page=2&page=2`
      })
      expect(sim.flags).toEqual([])
    })
  })

  it('answers 403 to every token without organization_personal_access_tokens on that org', async () => {
    const scenario = withTokens(
      orgRecord(),
      ...classic().tokens,
      orgAdminToken('acme', { name: 'app-without', permissions: { members: 'read' } }),
      orgAdminToken('globex', { name: 'app-elsewhere' }),
      { ...workflowToken('acme/infra'), permissions: { organization_personal_access_tokens: 'read' } }
    )
    scenario.orgs = [...(scenario.orgs ?? []), { login: 'globex' }]
    await withSim(scenario, async (_sim, call) => {
      const expected: Array<[string, string]> = [
        ['analytics', 'Resource not accessible by personal access token'],
        ['classic', 'Resource not accessible by personal access token'],
        ['app-without', 'Resource not accessible by integration'],
        ['app-elsewhere', 'Resource not accessible by integration'],
        ['workflow', 'Resource not accessible by integration']
      ]
      for (const [who, text] of expected) {
        for (const list of ['personal-access-tokens', 'personal-access-token-requests']) {
          const a = await call(who, 'GET', `/orgs/acme/${list}`)
          expect([who, a.status, message(a)]).toEqual([who, 403, text])
        }
      }
      expect((await call('app-elsewhere', 'GET', '/orgs/globex/personal-access-tokens')).json).toEqual([])
      expect((await call('org-admin-acme', 'GET', '/orgs/no-such-org/personal-access-tokens')).status).toBe(404)
    })
  })
})

describe('simulator: a workflow token writing issues', () => {
  it('creates, lists, updates, comments on and closes an issue, recorded in writes and never flagged', async () => {
    await withSim(workflow(), async (sim, call) => {
      expect((await call('workflow', 'GET', '/repos/acme/infra/issues')).json).toEqual([])
      const missing = await call('workflow', 'POST', '/repos/acme/infra/issues', { body: 'no title' })
      expect([missing.status, message(missing)]).toEqual([422, 'Invalid request.\n\n"title" wasn\'t supplied.'])

      const created = await call('workflow', 'POST', '/repos/acme/infra/issues', { title: 'Token expires soon', body: 'first', labels: ['pat-audit'] })
      expect(created.status).toBe(201)
      expect(created.json).toMatchObject({
        number: 1,
        html_url: 'https://github.com/acme/infra/issues/1',
        state: 'open',
        title: 'Token expires soon',
        body: 'first',
        labels: [expect.objectContaining({ name: 'pat-audit' })],
        user: { login: 'github-actions[bot]', type: 'Bot' }
      })
      expect(created.headers.get('location')).toBe(`${sim.url}/repos/acme/infra/issues/1`)
      const other = await call('workflow', 'POST', '/repos/acme/infra/issues', { title: 'Unrelated' })
      expect((other.json as { number: number }).number).toBe(2)

      // newest first; filters
      const open = await call('workflow', 'GET', '/repos/acme/infra/issues?state=open&per_page=100')
      expect((open.json as { number: number }[]).map((i) => i.number)).toEqual([2, 1])
      const labelled = await call('workflow', 'GET', '/repos/acme/infra/issues?labels=pat-audit&creator=github-actions[bot]')
      expect((labelled.json as { number: number }[]).map((i) => i.number)).toEqual([1])
      const byApp = await call('workflow', 'GET', '/repos/acme/infra/issues?creator=app/github-actions&per_page=1')
      expect((byApp.json as { number: number }[]).map((i) => i.number)).toEqual([2])
      expect(links(byApp.headers.get('link')).next).toBe(`${sim.url}/repos/acme/infra/issues?creator=app%2Fgithub-actions&per_page=1&page=2`)

      const updated = await call('workflow', 'PATCH', '/repos/acme/infra/issues/1', { title: 'Token expires in 3 days', body: 'second' })
      expect([updated.status, (updated.json as { body: string }).body]).toEqual([200, 'second'])
      const comment = await call('workflow', 'POST', '/repos/acme/infra/issues/1/comments', { body: 'Still failing' })
      expect(comment.status).toBe(201)
      expect(comment.json).toMatchObject({ body: 'Still failing', user: { login: 'github-actions[bot]' } })
      const noBody = await call('workflow', 'POST', '/repos/acme/infra/issues/1/comments', {})
      expect(noBody.status).toBe(422)
      const comments = await call('workflow', 'GET', '/repos/acme/infra/issues/1/comments')
      expect((comments.json as { body: string }[]).map((c) => c.body)).toEqual(['Still failing'])
      const closed = await call('workflow', 'PATCH', '/repos/acme/infra/issues/1', { state: 'closed', state_reason: 'completed' })
      expect(closed.json).toMatchObject({ state: 'closed', state_reason: 'completed', closed_at: expect.any(String), comments: 1 })
      const bad = await call('workflow', 'PATCH', '/repos/acme/infra/issues/1', { state: 'gone' })
      expect(bad.status).toBe(422)
      expect((await call('workflow', 'PATCH', '/repos/acme/infra/issues/99', { state: 'closed' })).status).toBe(404)

      expect((await call('workflow', 'GET', '/repos/acme/infra/issues/1')).json).toMatchObject({ number: 1, state: 'closed', title: 'Token expires in 3 days' })
      expect((await call('workflow', 'GET', '/repos/acme/infra/issues?state=closed')).json).toHaveLength(1)
      expect((await call('workflow', 'GET', '/repos/acme/infra/issues')).json).toHaveLength(1)
      expect((await call('workflow', 'GET', '/repos/acme/infra/issues/99')).status).toBe(404)
      expect((await call('bot', 'GET', '/repos/acme/infra/issues/1')).status).toBe(403) // bot lacks issues: read

      expect(sim.flags).toEqual([])
      expect(sim.writes.map((w) => [w.method, w.path, w.status])).toEqual([
        ['POST', '/repos/acme/infra/issues', 422],
        ['POST', '/repos/acme/infra/issues', 201],
        ['POST', '/repos/acme/infra/issues', 201],
        ['PATCH', '/repos/acme/infra/issues/1', 200],
        ['POST', '/repos/acme/infra/issues/1/comments', 201],
        ['POST', '/repos/acme/infra/issues/1/comments', 422],
        ['PATCH', '/repos/acme/infra/issues/1', 200],
        ['PATCH', '/repos/acme/infra/issues/1', 422],
        ['PATCH', '/repos/acme/infra/issues/99', 404]
      ])
      expect(sim.writes[1]).toEqual({
        method: 'POST',
        path: '/repos/acme/infra/issues',
        status: 201,
        body: { title: 'Token expires soon', body: 'first', labels: ['pat-audit'] },
        token: 'workflow'
      })
      expect(sim.issues).toEqual([
        {
          repository: 'acme/infra',
          number: 1,
          title: 'Token expires in 3 days',
          body: 'second',
          state: 'closed',
          stateReason: 'completed',
          labels: ['pat-audit'],
          creator: 'github-actions[bot]',
          comments: ['Still failing']
        },
        expect.objectContaining({ number: 2, title: 'Unrelated', state: 'open', comments: [] })
      ])
      expect(Object.isFrozen(sim.issues[0])).toBe(true)
    })
  })

  it('keeps the issue store across reset() unless told, and starts from the scenario\'s issues', async () => {
    const scenario = workflow()
    scenario.issues = [{ repository: 'acme/infra', title: 'Seeded', labels: ['pat-audit'], comments: ['earlier'] }]
    await withSim(scenario, async (sim, call) => {
      expect(sim.issues.map((i) => [i.number, i.title, i.comments])).toEqual([[1, 'Seeded', ['earlier']]])
      await call('workflow', 'POST', '/repos/acme/infra/issues', { title: 'Run 1' })
      sim.reset()
      expect(sim.writes).toEqual([])
      expect(sim.issues.map((i) => i.title)).toEqual(['Seeded', 'Run 1'])
      await call('workflow', 'PATCH', '/repos/acme/infra/issues/2', { state: 'closed', state_reason: 'not_planned' })
      expect(sim.issues[1]).toMatchObject({ state: 'closed', stateReason: 'not_planned' })
      await call('workflow', 'PATCH', '/repos/acme/infra/issues/2', { state: 'open' })
      expect(sim.issues[1]).toMatchObject({ state: 'open', stateReason: 'reopened' })
      expect(sim.writes).toHaveLength(2)
      sim.reset({ issues: true })
      expect(sim.issues.map((i) => i.title)).toEqual(['Seeded'])
      const again = await call('workflow', 'POST', '/repos/acme/infra/issues', { title: 'After reset' })
      expect((again.json as { number: number }).number).toBe(2)
    })
  })

  it('flags a workflow token writing anywhere else, and never applies other tokens\' issue writes', async () => {
    const scenario = withTokens(
      workflow(),
      { ...workflowToken('acme/website'), name: 'workflow-readonly', value: classicTokenValue('issue6:ro', 'ghs_'), permissions: { issues: 'read' } },
      token('issues-writer', { permissions: { issues: 'write' } })
    )
    await withSim(scenario, async (sim, call) => {
      expect((await call('workflow', 'POST', '/repos/acme/website/issues', { title: 'elsewhere' })).status).toBe(403)
      expect((await call('workflow', 'POST', '/repos/acme/infra/labels', { name: 'pat-audit' })).status).toBe(201)
      expect((await call('issues-writer', 'POST', '/repos/acme/infra/issues', { title: 'by a PAT' })).status).toBe(201)
      expect(sim.flags.map((f) => [f.token, f.method, f.path, f.status])).toEqual([
        ['workflow', 'POST', '/repos/acme/website/issues', 403],
        ['workflow', 'POST', '/repos/acme/infra/labels', 201],
        ['issues-writer', 'POST', '/repos/acme/infra/issues', 201]
      ])
      expect(sim.issues).toEqual([])
      expect(sim.writes).toEqual([])

      // its own repository, without issues: write: refused, recorded, not flagged, nothing stored
      const refused = await call('workflow-readonly', 'POST', '/repos/acme/website/issues', { title: 'no' })
      expect([refused.status, message(refused)]).toEqual([403, 'Resource not accessible by integration'])
      expect(sim.writes).toEqual([{ method: 'POST', path: '/repos/acme/website/issues', status: 403, body: { title: 'no' }, token: 'workflow-readonly' }])
      expect(sim.flags).toHaveLength(3)
      expect(sim.issues).toEqual([])
      expect((await call('workflow', 'GET', '/user')).status).toBe(403)
    })
  })

  it('refuses a github-actions token without repository', async () => {
    const broken = { ...workflowToken(), repository: undefined }
    await expect(startSimulator(withTokens(analytics(), broken))).rejects.toThrow(/needs repository/)
  })
})
