/**
 * Permissions decided while the last answers are still awaited, so that the work after the last answer is only what
 * the last answers changed.
 *
 * A permission's verdict (decidePermission, pure) depends on its own probe's evidence and its alternatives', and on
 * what the whole audit knows: the token's kind and scopes, whether the repository and the organization are reachable,
 * the repository's visibility, why probes were skipped. Once every request is on its way, each time answers arrive,
 * every permission whose evidence is all in is decided with what is known then, and the verdict is kept with the
 * exact inputs it read (the evidence objects themselves, the reachability, the scopes, the visibility). When the
 * audit concludes, a kept verdict is used only if those inputs are the same as the final ones; otherwise the
 * permission is decided again. So a verdict is always the one decidePermission gives on the final inputs; this only
 * moves when it is computed.
 *
 * Joint sets' second pass (which reads what the first pass proved held) is never kept: conclude.ts decides it then.
 */
import type { HttpEvidence, TokenKind } from '../types.js'
import type { PermissionPlan, PlannedProbe } from './plan.js'
import { REPOSITORY_PROBE_ID } from './plan.js'
import type { PermissionReport } from '../report/report.js'
import type { DecideInputs } from '../verdicts/permissions.js'
import { decidePermission } from '../verdicts/permissions.js'
import { deriveReachability } from '../verdicts/classify.js'
import type { RepoVisibility } from '../verdicts/visibility.js'
import { visibilityOf } from '../verdicts/visibility.js'
import { parseScopes } from '../verdicts/headers.js'

export interface DecisionMemo {
  /** decidePermission's verdict on these inputs: the kept one if it was made on the same inputs, else a new one. */
  decide(pp: PermissionPlan, inputs: DecideInputs): PermissionReport
  /** How many kept verdicts were used, and how many were decided anew (for tests). */
  readonly stats: { reused: number; decided: number }
}

/** Everything decidePermission reads from its inputs for this permission, compared item by item (===). */
function inputsKey(pp: PermissionPlan, inputs: DecideInputs): unknown[] {
  const key: unknown[] = [inputs.kind, inputs.reach.repository, inputs.reach.organization, inputs.skipped, inputs.scopes?.join(' '), inputs.visibility, inputs.held]
  key.push(pp.planned ? inputs.evidence.get(pp.planned) : undefined)
  for (const alt of pp.alternatives) key.push(alt.planned ? inputs.evidence.get(alt.planned) : undefined)
  return key
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function decisionMemo(decide: (pp: PermissionPlan, inputs: DecideInputs) => PermissionReport = decidePermission): DecisionMemo {
  const kept = new Map<PermissionPlan, { readonly key: unknown[]; readonly report: PermissionReport }>()
  const stats = { reused: 0, decided: 0 }
  return {
    stats,
    decide(pp, inputs) {
      const key = inputsKey(pp, inputs)
      const hit = kept.get(pp)
      if (hit && sameKey(hit.key, key)) {
        stats.reused++
        return hit.report
      }
      stats.decided++
      const report = decide(pp, inputs)
      kept.set(pp, { key, report })
      return report
    }
  }
}

/**
 * What the token's identity and the probes' answers tell about the whole audit, for every permission's verdict: the
 * token's scopes (classic and OAuth tokens) and the audited repository's visibility. conclude.ts and the passes here
 * both work them out with this, so that a kept verdict's inputs and the final ones are made the same way.
 */
export function auditWide(identity: HttpEvidence, evidence: ReadonlyMap<PlannedProbe, HttpEvidence>): { scopes: readonly string[] | undefined; visibility: RepoVisibility } {
  const scopesHeader = identity.headers['x-oauth-scopes']
  let repository: HttpEvidence | undefined
  for (const [planned, ev] of evidence) if (planned.probe.id === REPOSITORY_PROBE_ID) repository = repository ?? ev
  return { scopes: scopesHeader !== undefined ? parseScopes(scopesHeader) : undefined, visibility: visibilityOf(repository) }
}

/** What has arrived so far. */
export interface SoFar {
  readonly identity: HttpEvidence
  readonly evidence: ReadonlyMap<PlannedProbe, HttpEvidence>
}

export interface EarlyDecisions {
  readonly memo: DecisionMemo
  /** A probe answered: the permissions that read its answer are looked at in the next pass. */
  answered(planned: PlannedProbe): void
  /**
   * Decides each permission looked at whose probe and alternatives have all answered, with what is known now; when
   * what the whole audit knows changed (reachability, scopes, visibility), every permission is looked at again.
   */
  pass(soFar: SoFar): void
}

/**
 * `onVerdict` receives each verdict a pass makes or keeps, with its permission (the audit passes the required ones on
 * to the shell, which prepares their rows in the job summary).
 */
export function earlyDecisions(
  kind: TokenKind,
  permissions: readonly PermissionPlan[],
  memo: DecisionMemo = decisionMemo(),
  onVerdict: (pp: PermissionPlan, report: PermissionReport) => void = () => undefined
): EarlyDecisions {
  const readers = new Map<PlannedProbe, PermissionPlan[]>()
  for (const pp of permissions) {
    if (!pp.info || !pp.planned) continue
    for (const planned of [pp.planned, ...pp.alternatives.map((alt) => alt.planned)]) {
      if (planned) readers.set(planned, [...(readers.get(planned) ?? []), pp])
    }
  }
  const waiting = new Set<PermissionPlan>()
  let known: string | undefined
  return {
    memo,
    answered(planned) {
      for (const pp of readers.get(planned) ?? []) waiting.add(pp)
    },
    pass({ identity, evidence }) {
      const inputs: DecideInputs = {
        kind,
        evidence,
        reach: deriveReachability([...evidence].map(([planned, ev]) => ({ planned, evidence: ev }))),
        ...auditWide(identity, evidence)
      }
      const now = [inputs.reach.repository, inputs.reach.organization, inputs.scopes?.join(' '), inputs.visibility].join('|')
      const lookAt = now === known ? [...waiting] : permissions
      known = now
      for (const pp of lookAt) {
        if (!pp.info || !pp.planned || !evidence.has(pp.planned)) continue
        if (pp.alternatives.some((alt) => alt.planned && !evidence.has(alt.planned))) continue
        onVerdict(pp, memo.decide(pp, inputs))
        waiting.delete(pp)
      }
    }
  }
}
