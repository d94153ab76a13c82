/**
 * The part of @actions/core the action uses, from @actions/core's own modules: its workflow commands (command.js:
 * `::add-mask::`, `::error …::`, escaping), its file command for outputs (file-command.js's, below: GITHUB_OUTPUT
 * with a random delimiter) and the write of its job summary (summary.js's, below). The wrappers below are core.js's own,
 * line for line.
 *
 * Why not `import * as core from '@actions/core'`: core.js also loads its OIDC client, which loads
 * @actions/http-client and all of undici, and its platform module, which loads @actions/exec and @actions/io; none
 * of them is used here, and loading them was most of the action's start-up (npm run bench). The package's `exports`
 * name only core.js, hence the paths into node_modules (a direct dependency, installed at the top level). A local
 * client that stands in for '@actions/core' (@github/local-action) runs the action through core-io.ts instead.
 */
import { accessSync, appendFileSync, closeSync, constants, existsSync, openSync, writeSync } from 'node:fs'
import { EOL } from 'node:os'
import { randomUUID, readyRandom } from '../random.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'
import type { AnnotationProperties } from '../../node_modules/@actions/core/lib/core.js'
import { coreIO } from './io.js'

/**
 * What the action calls of core.summary, `addRaw(text, true).write()`, with summary.js's own checks and messages, and
 * the same bytes appended, written synchronously: summary.js loads fs.promises (~4 ms at start-up) and writes through
 * four thread-pool round trips after the last response (npm run bench). `unit/actions-core.test.ts` compares the two.
 */
export const summary = {
  addRaw(text: string, addEOL = false) {
    return {
      write: async (): Promise<void> => {
        const path = process.env['GITHUB_STEP_SUMMARY']
        if (!path) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
        try {
          accessSync(path, constants.R_OK | constants.W_OK)
        } catch {
          throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`)
        }
        appendTexts(path, addEOL ? [text, EOL] : [text])
      }
    }
  }
}

/**
 * file-command.js's two functions, line for line, but for where the delimiter's random UUID comes from: random.ts's
 * (the system's generator, node:crypto only where /dev/urandom is missing), where file-command.js imports node:crypto
 * when the action starts (3 to 4 ms before the first request, measured with npm run bench).
 * `unit/actions-core.test.ts` compares what both write.
 */
export function issueFileCommand(command: string, message: unknown): void {
  const filePath = process.env[`GITHUB_${command}`]
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  appendFileSync(filePath, `${toCommandValue(message)}${EOL}`, { encoding: 'utf8' })
}

export function prepareKeyValueMessage(key: string, value: unknown): string {
  return keyValueParts(key, value).join('')
}

/** prepareKeyValueMessage's text in three parts, the value alone in the middle (setOutputs writes it as it is). */
function keyValueParts(key: string, value: unknown): [string, string, string] {
  const delimiter = delimiters.shift() ?? `ghadelimiter_${randomUUID()}`
  const convertedValue = toCommandValue(value)
  // These should realistically never happen (file-command.js's own checks).
  if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (convertedValue.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  return [`${key}<<${delimiter}${EOL}`, convertedValue, `${EOL}${delimiter}`]
}

/** Delimiters made ahead (readyDelimiters), each handed out once. */
const delimiters: string[] = []

/**
 * Makes the delimiters of `count` outputs while GitHub answers, as keyValueParts would make them (file-command.js's
 * `ghadelimiter_` and a random UUID), so that the outputs written after the last answer only take them: the random
 * pool (random.ts) is read here, in one read (where /dev/urandom is missing, node:crypto loads here). Each is used for
 * one output and then forgotten, as one made at the time would be.
 */
export function readyDelimiters(count: number): void {
  readyRandom(count - delimiters.length)
  while (delimiters.length < count) delimiters.push(`ghadelimiter_${randomUUID()}`)
}

/**
 * Opens the outputs file and the job summary's file for appending and closes them again while GitHub answers,
 * writing nothing, so that their first writes after the last answer do not also pay for compiling node:fs's
 * functions and for the system's first look at the path. The checks are the ones the writes make (summary.js's
 * access, file-command.js's existsSync); the open never creates a file (no O_CREAT), and a write of no bytes changes
 * nothing. Whatever fails here is left to the real write to report.
 */
export function warmFiles(env: NodeJS.ProcessEnv = process.env): void {
  for (const path of [env['GITHUB_OUTPUT'], env['GITHUB_STEP_SUMMARY']]) {
    if (!path) continue
    try {
      accessSync(path, constants.R_OK | constants.W_OK)
      if (!existsSync(path)) continue
      const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND)
      try {
        writeSync(fd, NOTHING)
      } finally {
        closeSync(fd)
      }
    } catch {
      // The real write reports it.
    }
  }
}

const NOTHING = Buffer.alloc(0)

/**
 * command.js's issueCommand (its Command class's toString and the two escapes), line for line, in two steps:
 * commandLine makes the line, issueCommand writes it. The first annotation after the last answer compiled Command's
 * path for properties and its escapes' regular expressions (marks in a build: 0.3 to 0.9 ms, against 0.1 to 0.3 for
 * the next one); warmCommands makes a line while GitHub answers, writing nothing. `unit/actions-core.test.ts`
 * compares the lines with core's.
 */
export function commandLine(command: string, properties: Record<string, unknown>, message: unknown): string {
  let cmdStr = `::${command || 'missing.command'}`
  if (properties && Object.keys(properties).length > 0) {
    cmdStr += ' '
    let first = true
    for (const key in properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key)) {
        const val = properties[key]
        if (val) {
          if (first) first = false
          else cmdStr += ','
          cmdStr += `${key}=${escapeProperty(val)}`
        }
      }
    }
  }
  return `${cmdStr}::${escapeData(message)}`
}

function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  process.stdout.write(commandLine(command, properties, message) + EOL)
}

/** An annotation's line made and thrown away, so that its code is compiled before the last answer (commandLine). */
export function warmCommands(): void {
  commandLine('warning', toCommandProperties({ title: 'a:b,c' }), 'd%\r\n')
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT'] || '') return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

/**
 * Every output at once: the same lines setOutput writes for each (file-command.js's key<<delimiter form, one random
 * delimiter each), appended to GITHUB_OUTPUT in one write instead of one open-append-close per output (measured:
 * 3 ms for the action's outputs, after the last response). Without GITHUB_OUTPUT, one by one as setOutput does.
 */
export function setOutputs(entries: ReadonlyArray<readonly [string, unknown]>): void {
  const filePath = process.env['GITHUB_OUTPUT'] || ''
  if (!filePath || entries.length === 0) {
    for (const [name, value] of entries) setOutput(name, value)
    return
  }
  // issueFileCommand's checks, in its order: every delimiter first, then the file; its text: the messages joined by
  // EOL, and an EOL after the last.
  const texts = entries.flatMap(([name, value], i) => {
    const [head, convertedValue, tail] = keyValueParts(name, value)
    return [i === 0 ? head : `${EOL}${head}`, convertedValue, tail]
  })
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  appendTexts(filePath, [...texts, EOL])
}

/**
 * Appends texts to a file as UTF-8 in one write, as appendFileSync appends their concatenation, without making that
 * concatenation: V8 would copy the texts into a new string first (the whole catalog's report is 72 kB, twice that
 * once one character is beyond Latin-1), into memory this process has not touched yet (measured: marks in a build,
 * 21 paired runs, 0.8 ms after the last answer for the whole catalog). Writes until every byte is out, as
 * appendFileSync does.
 */
function appendTexts(path: string, texts: readonly string[]): void {
  const bytes = Buffer.allocUnsafe(texts.reduce((n, text) => n + Buffer.byteLength(text, 'utf8'), 0))
  let filled = 0
  for (const text of texts) filled += bytes.write(text, filled, 'utf8')
  const fd = openSync(path, 'a')
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset)
  } finally {
    closeSync(fd)
  }
}

export function isDebug(): boolean {
  return process.env['RUNNER_DEBUG'] === '1'
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** The action's IO through these functions: what the bundle (src/bundle.ts) runs with. */
export const leanIO = coreIO({ getInput, setSecret, setOutput, setOutputs, error, warning, notice, info, debug, isDebug, setFailed, summary })
