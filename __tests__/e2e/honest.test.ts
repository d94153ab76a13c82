/**
 * Issue 11 end to end: the bundled action against the simulator, for each condition GitHub really reports (texts and
 * sources in tools/simulator/conditions.js and tools/simulator/README.md).
 */
import { describe, expect, it } from '@jest/globals'
import * as S from '../../tools/simulator/scenarios.js'
import { auditWith, findingCodes, permissionStatus } from '../helpers/e2e.js'
import type { AuditRun } from '../helpers/e2e.js'

type Scenario = ReturnType<typeof S.nothing>
const READS = 'contents: read, issues: read, pull_requests: read, actions: read'
const finding = (run: AuditRun, code: string) => (run.report.findings ?? []).find((f) => f.code === code)

/** The shared world with changes to its orgs and repositories. */
function world(base: Scenario, change: (s: Scenario) => void): Scenario {
  const s: Scenario = { ...base, orgs: [...(base.orgs ?? [])].map((o) => ({ ...o })), repos: [...(base.repos ?? [])].map((r) => ({ ...r })) }
  change(s)
  return s
}

describe('public repositories answer any token (the seeds cases)', () => {
  it('a token with no permissions at all never passes and shows nothing granted from public data', async () => {
    const run = await auditWith(S.nothing(), { repository: 'acme/website', 'required-permissions': READS })
    expect(run.outputs.result).not.toBe('pass')
    expect(run.outputs['granted-permissions']).toBe('')
    expect(Object.values(permissionStatus(run))).toEqual(['inconclusive', 'inconclusive', 'inconclusive', 'inconclusive'])
    expect(run.summary).toContain('Public repository: GitHub answers any token here')
    for (const p of run.report.permissions ?? []) expect(String(p.reason)).toContain("private repository in the token's selection as `repository`, or give `org-admin-token`")
  })

  it('a token pending approval never passes there either, and the finding names who approves and where', async () => {
    const run = await auditWith(S.pending(), { repository: 'acme/website', 'required-permissions': 'contents: read, issues: write' })
    expect(run.outputs.result).not.toBe('pass')
    expect(run.outputs['granted-permissions']).toBe('')
    expect(finding(run, 'pending-approval-possible')).toMatchObject({ severity: 'warning' })
    expect(String(finding(run, 'pending-approval-possible')?.fix)).toContain('https://github.com/organizations/acme/settings/personal-access-token-requests')
  })

  it('report-excess calls nothing excess from public data', async () => {
    const run = await auditWith(S.nothing(), { repository: 'acme/website', 'required-permissions': 'metadata: read', 'report-excess': 'true' })
    expect(run.outputs['excess-permissions']).toBe('')
    expect(run.outputs.result).not.toBe('pass')
  })

  it('private data still proves a permission on a public repository (Actions secrets)', async () => {
    const s = S.nothing()
    s.tokens[0].permissions = { secrets: 'read' }
    const run = await auditWith(s, { repository: 'acme/website', 'required-permissions': 'secrets: read' })
    expect(permissionStatus(run)).toEqual({ 'secrets:read': 'granted' })
  })
})

describe('conditions GitHub reports, each its own finding, never missing or granted', () => {
  const bot = () => {
    const s = S.bot()
    s.tokens[0].permissions = { contents: 'write', pull_requests: 'write', issues: 'write', administration: 'read', metadata: 'read' }
    return s
  }
  it.each([
    ['an archived repository refuses writes', (r: Record<string, unknown>) => (r.archived = true), 'issues: write', 'repository-archived', 'issues:write'],
    ['issues turned off answer 410', (r: Record<string, unknown>) => (r.disabled = ['issues']), 'issues: read', 'feature-disabled', 'issues:read'],
    ['an empty repository answers 409', (r: Record<string, unknown>) => (r.empty = true), 'contents: read', 'repository-empty', 'contents:read'],
    ['a blocked repository answers 451', (r: Record<string, unknown>) => (r.blocked = true), 'contents: read', 'repository-blocked', 'contents:read']
  ])('%s', async (_name, change, required, code, permission) => {
    const s = world(bot(), (w) => change(w.repos!.find((r) => r.name === 'infra') as unknown as Record<string, unknown>))
    const run = await auditWith(s, { 'required-permissions': required })
    expect(permissionStatus(run)[permission]).toBe('inconclusive')
    expect(finding(run, code)).toMatchObject({ fix: expect.any(String) })
    expect(run.outputs['missing-permissions']).toBe('')
  })

  it('a role refusal is the user\'s role, not a missing permission', async () => {
    const s = bot()
    s.tokens[0].role = 'write'
    const run = await auditWith(s, { 'required-permissions': 'administration: read' })
    expect(permissionStatus(run)).toEqual({ 'administration:read': 'inconclusive' })
    expect(finding(run, 'role-refused')).toMatchObject({ severity: 'warning' })
  })

  it('an IP allow list is an error naming the runner\'s address, even for public reads', async () => {
    const s = world(S.analytics(), (w) => ((w.orgs![0] as Record<string, unknown>).ipAllowList = true))
    const run = await auditWith(s, { repository: 'acme/website', 'required-permissions': 'members: read, contents: read' })
    expect(finding(run, 'ip-allow-list')).toMatchObject({ severity: 'error' })
    expect(String(finding(run, 'ip-allow-list')?.message)).toMatch(/address this runner calls from/)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs['missing-permissions']).toBe('')
  })

  it('a fine-grained ban names the owner', async () => {
    const s = world(S.analytics(), (w) => ((w.orgs![0] as Record<string, unknown>).fineGrainedForbidden = true))
    const run = await auditWith(s, { 'required-permissions': 'members: read' })
    expect(finding(run, 'fine-grained-forbidden')).toMatchObject({ severity: 'error', title: 'Fine-grained tokens refused by acme' })
    expect(run.outputs['missing-permissions']).toBe('')
  })

  it('a classic lifetime limit is a lifetime limit, with the token\'s settings link as the fix', async () => {
    const s = world(S.classic(), (w) => ((w.orgs![0] as Record<string, unknown>).classicMaxLifetimeDays = 7))
    const run = await auditWith(s, { 'required-permissions': 'members: read' })
    expect(finding(run, 'lifetime-policy')).toMatchObject({ severity: 'error' })
    expect(String((finding(run, 'lifetime-policy')?.link as { url?: string } | undefined)?.url)).toMatch(/^https:\/\/github\.com\/settings\/tokens\/\d+$/)
    expect(findingCodes(run)).not.toContain('classic-forbidden')
  })

  it('a classic ban names the owner in backticks GitHub sends', async () => {
    const run = await auditWith(S.policies(), { repository: 'initech/tps-reports', 'required-permissions': 'contents: read' }, { tokenName: 'classic' })
    expect(finding(run, 'classic-forbidden')).toMatchObject({ title: 'Classic tokens refused by initech' })
  })

  it('a suspended organization answers 404 everywhere: nothing proven, the audit fails', async () => {
    const s = world(S.analytics(), (w) => ((w.orgs![0] as Record<string, unknown>).suspended = true))
    const run = await auditWith(s, { 'required-permissions': 'members: read' })
    expect(run.outputs['granted-permissions']).toBe('')
    expect(run.outputs['missing-permissions']).toBe('')
    expect(run.outputs.result).toBe('fail')
  })
})

describe('with org-admin-token, the organization\'s record decides', () => {
  const adminToken = (s: ReturnType<typeof S.orgRecord>) => s.tokens.find((t) => t.name === 'org-admin-acme')?.value ?? ''
  it('its permissions are the verdict, with the record as evidence, and a disagreeing probe shown beside it', async () => {
    const s = S.orgRecord()
    const run = await auditWith(s, { 'required-permissions': 'members: read, organization_administration: read', 'org-admin-token': adminToken(s) }, { tokenName: 'analytics' })
    const admin = (run.report.permissions ?? []).find((p) => p.name === 'organization_administration')
    expect(admin).toMatchObject({ status: 'granted', code: 'org-record' })
    expect(String(admin?.reason)).toMatch(/record of this token lists organization_administration: read\. The probe disagrees/)
    expect((admin?.evidence as Array<{ path: string }>)[0].path).toBe('/orgs/acme/personal-access-tokens')
    expect(findingCodes(run)).toContain('record-disagrees')
  })
  it('decides where public data proves nothing', async () => {
    const s = S.orgRecord()
    const run = await auditWith(s, { repository: 'acme/website', 'required-permissions': 'contents: read', 'org-admin-token': adminToken(s) }, { tokenName: 'analytics' })
    expect(permissionStatus(run)).toEqual({ 'contents:read': 'missing' })
    expect(run.outputs.result).toBe('fail')
  })
})
