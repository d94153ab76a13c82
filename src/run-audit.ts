/**
 * The one entry point both shells call (the action, src/action/main.ts, and the command line, src/cli/index.ts):
 * raw inputs and environment in; the report, its summary, the outputs and any errors out. Reads nothing and writes
 * nothing itself; every text it returns has the secrets of the inputs redacted.
 */
import { shippedCatalog } from './catalog/shipped.js'
import type { Catalog } from './catalog/catalog.js'
import { editionForApiUrl } from './catalog/github-data.js'
import { audit } from './audit/audit.js'
import { randomHex } from './random.js'
import type { Transport } from './audit/transport.js'
import { DEFAULTS, INPUT_NAMES, parseSettings } from './inputs/settings.js'
import type { RawInputs, Settings } from './inputs/settings.js'
import { redactor, secretsOf, wantsGithubToken } from './inputs/secrets.js'
import { withoutUnexpandedExpressions } from './inputs/expressions.js'
import { serverUrlFor } from './report/regenerate-url.js'
import type { Report } from './report/report.js'
import { annotationText, problemsOf } from './report/problems.js'
import { initialOutputs, setReportOutputs } from './report/outputs.js'
import type { Outputs } from './report/outputs.js'
import type { InventoryReport } from './inventory/report.js'
import { INVENTORY_INPUT_NAMES, parseMode } from './inventory/settings.js'
import type { InventoryRawInputs } from './inventory/settings.js'

export interface RunAuditDependencies {
  readonly now: () => number
  /** Builds the transport for a token: the audited one, or the org-admin token. */
  readonly makeTransport: (settings: Settings, deadline: number, debug: (m: string) => void, token?: string, redact?: (text: string) => string) => Transport
  readonly debug: (message: string) => void
  readonly randomHex?: () => string
  readonly sleep?: (ms: number) => Promise<void>
  /** The shell's own preparation, run once while the audit's first requests are in flight (the action's: exit.ts). */
  readonly whileWaiting?: () => void
}

/** The environment runAudit reads: where the API and the web pages are and what the runner's defaults are, when the inputs do not say. */
export type AuditEnvironment = NodeJS.ProcessEnv

export interface AuditRun {
  /** Every output, set on every path. */
  readonly outputs: Outputs
  /** Input errors (one line each, naming the input), or why the audit could not complete. */
  readonly errors: readonly string[]
  /** Inputs that held an unexpanded `${{ … }}` expression and were treated as not given. */
  readonly warnings: readonly string[]
  readonly report?: Report
  /** mode: organization: the organization inventory's report (then `report` is absent). */
  readonly inventory?: InventoryReport
  /** The job summary, as the action writes it (HTML that GitHub's Markdown keeps, built with core.summary). */
  readonly summary?: string
  readonly settings?: Settings
  /** Why the run fails under fail-on, when it does. */
  readonly failure?: string
}

export async function runAudit(rawInputs: InventoryRawInputs, env: AuditEnvironment, deps: RunAuditDependencies): Promise<AuditRun> {
  const given: RawInputs = {}
  for (const name of INPUT_NAMES) given[name] = name === 'github-token' && !wantsGithubToken(rawInputs.notify) ? '' : (rawInputs[name] ?? '')
  // The secrets (and their base64 forms) are worked out once, on the first text redacted: `given` does not change.
  let secrets: readonly string[] | undefined
  const redact = redactor(() => (secrets ??= secretsOf(given)))
  const debug = (m: string) => deps.debug(redact(m))
  const outputs = initialOutputs(rawInputs.token ?? '')
  // The job summary's modules: loaded while the audit's requests are in flight (whileWaiting), or when needed.
  let summaryModule: Promise<typeof import('./action/job-summary.js')> | undefined
  // The module itself once loaded, for what the audit hands over synchronously (the verdicts it decided early).
  let summaryLoaded: typeof import('./action/job-summary.js') | undefined
  const summaries = () =>
    (summaryModule ??= import('./action/job-summary.js').then((m) => {
      summaryLoaded = m
      return m
    }))
  let warnings: string[] = []
  const finish = (run: Omit<AuditRun, 'outputs' | 'warnings'>): AuditRun => {
    for (const [name, value] of outputs) outputs.set(name, redact(value))
    return { ...run, outputs, warnings: warnings.map(redact), errors: run.errors.map(redact), ...(run.summary !== undefined ? { summary: redact(run.summary) } : {}) }
  }
  try {
    const expanded = withoutUnexpandedExpressions(given, env)
    warnings = expanded.warnings
    const raw = expanded.raw
    const apiUrlFromEnv = !raw['api-url']?.trim() && !!env.GITHUB_API_URL
    const apiUrl = raw['api-url']?.trim() || env.GITHUB_API_URL || DEFAULTS['api-url']
    raw['api-url'] = apiUrl
    const edition = editionForApiUrl(apiUrl)
    const catalog = shippedCatalog(edition)
    // mode: organization is the organization inventory (src/inventory/); token, the default, the audit below.
    const mode = parseMode(rawInputs.mode)
    if (!mode.ok) {
      outputs.set('report', JSON.stringify({ schemaVersion: 1, result: 'fail', inputErrors: [mode.error] }))
      return finish({ errors: [mode.error], summary: (await summaries()).renderInputErrorsSummary([mode.error]) })
    }
    if (mode.mode === 'organization') {
      const inventoryRaw: InventoryRawInputs = { ...raw }
      for (const name of INVENTORY_INPUT_NAMES) inventoryRaw[name] = rawInputs[name] ?? ''
      const { runInventory } = await import('./inventory/action.js')
      const run = await runInventory(inventoryRaw, namesOf(catalog, edition === 'ghes' ? shippedCatalog('fpt') : undefined), env, { now: deps.now, makeTransport: deps.makeTransport, debug }, outputs as Map<string, string>)
      warnings = [...warnings, ...run.warnings]
      return finish(run)
    }
    const parsed = parseSettings(raw, namesOf(catalog, edition === 'ghes' ? shippedCatalog('fpt') : undefined))
    if (!parsed.ok) {
      // The API root came from the runner's GITHUB_API_URL when the input was empty: say so.
      const errors = parsed.errors.map((e) => (apiUrlFromEnv ? e.replace(/^Input 'api-url':/, "GITHUB_API_URL (used because the input 'api-url' is empty):") : e))
      outputs.set('report', JSON.stringify({ schemaVersion: 1, result: 'fail', inputErrors: errors }))
      return finish({ errors, summary: (await summaries()).renderInputErrorsSummary(errors) })
    }
    const settings = parsed.settings
    const deadline = deps.now() + settings.timeoutSeconds * 1000
    const report = await audit(
      settings,
      { catalog, edition, serverUrl: env.GITHUB_SERVER_URL?.trim() || serverUrlFor(settings.apiUrl) },
      {
        transport: deps.makeTransport(settings, deadline, debug, settings.token, redact),
        now: deps.now,
        randomHex: deps.randomHex ?? randomHex,
        sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        debug,
        whileWaiting: () => {
          void summaries().catch(() => undefined)
          // The shell's own: the action makes its outputs' delimiters here (actions-core.ts readyDelimiters).
          deps.whileWaiting?.()
        },
        rehearsed: (rehearsal) =>
          void summaries()
            .then((s) => {
              s.renderJobSummary(rehearsal)
              setReportOutputs(initialOutputs(''), rehearsal)
              for (const p of problemsOf(rehearsal.findings)) annotationText(p)
            })
            .catch(() => undefined),
        // The rows of the job summary's permissions table, prepared as the audit decides them (job-summary.ts prepareRows).
        decided: (permission) => summaryLoaded?.prepareRows([permission]),
        ...(settings.orgAdminToken ? { adminTransport: deps.makeTransport(settings, deadline, debug, settings.orgAdminToken, redact) } : {})
      }
    )
    setReportOutputs(outputs, report)
    const failing = settings.failOn === 'never' ? false : settings.failOn === 'warning' ? report.result !== 'pass' : report.result === 'fail'
    const failure = failing ? `Token audit ${report.result === 'fail' ? 'failed' : 'raised warnings'} (fail-on: ${settings.failOn}); see the job summary.` : undefined
    return finish({ errors: [], report, summary: (await summaries()).renderJobSummary(report), settings, ...(failure ? { failure } : {}) })
  } catch (error: unknown) {
    outputs.set('result', 'fail')
    return finish({ errors: [`pat-audit could not complete the audit: ${describeError(error, redact)}`] })
  }
}

/** The first line of a thrown value's message, at most 300 characters: masked first, then cut, so no prefix of a secret survives the cut. */
export function describeError(error: unknown, redact: (text: string) => string = (t) => t): string {
  const text = error instanceof Error ? error.message : String(error)
  return redact(text).split('\n')[0].slice(0, 300)
}

/** Permission names for input validation; on GHES, names known only on GitHub.com are accepted and reported. */
function namesOf(catalog: Catalog, fpt?: Catalog) {
  return {
    levelsOf: (name: string) => catalog.permissions.get(name)?.levels ?? fpt?.permissions.get(name)?.levels,
    names: () => catalog.permissions.keys(),
    scopeOf: (name: string) => (catalog.permissions.get(name) ?? fpt?.permissions.get(name))?.scope
  }
}
