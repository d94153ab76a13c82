/** The inputs that hold secrets, and the redactor every shell writes through: no secret leaves in any text. */
import type { RawInputs } from './settings.js'

/** Inputs other than `token` that hold secrets, masked as soon as they are read. */
export const SECRET_INPUTS = ['org-admin-token', 'github-token'] as const

/** The secrets among the raw inputs, as given and trimmed, each once. */
export function secretsOf(raw: RawInputs): string[] {
  const secrets: string[] = []
  for (const candidate of [raw.token ?? '', ...SECRET_INPUTS.map((name) => raw[name] ?? '')].flatMap((t) => [t, t.trim()])) {
    if (candidate.trim() !== '' && !secrets.includes(candidate)) secrets.push(candidate)
  }
  return secrets
}

/** Replaces every secret in a text by ***. */
export function redactor(secrets: () => readonly string[]): (text: string) => string {
  return (text) => {
    let out = text
    for (const secret of secrets()) if (secret.length >= 4) out = out.split(secret).join('***')
    return out
  }
}
