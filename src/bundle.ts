/**
 * The one bundle both entry points load (`npm run bundle` builds it into dist/pat-audit.js): dist/index.js, the
 * action, calls `run`; dist/cli.js, the command line, calls `cli`. Each entry is a few lines written by
 * tools/bundle.js, so the CLI and the action ship one copy of the code.
 */
import { run as runAction } from './action/main.js'
import type { RunDependencies } from './action/main.js'
import { leanIO } from './action/actions-core.js'

/** The action, with @actions/core's command modules only (actions-core.ts): what dist/index.js runs. */
export const run = (overrides: Partial<RunDependencies> = {}): Promise<void> => runAction({ io: leanIO, ...overrides })
export { main as cli } from './cli/index.js'
/** The CLI's terminal renderers, for the demo (tools/demo.js), which shows reports exactly as `pat-audit` does. */
export { renderTerminal, renderInventoryTerminal } from './cli/index.js'
