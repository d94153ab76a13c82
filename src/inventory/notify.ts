/**
 * `notify: issue` in organization mode: the same one tracking issue as in token mode (found again by its hidden
 * marker, written with `github-token` only), listing what needs action; closed with a comment when a run passes.
 */
import type { IssueAction, IssueSnapshot } from '../notify/tracking-issue.js'
import type { InventoryReport } from './report.js'

export const MAX_BODY = 65_000

export function inventoryIssueTitle(report: InventoryReport): string {
  return `Token inventory ${report.result === 'fail' ? 'failing' : 'warning'}: ${report.organization} (${report.counts.needsAction} need action)`.slice(0, 200)
}

export function inventoryIssueBody(report: InventoryReport, marker: string, runUrl?: string): string {
  const head = [
    marker,
    `This issue is kept up to date by pat-audit's organization inventory while it does not pass${runUrl ? `; last run: ${runUrl}` : ''}. It closes itself when a run passes.`,
    '',
    ...report.findings.filter((f) => f.severity !== 'notice').map((f) => `- **${f.title}**: ${f.message}`),
    '',
    '### Needs action',
    ''
  ]
  const lines: string[] = []
  let length = head.join('\n').length
  const action = report.entries.filter((v) => v.problems.length > 0)
  for (const [i, v] of action.entries()) {
    const what = v.problems.map((p) => p.text).join('; ')
    const link = v.action === 'rotate' ? `[rotate](${v.links.replacement}), then [revoke](${v.links.review})` : v.action === 'revoke' ? `[revoke](${v.links.review})` : `[approve or deny](${v.links.review})`
    const line = `- [ ] \`${v.key.replace(/`/g, "'")}\`: ${what.replace(/[<>]/g, '')} — ${link}`
    if (length + line.length + 200 > MAX_BODY) {
      lines.push(`- … and ${action.length - i} more: see the run's \`report\` output.`)
      break
    }
    lines.push(line)
    length += line.length + 1
  }
  return [...head, ...lines].join('\n')
}

export function decideInventoryIssueAction(report: InventoryReport, existing: IssueSnapshot | undefined, marker: string, runUrl?: string): IssueAction {
  if (report.result === 'pass') {
    return existing ? { kind: 'close', number: existing.number, comment: `The organization inventory passed${runUrl ? ` (${runUrl})` : ''}. Closing.` } : { kind: 'none' }
  }
  const body = inventoryIssueBody(report, marker, runUrl)
  return existing ? { kind: 'update', number: existing.number, title: inventoryIssueTitle(report), body } : { kind: 'create', title: inventoryIssueTitle(report), body }
}
