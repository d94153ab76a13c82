import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/report/report.js'
import type { IssueClient } from '../../src/notify/tracking-issue.js'
import { applyIssueAction, decideIssueAction, findTrackingIssue, trackingKey, trackingMarker } from '../../src/notify/tracking-issue.js'

const report = (result: Report['result']) =>
  ({ result, target: { repository: 'acme/infra', apiUrl: '', edition: 'fpt' }, token: { owner: 'octocat' }, regenerateUrl: 'https://github.com/settings/personal-access-tokens/new?x=1' }) as unknown as Report

/** An in-memory issue tracker. */
function tracker(initial: Array<{ number: number; body: string; state: 'open' | 'closed' }> = []) {
  const issues = [...initial.map((i) => ({ ...i, title: '', comments: [] as string[] }))]
  const client: IssueClient = {
    listOpen: async (page) => issues.filter((i) => i.state === 'open').slice((page - 1) * 100, page * 100),
    create: async (title, body) => {
      const number = issues.length + 1
      issues.push({ number, title, body, state: 'open', comments: [] })
      return number
    },
    update: async (n, title, body) => void Object.assign(issues.find((i) => i.number === n)!, { title, body }),
    comment: async (n, body) => void issues.find((i) => i.number === n)!.comments.push(body),
    close: async (n) => void (issues.find((i) => i.number === n)!.state = 'closed')
  }
  return { issues, client }
}

const marker = trackingMarker(trackingKey({ workflow: 'audit', job: 'token', repository: 'acme/infra', required: 'contents:write' }))

async function cycle(client: IssueClient, r: Report): Promise<string> {
  return applyIssueAction(client, decideIssueAction(r, await findTrackingIssue(client, marker), marker, '## summary', 'https://github.com/acme/infra/actions/runs/1'))
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
})
