/**
 * Joint permission sets. `X-Accepted-GitHub-Permissions` lists the sets of permissions that GitHub accepts for an
 * operation: sets are separated by `;` (any one set suffices), permissions inside a set by `,` (all needed together).
 * A real answer on creating or updating a file: `contents=write; contents=write,workflows=write`
 * (GitHub's REST docs, "Permissions required for fine-grained personal access tokens": "X-Accepted-GitHub-Permissions
 * … lists the permissions required to access the endpoint"; the header's form is documented in GitHub's changelog
 * 2022-10-27 "X-Accepted-GitHub-Permissions header").
 *
 * A 403 means the token satisfies none of the sets. It proves one permission missing only when that permission (at
 * the level needed or below) forms a set on its own, or when every other member of a set it belongs to is proven held:
 * otherwise it may be the other member that failed.
 */
import type { Level, PermissionSet } from '../types.js'
import { levelCovers } from '../types.js'

export type JointReading =
  /** The 403 proves the permission missing at this level. */
  | { readonly proves: 'missing' }
  /** The header does not list the permission at all: the refusal is about something else. */
  | { readonly proves: 'nothing'; readonly why: 'not-listed' }
  /** The permission appears only together with others: one of them may be what is missing. */
  | { readonly proves: 'nothing'; readonly why: 'joint'; readonly partners: ReadonlyArray<ReadonlyArray<{ name: string; level: Level }>> }

/**
 * What a 403 proves about `name` at `level`, given the accepted sets and what else is known to be held.
 * `held(name, level)` answers true only when a response proved that permission held.
 */
export function readRefusal(
  name: string,
  level: Level,
  sets: readonly PermissionSet[],
  held: (name: string, level: Level) => boolean = () => false
): JointReading {
  // No header, or an empty one: the probe was chosen for this permission alone (the catalog's data), so the 403
  // is about it.
  if (sets.length === 0) return { proves: 'missing' }
  // Lacking `name` at a level L ≤ the required level proves lacking the required level too.
  const containing = sets.filter((set) => set.some((p) => p.name === name && levelCovers(level, p.level)))
  if (containing.length === 0) return { proves: 'nothing', why: 'not-listed' }
  const partners = containing.map((set) => set.filter((p) => p.name !== name))
  if (partners.some((others) => others.every((p) => held(p.name, p.level)))) return { proves: 'missing' }
  return { proves: 'nothing', why: 'joint', partners: partners.filter((others) => others.length > 0) }
}

export function formatPartners(partners: ReadonlyArray<ReadonlyArray<{ name: string; level: Level }>>): string {
  return partners.map((set) => set.map((p) => `${p.name}: ${p.level}`).join(' and ')).join(', or ')
}
