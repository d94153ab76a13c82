/**
 * The action's shell: read inputs (masking the secrets before anything else), run the audit (runAudit), then write
 * outputs, the job summary, one annotation per problem and the tracking issue. Every output is set on every path.
 */
import type { ActionIO } from './io.js'
import { redactingIO } from './io.js'
import type { Transport } from '../audit/transport.js'
import { INPUT_NAMES } from '../inputs/settings.js'
import type { Settings } from '../inputs/settings.js'
import { redactor, secretsOf, wantsGithubToken } from '../inputs/secrets.js'
import { initialOutputs } from '../report/outputs.js'
import { transportFor } from '../github/octokit-transport.js'
import { createIssueClient } from '../github/issue-client.js'
import { describeError, runAudit } from '../run-audit.js'
import { INVENTORY_INPUT_NAMES } from '../inventory/settings.js'
import type { InventoryRawInputs } from '../inventory/settings.js'
import { annotationText, problemsOf } from '../report/problems.js'
import type { NotifyDependencies } from './notify.js'

export { OUTPUT_NAMES } from '../report/outputs.js'
export type { OutputName } from '../report/outputs.js'

export interface RunDependencies extends NotifyDependencies {
  /** Default: the @actions/core package (core-io.ts), loaded only then; the bundle passes its lean IO (src/bundle.ts). */
  readonly io: ActionIO
  readonly now: () => number
  /** Builds the transport for a token: the audited one, or the org-admin token. */
  readonly makeTransport: (settings: Settings, deadline: number, debug: (m: string) => void, token?: string, redact?: (text: string) => string) => Transport
  /** The process's own preparation while GitHub answers (the bundle's: its exit's stream, delimiters and files). */
  readonly whileWaiting?: () => void
}

const defaultDependencies: Omit<RunDependencies, 'io'> = {
  env: process.env,
  now: Date.now,
  makeTransport: transportFor,
  makeIssueClient: (settings, repository, redact, deadline) =>
    createIssueClient({ token: settings.githubToken ?? '', apiUrl: settings.apiUrl, ...repository, redact, deadline: deadline ?? Date.now() + settings.timeoutSeconds * 1000 })
}

export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps: RunDependencies = { ...defaultDependencies, ...overrides, io: overrides.io ?? (await import('./core-io.js')).actionsIO }
  // The secrets are masked before anything else can print them.
  const raw: InventoryRawInputs = { token: deps.io.getInput('token'), 'org-admin-token': deps.io.getInput('org-admin-token') }
  if (wantsGithubToken(deps.io.getInput('notify'))) raw['github-token'] = deps.io.getInput('github-token')
  const secrets = secretsOf(raw)
  for (const secret of secrets) deps.io.setSecret(secret)
  const io = redactingIO(deps.io, () => secrets)
  let outputs = initialOutputs(raw.token ?? '')
  let outputsWritten = false
  const writeOutputs = () => {
    if (outputsWritten) return
    outputsWritten = true
    io.setOutputs([...outputs])
  }
  try {
    for (const name of INPUT_NAMES) if (!(name in raw)) raw[name] = name === 'github-token' ? '' : io.getInput(name)
    for (const name of INVENTORY_INPUT_NAMES) raw[name] = io.getInput(name)
    // Debug lines only when the runner shows them. It shows `::debug::` lines only with step debug logging on
    // (ACTIONS_STEP_DEBUG: https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions, "Setting a
    // debug message"), and sets RUNNER_DEBUG=1 only then (https://docs.github.com/en/actions/reference/variables-reference,
    // core.isDebug reads it). Otherwise each request's line was a write to stdout that no one sees.
    const debug = io.isDebug() ? (m: string) => io.debug(m) : () => undefined
    const result = await runAudit(raw, deps.env, { now: deps.now, makeTransport: deps.makeTransport, debug, ...(deps.whileWaiting ? { whileWaiting: deps.whileWaiting } : {}) })
    outputs = result.outputs
    for (const warning of result.warnings) io.annotate('warning', warning)
    for (const error of result.errors) io.fail(error)
    const { report, summary, settings } = result
    // One annotation per problem, self-contained: why, the fix and its URL.
    for (const p of problemsOf(report?.findings ?? [])) io.annotate(p.severity, annotationText(p), p.title)
    if (summary !== undefined) {
      try {
        await io.writeSummary(summary)
      } catch (error: unknown) {
        io.annotate('warning', `The job summary could not be written: ${describeError(error)}`)
      }
    }
    if (result.inventory && settings) {
      // mode: organization: one annotation per kind of problem, the tracking issue, the verdict.
      for (const f of result.inventory.findings) io.annotate(f.severity, f.message, f.title)
      if (settings.notify === 'issue') await (await import('../inventory/action.js')).notifyInventory(settings, result.inventory, deps, io, redactor(() => secrets))
      const c = result.inventory.counts
      io.info(`pat-audit organization inventory: ${result.inventory.result} (${c.tokens} tokens, ${c.requests} requests, ${c.needsAction} need action, ${result.inventory.stats.requests} requests sent)`)
      if (result.failure) io.fail(result.failure)
      return
    }
    if (!report || summary === undefined || !settings) return
    io.info(`pat-audit: ${report.result} (${report.findings.filter((f) => f.severity === 'error').length} errors, ${report.findings.filter((f) => f.severity === 'warning').length} warnings, ${report.stats.requests} requests)`)
    if (result.failure) io.fail(result.failure)
    // Outputs and the summary are written before the tracking issue: nothing is lost if the issue API hangs or fails.
    writeOutputs()
    if (settings.notify === 'issue') await (await import('./notify.js')).notify(settings, report, summary, deps, io, redactor(() => secrets), deps.now() + settings.timeoutSeconds * 1000)
  } catch (error: unknown) {
    if (!outputsWritten) outputs.set('result', 'fail')
    io.fail(`pat-audit could not complete the audit: ${describeError(error, redactor(() => secrets))}`)
  } finally {
    writeOutputs()
  }
}
