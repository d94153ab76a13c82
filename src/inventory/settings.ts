/**
 * The inputs of `mode: organization` (the organization inventory). The inputs it shares with the token audit
 * (organization, days, fail-on, api-url, timeout-seconds, org-admin-token, notify, github-token) are validated by
 * the token audit's own parser, so they keep exactly its one-line errors; this module adds the mode's own inputs
 * (`unused-days`, `pending-days`, `broad-permissions`) and its requirements (`organization`, `org-admin-token`).
 */
import type { PermissionNames } from '../inputs/required-permissions.js'
import { parseRequiredPermissions, quote } from '../inputs/required-permissions.js'
import { parseSettings } from '../inputs/settings.js'
import type { RawInputs, Settings } from '../inputs/settings.js'
import type { RequiredPermission } from '../types.js'

/** Inputs read only by the inventory (`mode` is read first, by both modes). */
export const INVENTORY_INPUT_NAMES = ['mode', 'unused-days', 'pending-days', 'broad-permissions'] as const
export type InventoryInputName = (typeof INVENTORY_INPUT_NAMES)[number]
export type InventoryRawInputs = RawInputs & Partial<Record<InventoryInputName, string>>

export const INVENTORY_DEFAULTS = {
  mode: 'token',
  'unused-days': '90',
  'pending-days': '7',
  'broad-permissions': 'administration: write, organization_administration: write, members: write'
} as const

export type Mode = 'token' | 'organization'

export interface InventorySettings {
  /** The shared inputs, validated as the token audit validates them (its `token` is a placeholder: not used). */
  readonly base: Settings
  readonly organization: string
  readonly orgAdminToken: string
  /** A grant unused (never used: since access was granted) for this many days is reported; 0 turns it off. */
  readonly unusedDays: number
  /** A request pending for longer than this many days is reported. */
  readonly pendingDays: number
  /** A grant holding any of these at the level given or higher is broad. */
  readonly broadPermissions: readonly RequiredPermission[]
  readonly inputWarnings: readonly string[]
}

export type InventorySettingsResult = { ok: true; settings: InventorySettings } | { ok: false; errors: string[] }

/** `mode`: `token` (the default) or `organization`. */
export function parseMode(value: string | undefined): { ok: true; mode: Mode } | { ok: false; error: string } {
  const v = (value ?? '').trim().toLowerCase()
  if (v === '' || v === 'token') return { ok: true, mode: 'token' }
  if (v === 'organization') return { ok: true, mode: 'organization' }
  return { ok: false, error: `Input 'mode': expected token or organization, got ${quote(value ?? '')}.` }
}

/**
 * Stands in for `token` when the shared inputs go through the token audit's parser: inventory mode sends nothing with
 * `token`. It is shorter than 16 characters, so it never counts as a piece of a secret in another input.
 */
const UNUSED_TOKEN = 'x-unused'

function days(raw: string | undefined, input: InventoryInputName, fallback: string, what: string): number | string {
  const value = raw === undefined || raw.trim() === '' ? fallback : raw
  const trimmed = value.trim()
  if (!/^\d{1,6}$/.test(trimmed) || Number(trimmed) > 3650) return `Input '${input}': expected ${what} (a whole number from 0 to 3650), got ${quote(value)}.`
  return Number(trimmed)
}

export function parseInventorySettings(raw: InventoryRawInputs, names: PermissionNames): InventorySettingsResult {
  const errors: string[] = []
  const warnings: string[] = []
  const token = (raw.token ?? '').trim()
  // The shared inputs, through the token audit's parser (same messages). `repository` is not read in this mode (its
  // default, the workflow's repository, would otherwise be validated for nothing); `token`, when given anyway, still
  // guards the other inputs against being pasted into them.
  const shared = parseSettings(
    { ...raw, token: token === '' ? UNUSED_TOKEN : raw.token, repository: '', 'required-permissions': '', repositories: '', 'report-excess': 'false' },
    names
  )
  if (!shared.ok) errors.push(...shared.errors.filter((e) => !(token === '' && e.startsWith("Input 'token'"))))
  const organization = (raw.organization ?? '').trim()
  if (organization === '') errors.push("Input 'organization': expected the organization whose tokens to inventory (mode: organization); it is empty.")
  const adminToken = (raw['org-admin-token'] ?? '').trim()
  if (adminToken === '') {
    errors.push(
      `Input 'org-admin-token': expected a GitHub App installation token with the organization permissions "Personal access tokens: read" and "Personal access token requests: read" (mode: organization); it is empty.`
    )
  }
  const unusedDays = days(raw['unused-days'], 'unused-days', INVENTORY_DEFAULTS['unused-days'], 'a number of days, 0 to turn the check off')
  if (typeof unusedDays === 'string') errors.push(unusedDays)
  const pendingDays = days(raw['pending-days'], 'pending-days', INVENTORY_DEFAULTS['pending-days'], 'a number of days')
  if (typeof pendingDays === 'string') errors.push(pendingDays)
  const broad = parseBroadPermissions(raw['broad-permissions'], names)
  errors.push(...broad.errors)
  warnings.push(...broad.warnings)

  for (const [input, given] of [
    ['required-permissions', raw['required-permissions']],
    ['repositories', raw.repositories]
  ] as const) {
    if ((given ?? '').trim() !== '') warnings.push(`Input '${input}' is not used in organization mode; it was ignored.`)
  }
  if ((raw['report-excess'] ?? '').trim().toLowerCase() === 'true') warnings.push("Input 'report-excess' is not used in organization mode; it was ignored.")
  if (token !== '') warnings.push("Input 'token' is not used in organization mode (the inventory reads with org-admin-token); it was ignored.")

  if (errors.length > 0 || !shared.ok || typeof unusedDays === 'string' || typeof pendingDays === 'string') return { ok: false, errors }
  return {
    ok: true,
    settings: {
      base: shared.settings,
      organization,
      orgAdminToken: adminToken,
      unusedDays,
      pendingDays,
      broadPermissions: broad.permissions,
      inputWarnings: [...shared.settings.inputWarnings, ...warnings]
    }
  }
}

/**
 * `broad-permissions`: `name: level` entries (newlines or commas) as in `required-permissions`; a grant holding one of
 * them at that level or higher is broad. Empty: the default list. `none`: no permission makes a grant broad by itself
 * (all repositories with write access still does).
 */
export function parseBroadPermissions(raw: string | undefined, names: PermissionNames): { permissions: RequiredPermission[]; errors: string[]; warnings: string[] } {
  const value = raw === undefined || raw.trim() === '' ? INVENTORY_DEFAULTS['broad-permissions'] : raw
  if (value.trim().toLowerCase() === 'none') return { permissions: [], errors: [], warnings: [] }
  const parsed = parseRequiredPermissions(value, names)
  const relabel = (text: string) => text.split("Input 'required-permissions'").join("Input 'broad-permissions'")
  return { permissions: parsed.required, errors: parsed.errors.map(relabel), warnings: parsed.warnings.map(relabel) }
}
