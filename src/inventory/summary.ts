/**
 * The inventory's job summary, as Markdown: the verdict and the counts first, then one table of what needs action,
 * most urgent first, then the compliant tokens folded in <details>.
 *
 * The table fits 1,000 px: GitHub wraps text in table cells at spaces, so what decides the width is each column's
 * longest unbreakable word (plus 2 × 13 px of cell padding). Cells hold short words only: dates as YYYY-MM-DD, owners
 * and token names shortened, links behind short texts, never a bare URL.
 */
import type { InventoryReport, JudgedEntry } from './report.js'

/** Rows of the action table; the rest are in the `report` output. Keeps the summary far below GitHub's 1 MiB. */
export const MAX_ACTION_ROWS = 300
export const MAX_COMPLIANT_ROWS = 2000
export const OWNER_CHARS = 15
export const NAME_CHARS = 18

const HEADLINE = { pass: '✅ Organization inventory passed', warn: '⚠️ Organization inventory: warnings', fail: '❌ Organization inventory failed' } as const
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function date(iso: string | null, none: string): string {
  return iso === null ? none : iso.slice(0, 10)
}

function repositories(entry: JudgedEntry['entry']): string {
  return entry.repositorySelection === 'subset' ? 'selected' : entry.repositorySelection
}

function todo(v: JudgedEntry): string {
  switch (v.action) {
    case 'rotate':
      return `[Rotate](${v.links.replacement}), then [revoke](${v.links.review})`
    case 'revoke':
      return `[Revoke](${v.links.review})`
    case 'review-request':
      return `[Approve or deny](${v.links.review})`
    case 'none':
      return ''
  }
}

function row(v: JudgedEntry, withProblems: boolean): string {
  const e = v.entry
  const name = `${shorten(e.tokenName, NAME_CHARS)}${e.kind === 'request' ? ' (request)' : ''}`
  const cells = [
    cell(shorten(e.owner, OWNER_CHARS)),
    cell(name),
    e.expired ? 'expired' : date(e.expiresAt, 'never'),
    date(e.lastUsedAt, 'never'),
    repositories(e)
  ]
  if (withProblems) cells.push(v.problems.map((p) => `${ICON[p.severity]} ${cell(p.text)}`).join('<br>'), todo(v))
  return `| ${cells.join(' | ')} |`
}

export function renderInventorySummary(report: InventoryReport): string {
  const lines: string[] = []
  const c = report.counts
  lines.push(`## ${HEADLINE[report.result]}: ${cell(report.organization)}`, '')
  lines.push(
    `**${c.tokens}** token${c.tokens === 1 ? '' : 's'} with access · **${c.requests}** pending request${c.requests === 1 ? '' : 's'} · **${c.needsAction}** need action · ${c.compliant} compliant`,
    ''
  )
  const n = (key: keyof InventoryReport['lists']) => report.lists[key].length
  lines.push('| expired or expiring | non-compliant | unused | broad | pending requests |', '|---:|---:|---:|---:|---:|')
  lines.push(`| ${n('expiring')} | ${n('non-compliant')} | ${n('unused')} | ${n('broad')} | ${n('pending-requests')} |`, '')
  for (const f of report.findings.filter((f) => f.code === 'incomplete' || f.code === 'malformed' || f.code === 'input')) {
    lines.push(`- ${ICON[f.severity]} **${cell(f.title)}** — ${cell(f.message)}`)
  }
  if (report.findings.some((f) => f.code === 'incomplete' || f.code === 'malformed' || f.code === 'input')) lines.push('')

  const action = report.entries.filter((v) => v.problems.length > 0)
  if (action.length > 0) {
    lines.push(`### Needs action (${action.length}, most urgent first)`, '')
    lines.push('| Owner | Token | Expires | Last used | Repos | What is wrong | What to do |', '|---|---|---|---|---|---|---|')
    for (const v of action.slice(0, MAX_ACTION_ROWS)) lines.push(row(v, true))
    if (action.length > MAX_ACTION_ROWS) lines.push('', `… and ${action.length - MAX_ACTION_ROWS} more, in the \`report\` output.`)
    lines.push('')
  }

  const compliant = report.entries.filter((v) => v.problems.length === 0)
  if (compliant.length > 0) {
    lines.push(`<details><summary>Compliant tokens and requests (${compliant.length})</summary>`, '')
    lines.push('| Owner | Token | Expires | Last used | Repos |', '|---|---|---|---|---|')
    for (const v of compliant.slice(0, MAX_COMPLIANT_ROWS)) lines.push(row(v, false))
    if (compliant.length > MAX_COMPLIANT_ROWS) lines.push('', `… and ${compliant.length - MAX_COMPLIANT_ROWS} more, in the \`report\` output.`)
    lines.push('', '</details>', '')
  }

  const p = report.policy
  lines.push(
    `Policy: expiry warn ${p.expiryWarnDays} / fail ${p.expiryFailDays} days · lifetime ${p.maxLifetimeDays > 0 ? `≤ ${p.maxLifetimeDays} days from the grant` : 'not checked'} · unused ${p.unusedDays > 0 ? `≥ ${p.unusedDays} days` : 'not checked'} · requests pending > ${p.pendingDays} days · broad: all repositories with write${p.broadPermissions.length ? `, or ${p.broadPermissions.join(', ')}` : ''}.`,
    '',
    `${report.stats.requests} request${report.stats.requests === 1 ? '' : 's'} (${report.stats.pages.grants} + ${report.stats.pages.requests} pages) in ${(report.stats.durationMs / 1000).toFixed(1)} s. pat-audit only reads the organization's record: nothing was revoked, approved or changed.`
  )
  return lines.join('\n')
}

/** Text for a Markdown table cell: no pipe, tag or line break can break the row. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ')
}
