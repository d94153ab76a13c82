/** zod's configuration, set before any schema of the inputs is built: each schema module imports this first. */
import { config } from 'zod/mini'

// Each schema parses once per run: zod's JIT costs more than it saves here (an object schema compiles a parser with
// `new Function` on its first parse, after probing whether eval is allowed: zod/v4/core/schemas.js, `const jit =
// !core.globalConfig.jitless`; https://github.com/colinhacks/zod/discussions/6671). About 8 ms of start-up before the
// first request (npm run bench), and an action has no use for eval.
// The setting is read when an object schema is built. (Only `config` is imported here: re-exporting zod's namespace
// kept all of zod in the bundle.)
config({ jitless: true })
