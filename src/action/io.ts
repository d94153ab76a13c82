/**
 * What the action needs from the runner, as an interface: @actions/core in production, a recorder in tests.
 * Every text written goes through `redact` first, so the token cannot leave through any of these, even if
 * some message (an HTTP error, a user's mistaken input) carried it.
 */
import { redactor } from '../inputs/secrets.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface ActionIO {
  getInput(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  /** Every output at once, when the IO can write them together (else setOutput each). */
  setOutputs?(entries: ReadonlyArray<readonly [string, string]>): void
  annotate(level: AnnotationLevel, message: string, title?: string): void
  info(message: string): void
  debug(message: string): void
  isDebug(): boolean
  writeSummary(markdown: string): Promise<void>
  fail(message: string): void
}

interface SummaryWriter {
  addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> }
}

/** What the action calls of @actions/core: the package itself (core-io.ts) or its command modules (actions-core.ts). */
export interface CoreFunctions {
  getInput(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: unknown): void
  setOutputs?(entries: ReadonlyArray<readonly [string, unknown]>): void
  error(message: string, properties?: { title?: string }): void
  warning(message: string, properties?: { title?: string }): void
  notice(message: string, properties?: { title?: string }): void
  info(message: string): void
  debug(message: string): void
  isDebug(): boolean
  setFailed(message: string): void
  readonly summary: SummaryWriter
}

export function coreIO(core: CoreFunctions): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (secret) => core.setSecret(secret),
    setOutput: (name, value) => core.setOutput(name, value),
    setOutputs: (entries) => (core.setOutputs ? core.setOutputs(entries) : entries.forEach(([name, value]) => core.setOutput(name, value))),
    annotate: (level, message, title) => {
      const props = title ? { title } : {}
      if (level === 'error') core.error(message, props)
      else if (level === 'warning') core.warning(message, props)
      else core.notice(message, props)
    },
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    isDebug: () => core.isDebug(),
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write()
    },
    fail: (message) => core.setFailed(message)
  }
}

/** An ActionIO that writes every output at once (falling back to setOutput each where the IO cannot). */
export type BatchingIO = ActionIO & Required<Pick<ActionIO, 'setOutputs'>>

/** Wraps an ActionIO so that every string leaving it has the secrets replaced by ***. */
export function redactingIO(io: ActionIO, secrets: () => readonly string[]): BatchingIO {
  const redact = redactor(secrets)
  return {
    getInput: (name) => io.getInput(name),
    setSecret: (secret) => io.setSecret(secret),
    setOutput: (name, value) => io.setOutput(name, redact(value)),
    setOutputs: (entries) => {
      const redacted = entries.map(([name, value]) => [name, redact(value)] as const)
      if (io.setOutputs) io.setOutputs(redacted)
      else for (const [name, value] of redacted) io.setOutput(name, value)
    },
    annotate: (level, message, title) => io.annotate(level, redact(message), title === undefined ? undefined : redact(title)),
    info: (message) => io.info(redact(message)),
    debug: (message) => io.debug(redact(message)),
    isDebug: () => io.isDebug(),
    writeSummary: (markdown) => io.writeSummary(redact(markdown)),
    fail: (message) => io.fail(redact(message))
  }
}
