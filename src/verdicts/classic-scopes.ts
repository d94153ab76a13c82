/**
 * Classic tokens and OAuth app tokens hold scopes, not permissions. This is the documented mapping from each
 * fine-grained permission (at a level) to the classic scopes that grant it, from GitHub's "Scopes for OAuth
 * apps" page. A permission absent here cannot be decided from scopes and is reported inconclusive. The scope hierarchy
 * itself (which scope includes which) is a GitHub fact kept, with its quotes, in src/facts/scopes.ts.
 */
import type { Level } from '../types.js'
import { SCOPE_IMPLIES } from '../facts/scopes.js'

/** Every scope a token effectively holds, its own and the ones they include. */
export function expandScopes(scopes: readonly string[]): Set<string> {
  const held = new Set<string>()
  const visit = (scope: string) => {
    if (held.has(scope)) return
    held.add(scope)
    for (const implied of SCOPE_IMPLIES[scope] ?? []) visit(implied)
  }
  scopes.forEach(visit)
  return held
}

type ScopeRule = Partial<Record<Level, readonly string[]>>

const REPO: ScopeRule = { read: ['repo'], write: ['repo'] }
const ORG_READ_ADMIN_WRITE: ScopeRule = { read: ['read:org'], write: ['admin:org'] }

/** permission → level → any one of these scopes grants it. */
export const CLASSIC_SCOPES: Readonly<Record<string, ScopeRule>> = {
  actions: REPO,
  actions_variables: REPO,
  administration: REPO,
  contents: REPO,
  deployments: { read: ['repo_deployment'], write: ['repo_deployment'] },
  environments: REPO,
  issues: REPO,
  metadata: { read: ['repo', 'public_repo', 'read:org'] },
  pages: REPO,
  pull_requests: REPO,
  repository_hooks: { read: ['read:repo_hook'], write: ['write:repo_hook'] },
  secrets: REPO,
  security_events: { read: ['security_events'], write: ['security_events'] },
  statuses: { read: ['repo:status'], write: ['repo:status'] },
  vulnerability_alerts: { read: ['security_events'], write: ['security_events'] },
  secret_scanning_alerts: { read: ['security_events'], write: ['security_events'] },
  repository_advisories: REPO,
  dependabot_secrets: REPO,
  codespaces: { read: ['codespace'], write: ['codespace'] },
  codespaces_secrets: { write: ['codespace:secrets'] },
  workflows: { write: ['workflow'] },
  members: { read: ['read:org'], write: ['write:org'] },
  organization_administration: ORG_READ_ADMIN_WRITE,
  organization_secrets: { read: ['admin:org'], write: ['admin:org'] },
  organization_actions_variables: { read: ['admin:org'], write: ['admin:org'] },
  organization_self_hosted_runners: { read: ['manage_runners:org'], write: ['manage_runners:org'] },
  organization_hooks: { read: ['admin:org_hook'], write: ['admin:org_hook'] },
  organization_copilot_seat_management: { read: ['manage_billing:copilot', 'read:org'], write: ['manage_billing:copilot'] },
  organization_copilot_metrics: { read: ['manage_billing:copilot', 'read:org', 'read:enterprise'] },
  organization_projects: { read: ['read:project'], write: ['project'] },
  organization_dependabot_secrets: { read: ['admin:org'], write: ['admin:org'] },
  organization_codespaces_secrets: { read: ['admin:org'], write: ['admin:org'] },
  organization_user_blocking: { read: ['admin:org'], write: ['admin:org'] },
  emails: { read: ['user:email'], write: ['user'] },
  followers: { read: ['user:follow', 'read:user'], write: ['user:follow'] },
  keys: { read: ['read:public_key'], write: ['write:public_key'] },
  gpg_keys: { read: ['read:gpg_key'], write: ['write:gpg_key'] },
  git_signing_ssh_public_keys: { read: ['read:ssh_signing_key'], write: ['write:ssh_signing_key'] },
  gists: { write: ['gist'] },
  profile: { write: ['user'] },
  blocking: { read: ['user'], write: ['user'] },
  plan: { read: ['read:user'] },
  starring: { read: ['public_repo'], write: ['public_repo'] },
  watching: { read: ['notifications', 'repo'] },
  codespaces_user_secrets: { read: ['codespace'], write: ['codespace'] }
}

/** Which scopes would grant a permission at a level; undefined when no documented mapping exists. */
export function scopesGranting(permission: string, level: Level): readonly string[] | undefined {
  const rule = CLASSIC_SCOPES[permission]
  if (!rule) return undefined
  // admin is only used by a few organization permissions; the write scopes are the closest classic equivalent.
  return rule[level] ?? (level === 'admin' ? rule.write : undefined) ?? (level === 'read' ? rule.write : undefined)
}

export type ScopeDecision = { granted: true; by: string } | { granted: false; needs: readonly string[] } | undefined

export function decideFromScopes(permission: string, level: Level, held: ReadonlySet<string>): ScopeDecision {
  const granting = scopesGranting(permission, level)
  if (!granting) return undefined
  const by = granting.find((s) => held.has(s))
  return by ? { granted: true, by } : { granted: false, needs: granting }
}
