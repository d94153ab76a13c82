/**
 * Beyond a check, end to end through dist/index.js against the simulator: least privilege, repository coverage,
 * the organization's own record, and the tracking issue.
 */
import { describe, expect, it } from '@jest/globals'
import { startSimulator } from '../../tools/simulator/server.js'
import * as S from '../../tools/simulator/scenarios.js'
import { auditWith, findingCodes } from '../helpers/e2e.js'

const tokenOf = (scenario: ReturnType<typeof S.orgRecord>, name: string) => {
  const t = scenario.tokens.find((x) => x.name === name)
  if (!t) throw new Error(`no token ${name}`)
  return t.value
}

describe('least privilege (report-excess)', () => {
  it('lists what the token holds beyond the requirement, and keeps the replacement link to the requirement', async () => {
    const run = await auditWith(S.bot(), { 'required-permissions': 'contents: read', 'report-excess': 'true' })
    expect(run.outputs['excess-permissions']).toBe('contents:write,pull_requests:write')
    expect(findingCodes(run)).toContain('excess-permissions')
    expect(run.summary).toContain('The token holds contents: write, pull_requests: write, which the requirement does not need.')
    const url = new URL(run.outputs['regenerate-url'])
    expect(url.searchParams.get('contents')).toBe('read')
    expect(url.searchParams.get('pull_requests')).toBeNull()
  })

  it('finds nothing in excess when the token holds exactly the requirement', async () => {
    const run = await auditWith(S.bot(), { 'required-permissions': 'contents: write, pull_requests: write, metadata: read', 'report-excess': 'true' })
    expect(run.outputs['excess-permissions']).toBe('')
    expect(findingCodes(run)).not.toContain('excess-permissions')
  })

  it('is off by default', async () => {
    const run = await auditWith(S.bot(), { 'required-permissions': 'contents: read' })
    expect(run.outputs['excess-permissions']).toBe('')
    expect(run.report.excess).toBeUndefined()
  })
})

describe('repository coverage (repositories)', () => {
  it('finds the 3 unreachable repositories among 1,000 in about ten requests', async () => {
    const scenario = S.fleet()
    const repositories = Array.from({ length: 1000 }, (_, i) => `acme/service-${String(i + 1).padStart(4, '0')}`).join('\n')
    const run = await auditWith(scenario, { 'required-permissions': 'contents: read', repositories }, { tokenName: 'fleet' })
    expect(run.outputs['unreachable-repositories']).toBe(S.FLEET_UNSELECTED.map((r) => `acme/${r}`).join(','))
    expect(findingCodes(run)).toContain('repositories-unreachable')
    const listing = run.sim.requests.filter((r) => r.path === '/user/repos')
    const singles = run.sim.requests.filter((r) => /^\/repos\/acme\/service-\d+$/.test(r.path))
    expect(listing.length).toBeLessThanOrEqual(11)
    expect(singles).toHaveLength(3)
    expect(run.outputs.result).toBe('fail')
  })
})

describe("the organization's own record (org-admin-token)", () => {
  it('shows what GitHub records and flags where it disagrees with the probes', async () => {
    const scenario = S.orgRecord()
    const run = await auditWith(scenario, { 'required-permissions': 'members: read, organization_administration: read', 'org-admin-token': tokenOf(scenario, 'org-admin-acme') }, { tokenName: 'analytics' })
    expect(run.report).toMatchObject({ organizationRecord: { organization: 'acme', grant: { tokenName: 'Copilot analytics', repositorySelection: expect.any(String) } } })
    expect(run.summary).toContain('Copilot analytics')
    expect(findingCodes(run)).toContain('record-disagrees')
    expect(String((run.report.organizationRecord as { disagreements: string[] }).disagreements)).toMatch(/organization_administration: read/)
  })

  it('agrees when the record matches the probes', async () => {
    const scenario = S.orgRecord()
    const run = await auditWith(scenario, { 'required-permissions': 'members: read', 'org-admin-token': tokenOf(scenario, 'org-admin-acme') }, { tokenName: 'analytics' })
    expect(findingCodes(run)).not.toContain('record-disagrees')
    expect(run.outputs.result).toBe('pass')
  })

  it('reports a request pending an owner\'s approval, with where to approve it', async () => {
    const scenario = S.orgRecord()
    const run = await auditWith(scenario, { 'required-permissions': 'contents: read', 'org-admin-token': tokenOf(scenario, 'org-admin-acme') }, { tokenName: 'pending' })
    expect(findingCodes(run)).toContain('pending-approval')
    expect(run.summary).toContain('/organizations/acme/settings/personal-access-token-requests')
  })

  it('says so when the org-admin token cannot read the record', async () => {
    const scenario = S.orgRecord()
    // The pending token is a fine-grained PAT, not an installation token with "Personal access tokens: read".
    const run = await auditWith(scenario, { 'required-permissions': 'members: read', 'org-admin-token': tokenOf(scenario, 'pending') }, { tokenName: 'analytics' })
    expect(findingCodes(run)).toContain('org-record-unreadable')
    expect(run.summary).toContain('Personal access tokens: read')
  })
})

describe('the tracking issue (notify: issue)', () => {
  it('is created once, updated on the next failing run, and closed on a passing run; never with the audited token', async () => {
    const scenario = S.workflow()
    const bot = scenario.tokens.find((t) => t.name === 'bot')!
    // The replacement: the same bot, now holding secrets: read too, as the team would create it from the link.
    scenario.tokens.push({ ...bot, name: 'bot-fixed', value: S.fineGrainedTokenValue('bot-fixed'), permissions: { ...bot.permissions, secrets: 'read' }, expiresAt: S.daysFromNow(200) })
    const sim = await startSimulator(scenario)
    try {
      const env = { GITHUB_REPOSITORY: 'acme/infra', GITHUB_WORKFLOW: 'audit', GITHUB_JOB: 'token', GITHUB_RUN_ID: '42' }
      const inputs = { 'required-permissions': 'contents: write, secrets: read', notify: 'issue', 'github-token': tokenOf(scenario, 'workflow'), 'expiry-warn-days': '10' }

      const first = await auditWith(scenario, inputs, { tokenName: 'bot', sim, env })
      expect(first.outputs.result).toBe('fail')
      expect(sim.issues).toHaveLength(1)
      expect(sim.issues[0]).toMatchObject({ state: 'open', title: expect.stringContaining('failing') })
      expect(sim.issues[0].body).toContain('/settings/personal-access-tokens/new')
      expect(sim.issues[0].body).toContain('secrets')

      await auditWith(scenario, inputs, { tokenName: 'bot', sim, env: { ...env, GITHUB_RUN_ID: '43' } })
      expect(sim.issues).toHaveLength(1)
      expect(sim.issues[0].body).toContain('/actions/runs/43')

      const fixed = await auditWith(scenario, inputs, { tokenName: 'bot-fixed', sim, env: { ...env, GITHUB_RUN_ID: '44' } })
      expect(fixed.outputs.result).toBe('pass')
      expect(sim.issues[0]).toMatchObject({ state: 'closed', comments: [expect.stringContaining('passed the audit')] })

      const writes = sim.writes.filter((w) => w.status < 400).map((w) => `${w.method} ${w.path}`)
      expect(writes).toEqual(['POST /repos/acme/infra/issues', 'PATCH /repos/acme/infra/issues/1', 'POST /repos/acme/infra/issues/1/comments', 'PATCH /repos/acme/infra/issues/1'])
      expect(sim.writes.every((w) => w.token === 'workflow')).toBe(true)
    } finally {
      await sim.close()
    }
  })

  it('never edits, comments on or closes an issue it did not create, even one carrying its marker (issue 12)', async () => {
    const env = { GITHUB_REPOSITORY: 'acme/infra', GITHUB_WORKFLOW: 'audit', GITHUB_JOB: 'token', GITHUB_RUN_ID: '42' }
    const inputs = (s: ReturnType<typeof S.workflow>) => ({ 'required-permissions': 'contents: write, secrets: read', notify: 'issue', 'github-token': tokenOf(s, 'workflow'), 'expiry-warn-days': '10' })
    // The marker is computable from public facts: learn it from a first run, then plant it in issues of others.
    const probe = S.workflow()
    const learned = await auditWith(probe, inputs(probe), { tokenName: 'bot', env })
    const marker = learned.sim.issues[0].body?.split('\n')[0] ?? ''
    expect(marker).toMatch(/^<!-- pat-audit:tracking [0-9a-f]{16} -->$/)

    const scenario = S.workflow()
    scenario.issues = [
      { repository: 'acme/infra', title: 'planted by someone else', body: `${marker}\nnot yours`, labels: ['pat-audit'], creator: 'mallory' },
      { repository: 'acme/infra', title: 'by the bot, without the label', body: `${marker}\nunlabelled`, labels: [] }
    ]
    const bot = scenario.tokens.find((t) => t.name === 'bot')!
    scenario.tokens.push({ ...bot, name: 'bot-fixed', value: S.fineGrainedTokenValue('bot-fixed'), permissions: { ...bot.permissions, secrets: 'read' }, expiresAt: S.daysFromNow(200) })
    const sim = await startSimulator(scenario)
    try {
      await auditWith(scenario, inputs(scenario), { tokenName: 'bot', sim, env })
      await auditWith(scenario, inputs(scenario), { tokenName: 'bot-fixed', sim, env: { ...env, GITHUB_RUN_ID: '43' } })
      const writes = sim.writes.filter((w) => w.status < 400).map((w) => `${w.method} ${w.path}`)
      expect(writes).toEqual(['POST /repos/acme/infra/issues', 'POST /repos/acme/infra/issues/3/comments', 'PATCH /repos/acme/infra/issues/3'])
      expect(sim.issues.slice(0, 2).map((i) => [i.state, i.comments.length])).toEqual([
        ['open', 0],
        ['open', 0]
      ])
      expect(sim.issues[2]).toMatchObject({ state: 'closed' })
      const listed = sim.requests.filter((r) => r.method === 'GET' && r.path === '/repos/acme/infra/issues')
      expect(listed.length).toBeGreaterThan(0)
    } finally {
      await sim.close()
    }
  })

  it('warns, and does not fail the audit, when github-token may not write issues', async () => {
    const scenario = S.workflow()
    const wf = scenario.tokens.find((t) => t.name === 'workflow')!
    wf.permissions = { contents: 'read' }
    const run = await auditWith(scenario, { 'required-permissions': 'contents: write', notify: 'issue', 'github-token': wf.value, 'expiry-warn-days': '10' }, { tokenName: 'bot', env: { GITHUB_REPOSITORY: 'acme/infra' } })
    expect(run.outputs.result).toBe('pass')
    expect(run.stdout).toMatch(/::warning title=Tracking issue::The tracking issue could not be written \(GitHub answered 403/)
  })
})
