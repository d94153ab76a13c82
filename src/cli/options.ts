/**
 * The command line's options, generated from the action's own input list (settings.ts, which a test holds equal to
 * action.yml): every input is an option, except the tokens, which are read from the environment or standard input
 * only (an argument shows in the process list and the shell history).
 */
import { INPUT_NAMES } from '../inputs/settings.js'
import type { InputName } from '../inputs/settings.js'
import { INVENTORY_INPUT_NAMES } from '../inventory/settings.js'
import type { InventoryInputName } from '../inventory/settings.js'

/** The token inputs and where the command line reads each. Never from an argument. */
export const TOKEN_SOURCES = {
  token: 'PAT_AUDIT_TOKEN (or GITHUB_TOKEN), or standard input (piped, or with --token-stdin)',
  'org-admin-token': 'PAT_AUDIT_ORG_ADMIN_TOKEN',
  'github-token': 'PAT_AUDIT_GITHUB_TOKEN'
} as const satisfies Partial<Record<InputName, string>>
export type TokenInput = keyof typeof TOKEN_SOURCES

/** The environment variable that carries each token input other than `token`. */
export const TOKEN_ENV = { 'org-admin-token': 'PAT_AUDIT_ORG_ADMIN_TOKEN', 'github-token': 'PAT_AUDIT_GITHUB_TOKEN' } as const

export type OptionInput = Exclude<InputName | InventoryInputName, TokenInput>

/** The value each option expects, as shown by --help. */
const VALUE_HINT: Record<OptionInput, string> = {
  mode: 'token|organization audit one token (default), or inventory every token of --organization (needs PAT_AUDIT_ORG_ADMIN_TOKEN)',
  'required-permissions': '"name: level, …"   permissions the token must hold (e.g. "contents: write, members: read")',
  repository: 'owner/repo         repository on which repository permissions are probed',
  organization: 'org                organization for organization permissions (default: owner of --repository)',
  'expiry-warn-days': 'N                  warn when N days or fewer remain (default 30)',
  'expiry-fail-days': 'N                  fail when N days or fewer remain (default 7)',
  'max-lifetime-days': 'N                  lifetime policy in days; 0 turns the check off (default 366)',
  'fail-on': 'error|warning|never exit 1 on errors, on warnings too, or never (default error)',
  'api-url': 'URL                REST API root (default https://api.github.com; GHES: https://HOST/api/v3)',
  'timeout-seconds': 'N                  deadline for the whole audit (default 60)',
  'report-excess': 'true|false         also list permissions held beyond the requirement (default false)',
  repositories: '"owner/repo, owner/*" repositories the token must reach',
  notify: 'none|issue         open/update a tracking issue (needs PAT_AUDIT_GITHUB_TOKEN and GITHUB_REPOSITORY)',
  'unused-days': 'N                  organization mode: report tokens unused for N days; 0 turns it off (default 90)',
  'pending-days': 'N                  organization mode: report requests waiting more than N days (default 7)',
  'broad-permissions': '"name: level, …"   organization mode: permissions that make a token broad, or none'
}

/** The options an audit takes, in action.yml's order. */
export const OPTION_INPUTS: readonly OptionInput[] = [...INPUT_NAMES, ...INVENTORY_INPUT_NAMES].filter((name): name is OptionInput => !Object.hasOwn(TOKEN_SOURCES, name))

export function usage(version: string): string {
  const width = Math.max(...OPTION_INPUTS.map((n) => n.length)) + 4
  return [
    `pat-audit ${version}: audits a GitHub personal access token, as the pat-audit action does.`,
    '',
    'Usage:',
    '  pat-audit [options]                     audit the token (exit status: as the action\'s fail-on)',
    '  pat-audit catalog [--markdown | --json] [--edition fpt|ghes]   list the permissions that can be audited',
    '',
    'Options (each is the action input of the same name):',
    ...OPTION_INPUTS.map((name) => `  --${name.padEnd(width)}${VALUE_HINT[name]}`),
    '',
    'Output:',
    `  --${'json'.padEnd(width)}print the report as JSON`,
    `  --${'markdown'.padEnd(width)}print the job summary as Markdown`,
    `  --${'no-color'.padEnd(width)}no colours (also NO_COLOR=1)`,
    `  --${'token-stdin'.padEnd(width)}read the token from standard input even when it is a terminal`,
    `  --${'version'.padEnd(width)}print the version`,
    `  --${'help'.padEnd(width)}print this help`,
    '',
    'Tokens are never accepted as arguments (they would show in the process list and the shell history):',
    ...Object.entries(TOKEN_SOURCES).map(([input, source]) => `  ${input.padEnd(width + 2)}${source}`)
  ].join('\n')
}

/** The one-line error for a token given as an argument. */
export function tokenArgumentError(name: string): string {
  const input = name as TokenInput
  return `--${name} is not accepted: a token is never taken as an argument (it would show in the process list and the shell history). Pass it through the environment or standard input: ${TOKEN_SOURCES[input]}.`
}
