import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/report/report.js'
import type { IssueClient } from '../../src/notify/tracking-issue.js'
import fc from 'fast-check'
import { applyTracking, decideIssueAction, issueBody, MAX_ISSUE_BODY, trackingKey, trackingMarker } from '../../src/notify/tracking-issue.js'

const report = (result: Report['result']) =>
  ({ result, target: { repository: 'acme/infra', apiUrl: '', edition: 'fpt' }, token: { owner: 'octocat' }, regenerateUrl: 'https://github.com/settings/personal-access-tokens/new?x=1' }) as unknown as Report

/** An in-memory issue tracker; `me` is github-token's login. */
function tracker(initial: Array<{ number: number; body: string; state: 'open' | 'closed'; creator?: string; labels?: string[] }> = [], me = 'github-actions[bot]') {
  const issues = [...initial.map((i) => ({ creator: me, labels: ['pat-audit'], ...i, title: '', comments: [] as string[] }))]
  const calls: string[] = []
  const client: IssueClient = {
    whoami: async () => me,
    listOwn: async (creator, label) => {
      calls.push(`list ${creator} ${label}`)
      return issues
        .filter((i) => i.state === 'open' && i.creator === creator && i.labels.includes(label))
        .reverse()
        .map((i) => ({ number: i.number, body: i.body, user: { login: i.creator }, labels: i.labels.map((name) => ({ name })) }))
    },
    create: async (title, body, label) => {
      calls.push('create')
      const number = issues.length + 1
      issues.push({ number, title, body, state: 'open', comments: [], creator: me, labels: [label] })
      return { number, creator: me, labels: [label] }
    },
    update: async (n, title, body) => void (calls.push(`update ${n}`), Object.assign(issues.find((i) => i.number === n)!, { title, body })),
    comment: async (n, body) => void (calls.push(`comment ${n}`), issues.find((i) => i.number === n)!.comments.push(body)),
    close: async (n) => void (calls.push(`close ${n}`), (issues.find((i) => i.number === n)!.state = 'closed'))
  }
  return { issues, client, calls }
}

const marker = trackingMarker(trackingKey({ workflow: 'audit', job: 'token', repository: 'acme/infra', required: 'contents:write' }))

async function cycle(client: IssueClient, r: Report): Promise<string> {
  return applyTracking(client, r, marker, '## summary', 'https://github.com/acme/infra/actions/runs/1')
}

describe('the tracking issue', () => {
  it('is created once, updated on the next failing run, and closed with a comment when a run passes', async () => {
    const t = tracker([{ number: 1, body: 'an unrelated issue', state: 'open' }])
    expect(await cycle(t.client, report('fail'))).toBe('Opened tracking issue #2.')
    expect(await cycle(t.client, report('warn'))).toBe('Updated tracking issue #2.')
    expect(t.issues.filter((i) => i.body.includes(marker))).toHaveLength(1)
    expect(await cycle(t.client, report('pass'))).toBe('Closed tracking issue #2: the audit passes.')
    expect(t.issues[1]).toMatchObject({ state: 'closed', comments: [expect.stringContaining('passed the audit')] })
    expect(await cycle(t.client, report('pass'))).toMatch(/nothing to do/)
    expect(t.issues[0]).toMatchObject({ state: 'open', body: 'an unrelated issue' })
  })

  it('carries the marker, the replacement link and the summary', async () => {
    const action = decideIssueAction(report('fail'), undefined, marker, '## the summary')
    expect(action.kind).toBe('create')
    if (action.kind === 'create') {
      expect(action.body.startsWith(marker)).toBe(true)
      expect(action.body).toContain('https://github.com/settings/personal-access-tokens/new?x=1')
      expect(action.body).toContain('## the summary')
      expect(action.title).toBe('Token audit failing: acme/infra (octocat)')
    }
  })

  it('keys on the audit, not the token, so a replacement token closes the old issue', () => {
    const a = trackingKey({ workflow: 'w', job: 'j', repository: 'acme/infra', required: 'contents:write' })
    expect(trackingKey({ workflow: 'w', job: 'j', repository: 'acme/infra', required: 'contents:write' })).toBe(a)
    expect(trackingKey({ workflow: 'w', job: 'j', repository: 'acme/other', required: 'contents:write' })).not.toBe(a)
  })

  it("never edits, comments on or closes an issue it did not create, even one carrying its marker and label", async () => {
    const t = tracker([
      { number: 1, body: `${marker}\nwritten by someone else`, state: 'open', creator: 'mallory' },
      { number: 2, body: `${marker}\nmine but unlabelled`, state: 'open', labels: [] }
    ])
    expect(await cycle(t.client, report('pass'))).toMatch(/nothing to do/)
    expect(await cycle(t.client, report('fail'))).toBe('Opened tracking issue #3.')
    expect(t.calls.filter((c) => !c.startsWith('list'))).toEqual(['create'])
    expect(t.issues[0]).toMatchObject({ state: 'open', body: `${marker}\nwritten by someone else`, comments: [] })
    expect(await cycle(t.client, report('pass'))).toBe('Closed tracking issue #3: the audit passes.')
    expect(t.issues[0].state).toBe('open')
    expect(t.issues[1].state).toBe('open')
  })

  it('reads the list again just before creating, so an issue that appeared meanwhile is updated, not doubled', async () => {
    const t = tracker()
    let lists = 0
    const racing: IssueClient = {
      ...t.client,
      listOwn: async (creator, label) => {
        lists++
        // Another run created the issue between the first read and the create.
        if (lists === 2) await t.client.create('x', `${marker}\nfrom a parallel run`, 'pat-audit')
        return t.client.listOwn(creator, label)
      }
    }
    expect(await cycle(racing, report('fail'))).toBe('Updated tracking issue #1.')
    expect(t.issues).toHaveLength(1)
  })

  it('searches by its own login and its label, and says when GitHub dropped the label', async () => {
    const t = tracker([], 'octocat')
    const dropping: IssueClient = { ...t.client, create: async (title, body) => ({ ...(await t.client.create(title, body, 'pat-audit')), labels: [] }) }
    expect(await cycle(dropping, report('fail'))).toMatch(/Opened tracking issue #1\. GitHub dropped the label 'pat-audit'/)
    expect(t.calls[0]).toBe('list octocat pat-audit')
  })
})

describe("the tracking issue's body within GitHub's limit", () => {
  const runUrl = 'https://github.com/acme/infra/actions/runs/1'
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

  it('is the marker, the replacement link and the whole summary when they fit', () => {
    const summary = '<h2>❌ Token audit failed</h2>\n<p>one problem</p>\n'
    expect(issueBody(report('fail'), marker, summary, runUrl)).toBe(
      [marker, `This issue is kept up to date by pat-audit while the audit does not pass; last run: ${runUrl}. It closes itself when a run passes.`, '', '**Create a correct replacement token:** https://github.com/settings/personal-access-tokens/new?x=1', '', summary].join('\n')
    )
  })

  it('keeps the summary up to the last whole element that fits, never part of a table, and says where the rest is', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td><code>permission_${i}</code></td><td>write</td><td>✅ granted</td></tr>`).join('')
    const summary = ['<h2>❌ Token audit failed: 1 problem</h2>', '<p>❌ <strong>Missing contents: write</strong></p>', `<table>${rows}</table>`, '<p>token facts</p>', ''].join('\n')
    expect(summary.length).toBeGreaterThan(MAX_ISSUE_BODY)
    const body = issueBody(report('fail'), marker, summary, runUrl)
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY)
    expect(body.startsWith(marker)).toBe(true)
    expect(body).toContain('https://github.com/settings/personal-access-tokens/new?x=1')
    expect(body).toContain('<p>❌ <strong>Missing contents: write</strong></p>')
    expect(body).not.toContain('<table')
    expect(body.endsWith(`<p>… The rest of this summary did not fit in an issue: it is in the run's job summary (${runUrl}).</p>`)).toBe(true)
  })

  it('holds for any summary: within the limit, a prefix of whole lines, no table or folded section left open, no character split', () => {
    // Sizes drawn as numbers: fast-check keeps generated strings and arrays small, and these must pass the limit often.
    let fitted = 0
    let cut = 0
    const filler = (n: number, lineBreaks: boolean) => Array.from({ length: n }, (_, i) => (lineBreaks && i % 7 === 6 ? 'a\nb ' : 'word ')).join('')
    const element = fc.oneof(
      fc.integer({ min: 0, max: 600 }).map((n) => `<p>🔑 ${filler(n, false)}⚠️</p>`),
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.boolean()).map(([n, breaks]) => `<table>${Array.from({ length: n }, () => `<tr><td>${filler(5, breaks)}</td></tr>`).join('')}</table>`),
      fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.boolean()).map(([n, breaks]) => `<details><summary>✅ granted</summary>${filler(n, breaks)}</details>`)
    )
    fc.assert(
      fc.property(fc.array(element, { maxLength: 40, size: 'max' }), (elements) => {
        const summary = elements.join('\n')
        const body = issueBody(report('fail'), marker, summary, runUrl)
        expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY)
        expect(loneSurrogate.test(body)).toBe(false)
        const head = issueBody(report('fail'), marker, '', runUrl)
        expect(body.startsWith(head)).toBe(true)
        if (body === `${head}${summary}`) {
          fitted++
          return
        }
        cut++
        const kept = body.slice(head.length, body.lastIndexOf('\n<p>… The rest of this summary'))
        expect(summary.startsWith(kept)).toBe(true)
        expect(kept === '' || summary[kept.length] === '\n').toBe(true)
        for (const tag of ['table', 'details']) expect(kept.split(`<${tag}`).length).toBe(kept.split(`</${tag}>`).length)
      }),
      { numRuns: 300 }
    )
    // Both paths were taken.
    expect(fitted).toBeGreaterThan(10)
    expect(cut).toBeGreaterThan(10)
  })
})
