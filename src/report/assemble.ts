/** The report assembler: verdicts and findings in, the Report (what the summary and outputs are made of) out. Pure. */
import type { Edition } from '../catalog/github-data.js'
import type { Finding } from '../types.js'
import type { Settings } from '../inputs/settings.js'
import type { CoverageResult } from '../audit/coverage.js'
import type { OrgRecord } from '../audit/org-record.js'
import type { TokenVerdict } from '../verdicts/token.js'
import type { PermissionReport, Report } from './report.js'
import { SCHEMA_VERSION, resultOf } from './report.js'
import { regenerateUrl } from './regenerate-url.js'
import { replacementLink } from './fix-links.js'
import { MAX_TOKEN_LIFETIME_DAYS } from '../facts/limits.js'

export interface ReportParts {
  readonly settings: Settings
  readonly edition: Edition
  readonly serverUrl: string
  readonly token: TokenVerdict
  /** The required permissions' verdicts, in the order required. */
  readonly permissions: readonly PermissionReport[]
  /** With report-excess: the verdicts of the levels beyond the requirement. */
  readonly beyond: readonly PermissionReport[]
  readonly findings: readonly Finding[]
  readonly excess?: readonly string[]
  readonly coverage?: CoverageResult
  readonly record?: OrgRecord
  readonly disagreements: readonly string[]
  readonly generatedAt: number
  readonly requests: number
  readonly durationMs: number
  /** replacementUrlFor's URL when the caller already built it (the findings link to it); built here otherwise. */
  readonly replacementUrl?: string
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, notice: 2 }

/**
 * The replacement form's URL: exactly the required permissions, a lifetime within max-lifetime-days and the
 * organization's own limit, at most GitHub's. The last one made is kept with what it was made from (the settings
 * object, the server, the lifetime) and given back for the same: the audit makes it while GitHub answers, with no
 * lifetime policy known (audit.ts), and conclude gets it back when the answers showed none either, instead of
 * building it after the last answer (a --cpu-prof of the whole catalog's tail: 0.7 ms).
 */
export function replacementUrlFor(settings: Settings, serverUrl: string, token: Pick<TokenVerdict, 'policy'>): string {
  const lifetimeDays = Math.min(settings.maxLifetimeDays > 0 ? settings.maxLifetimeDays : MAX_TOKEN_LIFETIME_DAYS, token.policy ? token.policy.maxDays : MAX_TOKEN_LIFETIME_DAYS)
  if (lastReplacement?.settings === settings && lastReplacement.serverUrl === serverUrl && lastReplacement.lifetimeDays === lifetimeDays) return lastReplacement.url
  const repository = settings.repository ? `${settings.repository.owner}/${settings.repository.repo}` : undefined
  const url = regenerateUrl({
    serverUrl,
    required: settings.required,
    resourceOwner: settings.organization ?? settings.repository?.owner,
    ...(repository ? { repository } : {}),
    lifetimeDays
  })
  lastReplacement = { settings, serverUrl, lifetimeDays, url }
  return url
}

/**
 * The replacement form's URL and its link as they are when the answers show no lifetime policy (the usual case), made
 * ahead while GitHub answers (audit.ts): conclude, the findings and the summary get them back.
 */
export function prepareReplacement(settings: Settings, serverUrl: string): void {
  replacementLink(replacementUrlFor(settings, serverUrl, {}))
}

/** replacementUrlFor's last URL and what it was made from (Settings are never changed once parsed: readonly). */
let lastReplacement: { readonly settings: Settings; readonly serverUrl: string; readonly lifetimeDays: number; readonly url: string } | undefined

export function assembleReport(parts: ReportParts): Report {
  const { settings, record } = parts
  const repository = settings.repository ? `${settings.repository.owner}/${settings.repository.repo}` : undefined
  return {
    schemaVersion: SCHEMA_VERSION,
    result: resultOf(parts.findings),
    generatedAt: new Date(parts.generatedAt).toISOString(),
    target: {
      apiUrl: settings.apiUrl,
      edition: parts.edition,
      ...(repository ? { repository } : {}),
      ...(settings.organization ? { organization: settings.organization } : {})
    },
    token: parts.token.report,
    permissions: parts.permissions,
    findings: [...parts.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
    regenerateUrl: parts.replacementUrl ?? replacementUrlFor(settings, parts.serverUrl, parts.token),
    stats: { requests: parts.requests, durationMs: parts.durationMs },
    ...(parts.excess ? { excess: { permissions: parts.excess, undecided: parts.beyond.filter((p) => p.status === 'inconclusive').length } } : {}),
    ...(parts.coverage ? { coverage: parts.coverage } : {}),
    ...(record
      ? {
          organizationRecord: {
            organization: record.organization,
            ...(record.grant ? { grant: record.grant } : {}),
            ...(record.pendingRequest ? { pendingRequest: record.pendingRequest } : {}),
            candidates: record.candidates,
            disagreements: parts.disagreements,
            requests: record.requests,
            ...(record.unreadable !== undefined ? { unreadable: record.unreadable } : {})
          }
        }
      : {})
  }
}
