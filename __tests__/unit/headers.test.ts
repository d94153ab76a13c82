import { describe, it, expect } from '@jest/globals'
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

const iso = (d: Date | undefined) => d?.toISOString()

describe('parseExpiration', () => {
  it('reads the UTC form', () => {
    expect(iso(parseExpiration('2026-09-03 02:34:04 UTC'))).toBe('2026-09-03T02:34:04.000Z')
  })

  it('reads the offset form: +0200 is two hours ahead of UTC', () => {
    expect(iso(parseExpiration('2026-04-26 20:23:26 +0200'))).toBe('2026-04-26T18:23:26.000Z')
  })

  it('reads negative offsets, with or without a colon', () => {
    expect(iso(parseExpiration('2026-04-26 20:23:26 -0530'))).toBe('2026-04-27T01:53:26.000Z')
    expect(iso(parseExpiration('2026-04-26 20:23:26 -05:30'))).toBe('2026-04-27T01:53:26.000Z')
    expect(iso(parseExpiration('2026-12-31 23:00:00 -0100'))).toBe('2027-01-01T00:00:00.000Z')
  })

  it('reads +0000, Z, a T separator and surrounding whitespace', () => {
    expect(iso(parseExpiration('2026-09-03 02:34:04 +0000'))).toBe('2026-09-03T02:34:04.000Z')
    expect(iso(parseExpiration('2026-09-03T02:34:04Z'))).toBe('2026-09-03T02:34:04.000Z')
    expect(iso(parseExpiration('  2026-09-03 02:34:04 UTC \n'))).toBe('2026-09-03T02:34:04.000Z')
  })

  it('accepts Feb 29 in a leap year only', () => {
    expect(iso(parseExpiration('2028-02-29 00:00:00 UTC'))).toBe('2028-02-29T00:00:00.000Z')
    expect(parseExpiration('2027-02-29 00:00:00 UTC')).toBeUndefined()
  })

  it.each([
    ['Feb 31', '2026-02-31 00:00:00 UTC'],
    ['April 31', '2026-04-31 12:00:00 UTC'],
    ['month 0', '2026-00-10 00:00:00 UTC'],
    ['month 13', '2026-13-10 00:00:00 UTC'],
    ['day 0', '2026-01-00 00:00:00 UTC'],
    ['day 32', '2026-01-32 00:00:00 UTC'],
    ['hour 24', '2026-01-10 24:00:00 UTC'],
    ['minute 60', '2026-01-10 10:60:00 UTC'],
    ['second 61', '2026-01-10 10:00:61 UTC'],
    ['leap second (rolls over)', '2026-12-31 23:59:60 UTC'],
    ['offset minutes 60', '2026-01-10 10:00:00 +0260'],
    ['offset hours 24', '2026-01-10 10:00:00 +2400'],
    ['zone name other than UTC', '2026-01-10 10:00:00 PST'],
    ['missing zone', '2026-01-10 10:00:00'],
    ['date only', '2026-01-10'],
    ['two-digit year', '26-01-10 10:00:00 UTC'],
    ['slashes', '2026/01/10 10:00:00 UTC'],
    ['trailing junk', '2026-01-10 10:00:00 UTC extra'],
    ['leading junk', 'x2026-01-10 10:00:00 UTC'],
    ['non-ASCII digits', '٢٠٢٦-01-10 10:00:00 UTC'],
    ['empty', ''],
    ['whitespace', '   '],
    ['words', 'never'],
    ['unix timestamp', '1788402844']
  ])('rejects %s', (_what, value) => {
    expect(parseExpiration(value)).toBeUndefined()
  })

  it('keeps years below 100 as written instead of mapping them to 19xx', () => {
    expect(iso(parseExpiration('0050-06-15 12:00:00 UTC'))).toBe('0050-06-15T12:00:00.000Z')
  })
})

describe('formatExpiration', () => {
  it("writes GitHub's UTC form", () => {
    expect(formatExpiration(new Date('2026-09-03T02:34:04.000Z'))).toBe('2026-09-03 02:34:04 UTC')
  })

  it('drops milliseconds', () => {
    expect(formatExpiration(new Date('2026-09-03T02:34:04.999Z'))).toBe('2026-09-03 02:34:04 UTC')
  })

  it('is the inverse of parseExpiration for offset values too (normalised to UTC)', () => {
    const parsed = parseExpiration('2026-04-26 20:23:26 +0200')
    expect(parsed).toBeDefined()
    expect(formatExpiration(parsed as Date)).toBe('2026-04-26 18:23:26 UTC')
    expect(iso(parseExpiration(formatExpiration(parsed as Date)))).toBe(iso(parsed))
  })
})

describe('parseAcceptedPermissions', () => {
  it('reads one permission', () => {
    expect(parseAcceptedPermissions('contents=read')).toEqual([[{ name: 'contents', level: 'read' }]])
  })

  it('reads alternatives separated by ;', () => {
    expect(parseAcceptedPermissions('organization_copilot_seat_management=read; organization_administration=read')).toEqual([
      [{ name: 'organization_copilot_seat_management', level: 'read' }],
      [{ name: 'organization_administration', level: 'read' }]
    ])
  })

  it('reads a set of permissions all needed together, separated by ,', () => {
    expect(parseAcceptedPermissions('contents=write,workflows=write')).toEqual([
      [
        { name: 'contents', level: 'write' },
        { name: 'workflows', level: 'write' }
      ]
    ])
  })

  it('tolerates whitespace around separators', () => {
    expect(parseAcceptedPermissions('  contents = write ,  workflows=write ;issues=read ')).toEqual([
      [
        { name: 'contents', level: 'write' },
        { name: 'workflows', level: 'write' }
      ],
      [{ name: 'issues', level: 'read' }]
    ])
  })

  it('drops unknown levels and malformed parts, keeping the rest', () => {
    expect(parseAcceptedPermissions('contents=owner, issues=read; =read; pages; ;metadata=read')).toEqual([
      [{ name: 'issues', level: 'read' }],
      [{ name: 'metadata', level: 'read' }]
    ])
  })

  it.each(['', ' ', ';', ',,;;', 'junk', 'contents', 'contents=', '=read', 'contents=READ', 'Contents=read', 'contents=read=write', '<script>'])(
    'returns no sets for %j',
    (value) => {
      expect(parseAcceptedPermissions(value)).toEqual([])
    }
  )

  it('formats back to the header form', () => {
    const header = 'contents=write,workflows=write; organization_administration=read'
    expect(formatAcceptedPermissions(parseAcceptedPermissions(header))).toBe(header)
    expect(formatAcceptedPermissions([])).toBe('')
  })
})

describe('parseSsoHeader', () => {
  it('reads a required SSO authorization with its URL', () => {
    expect(parseSsoHeader('required; url=https://github.com/orgs/acme/sso?authorization_request=X')).toEqual({
      required: true,
      url: 'https://github.com/orgs/acme/sso?authorization_request=X'
    })
  })

  it('is case-insensitive on the keywords', () => {
    expect(parseSsoHeader('Required; URL=https://github.com/orgs/acme/sso?authorization_request=X')).toEqual({
      required: true,
      url: 'https://github.com/orgs/acme/sso?authorization_request=X'
    })
  })

  it('reads required without a URL', () => {
    expect(parseSsoHeader('required')).toEqual({ required: true })
  })

  it('reads partial results', () => {
    expect(parseSsoHeader('partial-results; organizations=1,2')).toEqual({ required: false })
  })

  it.each([
    ['javascript: URL', 'required; url=javascript:alert(1)'],
    ['data: URL', 'required; url=data:text/html,<script>alert(1)</script>'],
    ['relative URL', 'required; url=/orgs/acme/sso'],
    ['empty URL', 'required; url='],
    ['file: URL', 'required; url=file:///etc/passwd']
  ])('drops a %s but keeps the requirement', (_what, value) => {
    const result = parseSsoHeader(value)
    expect(result).toEqual({ required: true })
    expect(result).not.toHaveProperty('url')
  })

  it.each(['', ' ', ';', 'junk', 'not-required; url=https://github.com/x', 'url=https://github.com/orgs/acme/sso', 'requiredx'])(
    'returns undefined for %j',
    (value) => {
      expect(parseSsoHeader(value)).toBeUndefined()
    }
  )
})

const NIXOS =
  "The 'NixOS' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/12885303"
const HHS =
  "The 'HHS ONC' enterprise forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/4242"

describe('parseLifetimePolicy', () => {
  it("reads GitHub's organization message", () => {
    expect(parseLifetimePolicy(NIXOS)).toEqual({
      maxDays: 90,
      owner: 'NixOS',
      ownerType: 'organization',
      settingsUrl: 'https://github.com/settings/personal-access-tokens/12885303'
    })
  })

  it('reads the enterprise variant (owner with a space)', () => {
    expect(parseLifetimePolicy(HHS)).toEqual({
      maxDays: 366,
      owner: 'HHS ONC',
      ownerType: 'enterprise',
      settingsUrl: 'https://github.com/settings/personal-access-tokens/4242'
    })
  })

  it('reads an enterprise name containing an apostrophe', () => {
    expect(parseLifetimePolicy(HHS.replace('HHS ONC', "Macy's Tech"))).toMatchObject({ maxDays: 366, owner: "Macy's Tech", ownerType: 'enterprise' })
  })

  it('reads the message without the owner or the URL', () => {
    expect(parseLifetimePolicy("Forbids access via a fine-grained personal access token if the token's lifetime is greater than 1 day")).toEqual({
      maxDays: 1
    })
  })

  it('ignores a trailing period after the URL', () => {
    expect(parseLifetimePolicy(`${NIXOS}.`)?.settingsUrl).toBe('https://github.com/settings/personal-access-tokens/12885303')
  })

  it('never reports a settingsUrl key without a value', () => {
    const result = parseLifetimePolicy(NIXOS.replace('https://github.com/settings', 'http://[bad/settings'))
    expect(result).toBeDefined()
    expect(result).not.toHaveProperty('settingsUrl')
  })

  it.each([
    '',
    'Resource not accessible by personal access token',
    "The 'acme' organization forbids access via a personal access tokens (classic).",
    "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than many days."
  ])('returns undefined for %j', (value) => {
    expect(parseLifetimePolicy(value)).toBeUndefined()
  })
})

describe('parseClassicForbidden', () => {
  it("reads GitHub's message with the owner", () => {
    expect(
      parseClassicForbidden(
        "The 'acme' organization forbids access via a personal access tokens (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions."
      )
    ).toEqual({ owner: 'acme' })
  })

  it('reads the enterprise variant', () => {
    expect(parseClassicForbidden("The 'HHS ONC' enterprise forbids access via a personal access tokens (classic).")).toEqual({ owner: 'HHS ONC' })
  })

  it('reads the message without an owner', () => {
    expect(parseClassicForbidden('This resource forbids access via a personal access token (classic).')).toEqual({})
  })

  it.each(['', 'Bad credentials', NIXOS, 'forbids access via a personal access tokens'])('returns undefined for %j', (value) => {
    expect(parseClassicForbidden(value)).toBeUndefined()
  })
})

describe('parseScopes', () => {
  it('splits and trims', () => {
    expect(parseScopes('repo, read:org')).toEqual(['repo', 'read:org'])
    expect(parseScopes('repo,workflow,admin:repo_hook, write:packages')).toEqual(['repo', 'workflow', 'admin:repo_hook', 'write:packages'])
  })

  it('returns nothing for an empty header (a token with no scopes)', () => {
    expect(parseScopes('')).toEqual([])
    expect(parseScopes('  ')).toEqual([])
  })

  it('drops empty and malformed parts', () => {
    expect(parseScopes('repo,, ,bad scope,<x>,' + 'a'.repeat(65) + ',gist')).toEqual(['repo', 'gist'])
  })
})
