import { run } from './main.js'
import { exitWhenWritten } from './exit.js'

await run()
exitWhenWritten()
