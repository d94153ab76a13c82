/**
 * With `org-admin-token`, the organization's own record of the token decides its permissions: GitHub's
 * `GET /orgs/{org}/personal-access-tokens` lists what the token was granted in that organization ("List fine-grained
 * personal access tokens with access to organization resources", https://docs.github.com/rest/orgs/personal-access-tokens).
 * The probes still add what the record cannot say: whether the repository is reachable, blocks (policies, SSO, IP
 * allow lists) and role refusals, each its own finding; where a probe disagrees with the record, both sides are shown.
 */
import type { EvidenceRecord, PermissionReport } from '../report/report.js'
import type { Level } from '../types.js'
import { levelCovers } from '../types.js'

export interface RecordedGrant {
  readonly permissions: Readonly<Record<string, string>>
}

const LEVELS: readonly string[] = ['read', 'write', 'admin']

/** The verdict the record gives one required permission (repository and organization permissions only). */
export function decideByRecord(probed: PermissionReport, grant: RecordedGrant, organization: string): PermissionReport {
  if (probed.scope === 'account' || probed.code === 'not-on-server') return probed
  const recorded = grant.permissions[probed.name]
  const holds = recorded !== undefined && LEVELS.includes(recorded) && levelCovers(recorded as Level, probed.level)
  const recordEvidence: EvidenceRecord = {
    method: 'GET',
    path: `/orgs/${organization}/personal-access-tokens`,
    status: 200,
    message: recorded ? `recorded ${probed.name}: ${recorded}` : `${probed.name} not recorded`,
    role: 'context',
    safety: 'read-only (GET), with org-admin-token'
  }
  const probeSide =
    probed.status === 'inconclusive' ? '' : probed.status === (holds ? 'granted' : 'missing') ? ' The probe agrees.' : ` The probe disagrees: ${probed.reason}`
  const { fix: _fix, ...rest } = probed
  void _fix
  return {
    ...rest,
    status: holds ? 'granted' : 'missing',
    code: 'org-record',
    reason: holds
      ? `The ${organization} record of this token lists ${probed.name}: ${recorded}.${probeSide}`
      : `The ${organization} record of this token ${recorded ? `lists ${probed.name}: ${recorded}, below ${probed.level}` : `does not list ${probed.name}`}.${probeSide}`,
    ...(holds ? {} : { fix: `Grant '${probed.name}: ${probed.level}' to the token (its owner edits it; an owner of ${organization} may have to approve the change), or create a replacement with the link below.` }),
    evidence: [recordEvidence, ...probed.evidence]
  }
}
