/**
 * The inventory's result as data: every entry judged, the lists the outputs hold, the findings (one per kind of
 * problem, for annotations) and the verdict. Pure: (read, policy, links) → report.
 */
import { regenerateUrl } from '../report/regenerate-url.js'
import type { Result } from '../types.js'
import type { InventoryRead, ListProblem } from './read.js'
import type { Policy, ProblemCode, RecordEntry, Verdict } from './judge.js'
import { byUrgency, judgeEntry, readEntry, replacementPermissions } from './judge.js'

export const INVENTORY_SCHEMA_VERSION = 1
/** The `report` output stays under GitHub's 1 MB limit for one output; past this, compliant entries keep only their key. */
export const MAX_REPORT_CHARS = 900_000

export interface InventoryFinding {
  readonly severity: 'error' | 'warning' | 'notice'
  readonly code: ProblemCode | 'incomplete' | 'malformed' | 'input'
  readonly title: string
  readonly message: string
  /** The keys concerned, sorted. */
  readonly keys: readonly string[]
}

export interface JudgedEntry extends Verdict {
  /** Where to act: the replacement link (rotate), the organization's page for the token or the request. */
  readonly links: { readonly replacement?: string; readonly review: string }
}

export interface InventoryReport {
  readonly schemaVersion: typeof INVENTORY_SCHEMA_VERSION
  readonly mode: 'organization'
  readonly result: Result
  readonly generatedAt: string
  readonly organization: string
  readonly policy: Omit<Policy, 'now' | 'broadPermissions'> & { readonly broadPermissions: readonly string[] }
  /** Every grant then every request, most urgent first. */
  readonly entries: readonly JudgedEntry[]
  readonly lists: Readonly<Record<OutputList, readonly string[]>>
  readonly counts: {
    readonly tokens: number
    readonly requests: number
    readonly compliant: number
    readonly needsAction: number
  }
  readonly findings: readonly InventoryFinding[]
  readonly problems: readonly ListProblem[]
  readonly stats: { readonly requests: number; readonly pages: { readonly grants: number; readonly requests: number }; readonly durationMs: number }
}

export const OUTPUT_LISTS = ['expiring', 'non-compliant', 'unused', 'broad', 'pending-requests'] as const
export type OutputList = (typeof OUTPUT_LISTS)[number]

/** The organization's pages where an owner acts: active tokens (revoke) and pending requests (approve or deny). */
export function organizationPages(serverUrl: string, organization: string): { active: string; requests: string } {
  const base = `${serverUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(organization)}/settings`
  return { active: `${base}/personal-access-tokens/active`, requests: `${base}/personal-access-token-requests` }
}

export interface BuildOptions {
  readonly organization: string
  readonly serverUrl: string
  readonly policy: Policy
  readonly startedAt: number
  readonly finishedAt: number
}

export function buildInventoryReport(read: InventoryRead, options: BuildOptions): InventoryReport {
  const { organization, serverUrl, policy } = options
  const pages = organizationPages(serverUrl, organization)
  const malformed: string[] = []
  const entries: RecordEntry[] = []
  for (const [kind, list] of [
    ['grant', read.grants],
    ['request', read.requests]
  ] as const) {
    for (const raw of list.entries) {
      const entry = readEntry(kind, raw)
      if (typeof entry === 'string') malformed.push(`${kind === 'grant' ? 'grant' : 'request'}: ${entry}`)
      else entries.push(entry)
    }
  }
  const judged: JudgedEntry[] = entries
    .map((e) => judgeEntry(e, policy))
    .sort(byUrgency)
    .map((v) => ({
      ...v,
      links: {
        ...(v.action === 'rotate' ? { replacement: replacementLink(v.entry, serverUrl, organization, policy.maxLifetimeDays) } : {}),
        review: v.entry.kind === 'request' ? pages.requests : pages.active
      }
    }))

  const keysWith = (code: ProblemCode, kind?: 'grant' | 'request') =>
    judged
      .filter((v) => (kind === undefined || v.entry.kind === kind) && v.problems.some((p) => p.code === code))
      .map((v) => v.key)
      .sort()
  const lists: Record<OutputList, string[]> = {
    expiring: [...new Set([...keysWith('expired', 'grant'), ...keysWith('expiring', 'grant')])].sort(),
    'non-compliant': keysWith('non-compliant'),
    unused: keysWith('unused'),
    broad: keysWith('broad'),
    'pending-requests': keysWith('pending')
  }

  const findings: InventoryFinding[] = []
  const problems = [...read.grants.problems, ...read.requests.problems]
  for (const p of problems) findings.push(incompleteFinding(p, organization))
  if (malformed.length > 0) {
    findings.push({
      severity: 'error',
      code: 'malformed',
      title: 'Entries GitHub sent in an unexpected shape',
      message: `${malformed.length} entr${malformed.length === 1 ? 'y' : 'ies'} of the organization's record could not be judged (${malformed.slice(0, 3).join('; ')}${malformed.length > 3 ? '; …' : ''}).`,
      keys: []
    })
  }
  const group = (code: ProblemCode, severity: 'error' | 'warning', title: string, what: string) => {
    const keys = judged.filter((v) => v.problems.some((p) => p.code === code && p.severity === severity)).map((v) => v.key).sort()
    if (keys.length === 0) return
    findings.push({ severity, code, title, message: `${keys.length} ${what}: ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? `, and ${keys.length - 10} more` : ''}.`, keys })
  }
  group('expired', 'error', 'Expired tokens still granted', 'token(s) expired but still granted (rotate if still needed, and revoke the grant)')
  group('expiring', 'error', `Tokens expiring within ${policy.expiryFailDays} days`, `token(s) expire within expiry-fail-days (${policy.expiryFailDays}); rotate them`)
  group('non-compliant', 'error', 'Tokens outside the lifetime policy', `token(s) never expire or outlive max-lifetime-days (${policy.maxLifetimeDays}); rotate them`)
  group('expiring', 'warning', `Tokens expiring within ${policy.expiryWarnDays} days`, `token(s) expire within expiry-warn-days (${policy.expiryWarnDays})`)
  group('pending', 'warning', `Requests pending for more than ${policy.pendingDays} days`, 'request(s) wait for an owner to approve or deny them')
  group('broad', 'warning', 'Broad tokens', 'token(s) reach all repositories with write access, or hold a permission listed in broad-permissions')
  group('unused', 'warning', `Tokens unused for ${policy.unusedDays} days`, `token(s) unused for unused-days (${policy.unusedDays}) or more; revoke them`)

  const result: Result = findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass'
  const tokens = judged.filter((v) => v.entry.kind === 'grant').length
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    mode: 'organization',
    result,
    generatedAt: new Date(options.finishedAt).toISOString(),
    organization,
    policy: {
      expiryWarnDays: policy.expiryWarnDays,
      expiryFailDays: policy.expiryFailDays,
      maxLifetimeDays: policy.maxLifetimeDays,
      unusedDays: policy.unusedDays,
      pendingDays: policy.pendingDays,
      broadPermissions: policy.broadPermissions.map((p) => `${p.name}:${p.level}`)
    },
    entries: judged,
    lists,
    counts: { tokens, requests: judged.length - tokens, compliant: judged.filter((v) => v.problems.length === 0).length, needsAction: judged.filter((v) => v.problems.length > 0).length },
    findings,
    problems,
    stats: { requests: read.requestCount, pages: { grants: read.grants.pages, requests: read.requests.pages }, durationMs: options.finishedAt - options.startedAt }
  }
}

function incompleteFinding(p: ListProblem, organization: string): InventoryFinding {
  const what = p.list === 'grants' ? 'tokens' : 'pending requests'
  const permission = p.list === 'grants' ? 'Personal access tokens: read' : 'Personal access token requests: read'
  const path = `GET /orgs/${organization}/${p.list === 'grants' ? 'personal-access-tokens' : 'personal-access-token-requests'}`
  const answer = p.status === 0 ? `no answer (${p.message})` : `${p.status} "${p.message}"`
  const hint =
    p.status === 401
      ? ' org-admin-token is invalid or expired (an installation token lives one hour).'
      : p.status === 403 || p.status === 404
        ? ` org-admin-token must be a GitHub App installation token on ${organization} with the organization permission "${permission}"${p.acceptedPermissions ? ` (GitHub accepts: ${p.acceptedPermissions})` : ''}.`
        : ''
  return {
    severity: 'error',
    code: 'incomplete',
    title: `The organization's ${what} could not all be read`,
    message: `${path}, page ${p.page}: ${answer}.${hint} The inventory is incomplete.`.replace(/\.\./g, '.'),
    keys: []
  }
}

/** A pre-filled replacement: the same name, permissions and organization, a lifetime within the policy. */
export function replacementLink(entry: RecordEntry, serverUrl: string, organization: string, maxLifetimeDays: number): string {
  const url = new URL(regenerateUrl({ serverUrl, required: replacementPermissions(entry), resourceOwner: organization, lifetimeDays: maxLifetimeDays }))
  url.searchParams.set('name', entry.tokenName.length <= 40 ? entry.tokenName : `${entry.tokenName.slice(0, 39)}…`)
  url.searchParams.set('description', `Replacement for ${entry.owner}'s token "${entry.tokenName}" (grant ${entry.id}), created from the pat-audit organization inventory.`.slice(0, 1024))
  return url.toString()
}

/** The `report` output: the report as JSON, under MAX_REPORT_CHARS (compliant entries shortened first). */
export function reportJson(report: InventoryReport): string {
  const full = JSON.stringify(report)
  if (full.length <= MAX_REPORT_CHARS) return full
  const short = { ...report, truncated: 'compliant entries keep only their key', entries: report.entries.map((e) => (e.problems.length === 0 ? { key: e.key } : e)) }
  const shorter = JSON.stringify(short)
  if (shorter.length <= MAX_REPORT_CHARS) return shorter
  return JSON.stringify({ ...short, truncated: 'entries keep only their key and problems', entries: report.entries.map((e) => ({ key: e.key, problems: e.problems.map((p) => p.code) })) })
}

