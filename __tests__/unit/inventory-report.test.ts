/** The inventory's report, outputs, summary and tracking issue, from a record read. */
import { describe, expect, it } from '@jest/globals'
import type { InventoryRead, ListRead } from '../../src/inventory/read.js'
import type { Policy } from '../../src/inventory/judge.js'
import { DAY_MS } from '../../src/inventory/judge.js'
import { buildInventoryReport, MAX_REPORT_CHARS, reportJson } from '../../src/inventory/report.js'
import type { InventoryReport } from '../../src/inventory/report.js'
import { MAX_ACTION_ROWS, renderInventorySummary } from '../../src/inventory/summary.js'
import { decideInventoryIssueAction, inventoryIssueBody } from '../../src/inventory/notify.js'
import { setInventoryOutputs } from '../../src/inventory/action.js'
import { renderInventoryTerminal } from '../../src/inventory/terminal.js'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString()
const POLICY: Policy = {
  now: NOW,
  expiryWarnDays: 30,
  expiryFailDays: 7,
  maxLifetimeDays: 366,
  unusedDays: 90,
  pendingDays: 7,
  broadPermissions: [{ name: 'members', level: 'write' }]
}

function entry(id: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    owner: { login: `user-${id % 7}` },
    repository_selection: 'subset',
    permissions: { repository: { contents: 'read', metadata: 'read' } },
    access_granted_at: at(-30),
    token_id: 9000 + id,
    token_name: `token-${id}`,
    token_expired: false,
    token_expires_at: at(60),
    token_last_used_at: at(-1),
    ...fields
  }
}

const list = (entries: unknown[], problems: ListRead['problems'] = []): ListRead => ({ entries, pages: Math.max(1, Math.ceil(entries.length / 100)), announcedPages: 1, problems, duplicates: 0 })

function build(grants: unknown[], requests: unknown[] = [], problems: ListRead['problems'] = [], policy: Policy = POLICY): InventoryReport {
  const read: InventoryRead = { grants: list(grants, problems), requests: list(requests), requestCount: 2 }
  return buildInventoryReport(read, { organization: 'acme', serverUrl: 'https://github.com', policy, startedAt: NOW, finishedAt: NOW + 1500 })
}

const SAMPLE = () =>
  build(
    [
      entry(1),
      entry(2, { token_expires_at: at(3) }),
      entry(3, { token_expires_at: null }),
      entry(4, { token_last_used_at: null, access_granted_at: at(-120), token_expires_at: at(100) }),
      entry(5, { repository_selection: 'all', permissions: { repository: { contents: 'write' } } }),
      entry(6, { token_expired: true, token_expires_at: at(-2) }),
      entry(7, { token_name: 'deploy, prod' })
    ],
    [{ ...entry(50, { created_at: at(-20), reason: 'needed' }), access_granted_at: undefined }, { ...entry(51, { created_at: at(-1) }), access_granted_at: undefined }]
  )

describe('buildInventoryReport', () => {
  it('lists each kind of problem, sorted, as OWNER/TOKEN_NAME#ID, and fails on an error', () => {
    const r = SAMPLE()
    expect(r.lists).toEqual({
      expiring: ['user-2/token-2#2', 'user-6/token-6#6'],
      'non-compliant': ['user-3/token-3#3'],
      unused: ['user-4/token-4#4'],
      broad: ['user-5/token-5#5'],
      'pending-requests': ['user-1/token-50#50']
    })
    expect(r.counts).toEqual({ tokens: 7, requests: 2, compliant: 3, needsAction: 6 })
    expect(r.result).toBe('fail')
    expect(r.schemaVersion).toBe(1)
    expect(r.entries.map((e) => e.entry.id)).toEqual([6, 2, 3, 50, 5, 4, 7, 1, 51])
  })

  it('warns when only warnings are found, passes when nothing is', () => {
    expect(build([entry(1, { repository_selection: 'all', permissions: { organization: { members: 'write' } } })]).result).toBe('warn')
    expect(build([entry(1)]).result).toBe('pass')
    expect(build([]).result).toBe('pass')
  })

  it('an unreadable list fails the inventory, says which permission is needed, and is never read as empty', () => {
    const r = build([entry(1)], [], [{ list: 'requests', page: 1, status: 403, message: 'Resource not accessible by integration', acceptedPermissions: 'organization_personal_access_token_requests=read' }])
    expect(r.result).toBe('fail')
    expect(r.findings[0]).toMatchObject({ code: 'incomplete', severity: 'error' })
    expect(r.findings[0].message).toBe(
      'GET /orgs/acme/personal-access-token-requests, page 1: 403 "Resource not accessible by integration". org-admin-token must be a GitHub App installation token on acme with the organization permission "Personal access token requests: read" (GitHub accepts: organization_personal_access_token_requests=read). The inventory is incomplete.'
    )
  })

  it('an entry in an unexpected shape is an error, not silently skipped', () => {
    const r = build([entry(1), { id: 'x' }])
    expect(r.result).toBe('fail')
    expect(r.findings.map((f) => f.code)).toEqual(['malformed'])
  })

  it('links: a replacement pre-filled with the same name, permissions and organization; the org pages to revoke or review', () => {
    const r = SAMPLE()
    const expiring = r.entries.find((e) => e.entry.id === 2)!
    const url = new URL(expiring.links.replacement!)
    expect(url.origin + url.pathname).toBe('https://github.com/settings/personal-access-tokens/new')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ name: 'token-2', target_name: 'acme', expires_in: '366', contents: 'read', metadata: 'read' })
    expect(expiring.links.review).toBe('https://github.com/organizations/acme/settings/personal-access-tokens/active')
    expect(r.entries.find((e) => e.entry.id === 50)!.links.review).toBe('https://github.com/organizations/acme/settings/personal-access-token-requests')
    expect(r.entries.find((e) => e.entry.id === 4)!.links.replacement).toBeUndefined()
  })

  it('sets every inventory output; a comma in a token name does not split its key', () => {
    const outputs = new Map<string, string>()
    const r = build([entry(7, { token_name: 'deploy, prod', token_expires_at: null })])
    setInventoryOutputs(outputs, r)
    expect(outputs.get('non-compliant')).toBe('user-0/deploy%2C prod#7')
    expect(outputs.get('tokens')).toBe('1')
    expect([...outputs.keys()].sort()).toEqual(['broad', 'expiring', 'non-compliant', 'pending-requests', 'report', 'result', 'tokens', 'unused'])
    expect(JSON.parse(outputs.get('report')!)).toMatchObject({ schemaVersion: 1, mode: 'organization', result: 'fail' })
  })

  it('keeps the report output under 1 MB for a large organization', () => {
    const many = Array.from({ length: 6000 }, (_, i) => entry(i + 1))
    const json = reportJson(build(many))
    expect(json.length).toBeLessThanOrEqual(MAX_REPORT_CHARS)
    expect(JSON.parse(json)).toMatchObject({ schemaVersion: 1, truncated: expect.any(String) })
  })
})

/** Visible text of a Markdown table row's cells: links reduced to their text, <br> to a space. */
function cells(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<br>/g, ' ').replace(/\\\|/g, '|'))
}

describe('renderInventorySummary', () => {
  it('puts the verdict and the counts first, then one table most urgent first, then the compliant ones folded', () => {
    const md = renderInventorySummary(SAMPLE())
    const lines = md.split('\n')
    expect(lines[0]).toBe('## ❌ Organization inventory failed: acme')
    expect(lines[2]).toBe('**7** tokens with access · **2** pending requests · **6** need action · 3 compliant')
    expect(md.indexOf('| expired or expiring |')).toBeLessThan(md.indexOf('### Needs action'))
    const action = md.split('### Needs action')[1].split('<details>')[0]
    const names = action.split('\n').filter((l) => l.startsWith('| user-')).map((l) => cells(l)[1])
    expect(names).toEqual(['token-6', 'token-2', 'token-3', 'token-50 (request)', 'token-5', 'token-4'])
    expect(md).toMatch(/<details><summary>Compliant tokens and requests \(3\)<\/summary>/)
    expect(md).toContain('[Approve or deny](https://github.com/organizations/acme/settings/personal-access-token-requests)')
    expect(md).toContain('nothing was revoked, approved or changed')
  })

  it('fits 1,000 px: the longest unbreakable word of each column, at 8 px a character, plus cell padding', () => {
    const long = build(
      Array.from({ length: 40 }, (_, i) =>
        entry(i + 1, {
          owner: { login: 'a-very-long-login-name-of-39-characters' },
          token_name: 'a-token-name-without-any-space-that-goes-on-and-on',
          repository_selection: 'all',
          permissions: { organization: { organization_administration: 'write', members: 'write' }, repository: { administration: 'write', contents: 'write' } },
          token_expires_at: i % 2 ? null : at(2),
          token_last_used_at: null,
          access_granted_at: at(-200)
        })
      ),
      [],
      [],
      { ...POLICY, broadPermissions: [{ name: 'organization_administration', level: 'write' }, { name: 'members', level: 'write' }, { name: 'administration', level: 'write' }] }
    )
    const md = renderInventorySummary(long)
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| Owner'))) {
      const rows = table.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---')).map(cells)
      const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => Math.max(...(r[c] ?? '').split(/\s+/).map((w) => [...w].length)))))
      const px = widths.reduce((sum, w) => sum + w * 8 + 26, 0)
      expect(px).toBeLessThanOrEqual(1000)
    }
  })

  it(`shows at most ${MAX_ACTION_ROWS} rows and says where the rest are`, () => {
    const md = renderInventorySummary(build(Array.from({ length: MAX_ACTION_ROWS + 5 }, (_, i) => entry(i + 1, { token_expires_at: null }))))
    expect(md).toContain('… and 5 more, in the `report` output.')
  })
})

describe('tracking issue', () => {
  it('lists what needs action with its link, and closes on a pass', () => {
    const r = SAMPLE()
    const body = inventoryIssueBody(r, '<!-- m -->')
    expect(body.startsWith('<!-- m -->')).toBe(true)
    expect(body).toContain('- [ ] `user-6/token-6#6`: expired 2026-11-29 — [rotate](https://github.com/settings/personal-access-tokens/new?')
    expect(body).toContain('`user-1/token-50#50`: pending for 20 days — [approve or deny](https://github.com/organizations/acme/settings/personal-access-token-requests)')
    expect(decideInventoryIssueAction(r, undefined, '<!-- m -->')).toMatchObject({ kind: 'create', title: 'Token inventory failing: acme (6 need action)' })
    expect(decideInventoryIssueAction(r, { number: 4, body: '' }, '<!-- m -->')).toMatchObject({ kind: 'update', number: 4 })
    const pass = build([entry(1)])
    expect(decideInventoryIssueAction(pass, { number: 4, body: '' }, '<!-- m -->')).toMatchObject({ kind: 'close', number: 4 })
    expect(decideInventoryIssueAction(pass, undefined, '<!-- m -->')).toEqual({ kind: 'none' })
  })

  it('stays within an issue body limit for thousands of entries', () => {
    const r = build(Array.from({ length: 3000 }, (_, i) => entry(i + 1, { token_expires_at: null })))
    const body = inventoryIssueBody(r, '<!-- m -->')
    expect(body.length).toBeLessThanOrEqual(65_000)
    expect(body).toMatch(/… and \d+ more: see the run's `report` output\./)
  })
})

describe('the inventory in a terminal (CLI and demo)', () => {
  const MARKDOWN = [/`/, /\*\*/, /^#{1,6} /m, /^\s*\|.*\|\s*$/m, /\]\(/, /<\/?(br|details|summary|a|b|table)\b/i, /&(lt|gt|amp);/]

  it('is plain text: the verdict, each finding, and every entry that needs action with what to do and its link', () => {
    const report = SAMPLE()
    const text = renderInventoryTerminal(report)
    for (const re of MARKDOWN) expect([re.source, re.test(text)]).toEqual([re.source, false])
    expect(text).not.toContain('\x1b[')
    expect(text.split('\n')[0]).toContain('acme')
    for (const f of report.findings) expect(text).toContain(f.title)
    const needing = report.entries.filter((v) => v.action !== 'none' || v.problems.length > 0)
    expect(needing.length).toBeGreaterThan(3)
    for (const v of needing) expect(text).toContain(v.key)
    expect(text).toContain('approve or deny: https://github.com/')
    expect(text).toContain('rotate: https://github.com/settings/personal-access-tokens/new?')
  })

  it('counts what it leaves out past maxRows, and colours only when asked', () => {
    const report = SAMPLE()
    const needing = report.entries.filter((v) => v.action !== 'none' || v.problems.length > 0)
    expect(renderInventoryTerminal(report, { maxRows: 2 })).toContain(`… and ${needing.length - 2} more`)
    expect(renderInventoryTerminal(report, { color: true })).toContain('\x1b[1m')
  })
})
