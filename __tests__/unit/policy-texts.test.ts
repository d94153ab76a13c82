import { describe, expect, it } from '@jest/globals'
import { namesRepositoryLookup, parsePartialResults, parsePolicyText, readCondition } from '../../src/verdicts/policy-texts.js'
import { conditionFinding } from '../../src/verdicts/conditions.js'
import { ev } from '../helpers/evidence.js'

// Every text below is a real answer, quoted from the public source named beside it.
const NIXOS_LIFETIME =
  "The 'NixOS' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/12885303" // NixOS/org#247
const CLASSIC_LIFETIME =
  "The 'acme' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than 7 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/tokens/4801076191" // issue 11 (a user's report)
const CLASSIC_BAN = '`ORG` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.' // refined-github#6951
const FINE_GRAINED_BAN = '`AikidoSec` forbids access via a personal access token with fine-grained permissions. Please use a GitHub App, or an OAuth App.' // mislav/hub#3363
const IP_ALLOW_LIST =
  'Although you appear to have the correct authorization credentials, the `aquasecurity` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.' // aquasecurity/trivy#10567
const SAML = 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'

describe('parsePolicyText: the real texts, each into its own condition', () => {
  it('fine-grained lifetime limit, with the token\'s settings page', () => {
    expect(parsePolicyText(NIXOS_LIFETIME)).toEqual({
      code: 'lifetime-policy',
      family: 'fine-grained',
      maxDays: 90,
      owner: 'NixOS',
      ownerType: 'organization',
      settingsUrl: 'https://github.com/settings/personal-access-tokens/12885303'
    })
  })
  it('classic lifetime limit is a lifetime limit, not a ban, and keeps its link', () => {
    expect(parsePolicyText(CLASSIC_LIFETIME)).toEqual({
      code: 'lifetime-policy',
      family: 'classic',
      maxDays: 7,
      owner: 'acme',
      ownerType: 'organization',
      settingsUrl: 'https://github.com/settings/tokens/4801076191'
    })
  })
  it('classic ban with the backticked owner', () => {
    expect(parsePolicyText(CLASSIC_BAN)).toEqual({ code: 'classic-forbidden', owner: 'ORG' })
  })
  it('fine-grained ban with the backticked owner', () => {
    expect(parsePolicyText(FINE_GRAINED_BAN)).toEqual({ code: 'fine-grained-forbidden', owner: 'AikidoSec' })
  })
  it('IP allow list with the organization', () => {
    expect(parsePolicyText(IP_ALLOW_LIST)).toEqual({ code: 'ip-allow-list', owner: 'aquasecurity' })
  })
  it('nothing else', () => {
    expect(parsePolicyText('Resource not accessible by personal access token')).toBeUndefined()
    expect(parsePolicyText('')).toBeUndefined()
  })
})

describe('readCondition: status, headers and text together', () => {
  it('SAML with the authorise URL', () => {
    expect(readCondition(ev(403, SAML, { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=A1B2' }))).toEqual({
      code: 'sso-required',
      url: 'https://github.com/orgs/acme/sso?authorization_request=A1B2'
    })
    expect(readCondition(ev(403, SAML))).toEqual({ code: 'sso-required' })
  })
  it('partial results name the organizations', () => {
    expect(readCondition(ev(200, 'OK', { 'x-github-sso': 'partial-results; organizations=21955855,20582480' }))).toEqual({
      code: 'sso-partial',
      organizations: ['21955855', '20582480']
    })
    expect(parsePartialResults('required; url=x')).toBeUndefined()
  })
  it('archived, disabled, empty, role and blocked each on their own', () => {
    expect(readCondition(ev(403, 'Repository was archived so is read-only.'))).toEqual({ code: 'archived' })
    expect(readCondition(ev(410, 'Issues are disabled for this repo'))).toEqual({ code: 'feature-disabled', text: 'Issues are disabled for this repo' })
    expect(readCondition(ev(409, 'Git Repository is empty.'))).toEqual({ code: 'repository-empty' })
    expect(readCondition(ev(403, 'Must have admin rights to Repository.'))).toEqual({ code: 'role-refused', text: 'Must have admin rights to Repository.' })
    expect(readCondition(ev(403, 'Repository access blocked'))).toEqual({ code: 'repository-blocked', status: 403 })
    expect(readCondition(ev(451, 'Repository access blocked'))).toEqual({ code: 'repository-blocked', status: 451 })
  })
  it('a 409 or 410 that says something else is not a condition', () => {
    expect(readCondition(ev(409, 'Conflict'))).toBeUndefined()
    expect(readCondition(ev(410, 'Gone'))).toBeUndefined()
  })
  it('primary rate limit: 403 or 429 with x-ratelimit-remaining 0', () => {
    const primary = readCondition(ev(403, 'API rate limit exceeded for user ID 1.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' }))
    expect(primary).toEqual({ code: 'rate-limited', secondary: false, resetAt: new Date(1_800_000_000_000) })
    expect(readCondition(ev(429, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }))).toMatchObject({ code: 'rate-limited', secondary: false })
  })
  it('secondary rate limit: retry-after, or the text without any x-ratelimit header', () => {
    expect(readCondition(ev(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '60' }))).toEqual({
      code: 'rate-limited',
      secondary: true,
      retryAfterSeconds: 60
    })
    expect(readCondition(ev(403, 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation.'))).toEqual({ code: 'rate-limited', secondary: true })
  })
  it('a plain permission refusal is no condition', () => {
    expect(readCondition(ev(403, 'Resource not accessible by personal access token', { 'x-ratelimit-remaining': '4000' }))).toBeUndefined()
  })
})

describe('conditionFinding: each condition its own finding and fix', () => {
  it('the lifetime limit links the token\'s own settings page', () => {
    const f = conditionFinding(parsePolicyText(CLASSIC_LIFETIME)!)
    expect(f).toMatchObject({ severity: 'error', code: 'lifetime-policy' })
    expect(f.message).toContain('personal access tokens (classic)')
    expect(f.fix).toContain('https://github.com/settings/tokens/4801076191')
  })
  it('the IP allow list is an error naming the runner\'s address as the cause', () => {
    const f = conditionFinding(parsePolicyText(IP_ALLOW_LIST)!)
    expect(f).toMatchObject({ severity: 'error', code: 'ip-allow-list' })
    expect(f.message).toMatch(/address this runner calls from is not on it/)
    expect(f.fix).toMatch(/runner whose address is inside the allow list.*add the runner's address/)
  })
  it('the bans name the owner', () => {
    expect(conditionFinding(parsePolicyText(FINE_GRAINED_BAN)!).title).toBe('Fine-grained tokens refused by AikidoSec')
    expect(conditionFinding(parsePolicyText(CLASSIC_BAN)!).title).toBe('Classic tokens refused by ORG')
  })
})

describe('namesRepositoryLookup', () => {
  it('a 404 naming get-a-repository is about the repository (cli/cli#13350)', () => {
    expect(namesRepositoryLookup({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository', status: '404' })).toBe(true)
    expect(namesRepositoryLookup({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/labels#delete-a-label' })).toBe(false)
    expect(namesRepositoryLookup(undefined)).toBe(false)
  })
})
