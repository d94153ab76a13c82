/**
 * Where each classic scope implication in classic-scopes.ts comes from. GitHub's page "Scopes for OAuth apps"
 * (github/docs content/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps.md @ 0460e409) is the authority: its
 * table indents a scope under the scope that includes it. Where the page says nothing, the implication rests on
 * trufflehog's classic analyzer (pkg/analyzer/analyzers/github/classic/classictoken.go @ 3ab759f, L42-63), a tool
 * tested against GitHub, and says so. Collected in /work/research/scopes.json (issue 11).
 */
export interface ScopeSource {
  readonly trust: 'documented' | 'tool-rule'
  readonly source: string
  readonly quote: string
}

const DOCS = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps'
const TRUFFLEHOG = 'https://github.com/trufflesecurity/trufflehog/blob/3ab759fef4bb5935d4fe9ac68b503d05346b8364/pkg/analyzer/analyzers/github/classic/classictoken.go#L42-L63'
const indented = (parent: string, children: string): ScopeSource => ({
  trust: 'documented',
  source: DOCS,
  quote: `${children} ${children.includes(',') ? 'are' : 'is'} listed indented under \`${parent}\` in the "Available scopes" table ("requesting \`user,gist,user:email\` will result in a token with \`user\` and \`gist\` scopes only since the access granted with \`user:email\` scope is included in the \`user\` scope")`
})

/** Parent scope → the source of what it includes. */
export const SCOPE_SOURCES: Readonly<Record<string, ScopeSource>> = {
  repo: {
    trust: 'documented',
    source: DOCS,
    quote:
      '`repo`: "Grants full access to public and private repositories including read and write access to code, commit statuses, repository invitations, collaborators, deployment statuses, and repository webhooks." `admin:repo_hook`: "The `repo` and `public_repo` scopes grant full access to repositories, including repository hooks." (repo:status, repo_deployment, public_repo, repo:invite and security_events are indented under repo)'
  },
  'admin:org': { ...indented('admin:org', '`write:org`, `read:org`'), quote: '`write:org`, `read:org` are listed indented under `admin:org`; `manage_runners:org` is not on the page (github/docs#39414) and rests on trufflehog: "AdminOrg: {WriteOrg, ReadOrg, ManageRunnersOrg}"' },
  'write:org': indented('admin:org', '`read:org`'),
  'admin:public_key': indented('admin:public_key', '`write:public_key`, `read:public_key`'),
  'write:public_key': indented('admin:public_key', '`read:public_key`'),
  'admin:repo_hook': indented('admin:repo_hook', '`write:repo_hook`, `read:repo_hook`'),
  'write:repo_hook': indented('admin:repo_hook', '`read:repo_hook`'),
  'admin:gpg_key': indented('admin:gpg_key', '`write:gpg_key`, `read:gpg_key`'),
  'write:gpg_key': indented('admin:gpg_key', '`read:gpg_key`'),
  user: indented('user', '`read:user`, `user:email`, `user:follow`'),
  project: indented('project', '`read:project`'),
  'admin:enterprise': indented('admin:enterprise', '`manage_runners:enterprise`, `manage_billing:enterprise`, `read:enterprise`'),
  'admin:ssh_signing_key': { trust: 'tool-rule', source: TRUFFLEHOG, quote: 'Not on GitHub\'s scopes page; trufflehog\'s classic analyzer lists the ssh_signing_key family like the gpg_key one.' },
  'write:ssh_signing_key': { trust: 'tool-rule', source: TRUFFLEHOG, quote: 'Not on GitHub\'s scopes page; trufflehog\'s classic analyzer lists the ssh_signing_key family like the gpg_key one.' },
  'write:packages': { trust: 'tool-rule', source: TRUFFLEHOG, quote: 'WritePackages: {ReadPackages} (GitHub\'s page lists the package scopes side by side, not indented)' },
  codespace: { trust: 'tool-rule', source: TRUFFLEHOG, quote: 'codespace:secrets is not on GitHub\'s scopes page; trufflehog lists it under codespace.' }
}
