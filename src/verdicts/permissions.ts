/**
 * A required permission's verdict, from its probe's evidence, its alternatives' and (for classic and OAuth tokens)
 * the token's scopes. Pure: evidence in, a PermissionReport with its evidence records out.
 */
import type { HttpEvidence, RequiredPermission, TokenKind } from '../types.js'
import type { Decision, Reachability } from './classify.js'
import { classifyEvidence } from './classify.js'
import type { PermissionPlan, PlannedProbe } from '../audit/plan.js'
import { LOGIN_UNKNOWN } from '../audit/plan.js'
import type { EvidenceRecord, PermissionReport } from '../report/report.js'
import { holdsScopes } from './token-kind.js'
import { decideFromScopes, expandScopes } from './classic-scopes.js'
import type { RepoVisibility } from './visibility.js'
import { limitByVisibility } from './visibility.js'
import { unreachableRepositoryText } from './pending.js'
import { basisOf, basisText } from '../catalog/probe-basis.js'
import { shownPath } from '../audit/shown-path.js'

export interface DecideInputs {
  readonly kind: TokenKind
  readonly evidence: ReadonlyMap<PlannedProbe, HttpEvidence>
  readonly reach: Reachability
  readonly skipped?: Decision
  readonly scopes?: readonly string[]
  /** The audited repository's visibility (visibility.ts): on a public one, public data proves nothing. */
  readonly visibility?: RepoVisibility
  /** Permissions proven held, for joint sets (joint-sets.ts). */
  readonly held?: (name: string, level: RequiredPermission['level']) => boolean
}

function evidenceRecord(planned: PlannedProbe, ev: HttpEvidence, role: EvidenceRecord['role']): EvidenceRecord {
  const safety = planned.probe.safety
  return {
    method: ev.method,
    path: ev.path,
    status: ev.status,
    message: ev.message,
    role,
    safety: safety.kind === 'read-only' ? 'read-only (GET)' : safety.kind === 'random-target' ? `random {${safety.param}}: names nothing that exists` : `random parent {${safety.param}} and a body without the required '${safety.missingField}'`,
    ...(planned.probe.randomParams.length > 0 ? { shownPath: shownPath(planned.probe.template, ev.path, planned.probe.randomParams) } : {}),
    ...(ev.headers['x-accepted-github-permissions'] !== undefined ? { acceptedPermissions: ev.headers['x-accepted-github-permissions'] } : {}),
    ...(ev.headers['x-github-request-id'] !== undefined ? { requestId: ev.headers['x-github-request-id'] } : {}),
    ...(basisOf(planned.probe) ? { basis: basisText(basisOf(planned.probe)!) } : {})
  }
}

/** One probe's verdict for one permission: its evidence, then what the repository's visibility lets it prove. */
function classified(name: string, level: RequiredPermission['level'], planned: PlannedProbe, ev: HttpEvidence, inputs: DecideInputs): Decision {
  const decision = classifyEvidence(name, planned, ev, inputs.reach, { level, ...(inputs.held ? { held: inputs.held } : {}) })
  return limitByVisibility(planned.probe, planned.context, decision, inputs.visibility ?? 'unknown')
}

export function decidePermission(pp: PermissionPlan, inputs: DecideInputs): PermissionReport {
  const { name, level } = pp.required
  const base = {
    name,
    level,
    ...(pp.info ? { title: pp.info.title, scope: pp.info.scope } : {})
  }
  const finish = (decision: Decision, evidence: EvidenceRecord[], extra: { satisfiedBy?: string } = {}): PermissionReport => ({
    ...base,
    status: decision.status,
    code: decision.code,
    reason: decision.reason,
    ...extra,
    ...(fixFor(decision) ? { fix: fixFor(decision) } : {}),
    evidence
  })
  if (!pp.info) return finish({ status: 'inconclusive', code: 'not-on-server', reason: pp.notProbed ?? 'Unknown on this server.' }, [])
  if (!pp.planned) {
    if (holdsScopes(inputs.kind) && inputs.scopes) {
      const byScope = scopeDecision(name, level, inputs.scopes)
      if (byScope && byScope.status === 'missing') return finish(byScope, [])
    }
    if (pp.notProbed === LOGIN_UNKNOWN && inputs.skipped) return finish(inputs.skipped, [])
    return finish({ status: 'inconclusive', code: pp.notProbed === LOGIN_UNKNOWN ? 'network' : 'uncheckable', reason: pp.notProbed ?? 'Cannot be checked.' }, [])
  }
  const ev = inputs.evidence.get(pp.planned)
  if (!ev) return finish(inputs.skipped ?? { status: 'inconclusive', code: 'deadline', reason: 'Not probed.' }, [])
  const records = [evidenceRecord(pp.planned, ev, 'probe')]
  const decision = classified(name, level, pp.planned, ev, inputs)

  if (holdsScopes(inputs.kind)) {
    const byScope = inputs.scopes ? scopeDecision(name, level, inputs.scopes) : undefined
    if (byScope?.status === 'missing') return finish(byScope, records)
    // Only fine-grained tokens select repositories or wait for approval.
    if (decision.code === 'repository-unreachable') return finish({ ...decision, reason: unreachableRepositoryText(inputs.kind).message }, records)
    // Scopes say granted (or cannot say): the probe must not contradict it.
    if (decision.status === 'granted') return finish(byScope ?? decision, records)
    if (decision.status === 'missing') {
      return finish({ status: 'inconclusive', code: 'refused-other', reason: `${byScope ? `${byScope.reason} ` : ''}Yet GitHub refused the probe: ${decision.reason}` }, records)
    }
    return finish(decision, records)
  }

  if (decision.status !== 'granted' || pp.alternatives.length === 0) return finish(decision, records)
  // The probe accepts other permissions too: which one let it through?
  const alternatives = pp.alternatives.map((alt) => {
    const altEv = alt.planned ? inputs.evidence.get(alt.planned) : undefined
    if (alt.planned && altEv) records.push(evidenceRecord(alt.planned, altEv, 'alternative'))
    const altDecision = alt.planned && altEv ? classified(alt.name, alt.level, alt.planned, altEv, { ...inputs, held: undefined }) : undefined
    return { label: `${alt.name}: ${alt.level}`, status: altDecision?.status }
  })
  const held = alternatives.find((a) => a.status === 'granted')
  if (held) {
    return finish(
      {
        status: 'inconclusive',
        code: 'satisfied-by-alternative',
        reason: `GitHub let the probe through, but this endpoint also accepts ${held.label}, which the token holds: satisfied through ${held.label}. Whether '${name}' itself is held cannot be told from it.`
      },
      records,
      { satisfiedBy: held.label }
    )
  }
  if (alternatives.every((a) => a.status === 'missing')) {
    return finish({ ...decision, reason: `${decision.reason} The endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, which the token lacks, so '${name}' let it through.` }, records)
  }
  return finish(
    {
      status: 'inconclusive',
      code: 'alternative-unknown',
      reason: `GitHub let the probe through, but this endpoint also accepts ${alternatives.map((a) => a.label).join(', ')}, and whether the token holds ${alternatives.length > 1 ? 'them' : 'it'} could not be told.`
    },
    records
  )
}

export function scopeDecision(name: string, level: RequiredPermission['level'], scopes: readonly string[]): Decision | undefined {
  const decided = decideFromScopes(name, level, expandScopes(scopes))
  const listed = scopes.length > 0 ? scopes.join(', ') : 'no scopes'
  if (!decided) return { status: 'inconclusive', code: 'no-scope-mapping', reason: `No classic scope is documented to grant '${name}: ${level}'; the token holds ${listed}.` }
  if (decided.granted) return { status: 'granted', code: 'scope-granted', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include '${decided.by}', which grants it.` }
  return { status: 'missing', code: 'scope-missing', reason: `The token's scopes (X-OAuth-Scopes: ${listed}) include none of ${decided.needs.map((s) => `'${s}'`).join(', ')}, which it needs.` }
}

function fixFor(decision: Decision): string | undefined {
  switch (decision.code) {
    case 'not-accessible':
      return 'Add what is missing to the token in its settings, or create a replacement with exactly the required permissions.'
    case 'scope-missing':
      return 'Add the scope to the classic token, or better, create a fine-grained replacement with exactly the required permissions.'
    case 'repository-unreachable':
      return 'Select the repository in the token\'s repository access, or ask an organization owner to approve the token.'
    case 'uncheckable':
    case 'not-on-server':
      return undefined
    default:
      return undefined
  }
}

