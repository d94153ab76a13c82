/**
 * The action's IO through the @actions/core package itself. `run()` loads it when no IO is given: a local client
 * such as @github/local-action, which stands in for '@actions/core', runs the action this way. The bundle (dist/)
 * passes the lean IO of actions-core.ts instead, which loads only @actions/core's command modules.
 */
import * as core from '@actions/core'
import { coreIO } from './io.js'

export const actionsIO = coreIO(core)
