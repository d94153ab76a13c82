import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/report/report.js'
import type { IssueClient } from '../../src/notify/tracking-issue.js'
import { applyTracking, decideIssueAction, trackingKey, trackingMarker } from '../../src/notify/tracking-issue.js'

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
