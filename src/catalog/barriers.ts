/**
 * Issue 12: what stands between a write probe and a change on GitHub. A POST or PUT is probed only behind two
 * barriers: a random parent that cannot exist (the request is a 404 before anything is created) and a body GitHub
 * must refuse (a required field left out, where GitHub's OpenAPI description marks the body required, the field
 * required in every variant, and documents a 422). Otherwise the permission is reported uncheckable.
 * PATCH and DELETE cannot create: a random target is their barrier.
 *
 * Random values: integers above GitHub's id space (2^64 and up, 64 random bits), names `pat-audit-probe-` and
 * 16 random hex digits (64 bits). A parameter whose own form cannot carry 64 random bits, or that also accepts a
 * commit SHA (where random hex could name a real commit), is never made random: its operations are not probed.
 * The catalog tests hold every entry here and every probe's barriers against GitHub's OpenAPI description.
 */
import type { HttpMethod, ProbeSpec } from '../types.js'

/** Path parameters that are never given a random value, and why. */
export const UNRANDOMISABLE_PARAMS: Readonly<Record<string, string>> = {
  ghsa_id:
    'a GHSA id has the form GHSA-xxxx-xxxx-xxxx over a 20-letter alphabet: at most 52 random bits, below the 64 required, and any other form may be refused by validation before the permission is checked',
  pages_deployment_id: 'it accepts a commit SHA as well as an id (OpenAPI: "You can also give the commit SHA of the deployment")',
  network_configuration_id: 'it is a hex string, not an integer: random digits are valid hex and the form of a real id is not documented',
  sha: 'it names a commit: random hex could name a real one',
  commit_sha: 'it names a commit: random hex could name a real one',
  ref: 'it names a branch, a tag or a commit SHA'
}

/** The two barriers of a POST or PUT probe, as the catalog shows them. */
export interface Barriers {
  /** The random parent segment, e.g. `space_number`. */
  readonly parent: string
  /** The required body field left out. */
  readonly missingField: string
}

/** The random parameter that is a parent (not the last segment) of a template, or undefined. */
export function randomParent(template: string, randomParams: readonly string[]): string | undefined {
  const last = template.split('/').pop() ?? ''
  return randomParams.find((p) => last !== `{${p}}`)
}

/** Why a POST/PUT probe of this shape may not be used; undefined when it stands behind both barriers. */
export function missingBarrier(method: HttpMethod, template: string, randomParams: readonly string[], missingField?: string): string | undefined {
  if (method !== 'POST' && method !== 'PUT') return undefined
  const parent = randomParent(template, randomParams)
  if (!parent && !missingField) return `${method} ${template} has neither a random parent nor a body GitHub must refuse`
  if (!parent) return `${method} ${template} has only one barrier (a body without its required \`${missingField}\`); its path has no parent segment that could be made random, so nothing else stops it`
  if (!missingField) return `${method} ${template} has only one barrier (the random {${parent}}); no body GitHub documents refusing (422) is known for it`
  return undefined
}

export function barriersOf(probe: ProbeSpec): Barriers | undefined {
  return probe.safety.kind === 'two-barriers' ? { parent: probe.safety.param, missingField: probe.safety.missingField } : undefined
}

export function barriersText(probe: ProbeSpec): string {
  const b = barriersOf(probe)
  return b ? `two barriers: random parent {${b.parent}} that cannot exist; body without required \`${b.missingField}\` (422 documented)` : ''
}

/**
 * GHES: the newest GitHub Enterprise Server OpenAPI description on npm is ghes-3.19 (@octokit/openapi 23.0.2; see
 * /work/research/transport-facts.json), while the permission data is GHES 3.22. A write on GHES is probed only where
 * that description holds the operation, so its barriers can be checked; these writes of the GHES data are not in it.
 * The catalog tests keep this list exact.
 */
export const GHES_UNDESCRIBED_WRITES: ReadonlySet<string> = new Set([
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/pin',
  'DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}',
  'PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}'
])
