/**
 * What a person sees of a report, as data, before any markup: the verdict line, the problems (each once, with
 * its fix and link), the permissions with their evidence, short token facts and the folded extras. The job
 * summary (HTML through @actions/core's summary builder) and the terminal both render this.
 * Text fields may mark code with backticks; links are never inside text, always `{ text, url }`.
 */
import type { PermissionReport, Report } from './report.js'
import type { FindingLink, PermissionStatus, Result, TokenKind } from '../types.js'
import { LISTED_INLINE } from './report.js'
import { REPLACEMENT_LINK_TEXT, replacementLink } from './fix-links.js'
import { count, daysPhrase, personDate, personDuration, thousands } from './when.js'
import type { Problem } from './problems.js'
import { problemsOf } from './problems.js'

export interface PermissionRow {
  readonly name: string
  /** GitHub's name for it in the token form, when it says more than the name. */
  readonly title?: string
  readonly level: string
  readonly status: PermissionStatus
  readonly statusLabel: string
  /** Why this status, unless a problem above says it already. */
  readonly reason?: string
  /** One line per request: `GET /path` → status “message” · accepts … */
  readonly evidence: readonly string[]
}

/** A folded section: a one-line summary, and what unfolding it shows. */
export interface Section {
  readonly summary: string
  readonly lines?: readonly string[]
  readonly pairs?: ReadonlyArray<readonly [string, string]>
}

export interface SummaryView {
  readonly result: Result
  readonly icon: string
  readonly headline: string
  /** The verdict's facts: where, whose token, when it expires. */
  readonly facts: readonly string[]
  readonly problems: readonly Problem[]
  readonly permissions: readonly PermissionRow[]
  /** Said instead of the table when no permission was required. */
  readonly noPermissions?: string
  /** Short facts about the token that the verdict line does not give. */
  readonly token: readonly string[]
  readonly sections: readonly Section[]
  /** The replacement link, when no problem carries it already. */
  readonly replacement?: { readonly lead: string; readonly link: FindingLink }
  readonly footer: string
}

export interface InputErrorsView {
  readonly icon: string
  readonly headline: string
  readonly lead: string
  readonly errors: readonly string[]
  readonly fix: string
}

export const STATUS_ICON: Readonly<Record<PermissionStatus, string>> = { granted: '✅', missing: '❌', inconclusive: '⚠️' }
const RESULT_ICON: Readonly<Record<Result, string>> = { pass: '✅', warn: '⚠️', fail: '❌' }

export const TOKEN_KIND_SHORT: Readonly<Record<TokenKind, string>> = {
  'fine-grained': 'fine-grained token',
  classic: 'classic token',
  oauth: 'OAuth app token',
  'github-app-user': 'GitHub App user token',
  'github-app-installation': 'GitHub App installation token',
  unknown: 'unrecognised token'
}

export function summaryView(report: Report): SummaryView {
  const problems = problemsOf(report.findings)
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  const headline =
    report.result === 'fail'
      ? `Token audit failed: ${count(errors, 'problem')}${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}`
      : report.result === 'warn'
        ? `Token audit passed with ${count(warnings, 'warning')}`
        : 'Token audit passed'
  const stated = new Set(report.findings.map((f) => f.message))
  const linked = problems.some((p) => p.link?.url === report.regenerateUrl)
  const replacement = replacementLink(report.regenerateUrl)
  return {
    result: report.result,
    icon: RESULT_ICON[report.result],
    headline,
    facts: verdictFacts(report),
    problems,
    permissions: report.permissions.map((p) => permissionRow(p, stated)),
    ...(report.permissions.length === 0 ? { noPermissions: 'No permissions were required (`required-permissions` is empty): only the token itself was audited.' } : {}),
    token: tokenFacts(report),
    sections: sections(report),
    ...(!linked && replacement
      ? {
          replacement: {
            lead: report.result === 'pass' ? 'When it is time to rotate it:' : 'A token with exactly the required permissions:',
            link: { text: report.result === 'pass' ? 'Create a replacement with exactly these permissions' : REPLACEMENT_LINK_TEXT, url: replacement.url }
          }
        }
      : {}),
    footer: `pat-audit · ${count(report.stats.requests, 'request')} in ${personDuration(report.stats.durationMs)} · ${personDate(report.generatedAt)}`
  }
}

export function inputErrorsView(errors: readonly string[]): InputErrorsView {
  return {
    icon: '❌',
    headline: 'Token audit did not run: invalid inputs',
    lead: `No request was sent to GitHub because of ${errors.length === 1 ? 'this input error' : `these ${errors.length} input errors`}:`,
    errors,
    fix: 'Correct the input named on each line in the step’s `with:` (each line says what it expects), then run the workflow again.'
  }
}

function verdictFacts(report: Report): string[] {
  const { repository, organization } = report.target
  const where = repository ? (organization && organization.toLowerCase() !== repository.split('/')[0].toLowerCase() ? `\`${repository}\` in \`${organization}\`` : `\`${repository}\``) : organization ? `organization \`${organization}\`` : undefined
  const t = report.token
  const whose = `${TOKEN_KIND_SHORT[t.kind]}${t.owner ? ` of ${t.owner}` : ''}`
  const expiry =
    t.expiresAt === null ? 'expiry unknown' : t.expiresAt === 'never' ? 'never expires' : `expires ${personDate(t.expiresAt)}${t.daysRemaining !== null ? `, ${daysPhrase(t.daysRemaining)}` : ''}`
  return [...(where ? [where] : []), whose, expiry]
}

function tokenFacts(report: Report): string[] {
  const t = report.token
  const out: string[] = []
  const policy = t.lifetime.policyDays > 0 ? `at most ${t.lifetime.policyDays} days` : undefined
  if (t.lifetime.compliant === 'true') out.push(`Lifetime policy${policy ? `, ${policy}` : ''}: ✅ met`)
  else if (t.lifetime.compliant === 'false') out.push(`Lifetime policy${policy ? `, ${policy}` : ''}: ❌ not met`)
  else out.push(`Lifetime policy: not checked (${t.lifetime.reason.replace(/\.$/, '')})`)
  if (t.scopes) out.push(`Scopes: ${t.scopes.length > 0 ? t.scopes.map((s) => `\`${s}\``).join(', ') : 'none'}`)
  return out
}

/**
 * Each permission's row but for its reason, made once per verdict: a verdict (PermissionReport) is never changed once
 * made, and the audit decides most permissions while the last answers are awaited (decided-early.ts), where the action
 * prepares their rows (job-summary.ts prepareRows). The reason is shown or not by what the findings state.
 */
const rowParts = new WeakMap<PermissionReport, PermissionRow>()

function permissionRow(p: PermissionReport, stated: ReadonlySet<string>): PermissionRow {
  const parts = permissionRowParts(p)
  return stated.has(p.reason) ? parts : { ...parts, reason: p.reason }
}

/** A permission's row without its reason (made once per verdict: rowParts). */
export function permissionRowParts(p: PermissionReport): PermissionRow {
  const known = rowParts.get(p)
  if (known) return known
  const row = rowWithoutReason(p)
  rowParts.set(p, row)
  return row
}

function rowWithoutReason(p: PermissionReport): PermissionRow {
  const plainTitle = p.title && p.title.toLowerCase().replace(/[^a-z]/g, '') !== p.name.toLowerCase().replace(/[^a-z]/g, '') ? p.title : undefined
  return {
    name: p.name,
    ...(plainTitle ? { title: plainTitle } : {}),
    level: p.level,
    status: p.status,
    statusLabel: `${STATUS_ICON[p.status]} ${p.status}`,
    evidence: p.evidence.map((e) => {
      const status = e.status === 0 ? 'no answer' : String(e.status)
      const message = e.message && e.message !== 'OK' ? ` “${short(e.message)}”` : ''
      const accepted = e.acceptedPermissions ? ` · accepts \`${e.acceptedPermissions}\`` : ''
      const harmless = e.method === 'GET' ? '' : ` · harmless: ${e.safety}`
      return `${e.role === 'alternative' ? 'also ' : ''}\`${e.method} ${e.shownPath ?? e.path}\` → ${status}${message}${accepted}${harmless}`
    })
  }
}

function sections(report: Report): Section[] {
  const out: Section[] = []
  if (report.excess) {
    const { permissions, undecided } = report.excess
    const undecidedLine = undecided > 0 ? [`${count(undecided, 'other permission level')} could not be decided: no harmless request can check ${undecided === 1 ? 'it' : 'them'}, or GitHub's answer did not tell.`] : []
    const byLevel = new Map<string, string[]>()
    for (const entry of permissions) {
      const [name, level] = entry.split(':')
      const names = byLevel.get(level)
      if (names) names.push(`\`${name}\``)
      else byLevel.set(level, [`\`${name}\``])
    }
    const listedHere = permissions.length > LISTED_INLINE ? [...byLevel].map(([level, names]) => `${level}: ${names.join(', ')}`) : []
    // Held levels are listed by the excess problem when few; the section says what it does not.
    if (listedHere.length + undecidedLine.length > 0 || permissions.length === 0) {
      out.push({
        summary: `Beyond the requirement: ${permissions.length > 0 ? `${count(permissions.length, 'permission level')} held` : 'nothing held that a probe could prove'}${undecided > 0 ? `, ${thousands(undecided)} undecided` : ''}`,
        ...(listedHere.length + undecidedLine.length > 0 ? { lines: [...listedHere, ...undecidedLine] } : {})
      })
    }
  }
  if (report.coverage) {
    const c = report.coverage
    const reachable = c.checked - c.unreachable.length - c.undecided.length
    out.push({
      summary: `Repository coverage: ${thousands(reachable)} of ${count(c.checked, 'repository', 'repositories')} reachable${c.unreachable.length > 0 ? `, ${thousands(c.unreachable.length)} not` : ''}${c.undecided.length > 0 ? `, ${thousands(c.undecided.length)} undecided` : ''} (${count(c.requests, 'request')})`,
      ...(c.unreachable.length > LISTED_INLINE ? { lines: [`Unreachable: ${c.unreachable.map((r) => `\`${r}\``).join(', ')}`] } : {})
    })
  }
  const record = report.organizationRecord
  if (record?.grant) {
    const g = record.grant
    const permissions = Object.entries(g.permissions)
      .map(([n, l]) => `${n}: ${l}`)
      .sort()
    out.push({
      summary: `What ${record.organization} records for this token${g.tokenName ? `: “${g.tokenName}”` : ''}`,
      pairs: [
        ['Repository access', g.repositorySelection === 'all' ? 'all repositories' : g.repositorySelection === 'subset' ? 'selected repositories' : (g.repositorySelection ?? 'unknown')],
        ['Permissions', permissions.length > 0 ? permissions.map((p) => `\`${p}\``).join(', ') : 'none'],
        ['Access granted', g.accessGrantedAt ? personDate(g.accessGrantedAt) : 'unknown'],
        ['Last used', g.lastUsedAt ? personDate(g.lastUsedAt) : 'never'],
        ...(g.expiresAt ? [['Expires', personDate(g.expiresAt)] as const] : [])
      ]
    })
  }
  return out
}

/** A message of GitHub's, shortened at a word when it is long. */
export function short(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= max) return oneLine
  const cut = oneLine.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`
}
