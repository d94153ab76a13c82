/**
 * `mode: organization` in the action's shell: validate the inputs, read the organization's record with
 * org-admin-token through the audit's own transport, judge it, then write the outputs, the summary, one annotation per
 * kind of problem and (with `notify: issue`) the tracking issue. Every output is set by the caller on every path; this
 * function only fills them in.
 */
import type { ActionIO } from '../action/io.js'
import type { RequiredPermission } from '../types.js'
import type { PermissionNames } from '../inputs/required-permissions.js'
import type { Settings } from '../inputs/settings.js'
import type { Transport } from '../audit/transport.js'
import { serverUrlFor } from '../report/regenerate-url.js'
import { renderInputErrorSummary } from '../report/input-error-summary.js'
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

export interface InventoryShell {
  readonly io: ActionIO
  readonly env: NodeJS.ProcessEnv
  readonly now: () => number
  readonly makeTransport: (settings: Settings, deadline: number, debug: (m: string) => void, token?: string) => Transport
  readonly makeIssueClient: (settings: Settings, repository: { owner: string; repo: string }, redact: (text: string) => string) => IssueClient
  readonly redact: (text: string) => string
}

export async function runInventory(raw: InventoryRawInputs, names: PermissionNames, shell: InventoryShell, outputs: Map<string, string>): Promise<void> {
  const { io } = shell
  const parsed = parseInventorySettings(raw, names)
  if (!parsed.ok) {
    for (const error of parsed.errors) io.fail(error)
    outputs.set('report', JSON.stringify({ schemaVersion: 1, mode: 'organization', result: 'fail', inputErrors: parsed.errors }))
    await writeSummary(io, renderInputErrorSummary(parsed.errors))
    return
  }
  const settings = parsed.settings
  for (const warning of settings.inputWarnings) io.annotate('warning', warning, 'Input')
  const started = shell.now()
  const deadline = started + settings.base.timeoutSeconds * 1000
  const transport = shell.makeTransport(settings.base, deadline, (m) => io.debug(m), settings.orgAdminToken)
  const read = await readInventory(settings.organization, transport, { deadline, now: shell.now })
  const serverUrl = shell.env.GITHUB_SERVER_URL?.trim() || serverUrlFor(settings.base.apiUrl)
  const report = buildInventoryReport(read, {
    organization: settings.organization,
    serverUrl,
    startedAt: started,
    finishedAt: shell.now(),
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
  for (const f of report.findings) io.annotate(f.severity, f.message, f.title)
  await writeSummary(io, renderInventorySummary(report))
  if (settings.base.notify === 'issue') await notify(settings.base, settings.organization, report, shell)
  io.info(`pat-audit organization inventory: ${report.result} (${report.counts.tokens} tokens, ${report.counts.requests} requests, ${report.counts.needsAction} need action, ${report.stats.requests} requests sent)`)
  const failOn = settings.base.failOn
  const failing = failOn === 'never' ? false : failOn === 'warning' ? report.result !== 'pass' : report.result === 'fail'
  if (failing) io.fail(`Organization inventory ${report.result === 'fail' ? 'failed' : 'raised warnings'} (fail-on: ${failOn}); see the job summary.`)
}

async function writeSummary(io: ActionIO, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown)
  } catch (error: unknown) {
    io.annotate('warning', `The job summary could not be written: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
}

export function setInventoryOutputs(outputs: Map<string, string>, report: InventoryReport): void {
  outputs.set('result', report.result)
  outputs.set('tokens', String(report.counts.tokens))
  for (const name of ['expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'] as const) outputs.set(name, report.lists[name].join(','))
  outputs.set('report', reportJson(report))
}

async function notify(base: Settings, organization: string, report: InventoryReport, shell: InventoryShell): Promise<void> {
  const { io, env } = shell
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    io.annotate('warning', 'notify: issue needs the workflow repository (GITHUB_REPOSITORY), which is not set; no tracking issue was written.')
    return
  }
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  const marker = trackingMarker(trackingKey({ workflow: env.GITHUB_WORKFLOW, job: env.GITHUB_JOB, organization, required: 'mode:organization' }))
  try {
    const client = shell.makeIssueClient(base, { owner, repo }, shell.redact)
    const existing = await findTrackingIssue(client, marker)
    io.info(await applyIssueAction(client, decideInventoryIssueAction(report, existing, marker, runUrl)))
  } catch (error: unknown) {
    const status = (error as { status?: unknown })?.status
    io.annotate(
      'warning',
      `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error).slice(0, 300)}`,
      'Tracking issue'
    )
  }
}
