/**
 * A report for a terminal, from the same view as the job summary: plain text, no Markdown and no HTML.
 * Colour (bold headline and titles, red/yellow/green marks, dim evidence) only when asked for: the CLI asks
 * on a TTY without NO_COLOR.
 */
import type { Report } from '../report/report.js'
import type { InputErrorsView, SummaryView } from '../report/view.js'
import { inputErrorsView, summaryView } from '../report/view.js'
import { plain, SEVERITY_ICON } from '../report/problems.js'

export interface TerminalOptions {
  readonly color?: boolean
}

/** Whether to colour: a TTY, NO_COLOR unset or empty (https://no-color.org), TERM not dumb, no --no-color. */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv, noColorFlag = false): boolean {
  return isTTY && !noColorFlag && !env.NO_COLOR && env.TERM !== 'dumb'
}

interface Paint {
  bold(s: string): string
  dim(s: string): string
  red(s: string): string
  yellow(s: string): string
  green(s: string): string
  underline(s: string): string
}

function paint(color: boolean): Paint {
  const sgr = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
  return { bold: sgr('1'), dim: sgr('2'), red: sgr('31'), yellow: sgr('33'), green: sgr('32'), underline: sgr('4') }
}

export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  return terminalText(summaryView(report), options)
}

export function terminalText(view: SummaryView, options: TerminalOptions = {}): string {
  const p = paint(options.color === true)
  const tone = view.result === 'pass' ? p.green : view.result === 'warn' ? p.yellow : p.red
  const out: string[] = []
  // A long URL is printed once; a later fix with the same link names it.
  const printed = new Set<string>()
  out.push(p.bold(tone(`${view.icon} ${view.headline}`)))
  out.push(`   ${plain(view.facts.join(' · '))}`, '')
  for (const problem of view.problems) {
    const color = problem.severity === 'error' ? p.red : problem.severity === 'warning' ? p.yellow : (s: string) => s
    out.push(color(p.bold(`${SEVERITY_ICON[problem.severity]} ${plain(problem.title)}`)))
    for (const r of problem.reasons) out.push(`   ${r.subject ? `• ${r.subject}: ` : ''}${plain(r.text)}`)
    if (problem.fix) out.push(`   Fix: ${plain(problem.fix)}`)
    if (problem.link && printed.has(problem.link.url)) out.push(`   → ${p.bold(problem.link.text)} (the same link as above)`)
    else if (problem.link) {
      out.push(`   → ${p.bold(problem.link.text)}: ${p.underline(problem.link.url)}`)
      printed.add(problem.link.url)
    }
    out.push('')
  }
  if (view.permissions.length > 0) {
    const nameWidth = Math.min(40, Math.max(10, ...view.permissions.map((r) => r.name.length)))
    out.push(p.bold('Permissions'))
    for (const row of view.permissions) {
      out.push(`   ${row.name.padEnd(nameWidth)}  ${row.level.padEnd(5)}  ${row.statusLabel}${row.title ? p.dim(`  (${row.title})`) : ''}`)
      for (const line of [...(row.reason ? [row.reason] : []), ...row.evidence]) out.push(p.dim(`      ${plain(line)}`))
    }
    out.push('')
  } else if (view.noPermissions) out.push(plain(view.noPermissions), '')
  for (const section of view.sections) {
    out.push(p.bold(plain(section.summary)))
    for (const line of section.lines ?? []) out.push(`   ${plain(line)}`)
    for (const [k, v] of section.pairs ?? []) out.push(`   ${k}: ${plain(v)}`)
    out.push('')
  }
  if (view.replacement) out.push(`${plain(view.replacement.lead)} ${p.bold(view.replacement.link.text)}:`, `   ${p.underline(view.replacement.link.url)}`, '')
  out.push(plain(view.token.join(' · ')), p.dim(plain(view.footer)))
  return out.join('\n')
}

export function renderInputErrorsTerminal(errors: readonly string[], options: TerminalOptions = {}): string {
  return inputErrorsText(inputErrorsView(errors), options)
}

export function inputErrorsText(view: InputErrorsView, options: TerminalOptions = {}): string {
  const p = paint(options.color === true)
  return [p.bold(p.red(`${view.icon} ${view.headline}`)), `   ${plain(view.lead)}`, ...view.errors.map((e) => `   • ${plain(e)}`), `   Fix: ${plain(view.fix)}`].join('\n')
}
