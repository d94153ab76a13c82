/** The command line run from the sources; dist/cli.js does the same with the bundle (tools/bundle.js writes it). */
import { main } from './index.js'

await main()
