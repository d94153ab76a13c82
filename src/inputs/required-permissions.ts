/**
 * The `required-permissions` input: `name: level` entries separated by newlines or commas (`name=level` too),
 * validated with zod against the catalog.
 */
import './zod-config.js'
import * as z from 'zod/mini'
import type { Level, RequiredPermission } from '../types.js'
import { LEVELS, levelRank } from '../types.js'
import { closest } from './suggest.js'

export const MAX_PERMISSIONS_INPUT_LENGTH = 20_000
export const MAX_PERMISSION_ENTRIES = 200

export interface PermissionNames {
  /** Levels each known permission supports. */
  levelsOf(name: string): readonly Level[] | undefined
  names(): Iterable<string>
  /** Where the permission applies, when known. */
  scopeOf?(name: string): 'repository' | 'organization' | 'account' | undefined
}

export interface ParsedPermissions {
  readonly required: RequiredPermission[]
  readonly errors: string[]
  readonly warnings: string[]
}

const INPUT = "Input 'required-permissions'"

/** One entry's shape; the catalog check comes after. */
const entrySchema = z.pipe(
  z.string().check(z.regex(/^([A-Za-z0-9_-]+)\s*[:=]\s*([A-Za-z]+)$/, { error: 'expected `name: level`' })),
  z.transform((entry: string) => {
    const [, name, level] = /^([A-Za-z0-9_-]+)\s*[:=]\s*([A-Za-z]+)$/.exec(entry) ?? []
    return { name: name.toLowerCase(), level: level.toLowerCase() }
  })
)

/** A level, checked once per entry (built once: constructing a zod schema per entry cost more than checking it). */
const levelSchema = z.enum(LEVELS)

export function parseRequiredPermissions(raw: string, catalog: PermissionNames): ParsedPermissions {
  const errors: string[] = []
  const warnings: string[] = []
  if (raw.length > MAX_PERMISSIONS_INPUT_LENGTH) {
    return { required: [], errors: [`${INPUT} is ${raw.length} characters long; expected at most ${MAX_PERMISSIONS_INPUT_LENGTH}.`], warnings }
  }
  // Comments run to the end of the line, so they are cut before the line is split on commas: a comma inside
  // a comment must not start an entry.
  const entries = raw
    .split(/\r?\n|\r/)
    .flatMap((line) => line.replace(/#[\s\S]*$/, '').split(/[,;]/))
    .map((e) => e.trim())
    .filter((e) => e !== '')
  if (entries.length > MAX_PERMISSION_ENTRIES) {
    return { required: [], errors: [`${INPUT} has ${entries.length} entries; expected at most ${MAX_PERMISSION_ENTRIES}.`], warnings }
  }
  const chosen = new Map<string, Level>()
  for (const entry of entries) {
    const parsed = entrySchema.safeParse(entry)
    if (!parsed.success) {
      errors.push(`${INPUT}: ${quote(entry)} is not a permission entry; expected \`name: level\` (for example \`contents: read\`).`)
      continue
    }
    const { name, level } = parsed.data
    const levels = catalog.levelsOf(name)
    if (!levels) {
      const suggestion = closest(name, catalog.names())
      errors.push(
        `${INPUT}: unknown permission ${quote(name)}.` +
          (suggestion ? ` Did you mean '${suggestion}'?` : ' Expected one of GitHub\'s fine-grained permission names, such as contents, pull_requests or members.')
      )
      continue
    }
    const levelCheck = levelSchema.safeParse(level)
    if (!levelCheck.success || !levels.includes(levelCheck.data)) {
      errors.push(`${INPUT}: '${name}' has no level ${quote(level)}; valid levels: ${levels.join(', ')}.`)
      continue
    }
    const previous = chosen.get(name)
    if (previous && previous !== levelCheck.data) {
      const higher = levelRank(previous) >= levelRank(levelCheck.data) ? previous : levelCheck.data
      warnings.push(`${INPUT}: '${name}' is listed twice (${previous} and ${levelCheck.data}); auditing the higher, ${higher}.`)
      chosen.set(name, higher)
    } else {
      chosen.set(name, levelCheck.data)
    }
  }
  const required = [...chosen.entries()].map(([name, level]) => ({ name, level })).sort((a, b) => byName(a, b))
  return { required, errors, warnings }
}

/**
 * Shows a user's value in an error without flooding the log: quoted, truncated to `max` characters, and on one line. Control
 * characters, line/paragraph separators, bidirectional controls and lone surrogates are escaped; truncation
 * never splits a character or an escape.
 */
export function quote(value: string, max = 60): string {
  const shown: string[] = []
  let length = 0
  let truncated = false
  for (const char of value) {
    const piece = UNSAFE.test(char) ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : char
    if (length + (piece === char ? 1 : piece.length) > max) {
      truncated = true
      break
    }
    shown.push(piece)
    length += piece === char ? 1 : piece.length
  }
  return `'${shown.join('')}${truncated ? '…' : ''}'`
}

// One character (iterated by code point): C0/C1 controls, line/paragraph separators, bidi controls, a lone surrogate.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /^(?:[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff])$/

export function formatPermissionList(list: readonly RequiredPermission[]): string {
  return [...list]
    .sort((a, b) => byName(a, b) || levelRank(a.level) - levelRank(b.level))
    .map((p) => `${p.name}:${p.level}`)
    .join(',')
}

/** Code-unit order of permission names ([a-z_], where it equals the collation order): no ICU collator (about 6 ms to start, npm run bench). */
function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
