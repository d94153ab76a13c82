/**
 * GitHub's classic scope hierarchy: which scopes include which others. Written once, here, from GitHub's
 * "Scopes for OAuth apps" page (where the page says nothing, the quote says so and names the tool the inclusion rests
 * on; reviewed against /work/research/scopes.json in issue 11); the simulator keeps its own copy on purpose (tools/simulator), and
 * __tests__/unit/facts.test.ts holds both to the quotes below so neither can drift from the page.
 */

export const SCOPES_SOURCE = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'

/** A documented inclusion: `scope` grants every scope in `includes`, in GitHub's own words. */
export interface ScopeInclusion {
  readonly scope: string
  readonly includes: readonly string[]
  /**
   * What the page says: a verbatim sentence where one states it, otherwise where the page's scope table lists
   * the included scopes (indented under their parent).
   */
  readonly quote: string
}

export const SCOPE_INCLUSIONS: readonly ScopeInclusion[] = [
  {
    scope: 'repo',
    includes: ['public_repo', 'repo:status', 'repo_deployment', 'repo:invite', 'security_events'],
    quote: 'repo: Grants full access to public, internal, and private repositories including read and write access to code, commit statuses, repository invitations, collaborators, deployment statuses, and repository webhooks.'
  },
  {
    // Settles `repo` → `*:repo_hook`: the page says repo grants repository webhooks, and admin:repo_hook's entry
    // says the repo scope includes repository hooks.
    scope: 'repo',
    includes: ['admin:repo_hook', 'write:repo_hook', 'read:repo_hook'],
    quote: 'admin:repo_hook: Grants read, write, ping, and delete access to repository hooks in public or private repositories. The repo and public_repo scopes grant full access to repositories, including repository hooks. Use the admin:repo_hook scope to limit access to only repository hooks.'
  },
  { scope: 'admin:repo_hook', includes: ['write:repo_hook', 'read:repo_hook'], quote: 'The scope table lists write:repo_hook, read:repo_hook under admin:repo_hook.' },
  { scope: 'write:repo_hook', includes: ['read:repo_hook'], quote: 'The scope table lists read:repo_hook under write:repo_hook.' },
  { scope: 'admin:org', includes: ['write:org', 'read:org', 'manage_runners:org'], quote: 'The scope table lists write:org, read:org under admin:org; manage_runners:org is not on the page (github/docs#39414): it rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63 (AdminOrg: WriteOrg, ReadOrg, ManageRunnersOrg).' },
  { scope: 'write:org', includes: ['read:org'], quote: 'The scope table lists read:org under write:org.' },
  { scope: 'admin:public_key', includes: ['write:public_key', 'read:public_key'], quote: 'The scope table lists write:public_key, read:public_key under admin:public_key.' },
  { scope: 'write:public_key', includes: ['read:public_key'], quote: 'The scope table lists read:public_key under write:public_key.' },
  { scope: 'admin:gpg_key', includes: ['write:gpg_key', 'read:gpg_key'], quote: 'The scope table lists write:gpg_key, read:gpg_key under admin:gpg_key.' },
  { scope: 'write:gpg_key', includes: ['read:gpg_key'], quote: 'The scope table lists read:gpg_key under write:gpg_key.' },
  { scope: 'admin:ssh_signing_key', includes: ['write:ssh_signing_key', 'read:ssh_signing_key'], quote: 'Not on the page: the ssh_signing_key family rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63, which lists it like the gpg_key family.' },
  { scope: 'write:ssh_signing_key', includes: ['read:ssh_signing_key'], quote: 'Not on the page: the ssh_signing_key family rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63, which lists it like the gpg_key family.' },
  { scope: 'user', includes: ['read:user', 'user:email', 'user:follow'], quote: 'The scope table lists read:user, user:email, user:follow under user.' },
  { scope: 'project', includes: ['read:project'], quote: 'The scope table lists read:project under project.' },
  { scope: 'write:packages', includes: ['read:packages'], quote: 'The page lists the package scopes side by side, not indented; the inclusion rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63 (WritePackages: ReadPackages).' },
  { scope: 'codespace', includes: ['codespace:secrets'], quote: 'codespace:secrets is not on the page; the inclusion rests on trufflehog pkg/analyzer/analyzers/github/classic/classictoken.go @3ab759f L42-63.' },
  { scope: 'admin:enterprise', includes: ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'], quote: 'The scope table lists manage_runners:enterprise, manage_billing:enterprise, read:enterprise under admin:enterprise.' }
]

/** scope → the scopes it directly includes, built from the documented inclusions above. */
export const SCOPE_IMPLIES: Readonly<Record<string, readonly string[]>> = SCOPE_INCLUSIONS.reduce<Record<string, string[]>>((out, { scope, includes }) => {
  out[scope] = [...(out[scope] ?? []), ...includes.filter((s) => !(out[scope] ?? []).includes(s))]
  return out
}, {})
