/**
 * `pat-audit` in a terminal: the same audit as the action, before a token is saved as a secret.
 *   PAT_AUDIT_TOKEN=… npx pat-audit --required-permissions "contents: write" --repository o/r
 *   echo "$TOKEN" | node dist/cli.js --required-permissions "members: read" --organization acme
 *   node dist/cli.js catalog [--markdown | --json] [--edition ghes]
 * The token comes from PAT_AUDIT_TOKEN, GITHUB_TOKEN or standard input, never from an argument (arguments are
 * visible in the process list and the shell's history). Exit status: as the action's (fail-on).
 */
import { shippedCatalog } from '../catalog/shipped.js'
import { catalogJson, catalogMarkdown, catalogText } from '../catalog/describe.js'
import { OPTION_INPUTS, TOKEN_ENV, TOKEN_SOURCES, tokenArgumentError, usage } from './options.js'
import { VERSION } from './version.js'
import type { RawInputs } from '../inputs/settings.js'
import { runAudit } from '../run-audit.js'
import { transportFor } from '../github/octokit-transport.js'
import { renderTerminal, wantsColor } from './terminal.js'
import { renderInventoryTerminal } from '../inventory/terminal.js'

export { renderTerminal } from './terminal.js'
export { renderInventoryTerminal } from '../inventory/terminal.js'

export const USAGE = usage(VERSION)

export interface CliStreams {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: () => Promise<string>
  readonly stdinIsTTY: boolean
  /** Whether standard output is a terminal (colour only then). */
  readonly stdoutIsTTY?: boolean
}

type Parsed = { command: 'audit' | 'catalog' | 'help' | 'version'; flags: Map<string, string>; switches: Set<string> } | { error: string }

const VALUE_FLAGS = new Set<string>([...OPTION_INPUTS, 'edition'])
const SWITCHES = new Set(['json', 'markdown', 'token-stdin', 'no-color', 'help', 'version'])

export function parseArgs(argv: readonly string[]): Parsed {
  const flags = new Map<string, string>()
  const switches = new Set<string>()
  let command: 'audit' | 'catalog' | 'help' | 'version' = 'audit'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (i === 0 && (arg === 'catalog' || arg === 'audit' || arg === 'help')) {
      command = arg
      continue
    }
    if (arg === '-h') {
      command = 'help'
      continue
    }
    if (arg === '-V') {
      command = 'version'
      continue
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg)
    if (!m) return { error: `Unexpected argument '${arg.slice(0, 40)}'. See --help.` }
    const [, name, inline] = m
    if (Object.hasOwn(TOKEN_SOURCES, name)) return { error: tokenArgumentError(name) }
    if (SWITCHES.has(name)) {
      if (name === 'help') command = 'help'
      else if (name === 'version' && command !== 'help') command = 'version'
      switches.add(name)
      continue
    }
    if (!VALUE_FLAGS.has(name)) return { error: `Unknown option --${name}. See --help.` }
    const value = inline ?? argv[++i]
    if (value === undefined) return { error: `Option --${name} needs a value.` }
    flags.set(name, value)
  }
  return { command, flags, switches }
}

export async function cli(argv: readonly string[], env: NodeJS.ProcessEnv, streams: CliStreams): Promise<number> {
  const parsed = parseArgs(argv)
  if ('error' in parsed) {
    streams.stderr(`pat-audit: ${parsed.error}\n`)
    return 2
  }
  if (parsed.command === 'help') {
    streams.stdout(`${USAGE}\n`)
    return 0
  }
  if (parsed.command === 'version') {
    streams.stdout(`${VERSION}\n`)
    return 0
  }
  if (parsed.command === 'catalog') {
    const edition = parsed.flags.get('edition') ?? 'fpt'
    if (edition !== 'fpt' && edition !== 'ghes') {
      streams.stderr("pat-audit: --edition expects 'fpt' (GitHub.com) or 'ghes' (GitHub Enterprise Server 3.22).\n")
      return 2
    }
    const catalog = shippedCatalog(edition)
    const text = parsed.switches.has('json') ? JSON.stringify(catalogJson(catalog)) : parsed.switches.has('markdown') ? catalogMarkdown(catalog) : catalogText(catalog)
    streams.stdout(`${text}\n`)
    return 0
  }

  let token = env.PAT_AUDIT_TOKEN ?? env.GITHUB_TOKEN ?? ''
  // The organization inventory reads with PAT_AUDIT_ORG_ADMIN_TOKEN only: there is no token to audit.
  const organizationMode = (parsed.flags.get('mode') ?? '').trim().toLowerCase() === 'organization'
  if (!token.trim() && (parsed.switches.has('token-stdin') || (!streams.stdinIsTTY && !organizationMode))) token = (await streams.readStdin()).split(/\r?\n/)[0] ?? ''
  if (!token.trim() && !organizationMode) {
    streams.stderr('pat-audit: no token. Set PAT_AUDIT_TOKEN (or GITHUB_TOKEN), or pipe the token on standard input.\n')
    return 2
  }
  const color = wantsColor(streams.stdoutIsTTY === true, env, parsed.switches.has('no-color'))
  const fromEnv = Object.fromEntries(Object.entries(TOKEN_ENV).map(([name, variable]) => [name, env[variable] ?? '']))
  const raw: RawInputs = { ...Object.fromEntries(parsed.flags), ...fromEnv, token }
  const run = await runAudit(raw, env, {
    now: Date.now,
    makeTransport: transportFor,
    debug: (message) => {
      if (env.PAT_AUDIT_DEBUG) streams.stderr(`debug: ${message}\n`)
    }
  })
  for (const error of run.errors) streams.stderr(`pat-audit: ${error}\n`)
  // --markdown prints the job summary as the action writes it; otherwise the report is rendered for a terminal
  // (invalid inputs are said on standard error, one line each).
  if (parsed.switches.has('markdown') && run.summary !== undefined) streams.stdout(`${run.summary}\n`)
  else if (!parsed.switches.has('json') && run.report) streams.stdout(`${renderTerminal(run.report, { color })}\n`)
  else if (!parsed.switches.has('json') && run.inventory) streams.stdout(`${renderInventoryTerminal(run.inventory, { color })}\n`)
  if (run.failure) streams.stderr(`pat-audit: ${run.failure}\n`)
  if (parsed.switches.has('json')) streams.stdout(`${run.outputs.get('report') ?? '{}'}\n`)
  return run.errors.length > 0 || run.failure ? 1 : 0
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** The command line on this process: its arguments, environment and standard streams; sets the exit status. */
export async function main(): Promise<void> {
  process.exitCode = await cli(process.argv.slice(2), process.env, {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: readAll,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true
  })
}

