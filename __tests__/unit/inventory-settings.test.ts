/** The inputs of organization mode: one-line errors naming the input, and what it expects. */
import { describe, expect, it } from '@jest/globals'
import { buildCatalog } from '../../src/catalog/catalog.js'
import type { PermissionNames } from '../../src/inputs/required-permissions.js'
import type { InventoryInputName, InventoryRawInputs } from '../../src/inventory/settings.js'
import { INVENTORY_DEFAULTS, parseBroadPermissions, parseInventorySettings, parseMode } from '../../src/inventory/settings.js'
import type { InputName } from '../../src/inputs/settings.js'

const catalog = buildCatalog('fpt')
const names: PermissionNames = {
  levelsOf: (n) => catalog.permissions.get(n)?.levels,
  names: () => catalog.permissions.keys(),
  scopeOf: (n) => catalog.permissions.get(n)?.scope
}

const ADMIN = 'ghs_ORGADMIN0000000000000000000000000000'
const GOOD: InventoryRawInputs = { mode: 'organization', organization: 'acme', 'org-admin-token': ADMIN, 'api-url': 'https://api.github.com' }

describe('parseMode', () => {
  it('token by default; organization; anything else is an error naming the input', () => {
    expect(parseMode(undefined)).toEqual({ ok: true, mode: 'token' })
    expect(parseMode('  ')).toEqual({ ok: true, mode: 'token' })
    expect(parseMode('Organization ')).toEqual({ ok: true, mode: 'organization' })
    expect(parseMode('org')).toEqual({ ok: false, error: "Input 'mode': expected token or organization, got 'org'." })
  })
})

describe('parseInventorySettings', () => {
  it('needs no token; reads the defaults', () => {
    const r = parseInventorySettings(GOOD, names)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.settings).toMatchObject({ organization: 'acme', orgAdminToken: ADMIN, unusedDays: 90, pendingDays: 7, inputWarnings: [] })
    expect(r.settings.broadPermissions).toEqual([
      { name: 'administration', level: 'write' },
      { name: 'members', level: 'write' },
      { name: 'organization_administration', level: 'write' }
    ])
    expect(r.settings.base).toMatchObject({ expiryWarnDays: 30, expiryFailDays: 7, maxLifetimeDays: 366, failOn: 'error', notify: 'none' })
    expect(INVENTORY_DEFAULTS.mode).toBe('token')
  })

  const BAD: Array<[string, InputName | InventoryInputName, InventoryRawInputs, RegExp]> = [
    ['no organization', 'organization', { organization: '' }, /organization whose tokens to inventory/],
    ['a malformed organization', 'organization', { organization: 'acme/infra' }, /organization login/],
    ['no org-admin-token', 'org-admin-token', { 'org-admin-token': '  ' }, /"Personal access tokens: read" and "Personal access token requests: read"/],
    ['an org-admin-token with a line break inside', 'org-admin-token', { 'org-admin-token': 'ghs_abc\nghs_def' }, /whitespace/],
    ['unused-days not a number', 'unused-days', { 'unused-days': 'ninety' }, /whole number from 0 to 3650/],
    ['unused-days negative', 'unused-days', { 'unused-days': '-1' }, /whole number/],
    ['pending-days too large', 'pending-days', { 'pending-days': '99999' }, /whole number from 0 to 3650/],
    ['broad-permissions with an unknown name', 'broad-permissions', { 'broad-permissions': 'administrator: write' }, /unknown permission 'administrator'. Did you mean 'administration'/],
    ['broad-permissions with a bad level', 'broad-permissions', { 'broad-permissions': 'members: owner' }, /'members' has no level 'owner'/],
    ['broad-permissions without a level', 'broad-permissions', { 'broad-permissions': 'members' }, /expected `name: level`/],
    ['expiry-warn-days below expiry-fail-days', 'expiry-warn-days', { 'expiry-warn-days': '3', 'expiry-fail-days': '7' }, /at least expiry-fail-days/],
    ['max-lifetime-days not a number', 'max-lifetime-days', { 'max-lifetime-days': 'a year' }, /number of days/],
    ['notify: issue without github-token', 'github-token', { notify: 'issue', 'github-token': '' }, /issues: write/],
    ['a bad fail-on', 'fail-on', { 'fail-on': 'sometimes' }, /error, warning, never/],
    ['a bad api-url', 'api-url', { 'api-url': 'ftp://x' }, /http\(s\) URL/],
    ['a bad timeout', 'timeout-seconds', { 'timeout-seconds': '0' }, /number of seconds/]
  ]

  it.each(BAD)('rejects %s with one line naming %s', (_what, input, raw, expects) => {
    const r = parseInventorySettings({ ...GOOD, ...raw }, names)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.length).toBeGreaterThan(0)
    for (const e of r.errors) {
      expect(e).not.toMatch(/[\n\r\u2028\u2029]/)
      expect(e.startsWith(`Input '${input}'`)).toBe(true)
      expect(e).not.toContain(ADMIN)
      expect(e.length).toBeLessThan(400)
    }
    expect(r.errors.some((e) => expects.test(e))).toBe(true)
  })

  it('reports both missing requirements at once', () => {
    const r = parseInventorySettings({ mode: 'organization' }, names)
    expect(r.ok ? [] : r.errors.map((e) => e.split(':')[0])).toEqual(["Input 'organization'", "Input 'org-admin-token'"])
  })

  it('ignores the inputs of token mode, with a warning for each one given', () => {
    const r = parseInventorySettings({ ...GOOD, token: 'github_pat_11ABCDEFGHIJKLMNOPQRST_' + 'x'.repeat(59), 'required-permissions': 'contents: read', repositories: 'acme/infra', 'report-excess': 'true', repository: 'not a repo!' }, names)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.settings.inputWarnings).toEqual([
      "Input 'required-permissions' is not used in organization mode; it was ignored.",
      "Input 'repositories' is not used in organization mode; it was ignored.",
      "Input 'report-excess' is not used in organization mode; it was ignored.",
      "Input 'token' is not used in organization mode (the inventory reads with org-admin-token); it was ignored."
    ])
  })

  it('still refuses a token given anyway and pasted into another input', () => {
    const token = 'github_pat_11ABCDEFGHIJKLMNOPQRST_' + 'y'.repeat(59)
    const r = parseInventorySettings({ ...GOOD, token, organization: token }, names)
    expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/^Input 'organization': contains the value of the 'token' input/)])
  })
})

describe('parseBroadPermissions', () => {
  it('empty: the default list; none: no listed permission; a custom list replaces the default', () => {
    expect(parseBroadPermissions('', names).permissions.map((p) => p.name)).toEqual(['administration', 'members', 'organization_administration'])
    expect(parseBroadPermissions('none', names)).toEqual({ permissions: [], errors: [], warnings: [] })
    expect(parseBroadPermissions('organization_secrets: read\nsecrets: write', names).permissions).toEqual([
      { name: 'organization_secrets', level: 'read' },
      { name: 'secrets', level: 'write' }
    ])
  })
})
