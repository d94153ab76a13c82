/**
 * The one bundle both entry points load (`npm run bundle` builds it into dist/pat-audit.js): dist/index.js, the
 * action, calls `action`; dist/cli.js, the command line, calls `cli`. Each entry is a few lines written by
 * tools/bundle.js, so the CLI and the action ship one copy of the code. The command line's modules load only when
 * it runs (a chunk of their own): the action does not compile them.
 */
import { run as runAction } from './action/main.js'
import type { RunDependencies } from './action/main.js'
import { leanIO, readyDelimiters, warmCommands, warmFiles } from './action/actions-core.js'
import { OUTPUT_NAMES } from './report/outputs.js'
import { exitWhenWritten, prepareExit } from './action/exit.js'

/** The action, with @actions/core's command modules only (actions-core.ts): what dist/index.js runs. */
export const run = (overrides: Partial<RunDependencies> = {}): Promise<void> => runAction({ io: leanIO, ...overrides })
/**
 * What the process prepares while GitHub answers: the stream its exit looks at, the annotations' code, the outputs'
 * delimiters, and the two files it appends to (actions-core.ts).
 */
const whileWaiting = () => {
  prepareExit()
  warmCommands()
  readyDelimiters(OUTPUT_NAMES.length)
  warmFiles()
}
/** The action as a process (dist/index.js): run, then end the process once its output is written (exit.ts). */
export const action = (): Promise<void> => run({ whileWaiting }).then(() => exitWhenWritten())
/** The exit itself, for the test that runs it behind a real pipe (unit/exit.test.ts). */
export { exitWhenWritten }
/** The command line on this process (dist/cli.js). */
export const cli = async (): Promise<void> => (await import('./cli/index.js')).main()
/** The CLI's terminal renderers, for the demo (tools/demo.js), which shows reports exactly as `pat-audit` does. */
export const terminalRenderers = async () => {
  const { renderTerminal, renderInventoryTerminal } = await import('./cli/index.js')
  return { renderTerminal, renderInventoryTerminal }
}
