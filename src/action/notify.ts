/** The tracking issue, written from the action's shell: a failure here is a warning, never the audit's verdict. */
import type { ActionIO } from './io.js'
import type { IssueClient } from '../notify/tracking-issue.js'
import type { Settings } from '../inputs/settings.js'
import { formatPermissionList } from '../inputs/required-permissions.js'
import type { Report } from '../report/report.js'
import { applyTracking, trackingKey, trackingMarker } from '../notify/tracking-issue.js'
import { describeError } from '../run-audit.js'

export interface NotifyDependencies {
  readonly env: NodeJS.ProcessEnv
  /** Builds the tracking issue's client, with the workflow's token, for the workflow's repository. */
  readonly makeIssueClient: (settings: Settings, repository: { owner: string; repo: string }, redact: (text: string) => string, deadline?: number) => IssueClient
}

/** Opens, updates or closes the tracking issue; a failure here is a warning, never the audit's verdict. */
export async function notify(settings: Settings, report: Report, summary: string, deps: NotifyDependencies, io: ActionIO, redact: (t: string) => string, deadline?: number): Promise<void> {
  const [owner, repo] = (deps.env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    io.annotate('warning', 'notify: issue needs the workflow repository (GITHUB_REPOSITORY), which is not set; no tracking issue was written.')
    return
  }
  const server = (deps.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = deps.env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${deps.env.GITHUB_RUN_ID}` : undefined
  const marker = trackingMarker(
    trackingKey({ workflow: deps.env.GITHUB_WORKFLOW, job: deps.env.GITHUB_JOB, repository: report.target.repository, organization: report.target.organization, required: formatPermissionList(settings.required) })
  )
  try {
    const client = deps.makeIssueClient(settings, { owner, repo }, redact, deadline)
    io.info(await applyTracking(client, report, marker, summary, runUrl))
  } catch (error: unknown) {
    const status = (error as { status?: unknown })?.status
    io.annotate('warning', `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${describeError(error, redact)}`, 'Tracking issue')
  }
}
