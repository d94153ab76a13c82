import type { TokenKind } from '../types.js'

const PREFIXES: ReadonlyArray<[string, TokenKind]> = [
  ['github_pat_', 'fine-grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'github-app-user'],
  ['ghs_', 'github-app-installation']
]

/** The kind of token, told by GitHub's documented prefixes. */
export function tokenKind(token: string): TokenKind {
  for (const [prefix, kind] of PREFIXES) if (token.startsWith(prefix)) return kind
  return 'unknown'
}

/** Personal access tokens are the ones GitHub's lifetime policies apply to. */
export function isPersonalAccessToken(kind: TokenKind): boolean {
  return kind === 'fine-grained' || kind === 'classic'
}

/** Tokens that hold OAuth scopes (listed in X-OAuth-Scopes) rather than fine-grained permissions. */
export function holdsScopes(kind: TokenKind): boolean {
  return kind === 'classic' || kind === 'oauth'
}

export const TOKEN_KIND_LABELS: Readonly<Record<TokenKind, string>> = {
  'fine-grained': 'fine-grained personal access token',
  classic: 'personal access token (classic)',
  oauth: 'OAuth app token',
  'github-app-user': 'GitHub App user token',
  'github-app-installation': 'GitHub App installation token',
  unknown: 'unrecognised token'
}
