// @ts-check
/**
 * GitHub's data as files: the fine-grained permission data (`src/data/github-permissions/`) and the OpenAPI
 * descriptions (`@octokit/openapi`) per edition, read once per process and cached, and local `$ref` resolution.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** @typedef {import('./catalog.js').Edition} Edition */
/** @typedef {import('./catalog.js').PermissionData} PermissionData */
/** @typedef {import('./catalog.js').OpenApiNode} OpenApiNode */

const DATA_DIR = fileURLToPath(new URL('../../src/data/github-permissions/', import.meta.url))
const requireFromHere = createRequire(import.meta.url)

/** Data file and OpenAPI descriptions (first wins, later ones fill gaps) per edition. */
export const EDITIONS = {
  fpt: { data: 'fpt-2026-03-10/fine-grained-pat-permissions.json', openapi: ['api.github.com.json'] },
  // @octokit/openapi 23 ships GHES up to 3.19; GitHub.com's description fills the 3.22 operations it lacks.
  ghes: { data: 'ghes-3.22-2026-03-10/fine-grained-pat-permissions.json', openapi: ['ghes-3.19.json', 'api.github.com.json'] }
}

/** @type {Map<string, unknown>} */
const jsonCache = new Map()

/**
 * @param {string} file absolute path
 * @returns {any}
 */
function readJson(file) {
  let value = jsonCache.get(file)
  if (value === undefined) {
    value = JSON.parse(readFileSync(file, 'utf8'))
    jsonCache.set(file, value)
  }
  return value
}

/**
 * GitHub's fine-grained PAT permission data for an edition.
 * @param {Edition} edition
 * @returns {PermissionData}
 */
export function loadPermissionData(edition) {
  return readJson(DATA_DIR + EDITIONS[edition].data)
}

/**
 * @param {string} name file name under `@octokit/openapi/generated/`
 * @returns {OpenApiNode}
 */
export function loadOpenApi(name) {
  return readJson(requireFromHere.resolve(`@octokit/openapi/generated/${name}`))
}

/**
 * Follows a local `$ref` (`#/components/...`), repeatedly.
 * @param {OpenApiNode | undefined} spec
 * @param {unknown} node
 * @returns {any}
 */
export function deref(spec, node) {
  let current = /** @type {any} */ (node)
  for (let i = 0; i < 20 && current && typeof current === 'object' && typeof current.$ref === 'string'; i++) {
    const ref = /** @type {string} */ (current.$ref)
    if (!ref.startsWith('#/') || !spec) return undefined
    current = ref
      .slice(2)
      .split('/')
      .reduce((/** @type {any} */ at, part) => (at ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), spec)
  }
  return current
}
