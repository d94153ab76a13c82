// @ts-check
/**
 * The one reader of action.yml (and of the workflow files): the `yaml` package, strict, as GitHub's runner and
 * the Marketplace parse them. A file with a YAML error is refused with the parser's message, never half-read.
 * Used by the tests, the README check, `tools/run-action.js` (defaults) and `tools/local-action.js`.
 */
import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {object} ActionInput
 * @property {string} [description]
 * @property {boolean} [required]
 * @property {string} [default]
 */
/**
 * @typedef {object} ActionMetadata
 * @property {string} name
 * @property {string} description
 * @property {string} [author]
 * @property {{ icon?: string, color?: string }} [branding]
 * @property {Record<string, ActionInput>} inputs
 * @property {Record<string, { description?: string }>} outputs
 * @property {{ using: string, main: string, pre?: string, post?: string }} runs
 */

/**
 * Parses YAML text strictly: any error or warning (duplicate keys, `: ` in a plain scalar, bad indentation…)
 * throws, naming the file and the parser's message.
 * @param {string} text
 * @param {string} [file]  for the error message
 * @returns {unknown}
 */
export function parseYamlStrict(text, file = 'YAML') {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true })
  const problems = [...doc.errors, ...doc.warnings]
  if (problems.length > 0) throw new Error(`${file} is not valid YAML: ${problems.map((p) => p.message).join('; ')}`)
  return doc.toJS({ maxAliasCount: 100 })
}

/**
 * Reads and parses a YAML file strictly.
 * @param {string} path
 * @returns {unknown}
 */
export function readYamlFile(path) {
  return parseYamlStrict(readFileSync(path, 'utf8'), path)
}

/**
 * action.yml of the project (or of `root`), parsed strictly.
 * @param {string} [root]
 * @returns {ActionMetadata}
 */
export function loadActionMetadata(root = ROOT) {
  const meta = /** @type {ActionMetadata} */ (readYamlFile(join(root, 'action.yml')))
  if (!meta || typeof meta !== 'object') throw new Error('action.yml: expected a mapping at the top level')
  return { ...meta, inputs: meta.inputs ?? {}, outputs: meta.outputs ?? {} }
}

/** @param {string} [root] @returns {string[]} the input names, in file order */
export function actionInputNames(root) {
  return Object.keys(loadActionMetadata(root).inputs)
}

/** @param {string} [root] @returns {string[]} the output names, in file order */
export function actionOutputNames(root) {
  return Object.keys(loadActionMetadata(root).outputs)
}
