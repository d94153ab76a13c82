/** The audit's result as data: what the summary, the outputs and the JSON `report` output are made from. */
import type { DecisionCode } from '../verdicts/classify.js'
import type { Edition } from '../catalog/github-data.js'
import type { Finding, HttpMethod, Level, PermissionScope, PermissionStatus, Result, TokenKind } from '../types.js'

import type { CoverageResult } from '../audit/coverage.js'
import type { OrgRecord } from '../audit/org-record.js'

export const SCHEMA_VERSION = 1

/** Lists longer than this (excess permissions, unreachable repositories) are counted in a finding's sentence and listed in full in their own section of the summary. */
export const LISTED_INLINE = 6

export interface EvidenceRecord {
  readonly method: HttpMethod
  readonly path: string
  /** The path with its random values shown as their parameter's name, when it has any. */
  readonly shownPath?: string
  /** 0 when no response arrived. */
  readonly status: number
  readonly message: string
  readonly acceptedPermissions?: string
  readonly requestId?: string
  /** What this request was for: the probe itself, or an alternative permission's probe. */
  readonly role: 'probe' | 'alternative' | 'context'
  readonly safety: string
  /** Why the catalog reads this probe's 404 / 422 as it does: the public source (catalog/probe-basis.ts). */
  readonly basis?: string
}

export interface PermissionReport {
  readonly name: string
  readonly level: Level
  readonly title?: string
  readonly scope?: PermissionScope
  readonly status: PermissionStatus
  readonly code: DecisionCode
  readonly reason: string
  readonly fix?: string
  /** The alternative permission that let the probe through, when one did. */
  readonly satisfiedBy?: string
  readonly evidence: readonly EvidenceRecord[]
}

export type LifetimeCompliance = 'true' | 'false' | 'unknown'

export interface TokenReport {
  readonly kind: TokenKind
  readonly owner?: string
  /** ISO 8601 UTC, 'never', or null when unknown. */
  readonly expiresAt: string | null
  readonly daysRemaining: number | null
  readonly lifetime: {
    readonly compliant: LifetimeCompliance
    /** The policy checked against (max-lifetime-days, or the organization's own limit when lower); 0 when off. */
    readonly policyDays: number
    readonly organizationLimitDays?: number
    readonly reason: string
  }
  readonly scopes?: readonly string[]
}

export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION
  readonly result: Result
  readonly generatedAt: string
  readonly target: {
    readonly apiUrl: string
    readonly edition: Edition
    readonly repository?: string
    readonly organization?: string
  }
  readonly token: TokenReport
  readonly permissions: readonly PermissionReport[]
  readonly findings: readonly Finding[]
  readonly regenerateUrl: string
  readonly stats: { readonly requests: number; readonly durationMs: number }
  /** With report-excess: permissions proven held beyond the requirement, and how many levels could not be decided. */
  readonly excess?: { readonly permissions: readonly string[]; readonly undecided: number }
  /** With repositories: which of them the token cannot reach. */
  readonly coverage?: CoverageResult
  /** With org-admin-token: what the organization records for this token. */
  readonly organizationRecord?: OrgRecord & { readonly disagreements: readonly string[] }
}

export function resultOf(findings: readonly Finding[]): Result {
  if (findings.some((f) => f.severity === 'error')) return 'fail'
  if (findings.some((f) => f.severity === 'warning')) return 'warn'
  return 'pass'
}

/** Sorted `name:level` list of the permissions with a status. */
export function permissionsWith(report: Pick<Report, 'permissions'>, status: PermissionStatus): string {
  return report.permissions
    .filter((p) => p.status === status)
    .map((p) => `${p.name}:${p.level}`)
    .sort()
    .join(',')
}
