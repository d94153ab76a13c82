/**
 * `mode: organization`: runInventory is what runAudit runs in this mode (inputs, reading, judging, outputs, summary);
 * notifyInventory is the tracking issue, written by the action's shell. Every output is set by the caller on every
 * path; runInventory only fills them in.
 */
import type { ActionIO } from '../action/io.js'
import type { RequiredPermission } from '../types.js'
import type { PermissionNames } from '../inputs/required-permissions.js'
import type { Settings } from '../inputs/settings.js'
import type { Transport } from '../audit/transport.js'
import { serverUrlFor } from '../report/regenerate-url.js'
import { renderInputErrorsSummary } from '../action/job-summary.js'
import type { IssueClient } from '../notify/tracking-issue.js'
import { applyIssueAction, findTrackingIssue, trackingKey, trackingMarker } from '../notify/tracking-issue.js'
import { decideInventoryIssueAction } from './notify.js'
import { readInventory } from './read.js'
import { buildInventoryReport, reportJson } from './report.js'
import type { InventoryReport } from './report.js'
import type { InventoryRawInputs } from './settings.js'
import { parseInventorySettings } from './settings.js'
import { renderInventorySummary } from './summary.js'

/** The outputs of organization mode (the others are set empty). */
export const INVENTORY_OUTPUT_NAMES = ['tokens', 'expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'] as const

export interface InventoryDependencies {
  readonly now: () => number
  readonly makeTransport: (settings: Settings, deadline: number, debug: (m: string) => void, token?: string) => Transport
  readonly debug: (message: string) => void
}

/** What runAudit returns for organization mode (the shells write it out). */
export interface InventoryRun {
  readonly errors: readonly string[]
  readonly warnings: readonly string[]
  readonly inventory?: InventoryReport
  readonly summary?: string
  /** The shared inputs (notify, github-token, fail-on, …), when they were valid. */
  readonly settings?: Settings
  readonly failure?: string
}

/**
 * mode: organization, called by runAudit: validate the inputs, read the organization's record with org-admin-token
 * through the audit's own transport, judge it, and fill in the outputs. Reads and writes nothing else.
 */
export async function runInventory(raw: InventoryRawInputs, names: PermissionNames, env: NodeJS.ProcessEnv, deps: InventoryDependencies, outputs: Map<string, string>): Promise<InventoryRun> {
  outputs.set('token-type', 'unknown')
  const parsed = parseInventorySettings(raw, names)
  if (!parsed.ok) {
    outputs.set('report', JSON.stringify({ schemaVersion: 1, mode: 'organization', result: 'fail', inputErrors: parsed.errors }))
    return { errors: parsed.errors, warnings: [], summary: renderInputErrorsSummary(parsed.errors) }
  }
  const settings = parsed.settings
  const started = deps.now()
  const deadline = started + settings.base.timeoutSeconds * 1000
  const transport = deps.makeTransport(settings.base, deadline, deps.debug, settings.orgAdminToken)
  const read = await readInventory(settings.organization, transport, { deadline, now: deps.now })
  const serverUrl = env.GITHUB_SERVER_URL?.trim() || serverUrlFor(settings.base.apiUrl)
  const report = buildInventoryReport(read, {
    organization: settings.organization,
    serverUrl,
    startedAt: started,
    finishedAt: deps.now(),
    policy: {
      now: started,
      expiryWarnDays: settings.base.expiryWarnDays,
      expiryFailDays: settings.base.expiryFailDays,
      maxLifetimeDays: settings.base.maxLifetimeDays,
      unusedDays: settings.unusedDays,
      pendingDays: settings.pendingDays,
      broadPermissions: settings.broadPermissions as RequiredPermission[]
    }
  })
  setInventoryOutputs(outputs, report)
  const failOn = settings.base.failOn
  const failing = failOn === 'never' ? false : failOn === 'warning' ? report.result !== 'pass' : report.result === 'fail'
  return {
    errors: [],
    warnings: settings.inputWarnings,
    inventory: report,
    summary: renderInventorySummary(report),
    settings: settings.base,
    ...(failing ? { failure: `Organization inventory ${report.result === 'fail' ? 'failed' : 'raised warnings'} (fail-on: ${failOn}); see the job summary.` } : {})
  }
}

export function setInventoryOutputs(outputs: Map<string, string>, report: InventoryReport): void {
  outputs.set('result', report.result)
  outputs.set('tokens', String(report.counts.tokens))
  for (const name of ['expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'] as const) outputs.set(name, report.lists[name].join(','))
  outputs.set('report', reportJson(report))
}

export interface InventoryNotifyDependencies {
  readonly env: NodeJS.ProcessEnv
  readonly makeIssueClient: (settings: Settings, repository: { owner: string; repo: string }, redact: (text: string) => string) => IssueClient
}

/** The tracking issue in organization mode, from the action's shell: a failure here is a warning, never the verdict. */
export async function notifyInventory(base: Settings, report: InventoryReport, deps: InventoryNotifyDependencies, io: ActionIO, redact: (t: string) => string): Promise<void> {
  const env = deps.env
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    io.annotate('warning', 'notify: issue needs the workflow repository (GITHUB_REPOSITORY), which is not set; no tracking issue was written.')
    return
  }
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  const marker = trackingMarker(trackingKey({ workflow: env.GITHUB_WORKFLOW, job: env.GITHUB_JOB, organization: report.organization, required: 'mode:organization' }))
  try {
    const client = deps.makeIssueClient(base, { owner, repo }, redact)
    // Only the issue github-token's own identity created, with the label (issue 12); read again before creating.
    const login = await client.whoami()
    let action = decideInventoryIssueAction(report, await findTrackingIssue(client, login, marker), marker, runUrl)
    if (action.kind === 'create') action = decideInventoryIssueAction(report, await findTrackingIssue(client, login, marker), marker, runUrl)
    io.info(await applyIssueAction(client, action, login))
  } catch (error: unknown) {
    const status = (error as { status?: unknown })?.status
    io.annotate(
      'warning',
      `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error).slice(0, 300)}`,
      'Tracking issue'
    )
  }
}
