/**
 * The job summary when the inputs are invalid: the audit did not run, each input error on its own line, and what
 * to change. Without it a person opening the run would see an empty summary and have to search the log.
 */
import { cell } from './summary.js'

export function renderInputErrorSummary(errors: readonly string[]): string {
  const lines = [
    '## ❌ Token audit did not run: invalid inputs',
    '',
    `No request was sent to GitHub: ${errors.length === 1 ? 'one input is' : `${errors.length} inputs are`} not valid.`,
    '',
    ...errors.map((error) => `- ${cell(error)}`),
    '',
    "**What to change:** correct the input named on each line in the step's `with:` block (each line says what it expects), then run the workflow again. The inputs and their forms are listed in the action's README."
  ]
  return `${lines.join('\n')}\n`
}
