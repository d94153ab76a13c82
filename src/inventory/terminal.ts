/**
 * The inventory for a terminal (the CLI and the demo): plain text from the report object, never Markdown. The
 * verdict and the counts, each finding once, then the entries that need action, most urgent first, each with what to
 * do and its link. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
 */
import type { InventoryReport, JudgedEntry } from './report.js'

export interface InventoryTerminalOptions {
  readonly color?: boolean
  /** Entries listed at the most; the rest are counted (the `report` output and the job summary hold them all). */
  readonly maxRows?: number
}

const HEADLINE = { pass: '✅ Organization inventory passed', warn: '⚠️  Organization inventory: warnings', fail: '❌ Organization inventory failed' } as const

function todo(v: JudgedEntry): string | undefined {
  switch (v.action) {
    case 'rotate':
      return `rotate: ${v.links.replacement ?? v.links.review}, then revoke: ${v.links.review}`
    case 'revoke':
      return `revoke: ${v.links.review}`
    case 'review-request':
      return `approve or deny: ${v.links.review}`
    case 'none':
      return undefined
  }
}

export function renderInventoryTerminal(report: InventoryReport, options: InventoryTerminalOptions = {}): string {
  const paint = (code: string) => (s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s)
  const bold = paint('1')
  const dim = paint('2')
  const tone = report.result === 'pass' ? paint('32') : report.result === 'warn' ? paint('33') : paint('31')
  const out: string[] = [bold(tone(`${HEADLINE[report.result]}: ${report.organization}`))]
  const c = report.counts
  out.push(`   ${c.tokens} tokens · ${c.requests} pending requests · ${c.needsAction} need action · ${c.compliant} compliant`, '')
  for (const f of report.findings) out.push(`${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️ ' : 'ℹ️ '} ${bold(f.title)}`, `   ${f.message}`, '')
  const needing = report.entries.filter((v) => v.action !== 'none' || v.problems.length > 0)
  const shown = needing.slice(0, options.maxRows ?? 20)
  for (const v of shown) {
    const e = v.entry
    const expires = e.expired ? 'expired' : e.expiresAt === null ? 'never expires' : `expires ${e.expiresAt.slice(0, 10)}`
    out.push(`${bold(v.key)}  ${dim(`${expires} · last used ${e.lastUsedAt === null ? 'never' : e.lastUsedAt.slice(0, 10)} · repositories: ${e.repositorySelection}`)}`)
    out.push(`   ${v.problems.map((p) => p.text).join('; ')}`)
    const action = todo(v)
    if (action) out.push(`   → ${action}`)
  }
  if (needing.length > shown.length) out.push('', dim(`… and ${needing.length - shown.length} more: --json prints them all, and the job summary lists them.`))
  return out.join('\n')
}
