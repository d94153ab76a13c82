/**
 * The tracking issue (input `notify: issue`): one issue in the workflow's repository per audit, found again by a
 * hidden marker, opened or updated while the result is not `pass`, and closed with a comment when a run passes.
 * It is written with the workflow's own token (`github-token`), never with the audited token, and only when the
 * user asked for it: these are the only requests of the action that change anything on GitHub.
 */
import { createHash } from 'node:crypto'
import type { Report } from '../report/report.js'

export interface IssueSnapshot {
  readonly number: number
  readonly body: string
}

export type IssueAction =
  | { readonly kind: 'create'; readonly title: string; readonly body: string }
  | { readonly kind: 'update'; readonly number: number; readonly title: string; readonly body: string }
  | { readonly kind: 'close'; readonly number: number; readonly comment: string }
  | { readonly kind: 'none' }

/** Identifies this audit (not the token, which changes when it is replaced): workflow, job, target and requirement. */
export function trackingKey(parts: { workflow?: string; job?: string; repository?: string; organization?: string; required: string }): string {
  const text = [parts.workflow ?? '', parts.job ?? '', parts.repository ?? '', parts.organization ?? '', parts.required].join('\n')
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

export function trackingMarker(key: string): string {
  return `<!-- pat-audit:tracking ${key} -->`
}

export function issueTitle(report: Report): string {
  const subject = report.target.repository ?? report.target.organization ?? 'a token'
  const owner = report.token.owner ? ` (${report.token.owner})` : ''
  return `Token audit ${report.result === 'fail' ? 'failing' : 'warning'}: ${subject}${owner}`.slice(0, 200)
}

export function issueBody(report: Report, marker: string, summary: string, runUrl?: string): string {
  return [
    marker,
    `This issue is kept up to date by pat-audit while the audit does not pass${runUrl ? `; last run: ${runUrl}` : ''}. It closes itself when a run passes.`,
    '',
    `**Create a correct replacement token:** ${report.regenerateUrl}`,
    '',
    summary
  ]
    .join('\n')
    .slice(0, 65_000)
}

export function decideIssueAction(report: Report, existing: IssueSnapshot | undefined, marker: string, summary: string, runUrl?: string): IssueAction {
  if (report.result === 'pass') {
    return existing
      ? { kind: 'close', number: existing.number, comment: `The token passed the audit${runUrl ? ` (${runUrl})` : ''}. Closing.` }
      : { kind: 'none' }
  }
  const body = issueBody(report, marker, summary, runUrl)
  return existing ? { kind: 'update', number: existing.number, title: issueTitle(report), body } : { kind: 'create', title: issueTitle(report), body }
}

/** What the action needs to find and write the issue; the shell implements it with Octokit. */
export interface IssueClient {
  /** Open issues of the repository, newest first, page by page (bounded by the caller). */
  listOpen(page: number): Promise<Array<{ number: number; body?: string | null; pull_request?: unknown }>>
  create(title: string, body: string): Promise<number>
  update(issue: number, title: string, body: string): Promise<void>
  comment(issue: number, body: string): Promise<void>
  close(issue: number): Promise<void>
}

export const MAX_ISSUE_PAGES = 10

export async function findTrackingIssue(client: IssueClient, marker: string): Promise<IssueSnapshot | undefined> {
  for (let page = 1; page <= MAX_ISSUE_PAGES; page++) {
    const issues = await client.listOpen(page)
    const found = issues.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(marker))
    if (found) return { number: found.number, body: found.body ?? '' }
    if (issues.length < 100) return undefined
  }
  return undefined
}

/** Carries out the action; returns a sentence saying what was done. */
export async function applyIssueAction(client: IssueClient, action: IssueAction): Promise<string> {
  switch (action.kind) {
    case 'none':
      return 'No tracking issue is open and the audit passed: nothing to do.'
    case 'create':
      return `Opened tracking issue #${await client.create(action.title, action.body)}.`
    case 'update':
      await client.update(action.number, action.title, action.body)
      return `Updated tracking issue #${action.number}.`
    case 'close':
      await client.comment(action.number, action.comment)
      await client.close(action.number)
      return `Closed tracking issue #${action.number}: the audit passes.`
  }
}
