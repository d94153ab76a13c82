import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  formatAcceptedPermissions,
  formatExpiration,
  parseAcceptedPermissions,
  parseClassicForbidden,
  parseExpiration,
  parseLifetimePolicy,
  parseScopes,
  parseSsoHeader
} from '../../src/verdicts/headers.js'
import type { PermissionNames } from '../../src/inputs/required-permissions.js'
import { formatPermissionList, parseRequiredPermissions, quote } from '../../src/inputs/required-permissions.js'
import { LEVELS, levelRank } from '../../src/types.js'
import type { Level } from '../../src/types.js'

const RUNS = { numRuns: 1000 }

/** Every kind of string: UTF-16 units (lone surrogates included), graphemes, and raw binary code points. */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.constantFrom(...'0123456789-: +UTCZ;,=url:/.\'"#\n\r\t') }),
  fc.string({ unit: 'grapheme', maxLength: 2000 })
)

/** Fragments of what the parsers look for, glued with anything: reaches deeper than random text. */
const nearMiss = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '2026-09-03 02:34:04 UTC',
        '2026-02-31',
        ' +0200',
        '-05:30',
        'required; url=',
        'https://github.com/orgs/acme/sso',
        'javascript:',
        'partial-results',
        'contents=read',
        'workflows=write',
        "The 'acme' organization ",
        "The 'x' enterprise ",
        "forbids access via a fine-grained personal access tokens if the token's lifetime is greater than ",
        'forbids access via a personal access tokens (classic)',
        ' days',
        '999999',
        '1234567',
        'https://github.com/settings/personal-access-tokens/',
        'http://',
        'contents: write',
        '# comment, with comma',
        'repo, read:org',
        ';',
        ',',
        '\n',
        "'"
      ),
      anyString
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(''))

const input = fc.oneof(anyString, nearMiss)

const PERMISSION_NAMES: Record<string, readonly Level[]> = {
  contents: ['read', 'write'],
  pull_requests: ['read', 'write'],
  issues: ['read', 'write'],
  workflows: ['write'],
  metadata: ['read'],
  members: ['read', 'write'],
  organization_custom_properties: ['read', 'write', 'admin']
}
const names: PermissionNames = {
  levelsOf: (n) => (Object.hasOwn(PERMISSION_NAMES, n) ? PERMISSION_NAMES[n] : undefined),
  names: () => Object.keys(PERMISSION_NAMES)
}

describe('parsers never throw', () => {
  const parsers: Array<[string, (s: string) => unknown]> = [
    ['parseExpiration', parseExpiration],
    ['parseAcceptedPermissions', parseAcceptedPermissions],
    ['parseSsoHeader', parseSsoHeader],
    ['parseLifetimePolicy', parseLifetimePolicy],
    ['parseClassicForbidden', parseClassicForbidden],
    ['parseScopes', parseScopes],
    ['parseRequiredPermissions', (s) => parseRequiredPermissions(s, names)],
    ['quote', (s) => quote(s)]
  ]
  it.each(parsers)('%s', (_name, parse) => {
    fc.assert(
      fc.property(input, (s) => {
        parse(s)
      }),
      RUNS
    )
  })

  it('parseExpiration returns undefined or a valid date', () => {
    fc.assert(
      fc.property(input, (s) => {
        const d = parseExpiration(s)
        expect(d === undefined || (d instanceof Date && !Number.isNaN(d.getTime()))).toBe(true)
      }),
      RUNS
    )
  })

  it('parseSsoHeader only ever returns an http(s) URL', () => {
    fc.assert(
      fc.property(input, (s) => {
        const r = parseSsoHeader(s)
        if (r?.url !== undefined) expect(r.url).toMatch(/^https?:\/\//)
      }),
      RUNS
    )
  })

  it('parseLifetimePolicy returns a whole maxDays and only an http(s) settings URL', () => {
    fc.assert(
      fc.property(input, (s) => {
        const r = parseLifetimePolicy(s)
        if (!r) return
        expect(Number.isInteger(r.maxDays) && r.maxDays >= 0 && r.maxDays <= 999_999).toBe(true)
        if ('settingsUrl' in r) expect(r.settingsUrl).toMatch(/^https?:\/\//)
      }),
      RUNS
    )
  })

  it('parseScopes returns only well-formed scopes', () => {
    fc.assert(
      fc.property(input, (s) => {
        for (const scope of parseScopes(s)) expect(scope).toMatch(/^[a-z0-9:_-]{1,64}$/i)
      }),
      RUNS
    )
  })

  it('parseRequiredPermissions returns known names at supported levels, and one-line messages', () => {
    fc.assert(
      fc.property(input, (s) => {
        const r = parseRequiredPermissions(s, names)
        for (const p of r.required) expect(PERMISSION_NAMES[p.name]).toContain(p.level)
        for (const m of [...r.errors, ...r.warnings]) {
          expect(m.startsWith("Input 'required-permissions'")).toBe(true)
          expect(m).not.toMatch(/[\n\r\u2028\u2029\u0085]/)
          expect(m.length).toBeLessThan(400)
        }
      }),
      RUNS
    )
  })

  it('quote always gives one short line', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 100 }), (s, max) => {
        const q = quote(s, max)
        // eslint-disable-next-line no-control-regex -- no raw control character may reach the log
        expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
        // Quotes, at most `max` characters (an escape counts as its 6 characters), and the ellipsis.
        expect([...q].length).toBeLessThanOrEqual(max + 3)
      }),
      RUNS
    )
  })

  it('stays fast on long adversarial messages', () => {
    // The lifetime sentence matches, so the settings-URL search runs over 280,000 characters of `http://`.
    const message =
      "The '" +
      "'".repeat(10_000) +
      " organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. " +
      'http://'.repeat(40_000)
    const started = Date.now()
    expect(parseLifetimePolicy(message)).toEqual({ maxDays: 90 })
    parseClassicForbidden(message)
    parseSsoHeader(message)
    parseAcceptedPermissions('a='.repeat(20_000))
    parseExpiration('2026-'.repeat(20_000))
    parseRequiredPermissions('a'.repeat(19_000) + ': read', names)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('round trips', () => {
  it('formatExpiration then parseExpiration gives the same instant (whole seconds)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const whole = new Date(Math.floor(d.getTime() / 1000) * 1000)
        const parsed = parseExpiration(formatExpiration(whole))
        expect(parsed?.getTime()).toBe(whole.getTime())
        expect(formatExpiration(parsed as Date)).toBe(formatExpiration(whole))
      }),
      RUNS
    )
  })

  it('an offset form parses to the UTC instant of its wall-clock time minus the offset', () => {
    const two = (n: number) => String(n).padStart(2, '0')
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.boolean(),
        (d, offset, colon) => {
          const whole = Math.floor(d.getTime() / 1000) * 1000
          // The wall clock in the zone `offset` minutes ahead of UTC.
          const wall = new Date(whole + offset * 60_000)
          const sign = offset < 0 ? '-' : '+'
          const abs = Math.abs(offset)
          const zone = `${sign}${two(Math.floor(abs / 60))}${colon ? ':' : ''}${two(abs % 60)}`
          const text = `${formatExpiration(wall).replace(/ UTC$/, '')} ${zone}`
          expect(parseExpiration(text)?.getTime()).toBe(whole)
        }
      ),
      RUNS
    )
  })

  const permissionName = fc.stringMatching(/^[a-z0-9_]{1,30}$/)
  const level = fc.constantFrom(...LEVELS)
  const permissionSet = fc.array(fc.record({ name: permissionName, level }), { minLength: 1, maxLength: 5 })

  it('formatAcceptedPermissions then parseAcceptedPermissions gives the same sets', () => {
    fc.assert(
      fc.property(fc.array(permissionSet, { maxLength: 5 }), (sets) => {
        expect(parseAcceptedPermissions(formatAcceptedPermissions(sets))).toEqual(sets)
      }),
      RUNS
    )
  })

  it('parseAcceptedPermissions then formatAcceptedPermissions is stable', () => {
    fc.assert(
      fc.property(input, (s) => {
        const once = formatAcceptedPermissions(parseAcceptedPermissions(s))
        expect(formatAcceptedPermissions(parseAcceptedPermissions(once))).toBe(once)
      }),
      RUNS
    )
  })

  it("a lifetime message built from N parses back to N, with its owner and URL", () => {
    const owner = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .'-]{0,38}$/)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        owner,
        fc.constantFrom('organization', 'enterprise'),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.boolean(),
        (n, name, type, id, plural) => {
          const url = `https://github.com/settings/personal-access-tokens/${id}`
          const message = `The '${name}' ${type} forbids access via a fine-grained personal access tokens if the token's lifetime is greater than ${n} ${plural || n !== 1 ? 'days' : 'day'}. Please adjust your token's lifetime at the following URL: ${url}`
          expect(parseLifetimePolicy(message)).toEqual({ maxDays: n, owner: name, ownerType: type, settingsUrl: url })
        }
      ),
      RUNS
    )
  })

  it('a classic-forbidden message built from an owner parses back to it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,38}$/), fc.constantFrom('organization', 'enterprise'), (name, type) => {
        expect(parseClassicForbidden(`The '${name}' ${type} forbids access via a personal access tokens (classic). Please use a GitHub App.`)).toEqual({
          owner: name
        })
      }),
      RUNS
    )
  })

  it('a scopes header built from scopes parses back to them', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9:_-]{1,64}$/), { maxLength: 10 }), fc.constantFrom(',', ', ', ' , '), (scopes, sep) => {
        expect(parseScopes(scopes.join(sep))).toEqual(scopes)
      }),
      RUNS
    )
  })

  it('an SSO header built from an https URL parses back to it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,39}$/), fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), (org, request) => {
        const url = `https://github.com/orgs/${org}/sso?authorization_request=${request}`
        expect(parseSsoHeader(`required; url=${url}`)).toEqual({ required: true, url })
      }),
      RUNS
    )
  })

  it('required permissions built from valid entries parse back to the same set', () => {
    const entry = fc
      .constantFrom(...Object.keys(PERMISSION_NAMES))
      .chain((name) => fc.record({ name: fc.constant(name), level: fc.constantFrom(...PERMISSION_NAMES[name]) }))
    const styled = fc.record({
      entry,
      upper: fc.boolean(),
      separator: fc.constantFrom(':', ': ', ' : ', '=', ' = '),
      comment: fc.constantFrom('', ' # why, because; reasons', '  #')
    })
    fc.assert(
      fc.property(fc.array(styled, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', ', ', ';'), (entries, joiner) => {
        const lines = entries.map(({ entry: e, upper, separator, comment }) => {
          const text = `${upper ? e.name.toUpperCase() : e.name}${separator}${upper ? e.level.toUpperCase() : e.level}`
          // A comment runs to the end of the line, so it can only be used with newline separators.
          return joiner.includes('\n') ? text + comment : text
        })
        const result = parseRequiredPermissions(lines.join(joiner), names)
        // The expected set: each name once, at the highest level listed.
        const highest = new Map<string, Level>()
        for (const { entry: e } of entries) {
          const prev = highest.get(e.name)
          if (!prev || levelRank(e.level) > levelRank(prev)) highest.set(e.name, e.level)
        }
        const expected = [...highest].map(([name, lvl]) => ({ name, level: lvl })).sort((a, b) => a.name.localeCompare(b.name))
        expect(result.errors).toEqual([])
        expect(result.required).toEqual(expected)
        // And the formatted list parses back to itself.
        const again = parseRequiredPermissions(formatPermissionList(result.required), names)
        expect(again).toEqual({ required: result.required, errors: [], warnings: [] })
      }),
      RUNS
    )
  })
})
