/** The package's version, for `pat-audit --version` (inlined into the bundle). */
import pkg from '../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
