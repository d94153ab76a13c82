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

/**
 * GitHub refuses an issue body over 65,536 characters: 422 "body is too long (maximum is 65536 characters)", as
 * users of other actions pasted it (https://github.com/peter-evans/create-issue-from-file/issues/1049,
 * https://github.com/trstringer/manual-approval/issues/89). A margin below it.
 */
export const MAX_ISSUE_BODY = 65_000

export function issueBody(report: Report, marker: string, summary: string, runUrl?: string): string {
  const head = [
    marker,
    `This issue is kept up to date by pat-audit while the audit does not pass${runUrl ? `; last run: ${runUrl}` : ''}. It closes itself when a run passes.`,
    '',
    `**Create a correct replacement token:** ${report.regenerateUrl}`,
    ''
  ].join('\n')
  const whole = `${head}\n${summary}`
  if (whole.length <= MAX_ISSUE_BODY) return whole
  const rest = `<p>… The rest of this summary did not fit in an issue: it is in the run's job summary${runUrl ? ` (${runUrl})` : ''}.</p>`
  return `${head}\n${summaryPrefix(summary, MAX_ISSUE_BODY - head.length - rest.length - 2)}\n${rest}`
}

/**
 * The longest run of the summary's first lines within `budget` characters that leaves no table or folded section open.
 * core.summary ends each element it adds with a line break and writes a table or a folded section on one line, so a
 * cut between lines, never inside one, leaves no tag, entity or character split; the count of opening and closing tags
 * is a check for the text inside an element that held a line break of its own.
 */
function summaryPrefix(summary: string, budget: number): string {
  const kept: string[] = []
  let length = -1
  let open = 0
  let balanced = 0
  for (const line of summary.split(/\r?\n/)) {
    length += line.length + 1
    if (length > budget) break
    kept.push(line)
    open += opened(line, 'table') + opened(line, 'details')
    if (open === 0) balanced = kept.length
  }
  return kept.slice(0, balanced).join('\n')
}

/** How many `<tag` a line opens, less the `</tag>` it closes. */
function opened(line: string, tag: string): number {
  return line.split(`<${tag}`).length - line.split(`</${tag}>`).length
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

/** The label every tracking issue carries; candidates are found by it and by their creator. */
export const TRACKING_LABEL = 'pat-audit'

export interface ListedIssue {
  readonly number: number
  readonly body?: string | null
  readonly pull_request?: unknown
  readonly user?: { readonly login?: string } | null
  readonly labels?: ReadonlyArray<{ readonly name?: string } | string>
}

/** What the action needs to find and write the issue; the shell implements it with Octokit. */
export interface IssueClient {
  /** The login of github-token's own identity (the creator of the issues it writes). */
  whoami(): Promise<string>
  /** Open issues created by `creator` and carrying `label`, newest first (GitHub filters; the caller checks again). */
  listOwn(creator: string, label: string): Promise<ListedIssue[]>
  create(title: string, body: string, label: string): Promise<{ number: number; creator?: string; labels?: string[] }>
  update(issue: number, title: string, body: string): Promise<void>
  comment(issue: number, body: string): Promise<void>
  close(issue: number): Promise<void>
}

/** The audit's own issue: created by `login`, carrying the label and the marker; never anyone else's. */
export async function findTrackingIssue(client: IssueClient, login: string, marker: string): Promise<IssueSnapshot | undefined> {
  const issues = await client.listOwn(login, TRACKING_LABEL)
  const own = issues.filter(
    (i) =>
      !i.pull_request &&
      typeof i.body === 'string' &&
      i.body.includes(marker) &&
      i.user?.login?.toLowerCase() === login.toLowerCase() &&
      (i.labels ?? []).some((l) => (typeof l === 'string' ? l : l.name)?.toLowerCase() === TRACKING_LABEL)
  )
  // The oldest of its own issues is the one kept up to date.
  const found = own.sort((a, b) => a.number - b.number)[0]
  return found ? { number: found.number, body: found.body ?? '' } : undefined
}

/** Carries out the action; returns a sentence saying what was done. */
export async function applyIssueAction(client: IssueClient, action: IssueAction, login = ''): Promise<string> {
  switch (action.kind) {
    case 'none':
      return 'No tracking issue is open and the audit passed: nothing to do.'
    case 'create': {
      // Sent once (never retried): a 5xx may arrive after GitHub created it.
      const created = await client.create(action.title, action.body, TRACKING_LABEL)
      const notes: string[] = []
      if (login && created.creator && created.creator.toLowerCase() !== login.toLowerCase()) {
        notes.push(` GitHub shows it as created by ${created.creator}, not ${login}: later runs will not find it.`)
      }
      if (created.labels && !created.labels.some((l) => l.toLowerCase() === TRACKING_LABEL)) {
        notes.push(` GitHub dropped the label '${TRACKING_LABEL}' (setting labels needs push access): later runs will not find it.`)
      }
      return `Opened tracking issue #${created.number}.${notes.join('')}`
    }
    case 'update':
      await client.update(action.number, action.title, action.body)
      return `Updated tracking issue #${action.number}.`
    case 'close':
      await client.comment(action.number, action.comment)
      await client.close(action.number)
      return `Closed tracking issue #${action.number}: the audit passes.`
  }
}

/**
 * The whole step: who github-token is, its own open issue for this audit, then one action. Before creating, the list
 * is read again, so two runs that overlap (or a create whose answer was lost) do not open a second issue.
 */
export async function applyTracking(client: IssueClient, report: Report, marker: string, summary: string, runUrl?: string): Promise<string> {
  const login = await client.whoami()
  const existing = await findTrackingIssue(client, login, marker)
  let action = decideIssueAction(report, existing, marker, summary, runUrl)
  if (action.kind === 'create') {
    const again = await findTrackingIssue(client, login, marker)
    if (again) action = decideIssueAction(report, again, marker, summary, runUrl)
  }
  return applyIssueAction(client, action, login)
}
