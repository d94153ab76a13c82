/**
 * End to end: `node dist/index.js` as the runner starts it, against the simulator, for the tokens teams set up
 * in practice. Each run also proves (in auditWith) that the token leaked nowhere and that no request could
 * have changed anything.
 */
import { describe, expect, it } from '@jest/globals'
import * as S from '../../tools/simulator/scenarios.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { basisOf } from '../../src/catalog/probe-basis.js'
import { auditWith, errorLines, findingCodes, permissionStatus } from '../helpers/e2e.js'

const V1_REPOSITORY = ['contents', 'metadata', 'pull_requests', 'issues', 'actions', 'administration', 'secrets', 'environments', 'deployments', 'statuses', 'actions_variables']
const V1_ORGANIZATION = ['members', 'organization_administration', 'organization_copilot_seat_management', 'organization_secrets', 'organization_self_hosted_runners', 'organization_actions_variables']
const V1_ACCOUNT = ['emails', 'keys', 'gpg_keys', 'followers']
const V1 = [...V1_REPOSITORY, ...V1_ORGANIZATION, ...V1_ACCOUNT]
/** The highest level each v1 permission supports on GitHub.com. */
const HIGHEST: Record<string, 'read' | 'write'> = Object.fromEntries(V1.map((n) => [n, n === 'metadata' ? 'read' : 'write']))

describe('the analytics token (members and Copilot Business read, one year)', () => {
  it('passes, with every output set', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': 'members: read\norganization_copilot_seat_management: read' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'pass',
      'token-type': 'fine-grained',
      'token-owner': 'octocat',
      'lifetime-compliant': 'true',
      'missing-permissions': '',
      'granted-permissions': 'members:read,organization_copilot_seat_management:read',
      'inconclusive-permissions': ''
    })
    expect(Number(run.outputs['days-remaining'])).toBeGreaterThanOrEqual(298)
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
    const url = new URL(run.outputs['regenerate-url'])
    expect(url.searchParams.get('members')).toBe('read')
    expect(url.searchParams.get('organization_copilot_seat_management')).toBe('read')
    expect(url.searchParams.get('target_name')).toBe('acme')
    expect(run.report.schemaVersion).toBe(1)
    expect(run.summary).toMatch(/^<h2>✅ Token audit passed<\/h2>/)
  })

  it('fails when it lacks a required permission, naming it with GitHub\'s evidence', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': 'members: read, organization_secrets: read' })
    expect(run.code).toBe(1)
    expect(run.outputs['missing-permissions']).toBe('organization_secrets:read')
    expect(run.summary).toContain('Resource not accessible by personal access token')
    expect(run.summary).toContain('organization_secrets=read')
    expect(errorLines(run).some((l) => l.startsWith('::error title=Missing organization_secrets%3A read::'))).toBe(true)
  })
})

describe('the bot token (contents and pull requests write, metadata read)', () => {
  it('has its writes proven without changing anything, and warns that it expires in 20 days', async () => {
    const run = await auditWith(S.bot(), { 'required-permissions': 'contents: write, pull_requests: write, metadata: read' })
    expect(run.outputs['granted-permissions']).toBe('contents:write,metadata:read,pull_requests:write')
    expect(run.outputs.result).toBe('warn')
    expect(run.code).toBe(0)
    expect(['19', '20']).toContain(run.outputs['days-remaining'])
    expect(findingCodes(run)).toContain('token-expiring')
  })

  it('fails the gate on the warning with fail-on: warning', async () => {
    const run = await auditWith(S.bot(), { 'required-permissions': 'contents: write', 'fail-on': 'warning' })
    expect(run.code).toBe(1)
  })

  it('fails with 5 days left and reports only with fail-on: never', async () => {
    const scenario = S.bot()
    scenario.tokens[0].expiresAt = S.daysFromNow(5)
    const failing = await auditWith(scenario, { 'required-permissions': 'contents: read' })
    expect(failing.outputs.result).toBe('fail')
    expect(failing.code).toBe(1)
    const never = await auditWith(scenario, { 'required-permissions': 'contents: read', 'fail-on': 'never' })
    expect(never.outputs.result).toBe('fail')
    expect(never.code).toBe(0)
  })

  it('cannot reach a repository that was not selected for it', async () => {
    const run = await auditWith(S.bot(), { repository: 'acme/secrets', 'required-permissions': 'contents: read' })
    expect(run.outputs['inconclusive-permissions']).toBe('contents:read')
    expect(run.outputs['missing-permissions']).toBe('')
    expect(findingCodes(run)).toContain('repository-unreachable')
  })
})

describe('a token pending approval (only public resources readable)', () => {
  it('proves nothing from the public repository\'s answers, and never calls a permission missing from a 404', async () => {
    // Public data answers any token (issue 11): the 200 on the public repository is no proof of contents: read.
    const publicRun = await auditWith(S.pending(), { repository: 'acme/website', 'required-permissions': 'contents: read' })
    expect(publicRun.outputs['granted-permissions']).toBe('')
    expect(publicRun.outputs['inconclusive-permissions']).toBe('contents:read')
    expect(publicRun.outputs.result).not.toBe('pass')
    expect(publicRun.summary).toContain('Public repository: GitHub answers any token here')
    const privateRun = await auditWith(S.pending(), { 'required-permissions': 'contents: read, issues: write' })
    expect(privateRun.outputs.result).toBe('fail')
    expect(privateRun.outputs['missing-permissions']).toBe('')
    expect(privateRun.outputs['inconclusive-permissions']).toBe('contents:read,issues:write')
    expect(privateRun.summary).toContain('pending an organization owner')
    expect(privateRun.summary).toContain('/organizations/acme/settings/personal-access-token-requests')
  })
})

describe('classic tokens', () => {
  it('are decided by their scopes, and fail when they never expire', async () => {
    const run = await auditWith(S.classic(), { 'required-permissions': 'contents: write, members: read, workflows: write' })
    expect(run.outputs['token-type']).toBe('classic')
    expect(run.outputs['granted-permissions']).toBe('contents:write,members:read')
    expect(run.outputs['missing-permissions']).toBe('workflows:write')
    expect(run.outputs['expires-at']).toBe('never')
    expect(run.outputs['days-remaining']).toBe('')
    expect(run.outputs['lifetime-compliant']).toBe('false')
    expect(findingCodes(run)).toEqual(expect.arrayContaining(['classic-token', 'lifetime-noncompliant']))
  })
})

describe('organization policies', () => {
  it('reports SAML SSO with the authorisation URL', async () => {
    const run = await auditWith(S.policies(), { 'required-permissions': 'members: read' }, { tokenName: 'classic' })
    expect(findingCodes(run)).toContain('sso-required')
    expect(run.summary).toContain('https://github.com/orgs/acme/sso?authorization_request=SIMULATED')
    expect(run.outputs['missing-permissions']).toBe('')
  })

  it("reports the organization's lifetime limit and links a replacement within it", async () => {
    const run = await auditWith(S.policies(), { repository: 'globex/ledger', 'required-permissions': 'members: read' }, { tokenName: 'long-lived' })
    expect(findingCodes(run)).toContain('lifetime-policy')
    expect(run.outputs['lifetime-compliant']).toBe('false')
    expect(run.report).toMatchObject({ token: { lifetime: { organizationLimitDays: 90 } } })
    expect(new URL(run.outputs['regenerate-url']).searchParams.get('expires_in')).toBe('90')
    expect(run.outputs['missing-permissions']).toBe('')
  })

  it('reports an organization that forbids classic tokens', async () => {
    const run = await auditWith(S.policies(), { repository: 'initech/tps-reports', 'required-permissions': 'contents: read' }, { tokenName: 'classic' })
    expect(findingCodes(run)).toContain('classic-forbidden')
    expect(run.outputs.result).toBe('fail')
  })
})

describe('an invalid, expired or revoked token', () => {
  it('fails on the 401 and sends nothing after the first wave', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': 'members: read' }, { token: 'github_pat_11REVOKED0000000000000_' + 'x'.repeat(59) })
    expect(run.outputs.result).toBe('fail')
    expect(findingCodes(run)).toContain('token-invalid')
    expect(run.sim.requests[0].path).toBe('/user')
    expect(run.sim.requests.length).toBeLessThanOrEqual(10)
    expect(run.outputs['missing-permissions']).toBe('')
    expect(run.outputs['token-owner']).toBe('')
  })
})

describe('every v1 permission at every level it supports', () => {
  const levels = (name: string) => (HIGHEST[name] === 'write' ? (['read', 'write'] as const) : (['read'] as const))
  const atLevel = (level: 'read' | 'write') => V1.filter((n) => levels(n).includes(level as never)).map((n) => `${n}:${level}`)
  /** Documented exceptions: the Copilot seat probe also accepts organization_administration, which "everything" holds. */
  const EVERYTHING_EXCEPTIONS: Record<string, string> = { 'organization_copilot_seat_management:read': 'satisfied-by-alternative' }
  /** Write probes whose 404 a tool tested against GitHub reads as *missing* (catalog/probe-basis.ts): inconclusive on a 404 (issue 11). */
  const fpt = buildCatalog('fpt')
  const AMBIGUOUS_404 = new Set(
    V1.filter((n) => {
      const probe = fpt.entry(n, 'write')?.probe
      return probe !== undefined && basisOf(probe)?.kind === 'contradicted'
    }).map((n) => `${n}:write`)
  )
  /** Issue 12: a POST/PUT probe needs two barriers; these have one (no random parent, or no documented 422). */
  const UNCHECKABLE = new Set(['statuses:write', 'emails:write'])

  it.each(['read', 'write'] as const)('a token granted everything: each v1 permission at %s is granted', async (level) => {
    const wanted = atLevel(level)
    const run = await auditWith(S.everything(), { 'required-permissions': [...wanted, ...(level === 'write' ? ['workflows:write'] : [])].join('\n') })
    const byKey = Object.fromEntries((run.report.permissions ?? []).map((p) => [`${p.name}:${p.level}`, p]))
    for (const entry of wanted) {
      const expected = UNCHECKABLE.has(entry)
        ? { status: 'inconclusive', code: 'uncheckable' }
        : EVERYTHING_EXCEPTIONS[entry]
          ? { status: 'inconclusive', code: EVERYTHING_EXCEPTIONS[entry] }
          : AMBIGUOUS_404.has(entry)
            ? { status: 'inconclusive', code: 'not-found-ambiguous' }
            : { status: 'granted' }
      expect([entry, byKey[entry]]).toEqual([entry, expect.objectContaining(expected)])
    }
    if (level === 'write') {
      expect(AMBIGUOUS_404.size).toBeGreaterThan(0)
      expect(byKey['workflows:write']).toMatchObject({ status: 'inconclusive', code: 'uncheckable' })
      expect(String(byKey['workflows:write'].reason)).toMatch(/contents: write/)
    }
  })

  it.each(['read', 'write'] as const)('a token granted nothing: each v1 permission at %s is missing (metadata is always held)', async (level) => {
    const wanted = atLevel(level)
    const run = await auditWith(S.nothing(), { 'required-permissions': wanted.join('\n') })
    const status = permissionStatus(run)
    for (const entry of wanted) expect([entry, status[entry]]).toEqual([entry, entry === 'metadata:read' ? 'granted' : UNCHECKABLE.has(entry) ? 'inconclusive' : 'missing'])
    expect(run.outputs['granted-permissions']).toBe(level === 'read' ? 'metadata:read' : '')
  })
})

describe('bad input', () => {
  it('gets one line naming the input with a suggestion, exit 1, and no request', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': 'contnets: read' })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual(["::error::Input 'required-permissions': unknown permission 'contnets'. Did you mean 'contents'?"])
    expect(run.sim.requests).toEqual([])
    expect(run.outputs.result).toBe('fail')
  })

  it('explains an empty token (a pull request from a fork has no secrets)', async () => {
    const run = await auditWith(S.analytics(), { 'required-permissions': 'members: read' }, { token: '' })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/^::error::Input 'token': is empty\..*forks/)
    expect(run.sim.requests).toEqual([])
  })
})

describe('GitHub Enterprise Server', () => {
  it('uses the GHES data and says when a permission does not exist on the server', async () => {
    const scenario = S.analytics()
    scenario.edition = 'ghes'
    const run = await auditWith(scenario, { 'required-permissions': 'members: read, organization_copilot_seat_management: read' }, { apiPath: '/api/v3' })
    expect(run.report).toMatchObject({ target: { edition: 'ghes' } })
    expect(run.outputs['granted-permissions']).toBe('members:read')
    expect(findingCodes(run)).toContain('permission-unavailable')
  })
})
