import { describe, it, expect } from '@jest/globals'
import { buildCatalog } from '../../src/catalog/catalog.js'
import type { PermissionNames } from '../../src/inputs/required-permissions.js'
import { MAX_PERMISSION_ENTRIES, MAX_PERMISSIONS_INPUT_LENGTH } from '../../src/inputs/required-permissions.js'
import type { InputName, RawInputs, Settings } from '../../src/inputs/settings.js'
import { DEFAULTS, INPUT_NAMES, MAX_TOKEN_LENGTH, parseSettings } from '../../src/inputs/settings.js'

const catalog = buildCatalog('fpt')
const names: PermissionNames = {
  levelsOf: (n) => catalog.permissions.get(n)?.levels,
  names: () => catalog.permissions.keys(),
  scopeOf: (n) => catalog.permissions.get(n)?.scope
}

/** A recognisable token: no error may ever contain it, nor a long piece of it. */
const TOKEN = 'github_pat_11CANARY0000000000_SECRETPART' + 'Zq9'.repeat(18)
const CANARY = /canary|secretpart|zq9zq9/i

function ok(raw: RawInputs): Settings {
  const result = parseSettings(raw, names)
  if (!result.ok) throw new Error(`expected ok, got errors:\n${result.errors.join('\n')}`)
  return result.settings
}

interface BadRow {
  /** What the row is about. */
  what: string
  /** The input every error must name. */
  input: InputName
  raw: RawInputs
  /** What the error must say is expected. */
  expects: RegExp
  /** Text that must not appear in any error (secrets other than the token). */
  hides?: string
}

const longPermissions = 'contents: read\n'.repeat(Math.ceil((MAX_PERMISSIONS_INPUT_LENGTH + 1) / 15))
const manyPermissions = Array.from({ length: MAX_PERMISSION_ENTRIES + 1 }, () => 'contents: read').join('\n')

const BAD: BadRow[] = [
  // token
  { what: 'empty token', input: 'token', raw: { token: '' }, expects: /secrets\./ },
  { what: 'missing token', input: 'token', raw: { token: undefined }, expects: /secrets\./ },
  { what: 'whitespace-only token', input: 'token', raw: { token: ' \t\n ' }, expects: /secrets\./ },
  { what: 'token with a space inside', input: 'token', raw: { token: `${TOKEN.slice(0, 30)} ${TOKEN.slice(30)}` }, expects: /expected a single GitHub token/ },
  { what: 'token with a line break inside', input: 'token', raw: { token: `${TOKEN}\n${TOKEN}` }, expects: /expected a single GitHub token/ },
  { what: 'token with a tab inside', input: 'token', raw: { token: `${TOKEN}\tx` }, expects: /expected a single GitHub token/ },
  { what: 'token with non-ASCII', input: 'token', raw: { token: `${TOKEN}é` }, expects: /expected a GitHub token/ },
  { what: 'token with a zero-width space', input: 'token', raw: { token: `${TOKEN}\u200b` }, expects: /expected a GitHub token/ },
  { what: 'token with a control character', input: 'token', raw: { token: `${TOKEN}\u0007` }, expects: /expected a GitHub token/ },
  { what: 'token with a NUL', input: 'token', raw: { token: `${TOKEN.slice(0, 20)}\u0000${TOKEN.slice(20)}` }, expects: /expected a GitHub token/ },
  { what: '5000-character token', input: 'token', raw: { token: TOKEN + 'A'.repeat(5000 - TOKEN.length) }, expects: new RegExp(`at most ${MAX_TOKEN_LENGTH}`) },
  // required-permissions
  { what: 'misspelled permission', input: 'required-permissions', raw: { 'required-permissions': 'contnets: read' }, expects: /Did you mean 'contents'\?/ },
  { what: 'unknown permission', input: 'required-permissions', raw: { 'required-permissions': 'teleportation: write' }, expects: /fine-grained permission names/ },
  { what: 'dashed permission name', input: 'required-permissions', raw: { 'required-permissions': 'pull-requests: write' }, expects: /Did you mean 'pull_requests'\?/ },
  { what: 'level the permission lacks', input: 'required-permissions', raw: { 'required-permissions': 'workflows: read' }, expects: /valid levels: write/ },
  { what: 'level that does not exist', input: 'required-permissions', raw: { 'required-permissions': 'contents: owner' }, expects: /valid levels: read, write/ },
  { what: 'entry without a level', input: 'required-permissions', raw: { 'required-permissions': 'contents' }, expects: /expected `name: level`/ },
  { what: 'too long permissions input', input: 'required-permissions', raw: { 'required-permissions': longPermissions }, expects: /at most/ },
  { what: 'too many permission entries', input: 'required-permissions', raw: { 'required-permissions': manyPermissions }, expects: new RegExp(`at most ${MAX_PERMISSION_ENTRIES}`) },
  // days
  { what: 'negative expiry-warn-days', input: 'expiry-warn-days', raw: { 'expiry-warn-days': '-1' }, expects: /whole number from 0 to 3650/ },
  { what: 'non-numeric expiry-warn-days', input: 'expiry-warn-days', raw: { 'expiry-warn-days': 'thirty' }, expects: /whole number/ },
  { what: 'fractional expiry-warn-days', input: 'expiry-warn-days', raw: { 'expiry-warn-days': '1.5' }, expects: /whole number/ },
  { what: 'huge expiry-warn-days', input: 'expiry-warn-days', raw: { 'expiry-warn-days': '99999999999999999999' }, expects: /whole number from 0 to 3650/ },
  { what: 'expiry-warn-days just over the maximum', input: 'expiry-warn-days', raw: { 'expiry-warn-days': '3651' }, expects: /from 0 to 3650/ },
  { what: 'expiry-warn-days below expiry-fail-days', input: 'expiry-warn-days', raw: { 'expiry-warn-days': '3', 'expiry-fail-days': '7' }, expects: /expected at least expiry-fail-days \(7\)/ },
  { what: 'default expiry-warn-days below a raised expiry-fail-days', input: 'expiry-warn-days', raw: { 'expiry-fail-days': '45' }, expects: /expected at least expiry-fail-days \(45\)/ },
  { what: 'negative expiry-fail-days', input: 'expiry-fail-days', raw: { 'expiry-fail-days': '-7' }, expects: /whole number/ },
  { what: 'expiry-fail-days with a unit', input: 'expiry-fail-days', raw: { 'expiry-fail-days': '7d' }, expects: /a number of days/ },
  { what: 'hexadecimal expiry-fail-days', input: 'expiry-fail-days', raw: { 'expiry-fail-days': '0x10' }, expects: /whole number/ },
  { what: 'negative max-lifetime-days', input: 'max-lifetime-days', raw: { 'max-lifetime-days': '-90' }, expects: /0 to turn the check off/ },
  { what: 'fractional max-lifetime-days', input: 'max-lifetime-days', raw: { 'max-lifetime-days': '90.5' }, expects: /whole number/ },
  { what: 'exponent max-lifetime-days', input: 'max-lifetime-days', raw: { 'max-lifetime-days': '1e3' }, expects: /whole number/ },
  { what: 'huge max-lifetime-days', input: 'max-lifetime-days', raw: { 'max-lifetime-days': '100000' }, expects: /from 0 to 3650/ },
  // repository
  { what: 'repository without a slash', input: 'repository', raw: { repository: 'acme' }, expects: /owner\/repo/ },
  { what: 'repository without a name', input: 'repository', raw: { repository: 'acme/' }, expects: /owner\/repo/ },
  { what: 'repository without an owner', input: 'repository', raw: { repository: '/x' }, expects: /owner\/repo/ },
  { what: 'repository with three parts', input: 'repository', raw: { repository: 'a/b/c' }, expects: /owner\/repo/ },
  { what: 'repository ..', input: 'repository', raw: { repository: 'acme/..' }, expects: /owner\/repo/ },
  { what: 'repository .', input: 'repository', raw: { repository: 'acme/.' }, expects: /owner\/repo/ },
  { what: 'repository with spaces around the slash', input: 'repository', raw: { repository: 'acme / infra' }, expects: /owner\/repo/ },
  { what: 'repository with a space in the owner', input: 'repository', raw: { repository: 'ac me/infra' }, expects: /owner\/repo/ },
  { what: 'repository with a space in the name', input: 'repository', raw: { repository: 'acme/in fra' }, expects: /owner\/repo/ },
  { what: 'repository as a URL', input: 'repository', raw: { repository: 'https://github.com/acme/infra' }, expects: /owner\/repo/ },
  { what: 'repository owner starting with a hyphen', input: 'repository', raw: { repository: '-acme/infra' }, expects: /owner\/repo/ },
  { what: 'repository with a line break', input: 'repository', raw: { repository: 'acme/infra\nacme/other' }, expects: /owner\/repo/ },
  // organization
  { what: 'organization with a space', input: 'organization', raw: { organization: 'acme corp' }, expects: /organization login/ },
  { what: 'organization with an underscore', input: 'organization', raw: { organization: 'acme_corp' }, expects: /organization login/ },
  { what: 'organization starting with a hyphen', input: 'organization', raw: { organization: '-acme' }, expects: /organization login/ },
  { what: 'organization with a double hyphen', input: 'organization', raw: { organization: 'acme--corp' }, expects: /single hyphens/ },
  { what: 'organization of 40 characters', input: 'organization', raw: { organization: 'a'.repeat(40) }, expects: /at most 39/ },
  { what: 'organization given as owner/repo', input: 'organization', raw: { organization: 'acme/infra' }, expects: /organization login/ },
  // api-url
  { what: 'api-url not a URL', input: 'api-url', raw: { 'api-url': 'api.github.com' }, expects: /http\(s\) URL/ },
  { what: 'api-url with words', input: 'api-url', raw: { 'api-url': 'not a url' }, expects: /http\(s\) URL/ },
  { what: 'ftp api-url', input: 'api-url', raw: { 'api-url': 'ftp://api.github.com' }, expects: /http\(s\) URL/ },
  { what: 'javascript api-url', input: 'api-url', raw: { 'api-url': 'javascript:alert(1)' }, expects: /http\(s\) URL/ },
  { what: 'api-url with credentials', input: 'api-url', raw: { 'api-url': 'https://octocat:hunter2pass@ghe.example.com/api/v3' }, expects: /http\(s\) URL/, hides: 'hunter2pass' },
  { what: 'api-url with a user name only', input: 'api-url', raw: { 'api-url': 'https://octocat-deploy-user@ghe.example.com/api/v3' }, expects: /http\(s\) URL/, hides: 'octocat-deploy-user' },
  { what: 'api-url with a query', input: 'api-url', raw: { 'api-url': 'https://api.github.com/?access_token=querysecret123' }, expects: /http\(s\) URL/, hides: 'querysecret123' },
  { what: 'api-url with a fragment', input: 'api-url', raw: { 'api-url': 'https://api.github.com/#fragmentsecret' }, expects: /http\(s\) URL/, hides: 'fragmentsecret' },
  // api-url tricks that would move every request (issue 12): refused before any request leaves
  ...[
    'https://api.github.com/repos/acme/infra?',
    'https://api.github.com/repos/acme/infra#',
    'https://api.github.com/orgs/acme?',
    'https://api.github.com?',
    'https://api.github.com#',
    'https://api.github.com/%3f',
    'https://api.github.com/%23',
    'https://api.github.com/repos%2facme',
    'https://api.github.com/%5c',
    'https://ghe.example.com/api/v3/..',
    'https://ghe.example.com/api/v3/%2e%2e/',
    'https://api.github.com\\repos',
    'https://api.github.com/repos/acme/infra',
    'https://ghe.example.com/api/v3/repos/acme/infra',
    'https://ghe.example.com/api',
    'https://api.github.com/api/v3/x'
  ].map((url) => ({ what: `api-url ${url}`, input: 'api-url' as const, raw: { 'api-url': url }, expects: /Input 'api-url': expected the REST API root as an http\(s\) URL/ })),
  // fail-on
  { what: 'unknown fail-on', input: 'fail-on', raw: { 'fail-on': 'sometimes' }, expects: /one of error, warning, never/ },
  { what: 'plural fail-on', input: 'fail-on', raw: { 'fail-on': 'errors' }, expects: /one of error, warning, never/ },
  { what: 'boolean fail-on', input: 'fail-on', raw: { 'fail-on': 'true' }, expects: /one of error, warning, never/ },
  // timeout-seconds
  { what: 'timeout-seconds 0', input: 'timeout-seconds', raw: { 'timeout-seconds': '0' }, expects: /from 1 to 3600/ },
  { what: 'timeout-seconds 99999', input: 'timeout-seconds', raw: { 'timeout-seconds': '99999' }, expects: /from 1 to 3600/ },
  { what: 'negative timeout-seconds', input: 'timeout-seconds', raw: { 'timeout-seconds': '-5' }, expects: /a number of seconds/ },
  { what: 'timeout-seconds with a unit', input: 'timeout-seconds', raw: { 'timeout-seconds': '60s' }, expects: /a number of seconds/ },
  // report-excess
  { what: 'report-excess yes', input: 'report-excess', raw: { 'report-excess': 'yes' }, expects: /true or false/ },
  { what: 'report-excess 1', input: 'report-excess', raw: { 'report-excess': '1' }, expects: /true or false/ },
  // repositories
  { what: 'repositories entry without a slash', input: 'repositories', raw: { repositories: 'acme/infra\nwebsite' }, expects: /owner\/repo or owner\/\* entries/ },
  { what: 'repositories entry with a path', input: 'repositories', raw: { repositories: 'acme/infra/sub' }, expects: /owner\/repo or owner\/\* entries/ },
  { what: 'repositories wildcard owner', input: 'repositories', raw: { repositories: '*/infra' }, expects: /owner\/repo or owner\/\* entries/ },
  { what: 'too many repositories', input: 'repositories', raw: { repositories: Array.from({ length: 1001 }, (_, i) => `acme/r${i}`).join(',') }, expects: /at most 1000/ },
  // org-admin-token
  { what: 'org-admin-token with a space', input: 'org-admin-token', raw: { 'org-admin-token': 'ghs_abc def' }, expects: /whitespace/ },
  { what: 'org-admin-token with non-ASCII', input: 'org-admin-token', raw: { 'org-admin-token': 'ghs_abcé' }, expects: /non-ASCII/ },
  // notify and github-token
  { what: 'notify slack', input: 'notify', raw: { notify: 'slack' }, expects: /none or issue/ },
  { what: 'notify issue without github-token', input: 'github-token', raw: { notify: 'issue' }, expects: /when notify is issue/ },
  { what: 'github-token with a line break (notify: issue)', input: 'github-token', raw: { notify: 'issue', 'github-token': 'ghs_a\nghs_b' }, expects: /whitespace/ },
  // inputs that depend on each other
  { what: 'repository permissions with an empty repository', input: 'repository', raw: { 'required-permissions': 'contents: read', repository: '' }, expects: /owner\/repo.*contents/ },
  { what: 'repository permissions with a blank repository', input: 'repository', raw: { 'required-permissions': 'issues: write\npull_requests: read', repository: '   ' }, expects: /issues, pull_requests/ },
  { what: 'organization permissions with no organization and no repository', input: 'organization', raw: { 'required-permissions': 'members: read' }, expects: /organization login.*members/ },
  // the token pasted into another input by mistake
  { what: 'token given as the repository', input: 'repository', raw: { repository: TOKEN }, expects: /owner\/repo/ },
  { what: 'token given as the repository name', input: 'repository', raw: { repository: `acme/${TOKEN}` }, expects: /contains the value of the 'token' input; expected owner\/repo/ },
  { what: 'token given as the organization', input: 'organization', raw: { organization: TOKEN }, expects: /organization login/ },
  { what: 'token given as a permission entry', input: 'required-permissions', raw: { 'required-permissions': TOKEN }, expects: /expected `name: level`/ },
  { what: 'token given as a permission name', input: 'required-permissions', raw: { 'required-permissions': `${TOKEN}: read` }, expects: /contains the value of the 'token' input; expected `name: level`/ },
  { what: 'token given as a day count', input: 'expiry-warn-days', raw: { 'expiry-warn-days': TOKEN }, expects: /contains the value of the 'token' input; expected a number of days/ },
  { what: 'token given as fail-on', input: 'fail-on', raw: { 'fail-on': TOKEN }, expects: /one of error, warning, never/ },
  { what: 'token in the api-url path', input: 'api-url', raw: { 'api-url': `ftp://ghe.example.com/${TOKEN}` }, expects: /http\(s\) URL/ }
]

describe('parseSettings rejects bad inputs', () => {
  it('has a row for every input', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(35)
    expect(new Set(BAD.map((r) => r.input))).toEqual(new Set(INPUT_NAMES))
  })

  it.each(BAD.map((row) => [row.what, row] as const))('%s', (_what, row) => {
    const raw: RawInputs = { token: TOKEN, ...row.raw }
    const result = parseSettings(raw, names)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.length).toBeGreaterThan(0)
    for (const error of result.errors) {
      // One line.
      expect(error).not.toMatch(/[\n\r\u2028\u2029\u0085]/)
      // Names the input.
      expect(error.startsWith(`Input '${row.input}'`)).toBe(true)
      // Never the token, nor a recognisable piece of it.
      expect(error).not.toContain(TOKEN)
      expect(error).not.toMatch(CANARY)
      if (raw.token && raw.token.trim() !== '') expect(error).not.toContain(raw.token.trim())
      if (row.hides) expect(error).not.toContain(row.hides)
      // Stays short enough for an annotation.
      expect(error.length).toBeLessThan(400)
    }
    // Names what is expected.
    expect(result.errors.some((e) => row.expects.test(e))).toBe(true)
  })

  it('reports every bad input at once', () => {
    const result = parseSettings(
      { token: TOKEN, repository: 'acme', organization: 'a b', 'fail-on': 'x', 'timeout-seconds': '0', 'required-permissions': 'contnets: read' },
      names
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    const named = result.errors.map((e) => /^Input '([^']+)'/.exec(e)?.[1])
    expect(new Set(named)).toEqual(new Set(['repository', 'organization', 'fail-on', 'timeout-seconds', 'required-permissions']))
  })
})

describe('parseSettings accepts good inputs', () => {
  it('applies the defaults', () => {
    const settings = ok({ token: TOKEN })
    expect(settings).toEqual({
      token: TOKEN,
      required: [],
      expiryWarnDays: Number(DEFAULTS['expiry-warn-days']),
      expiryFailDays: Number(DEFAULTS['expiry-fail-days']),
      maxLifetimeDays: Number(DEFAULTS['max-lifetime-days']),
      failOn: DEFAULTS['fail-on'],
      apiUrl: DEFAULTS['api-url'],
      timeoutSeconds: Number(DEFAULTS['timeout-seconds']),
      reportExcess: false,
      repositories: [],
      notify: 'none',
      inputWarnings: []
    })
    expect(settings).not.toHaveProperty('repository')
    expect(settings).not.toHaveProperty('organization')
  })

  it('reads the beyond-a-check inputs', () => {
    const settings = ok({ token: TOKEN, 'report-excess': 'TRUE', repositories: 'acme/infra\nacme/*, acme/infra', 'org-admin-token': ' ghs_ADMIN0000000000000000000000000000 ', notify: 'issue', 'github-token': 'ghs_WORKFLOW000000000000000000000000' })
    expect(settings).toMatchObject({
      reportExcess: true,
      repositories: [{ owner: 'acme', repo: 'infra' }, { owner: 'acme', repo: '*' }],
      orgAdminToken: 'ghs_ADMIN0000000000000000000000000000',
      notify: 'issue',
      githubToken: 'ghs_WORKFLOW000000000000000000000000'
    })
  })

  it('neither reads nor validates github-token unless notify is issue (a local client passes `${{ github.token }}` as text)', () => {
    for (const given of ['ghs_a\nghs_b', '${{ github.token }}', 'ghs_WORKFLOW000000000000000000000000']) {
      const settings = ok({ token: TOKEN, 'github-token': given })
      expect(settings.githubToken).toBeUndefined()
      expect(settings.notify).toBe('none')
    }
  })

  it('refuses the audited token as github-token: the audited token is never used for the tracking issue', () => {
    const result = parseSettings({ token: TOKEN, notify: 'issue', 'github-token': TOKEN }, names)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatch(/^Input 'github-token': contains the value of the 'token' input/)
  })

  it('treats empty and blank inputs as not given', () => {
    const blank: RawInputs = { token: TOKEN }
    for (const name of INPUT_NAMES) if (name !== 'token') blank[name] = '  '
    expect(ok(blank)).toEqual(ok({ token: TOKEN }))
    const empty: RawInputs = { token: TOKEN }
    for (const name of INPUT_NAMES) if (name !== 'token') empty[name] = ''
    expect(ok(empty)).toEqual(ok({ token: TOKEN }))
  })

  it('defaults the organization to the repository owner', () => {
    const settings = ok({ token: TOKEN, repository: 'octo-org/infra' })
    expect(settings.repository).toEqual({ owner: 'octo-org', repo: 'infra' })
    expect(settings.organization).toBe('octo-org')
  })

  it('lets an explicit organization win over the repository owner', () => {
    expect(ok({ token: TOKEN, repository: 'octo-org/infra', organization: 'other-org' }).organization).toBe('other-org')
  })

  it('trims every value', () => {
    const settings = ok({
      token: `  ${TOKEN}\n`,
      repository: '  octo-org/infra.js \n',
      organization: ' other-org ',
      'expiry-warn-days': ' 14 ',
      'expiry-fail-days': '\t3',
      'max-lifetime-days': ' 90 ',
      'fail-on': ' Warning ',
      'api-url': ' https://ghe.example.com/api/v3/ ',
      'timeout-seconds': ' 120 ',
      'required-permissions': '  contents: read  \n'
    })
    expect(settings).toEqual({
      token: TOKEN,
      required: [{ name: 'contents', level: 'read' }],
      repository: { owner: 'octo-org', repo: 'infra.js' },
      organization: 'other-org',
      expiryWarnDays: 14,
      expiryFailDays: 3,
      maxLifetimeDays: 90,
      failOn: 'warning',
      apiUrl: 'https://ghe.example.com/api/v3',
      timeoutSeconds: 120,
      reportExcess: false,
      repositories: [],
      notify: 'none',
      inputWarnings: []
    })
  })

  it('accepts the bounds', () => {
    const settings = ok({ token: TOKEN, 'expiry-warn-days': '0', 'expiry-fail-days': '0', 'max-lifetime-days': '0', 'timeout-seconds': '1' })
    expect(settings).toMatchObject({ expiryWarnDays: 0, expiryFailDays: 0, maxLifetimeDays: 0, timeoutSeconds: 1 })
    expect(ok({ token: TOKEN, 'expiry-warn-days': '3650', 'max-lifetime-days': '3650', 'timeout-seconds': '3600' })).toMatchObject({
      expiryWarnDays: 3650,
      maxLifetimeDays: 3650,
      timeoutSeconds: 3600
    })
  })

  it('accepts expiry-warn-days equal to expiry-fail-days', () => {
    expect(ok({ token: TOKEN, 'expiry-warn-days': '10', 'expiry-fail-days': '10' })).toMatchObject({ expiryWarnDays: 10, expiryFailDays: 10 })
  })

  it('accepts every fail-on value, in any case', () => {
    expect(ok({ token: TOKEN, 'fail-on': 'NEVER' }).failOn).toBe('never')
    expect(ok({ token: TOKEN, 'fail-on': 'warning' }).failOn).toBe('warning')
    expect(ok({ token: TOKEN, 'fail-on': 'Error' }).failOn).toBe('error')
  })

  it('accepts an http api-url and a token at the length limit', () => {
    expect(ok({ token: TOKEN, 'api-url': 'http://localhost:8080' }).apiUrl).toBe('http://localhost:8080')
    const long = 'ghp_' + 'a'.repeat(MAX_TOKEN_LENGTH - 4)
    expect(ok({ token: long }).token).toBe(long)
  })

  it('accepts repository permissions with a repository and organization permissions via its owner', () => {
    const settings = ok({ token: TOKEN, repository: 'octo-org/infra', 'required-permissions': 'contents: write\nmembers: read\nemails: read' })
    expect(settings.required).toEqual([
      { name: 'contents', level: 'write' },
      { name: 'emails', level: 'read' },
      { name: 'members', level: 'read' }
    ])
    expect(settings.organization).toBe('octo-org')
  })

  it('accepts organization permissions with an organization but no repository', () => {
    const settings = ok({ token: TOKEN, organization: 'octo-org', 'required-permissions': 'members: read' })
    expect(settings.organization).toBe('octo-org')
    expect(settings).not.toHaveProperty('repository')
  })

  it('accepts account permissions without a repository or organization', () => {
    expect(ok({ token: TOKEN, 'required-permissions': 'emails: read, gists: write' }).required).toHaveLength(2)
  })

  it('passes duplicate-permission warnings through, without the token', () => {
    const settings = ok({ token: TOKEN, repository: 'octo-org/infra', 'required-permissions': 'contents: read\ncontents: write' })
    expect(settings.required).toEqual([{ name: 'contents', level: 'write' }])
    expect(settings.inputWarnings).toHaveLength(1)
    expect(settings.inputWarnings[0]).toMatch(/^Input 'required-permissions'/)
    expect(settings.inputWarnings[0]).not.toMatch(CANARY)
  })

  it('does not mistake ordinary values for the token', () => {
    // A short "token" that happens to appear in other inputs is not redacted from valid values.
    const settings = ok({ token: 'ghp_short', repository: 'octo-org/infra', 'fail-on': 'never' })
    expect(settings.repository).toEqual({ owner: 'octo-org', repo: 'infra' })
  })
})

describe('zod runs without eval', () => {
  it('parses settings with zod configured jitless, and never calls the Function constructor', async () => {
    const z = await import('zod/mini')
    await import('../../src/inputs/zod-config.js')
    expect(z.config().jitless).toBe(true)
    const original = globalThis.Function
    let constructed = 0
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        constructed++
        return Reflect.construct(target, args)
      },
      apply(target, self, args) {
        constructed++
        return Reflect.apply(target, self, args)
      }
    })
    try {
      const names = { levelsOf: () => ['read' as const, 'write' as const], names: () => ['contents'][Symbol.iterator](), scopeOf: () => 'repository' }
      const result = parseSettings({ token: 'github_pat_' + 'a'.repeat(82), 'required-permissions': 'contents: read', repository: 'acme/infra' }, names as unknown as PermissionNames)
      expect(result.ok).toBe(true)
    } finally {
      globalThis.Function = original
    }
    expect(constructed).toBe(0)
  })
})
