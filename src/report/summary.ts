/** The job summary, as Markdown: the verdict first, then the token, the permissions, the findings and the fix. */
import type { PermissionReport, Report } from './report.js'
import type { Finding } from '../types.js'
import { TOKEN_KIND_LABELS } from '../verdicts/token-kind.js'

const RESULT_HEADLINE = { pass: '✅ Token audit passed', warn: '⚠️ Token audit passed with warnings', fail: '❌ Token audit failed' } as const
const STATUS_LABEL = { granted: '✅ granted', missing: '❌ missing', inconclusive: '⚠️ inconclusive' } as const
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

/** Escapes text for a Markdown table cell or line: no pipes, no raw HTML, no line breaks. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ')
}

export function renderSummary(report: Report): string {
  const lines: string[] = []
  const errors = report.findings.filter((f) => f.severity === 'error').length
  const warnings = report.findings.filter((f) => f.severity === 'warning').length
  const where = [report.target.repository, report.target.organization && report.target.organization !== report.target.repository?.split('/')[0] ? `org ${report.target.organization}` : undefined]
    .filter(Boolean)
    .join(', ')
  lines.push(`## ${RESULT_HEADLINE[report.result]}`, '')
  lines.push(
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${where ? ` · ${cell(where)}` : ''} · ${report.stats.requests} request${report.stats.requests === 1 ? '' : 's'} in ${(report.stats.durationMs / 1000).toFixed(1)} s`,
    ''
  )
  const top = report.findings.filter((f) => f.severity === 'error').slice(0, 5)
  for (const f of top) lines.push(`- ${SEVERITY_ICON[f.severity]} **${cell(f.title)}**${f.fix ? ` — ${cell(f.fix)}` : ''}`)
  if (top.length > 0) lines.push('')

  const t = report.token
  lines.push('### Token', '', '| | |', '|---|---|')
  lines.push(`| Kind | ${TOKEN_KIND_LABELS[t.kind]} |`)
  lines.push(`| Owner | ${t.owner ? cell(t.owner) : 'unknown'} |`)
  lines.push(`| Expires | ${t.expiresAt === null ? 'unknown' : t.expiresAt === 'never' ? 'never' : `${t.expiresAt}${t.daysRemaining !== null ? ` (${t.daysRemaining} day${t.daysRemaining === 1 ? '' : 's'} left)` : ''}`} |`)
  const compliance = t.lifetime.compliant === 'true' ? '✅ compliant' : t.lifetime.compliant === 'false' ? '❌ not compliant' : '⚠️ unknown'
  lines.push(`| Lifetime policy | ${compliance}: ${cell(t.lifetime.reason)} |`)
  if (t.scopes) lines.push(`| Scopes | ${t.scopes.length > 0 ? cell(t.scopes.join(', ')) : 'none'} |`)
  lines.push('')

  if (report.permissions.length > 0) {
    lines.push('### Permissions', '', '| Permission | Required | Status | Why (evidence) | How to fix |', '|---|---|---|---|---|')
    for (const p of report.permissions) lines.push(permissionRow(p))
    lines.push('')
  } else {
    lines.push('### Permissions', '', 'No permissions were required (`required-permissions` is empty): only the token itself was audited.', '')
  }

  if (report.excess) {
    lines.push('### Beyond the requirement', '')
    lines.push(
      report.excess.permissions.length > 0
        ? `The token holds ${report.excess.permissions.map((p) => `\`${p}\``).join(', ')} beyond what is required. The replacement link below grants only what is required.`
        : 'The token holds nothing beyond the requirement that a probe could prove.',
      ...(report.excess.undecided > 0 ? ['', `${report.excess.undecided} other permission level${report.excess.undecided === 1 ? '' : 's'} could not be decided (see \`npm run catalog\` for the ones no probe can check).`] : []),
      ''
    )
  }

  if (report.coverage) {
    const c = report.coverage
    lines.push('### Repository coverage', '')
    lines.push(
      c.unreachable.length > 0
        ? `${c.unreachable.length} of ${c.checked} repositories unreachable: ${c.unreachable.map((r) => `\`${cell(r)}\``).join(', ')}.`
        : `All ${c.checked - c.undecided.length} decided repositories are reachable${c.undecided.length > 0 ? `; ${c.undecided.length} undecided` : ''}.`,
      `(${c.requests} request${c.requests === 1 ? '' : 's'}.)`,
      ''
    )
  }

  if (report.organizationRecord) {
    const r = report.organizationRecord
    lines.push(`### What ${cell(r.organization)} records for this token`, '')
    if (r.unreadable) lines.push(cell(r.unreadable), '')
    else if (r.grant) {
      const g = r.grant
      lines.push('| | |', '|---|---|')
      if (g.tokenName) lines.push(`| Token name | ${cell(g.tokenName)} |`)
      lines.push(`| Repository selection | ${cell(g.repositorySelection ?? 'unknown')} |`)
      lines.push(`| Permissions | ${Object.entries(g.permissions).map(([n, l]) => `${n}: ${l}`).sort().join(', ') || 'none'} |`)
      lines.push(`| Access granted | ${cell(g.accessGrantedAt ?? 'unknown')} |`)
      lines.push(`| Last used | ${cell(g.lastUsedAt ?? 'never')} |`)
      lines.push('')
      if (r.disagreements.length > 0) lines.push(...r.disagreements.map((d) => `- ⚠️ ${cell(d)}`), '')
    } else if (r.pendingRequest) lines.push(`A request for this token is pending an owner's approval${r.pendingRequest.createdAt ? ` since ${r.pendingRequest.createdAt}` : ''}.`, '')
    else lines.push('No grant or pending request matches this token.', '')
  }

  if (report.findings.length > 0) {
    lines.push('### Findings', '')
    for (const f of report.findings) lines.push(findingLine(f))
    lines.push('')
  }

  lines.push('### Replacement token', '')
  lines.push(
    `[Create a fine-grained token with exactly the required permissions](${report.regenerateUrl}) — GitHub's form opens pre-filled (name, resource owner, expiry within the policy, permissions); you choose the repositories and confirm.`,
    ''
  )
  return lines.join('\n')
}

function permissionRow(p: PermissionReport): string {
  const evidence = p.evidence
    .map((e) => {
      const accepted = e.acceptedPermissions ? ` · accepts \`${cell(e.acceptedPermissions)}\`` : ''
      const status = e.status === 0 ? 'no response' : String(e.status)
      const basis = e.basis && e.status !== 0 && e.method !== 'GET' ? ` · read by ${cell(e.basis)}` : ''
      return `\`${e.method} ${cell(e.path)}\` → ${status} ${e.message ? `“${cell(e.message.slice(0, 140))}”` : ''}${accepted}${basis}`
    })
    .join('<br>')
  const why = `${cell(p.reason)}${evidence ? `<br>${evidence}` : ''}`
  return `| \`${p.name}\`${p.title ? ` (${cell(p.title)})` : ''} | ${p.level} | ${STATUS_LABEL[p.status]} | ${why} | ${p.fix ? cell(p.fix) : ''} |`
}

function findingLine(f: Finding): string {
  return `- ${SEVERITY_ICON[f.severity]} **${cell(f.title)}**: ${cell(f.message)}${f.fix ? ` _Fix:_ ${cell(f.fix)}` : ''}`
}
