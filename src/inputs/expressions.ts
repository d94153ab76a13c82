/**
 * Inputs that still hold a `${{ … }}` expression. On a GitHub runner every expression is expanded before the
 * action starts; a local client (`@github/local-action`, a hand-written .env) passes action.yml's defaults
 * (`${{ github.repository }}`, `${{ github.api_url }}`, `${{ github.token }}`) through as literal text. Such a
 * value is never a real one, so it counts as not given and falls back as the runner's default would.
 */
import type { InputName, RawInputs } from './settings.js'

/** Inputs whose action.yml default is an expression, and the runner variable that holds the same value. */
export const EXPRESSION_DEFAULTS = {
  repository: 'GITHUB_REPOSITORY',
  'api-url': 'GITHUB_API_URL',
  'github-token': undefined
} as const satisfies Partial<Record<InputName, string | undefined>>

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/

export function holdsUnexpandedExpression(value: string | undefined): boolean {
  return value !== undefined && EXPRESSION.test(value)
}

export interface Expanded {
  readonly raw: RawInputs
  /** One line per input, other than those defaulting to an expression, that held an unexpanded expression. */
  readonly warnings: string[]
}

/**
 * Replaces every input holding an unexpanded expression by its runner fallback (or empty). Inputs whose own
 * default is an expression fall back silently; any other one is named in a warning, since its value was meant.
 */
export function withoutUnexpandedExpressions(raw: RawInputs, env: NodeJS.ProcessEnv): Expanded {
  const out: RawInputs = { ...raw }
  const warnings: string[] = []
  for (const [name, value] of Object.entries(raw) as Array<[InputName, string | undefined]>) {
    if (!holdsUnexpandedExpression(value)) continue
    if (Object.hasOwn(EXPRESSION_DEFAULTS, name)) {
      const variable = EXPRESSION_DEFAULTS[name as keyof typeof EXPRESSION_DEFAULTS]
      out[name] = (variable ? env[variable] : undefined) ?? ''
    } else {
      out[name] = ''
      warnings.push(`Input '${name}' holds an unexpanded \`\${{ … }}\` expression (GitHub expands these only in a workflow); it is treated as not given.`)
    }
  }
  return { raw: out, warnings }
}
