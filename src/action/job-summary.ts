/**
 * The job summary, built with @actions/core's summary builder (as actions/dependency-review-action builds its own;
 * summary-builder.ts is a copy of the part used) from the report's view: the verdict line; each problem once with its
 * fix and the link that performs it; the permissions table, each status folding out to its evidence; short token
 * facts; folded extras.
 * Everything is HTML that GitHub's Markdown keeps (GitHub's sanitiser allows these elements), and every text
 * is escaped: messages come from GitHub's answers and the inputs.
 */
import type { SummaryBuilder } from './summary-builder.js'
import { Summary } from './summary-builder.js'
import type { PermissionReport, Report } from '../report/report.js'
import type { Problem } from '../report/problems.js'
import { SEVERITY_ICON } from '../report/problems.js'
import type { InputErrorsView, PermissionRow, Section, SummaryView } from '../report/view.js'
import { inputErrorsView, permissionRowParts, summaryView } from '../report/view.js'

export type { SummaryBuilder } from './summary-builder.js'

/** Escapes text for HTML, then shows `code` spans as code (long ones may break after a slash). */
export function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code.length > 30 ? code.replace(/\//g, '/<wbr>') : code}</code>`)
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function escapeHtml(text: string): string {
  // Enough for element content and double-quoted attribute values, the only places text goes.
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c)
}

function link(text: string, url: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`
}

export function problemHtml(p: Problem): string {
  const lines = [`${SEVERITY_ICON[p.severity]} <strong>${inline(p.title)}</strong>`]
  for (const r of p.reasons) lines.push(r.subject ? `• <code>${escapeHtml(r.subject)}</code>: ${inline(r.text)}` : inline(r.text))
  if (p.fix || p.link) lines.push(`<strong>Fix:</strong> ${p.fix ? inline(p.fix) : ''}${p.link ? ` → <strong>${link(p.link.text, p.link.url)}</strong>` : ''}`)
  return `<p>${lines.join('<br>')}</p>`
}

/** The HTML of a row's evidence lines, worked out once per list of lines (view.ts makes a verdict's row once). */
const evidenceHtml = new WeakMap<readonly string[], readonly string[]>()

function evidenceLines(evidence: readonly string[]): readonly string[] {
  const known = evidenceHtml.get(evidence)
  if (known) return known
  const lines = evidence.map(inline)
  evidenceHtml.set(evidence, lines)
  return lines
}

/**
 * Prepares the rows of permissions decided while the last answers are awaited (run-audit.ts passes them on as the
 * audit decides them): the row and its evidence's HTML, the bulk of the job summary, are then not made after the last
 * answer (the whole catalog: marks in a build, 2.8 ms). The summary uses them only for the same verdicts.
 */
export function prepareRows(permissions: readonly PermissionReport[]): void {
  for (const p of permissions) evidenceLines(permissionRowParts(p).evidence)
}

function statusCell(row: PermissionRow): string {
  const body = [...(row.reason ? [inline(row.reason)] : []), ...evidenceLines(row.evidence)]
  return body.length > 0 ? `<details><summary>${escapeHtml(row.statusLabel)}</summary>${body.join('<br>')}</details>` : escapeHtml(row.statusLabel)
}

function sectionBody(s: Section): string {
  const lines = (s.lines ?? []).map((l) => `<p>${inline(l)}</p>`)
  const pairs = s.pairs ? `<table>${s.pairs.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${inline(v)}</td></tr>`).join('')}</table>` : ''
  return lines.join('') + pairs
}

/** Adds the summary of a report to the builder (summary-builder.ts's, or @actions/core's core.summary in the tests). */
export function buildJobSummary(view: SummaryView, s: SummaryBuilder = new Summary()): SummaryBuilder {
  s.addHeading(`${view.icon} ${escapeHtml(view.headline)}`, 2)
  s.addRaw(`<p>${view.facts.map(inline).join(' · ')}</p>`, true)
  for (const p of view.problems) s.addRaw(problemHtml(p), true)
  if (view.permissions.length > 0) {
    s.addTable([
      [
        { data: 'Permission', header: true },
        { data: 'Level', header: true },
        { data: 'Status', header: true }
      ],
      ...view.permissions.map((row) => [`<code>${escapeHtml(row.name)}</code>${row.title ? ` ${escapeHtml(row.title)}` : ''}`, escapeHtml(row.level), statusCell(row)])
    ])
  } else if (view.noPermissions) s.addRaw(`<p>${inline(view.noPermissions)}</p>`, true)
  for (const section of view.sections) {
    const body = sectionBody(section)
    if (body) s.addDetails(`<strong>${inline(section.summary)}</strong>`, body)
    else s.addRaw(`<p>${inline(section.summary)}</p>`, true)
  }
  if (view.replacement) s.addRaw(`<p>${inline(view.replacement.lead)} `).addLink(escapeHtml(view.replacement.link.text), escapeHtml(view.replacement.link.url)).addRaw('</p>', true)
  s.addRaw(`<p>${view.token.map(inline).join(' · ')}<br><sub>${inline(view.footer)}</sub></p>`, true)
  return s
}

export function buildInputErrorsSummary(view: InputErrorsView, s: SummaryBuilder = new Summary()): SummaryBuilder {
  s.addHeading(`${view.icon} ${escapeHtml(view.headline)}`, 2)
  s.addRaw(`<p>${inline(view.lead)}</p>`, true)
  s.addList(view.errors.map(inline))
  s.addRaw(`<p><strong>Fix:</strong> ${inline(view.fix)}</p>`, true)
  return s
}

/** Builds with a builder of its own and hands back the text (@actions/core's shared core.summary is not touched). */
function render(build: (s: SummaryBuilder) => void): string {
  const s = new Summary()
  build(s)
  return s.stringify()
}

/** The job summary of a report, as the text the action writes. */
export function renderJobSummary(report: Report): string {
  return render((s) => buildJobSummary(summaryView(report), s))
}

/** The job summary when inputs are invalid: the audit did not run, each input error, what to change. */
export function renderInputErrorsSummary(errors: readonly string[]): string {
  return render((s) => buildInputErrorsSummary(inputErrorsView(errors), s))
}
