/**
 * The job summary, tested through @actions/core's summary buffer (`core.summary.stringify()`), as
 * actions/dependency-review-action tests its own, each time compared with what the action writes through its copy of
 * core's builder (summary-builder.ts); and the problems it is made of.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { buildInputErrorsSummary, buildJobSummary, prepareRows, renderInputErrorsSummary, renderJobSummary } from '../../src/action/job-summary.js'
import { Summary } from '../../src/action/summary-builder.js'
import type { SummaryBuilder } from '../../src/action/summary-builder.js'
import { linkTo, replacementLink } from '../../src/report/fix-links.js'
import type { PermissionReport, Report } from '../../src/report/report.js'
import type { Finding } from '../../src/types.js'
import { personDate } from '../../src/report/when.js'
import { annotationText, groupTitle, problemsOf } from '../../src/report/problems.js'
import { inputErrorsView, permissionRowParts, summaryView } from '../../src/report/view.js'

const REPLACE = 'https://github.com/settings/personal-access-tokens/new?name=pat-audit&contents=write'

function report(findings: Finding[], fields: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    result: findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass',
    generatedAt: '2026-12-01T20:35:29.000Z',
    target: { apiUrl: 'https://api.github.com', edition: 'fpt', repository: 'acme/infra' },
    token: { kind: 'fine-grained', owner: 'octocat', expiresAt: '2027-03-01T20:35:29.000Z', daysRemaining: 90, lifetime: { compliant: 'true', policyDays: 366, reason: 'The token expires within the 366-day policy.' } },
    permissions: [],
    findings,
    regenerateUrl: REPLACE,
    stats: { requests: 4, durationMs: 180 },
    ...fields
  }
}

const missing = (name: string): Finding => ({
  severity: 'error',
  code: 'permission-missing',
  title: `Missing ${name}: write`,
  message: 'GitHub answered 403 "Resource not accessible by personal access token" to a request that needs it.',
  fix: 'Add what is missing to the token in its settings, or create a replacement with exactly the required permissions.',
  link: { text: 'Create the replacement token', url: REPLACE },
  permission: `${name}: write`
})

/** The summary as core.summary builds it, checked to be what the action writes with its own builder. */
const built = (r: Report): string => {
  core.summary.emptyBuffer()
  buildJobSummary(summaryView(r), core.summary)
  const text = core.summary.stringify()
  expect(renderJobSummary(r)).toBe(text)
  return text
}

beforeEach(() => {
  core.summary.emptyBuffer()
})

describe('the job summary (core.summary)', () => {
  it('opens with the verdict: result, repository, token owner, expiry as a date and in days', () => {
    const text = built(report([]))
    expect(text.split('\n')[0]).toBe('<h2>✅ Token audit passed</h2>')
    expect(text.split('\n')[1]).toBe('<p><code>acme/infra</code> · fine-grained token of octocat · expires 2027-03-01 20:35 UTC, 90 days</p>')
    expect(text).not.toMatch(/\d\d:\d\d:\d\d\.\d{3}Z/)
  })

  it('states five missing permissions as one problem: one title, one reason, one fix with its link right there', () => {
    const names = ['actions', 'contents', 'issues', 'secrets', 'workflows']
    const text = built(report(names.map(missing)))
    expect(text.match(/Resource not accessible/g)).toHaveLength(1)
    expect(text.match(/Add what is missing/g)).toHaveLength(1)
    const block = text.split('\n').find((l) => l.includes('Missing actions: write'))
    expect(block).toBe(
      `<p>❌ <strong>Missing actions: write, contents: write, issues: write, secrets: write, workflows: write</strong><br>GitHub answered 403 &quot;Resource not accessible by personal access token&quot; to a request that needs it.<br><strong>Fix:</strong> Add what is missing to the token in its settings, or create a replacement with exactly the required permissions. → <strong><a href="${REPLACE.replace(/&/g, '&amp;')}">Create the replacement token</a></strong></p>`
    )
    // The replacement link is carried by the problem, so it is not repeated at the end.
    expect(text.match(/Create the replacement token/g)).toHaveLength(1)
  })

  it('puts the problems before the permissions table, and the evidence inside each status', () => {
    const r = report([missing('secrets')], {
      permissions: [
        {
          name: 'secrets',
          level: 'write',
          title: 'Secrets',
          status: 'missing',
          code: 'not-accessible',
          reason: missing('secrets').message,
          evidence: [{ method: 'PUT', path: '/repos/acme/infra/actions/secrets/9000123456789012', shownPath: '/repos/acme/infra/actions/secrets/{secret_name}', status: 403, message: 'Resource not accessible by personal access token', acceptedPermissions: 'secrets=write', role: 'probe', safety: 'body lacks required \'encrypted_value\'' }]
        }
      ]
    })
    const text = built(r)
    expect(text.indexOf('Missing secrets: write')).toBeLessThan(text.indexOf('<table>'))
    expect(text).toContain('<details><summary>❌ missing</summary><code>PUT /<wbr>repos/<wbr>acme/<wbr>infra/<wbr>actions/<wbr>secrets/<wbr>{secret_name}</code> → 403')
    expect(text).not.toContain('9000123456789012')
    // The reason is the problem's, already stated above: not repeated in the evidence.
    expect(text.match(/to a request that needs it/g)).toHaveLength(1)
  })

  it('renders a row prepared while answers are awaited (prepareRows) as one made after the last answer, its reason shown or not', () => {
    const permission = (name: string, status: PermissionReport['status'], reason: string): PermissionReport => ({
      name,
      level: 'write',
      title: name,
      status,
      code: status === 'missing' ? 'not-accessible' : 'authorised-invalid',
      reason,
      evidence: [{ method: 'POST', path: `/repos/acme/infra/${name}`, status: status === 'missing' ? 403 : 422, message: 'Validation Failed & more', role: 'probe', safety: 'body lacks `title`' }]
    })
    const make = () =>
      report([missing('issues')], {
        permissions: [permission('issues', 'missing', missing('issues').message), permission('pulls', 'granted', 'GitHub answered 422: the write was refused for its body, after the permission check.')]
      })
    const fresh = renderJobSummary(make())
    const prepared = make()
    prepareRows(prepared.permissions)
    // The parts are made once per verdict: the summary takes the prepared ones.
    expect(permissionRowParts(prepared.permissions[1] as PermissionReport)).toBe(permissionRowParts(prepared.permissions[1] as PermissionReport))
    expect(renderJobSummary(prepared)).toBe(fresh)
    // The stated reason (the problem's) is not repeated; the other one is, inside its status.
    expect(fresh.match(/to a request that needs it/g)).toHaveLength(1)
    expect(fresh).toContain('<details><summary>✅ granted</summary>GitHub answered 422: the write was refused for its body, after the permission check.<br><code>POST /repos/acme/infra/pulls</code> → 422 “Validation Failed &amp; more” · harmless: body lacks <code>title</code></details>')
  })

  it('lists the levels held beyond the requirement by level, in the order held, when there are too many for the problem', () => {
    const held = Array.from({ length: 12 }, (_, i) => `p${i}:${i % 3 === 1 ? 'write' : 'read'}`)
    const [section] = summaryView(report([], { excess: { permissions: held, undecided: 2 } })).sections
    expect(section?.summary).toBe('Beyond the requirement: 12 permission levels held, 2 undecided')
    expect(section?.lines?.slice(0, 2)).toEqual(['read: `p0`, `p2`, `p3`, `p5`, `p6`, `p8`, `p9`, `p11`', 'write: `p1`, `p4`, `p7`, `p10`'])
  })

  it('escapes whatever GitHub or an input says: no markup gets through, quotes stay inside the link', () => {
    const evil: Finding = { severity: 'error', code: 'x', title: 'A <b>title</b>', message: 'GitHub said <img src=x onerror=alert(1)> & "more"', fix: 'Do `this`.', link: { text: 'Go "there"', url: 'https://example.test/a?b="c"&d=<e>' } }
    const text = built(report([evil]))
    expect(text).not.toContain('<img')
    expect(text).not.toContain('<b>')
    expect(text).toContain('GitHub said &lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;')
    expect(text).toContain('<a href="https://example.test/a?b=&quot;c&quot;&amp;d=&lt;e&gt;">Go &quot;there&quot;</a>')
    expect(text).toContain('Do <code>this</code>.')
  })

  it('builds with a copy of core.summary that writes the same for every method the action calls, whatever the text', () => {
    const texts = ['plain', '', 'a <b>tag</b> & "quotes"', 'line\nbreak', '✅ ⚠️ → “quoted”']
    for (const text of texts) {
      const build = (s: SummaryBuilder) =>
        s
          .emptyBuffer()
          .addHeading(text, 2)
          .addHeading(text, 7)
          .addHeading(text)
          .addRaw(text)
          .addRaw(text, true)
          .addList([text, 'b'])
          .addList([text], true)
          .addTable([[{ data: text, header: true }, { data: 'x', colspan: '2' }, { data: 'y', rowspan: '3' }], [text, '', 'z']])
          .addDetails(text, text)
          .addRaw(`<p>${text} `)
          .addLink(text, `https://example.com/?q=${text}`)
          .addRaw('</p>', true)
          .addEOL()
          .stringify()
      expect(build(new Summary())).toBe(build(core.summary))
    }
  })

  it('keeps core.summary as it was when rendering to a string', () => {
    core.summary.addRaw('already there')
    const text = renderJobSummary(report([]))
    expect(text).toContain('Token audit passed')
    expect(core.summary.stringify()).toBe('already there')
  })

  it('names every invalid input and says nothing was sent', () => {
    const errors = ["Input 'expiry-warn-days': expected a number of days (a whole number from 0 to 3650), got 'soon'.", "Input 'fail-on': expected one of error, warning, never, got 'sometimes'."]
    buildInputErrorsSummary(inputErrorsView(errors), core.summary)
    const text = core.summary.stringify()
    expect(renderInputErrorsSummary(errors)).toBe(text)
    expect(text).toContain('<h2>❌ Token audit did not run: invalid inputs</h2>')
    expect(text).toContain('No request was sent to GitHub because of these 2 input errors')
    expect(text).toContain("<li>Input 'expiry-warn-days': expected a number of days")
    expect(text).toContain("<li>Input 'fail-on'")
  })
})

describe('problems', () => {
  it('group findings of one code, fix and link; keep others apart', () => {
    const expiring: Finding = { severity: 'warning', code: 'token-expiring', title: 'Expires in 9 days', message: 'Soon.', fix: 'Create a replacement and update the secret.', link: { text: 'Create the replacement token', url: REPLACE } }
    const problems = problemsOf([missing('a'), expiring, missing('b')])
    expect(problems.map((p) => p.title)).toEqual(['Missing a: write, b: write', 'Expires in 9 days'])
  })

  it('list each reason with its subject when the grouped reasons differ', () => {
    const [p] = problemsOf([
      { ...missing('a'), message: 'Scopes lack repo.' },
      { ...missing('b'), message: 'Scopes lack workflow.' }
    ])
    expect(p.reasons).toEqual([
      { subject: 'a: write', text: 'Scopes lack repo.' },
      { subject: 'b: write', text: 'Scopes lack workflow.' }
    ])
  })

  it('title a group by what its titles share', () => {
    const f = (title: string): Finding => ({ severity: 'warning', code: 'c', title, message: 'm' })
    expect(groupTitle([f('Reach of acme/a unknown'), f('Reach of acme/b unknown')])).toBe('Reach of acme/a, acme/b unknown')
    expect(groupTitle([f('Input'), f('Input')])).toBe('Input; Input')
    expect(groupTitle([f('One thing'), f('Another')])).toBe('One thing; Another')
  })

  it('make annotations that stand alone: the reason, the fix and the URL, no Markdown, no "below"', () => {
    const [p] = problemsOf([missing('contents')])
    const text = annotationText(p)
    expect(text).toBe(`${missing('contents').message} Fix: ${missing('contents').fix} Create the replacement token: ${REPLACE}`)
    expect(text).not.toMatch(/`|below/)
  })
})

describe('links and dates', () => {
  it('link only http(s) URLs', () => {
    expect(linkTo('x', 'javascript:alert(1)')).toBeUndefined()
    expect(linkTo('x', 'not a url')).toBeUndefined()
    expect(linkTo('x', 'https://github.com/orgs/acme/sso?authorization_request=A')).toEqual({ text: 'x', url: 'https://github.com/orgs/acme/sso?authorization_request=A' })
    expect(replacementLink(REPLACE)?.text).toBe('Create the replacement token')
  })

  it('show dates in a person’s form', () => {
    expect(personDate('2027-03-01T20:35:29.000Z')).toBe('2027-03-01 20:35 UTC')
    expect(personDate('not a date')).toBe('not a date')
  })
})
