/**
 * The action's shell: read inputs (masking the token before anything else), run the pure audit, then write
 * outputs, the job summary and one annotation per finding. Every output is set on every path.
 */
import { randomBytes } from 'node:crypto'
import type { ActionIO } from './io.js'
import { actionsIO, redactingIO, redactor } from './io.js'
import { buildCatalog } from '../catalog/catalog.js'
import type { Catalog } from '../catalog/catalog.js'
import { editionForApiUrl } from '../catalog/github-data.js'
import { audit } from '../audit/audit.js'
import type { AuditDependencies } from '../audit/audit.js'
import { permissionsWith } from '../report/report.js'
import type { Report } from '../report/report.js'
import { serverUrlFor } from '../report/regenerate-url.js'
import { DEFAULTS, INPUT_NAMES, parseSettings } from '../inputs/settings.js'
import type { InputName, RawInputs, Settings } from '../inputs/settings.js'
import { holdsUnexpandedExpression, withoutUnexpandedExpressions } from '../inputs/expressions.js'
import { renderSummary } from '../report/summary.js'
import { renderInputErrorSummary } from '../report/input-error-summary.js'
import { tokenKind } from '../verdicts/token-kind.js'
import type { Transport } from '../audit/transport.js'
import { createTransport } from '../github/octokit-transport.js'
import { createIssueClient } from '../github/issue-client.js'
import type { IssueClient } from '../notify/tracking-issue.js'
import { applyIssueAction, decideIssueAction, findTrackingIssue, trackingKey, trackingMarker } from '../notify/tracking-issue.js'
import { formatPermissionList } from '../inputs/required-permissions.js'

export const OUTPUT_NAMES = [
  'result',
  'token-type',
  'token-owner',
  'expires-at',
  'days-remaining',
  'lifetime-compliant',
  'missing-permissions',
  'granted-permissions',
  'inconclusive-permissions',
  'regenerate-url',
  'excess-permissions',
  'unreachable-repositories',
  'report'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** Inputs other than `token` that hold secrets, masked as soon as they are read. */
const SECRET_INPUTS = ['org-admin-token', 'github-token'] as const

export interface RunDependencies {
  readonly io: ActionIO
  readonly env: NodeJS.ProcessEnv
  readonly now: () => number
  /** Builds the transport for a token: the audited one, or the org-admin token. */
  readonly makeTransport: (settings: Settings, deadline: number, debug: (m: string) => void, token?: string) => Transport
  /** Builds the tracking issue's client, with the workflow's token, for the workflow's repository. */
  readonly makeIssueClient: (settings: Settings, repository: { owner: string; repo: string }, redact: (text: string) => string) => IssueClient
}

const defaultDependencies: RunDependencies = {
  io: actionsIO,
  env: process.env,
  now: Date.now,
  makeTransport: (settings, deadline, debug, token = settings.token) =>
    createTransport({ token, apiUrl: settings.apiUrl, requestTimeoutMs: Math.min(20_000, settings.timeoutSeconds * 1000), deadline, debug }),
  makeIssueClient: (settings, repository, redact) => createIssueClient({ token: settings.githubToken ?? '', apiUrl: settings.apiUrl, ...repository, redact })
}

export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps = { ...defaultDependencies, ...overrides }
  // The tokens are masked before anything else can print them.
  const rawToken = deps.io.getInput('token')
  // github-token is read only when notify: issue needs it (a local client passes `${{ github.token }}` as text).
  const wanted = (name: InputName) => name !== 'github-token' || deps.io.getInput('notify').trim().toLowerCase() === 'issue'
  const tokenInputs = new Map<InputName, string>(SECRET_INPUTS.filter(wanted).map((name) => [name, deps.io.getInput(name)]))
  const secrets: string[] = []
  for (const candidate of [rawToken, ...tokenInputs.values()].flatMap((t) => [t, t.trim()])) {
    if (candidate.trim() !== '' && !holdsUnexpandedExpression(candidate) && !secrets.includes(candidate)) {
      deps.io.setSecret(candidate)
      secrets.push(candidate)
    }
  }
  const io = redactingIO(deps.io, () => secrets)
  const outputs = new Map<OutputName, string>(OUTPUT_NAMES.map((n) => [n, '']))
  outputs.set('token-type', rawToken.trim() ? tokenKind(rawToken.trim()) : 'unknown')
  outputs.set('lifetime-compliant', 'unknown')
  outputs.set('result', 'fail')
  try {
    const given: RawInputs = {}
    for (const name of INPUT_NAMES) given[name] = name === 'token' ? rawToken : SECRET_INPUTS.includes(name as never) ? (tokenInputs.get(name) ?? '') : io.getInput(name)
    const expanded = withoutUnexpandedExpressions(given, deps.env)
    for (const warning of expanded.warnings) io.annotate('warning', warning)
    const raw = expanded.raw
    const apiUrl = raw['api-url']?.trim() || deps.env.GITHUB_API_URL || DEFAULTS['api-url']
    raw['api-url'] = apiUrl
    const edition = editionForApiUrl(apiUrl)
    const catalog = buildCatalog(edition)
    const parsed = parseSettings(raw, namesOf(catalog, edition === 'ghes' ? buildCatalog('fpt') : undefined))
    if (!parsed.ok) {
      for (const error of parsed.errors) io.fail(error)
      outputs.set('report', JSON.stringify({ schemaVersion: 1, result: 'fail', inputErrors: parsed.errors }))
      await writeSummaryOrWarn(io, renderInputErrorSummary(parsed.errors))
      return
    }
    const settings = parsed.settings
    const started = deps.now()
    const deadline = started + settings.timeoutSeconds * 1000
    const auditDeps: AuditDependencies = {
      transport: deps.makeTransport(settings, deadline, (m) => io.debug(m)),
      now: deps.now,
      randomHex: () => randomBytes(16).toString('hex'),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      debug: (m) => io.debug(m),
      ...(settings.orgAdminToken ? { adminTransport: deps.makeTransport(settings, deadline, (m) => io.debug(m), settings.orgAdminToken) } : {})
    }
    const serverUrl = deps.env.GITHUB_SERVER_URL?.trim() || serverUrlFor(settings.apiUrl)
    const report = await audit(settings, { catalog, edition, serverUrl }, auditDeps)
    setReportOutputs(outputs, report)
    for (const f of report.findings) io.annotate(f.severity, f.fix ? `${f.message} Fix: ${f.fix}` : f.message, f.title)
    const summary = renderSummary(report)
    await writeSummaryOrWarn(io, summary)
    if (settings.notify === 'issue') await notify(settings, report, summary, deps, io, redactor(() => secrets))
    io.info(`pat-audit: ${report.result} (${report.findings.filter((f) => f.severity === 'error').length} errors, ${report.findings.filter((f) => f.severity === 'warning').length} warnings, ${report.stats.requests} requests)`)
    const failing = settings.failOn === 'never' ? false : settings.failOn === 'warning' ? report.result !== 'pass' : report.result === 'fail'
    if (failing) io.fail(`Token audit ${report.result === 'fail' ? 'failed' : 'raised warnings'} (fail-on: ${settings.failOn}); see the job summary.`)
  } catch (error: unknown) {
    outputs.set('result', 'fail')
    io.fail(`pat-audit could not complete the audit: ${describe(error)}`)
  } finally {
    for (const [name, value] of outputs) io.setOutput(name, value)
  }
}

/** Opens, updates or closes the tracking issue; a failure here is a warning, never the audit's verdict. */
async function notify(settings: Settings, report: Report, summary: string, deps: RunDependencies, io: ActionIO, redact: (t: string) => string): Promise<void> {
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
    const client = deps.makeIssueClient(settings, { owner, repo }, redact)
    const existing = await findTrackingIssue(client, marker)
    io.info(await applyIssueAction(client, decideIssueAction(report, existing, marker, summary, runUrl)))
  } catch (error: unknown) {
    const status = (error as { status?: unknown })?.status
    io.annotate('warning', `The tracking issue could not be written${typeof status === 'number' ? ` (GitHub answered ${status}; github-token needs issues: write)` : ''}: ${describe(error)}`, 'Tracking issue')
  }
}

async function writeSummaryOrWarn(io: ActionIO, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown)
  } catch (error: unknown) {
    io.annotate('warning', `The job summary could not be written: ${describe(error)}`)
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0].slice(0, 300)
  return String(error).split('\n')[0].slice(0, 300)
}

function setReportOutputs(outputs: Map<OutputName, string>, report: Report): void {
  outputs.set('result', report.result)
  outputs.set('token-type', report.token.kind)
  outputs.set('token-owner', report.token.owner ?? '')
  outputs.set('expires-at', report.token.expiresAt ?? '')
  outputs.set('days-remaining', report.token.daysRemaining === null ? '' : String(report.token.daysRemaining))
  outputs.set('lifetime-compliant', report.token.lifetime.compliant)
  outputs.set('missing-permissions', permissionsWith(report, 'missing'))
  outputs.set('granted-permissions', permissionsWith(report, 'granted'))
  outputs.set('inconclusive-permissions', permissionsWith(report, 'inconclusive'))
  outputs.set('regenerate-url', report.regenerateUrl)
  outputs.set('excess-permissions', report.excess ? report.excess.permissions.join(',') : '')
  outputs.set('unreachable-repositories', report.coverage ? report.coverage.unreachable.join(',') : '')
  outputs.set('report', JSON.stringify(report))
}

/** Permission names for input validation; on GHES, names known only on GitHub.com are accepted and reported. */
function namesOf(catalog: Catalog, fpt?: Catalog) {
  return {
    levelsOf: (name: string) => catalog.permissions.get(name)?.levels ?? fpt?.permissions.get(name)?.levels,
    names: () => catalog.permissions.keys(),
    scopeOf: (name: string) => (catalog.permissions.get(name) ?? fpt?.permissions.get(name))?.scope
  }
}
