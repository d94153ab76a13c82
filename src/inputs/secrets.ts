/** The inputs that hold secrets, and the redactor every shell writes through: no secret leaves in any text. */
import type { RawInputs } from './settings.js'
import { holdsUnexpandedExpression } from './expressions.js'

/** Inputs other than `token` that hold secrets, masked as soon as they are read. */
export const SECRET_INPUTS = ['org-admin-token', 'github-token'] as const

/**
 * github-token is read only when notify: issue needs it (a local client passes `${{ github.token }}` as text).
 * `notify` is the raw input, or a getter for it when the other inputs are not read yet.
 */
export function wantsGithubToken(notify: string | undefined): boolean {
  return (notify ?? '').trim().toLowerCase() === 'issue'
}

/** The secrets among the raw inputs, as given and trimmed, each once; an unexpanded `${{ … }}` is no secret. */
export function secretsOf(raw: RawInputs): string[] {
  const secrets: string[] = []
  for (const candidate of [raw.token ?? '', ...SECRET_INPUTS.map((name) => raw[name] ?? '')].flatMap((t) => [t, t.trim()])) {
    if (candidate.trim() !== '' && !holdsUnexpandedExpression(candidate) && !secrets.includes(candidate)) secrets.push(candidate)
  }
  // And in the base64 forms a token travels in (Basic authentication, git's extraheader): masked too.
  for (const secret of [...secrets]) for (const form of encodedForms(secret.trim())) if (!secrets.includes(form)) secrets.push(form)
  return secrets
}

/** The base64 forms of a token: `x-access-token:T`, `T:`, `:T` (Basic authentication) and the token alone. */
export function encodedForms(token: string): string[] {
  return [`x-access-token:${token}`, `${token}:`, `:${token}`, token].map((t) => Buffer.from(t, 'utf8').toString('base64'))
}

/** Replaces every secret in a text by ***. */
export function redactor(secrets: () => readonly string[]): (text: string) => string {
  return (text) => {
    let out = text
    // includes() first: a text without the secret (the usual case) is not copied (the report's JSON is large).
    for (const secret of secrets()) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('***')
    return out
  }
}
