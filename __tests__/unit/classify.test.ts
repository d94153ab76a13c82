import { describe, expect, it } from '@jest/globals'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { blockingCondition, classifyEvidence, deriveReachability } from '../../src/verdicts/classify.js'
import type { PlannedProbe } from '../../src/audit/plan.js'
import { fillProbe } from '../../src/audit/plan.js'
import { ev } from '../helpers/evidence.js'

const catalog = buildCatalog('fpt')
const target = { owner: 'acme', repo: 'infra', org: 'acme', login: 'octocat' }
const hex = () => '0123456789abcdef0123456789abcdef'

function planned(name: string, level: 'read' | 'write' | 'admin'): PlannedProbe {
  const probe = catalog.entry(name, level)?.probe
  if (!probe) throw new Error(`no probe for ${name}:${level}`)
  const request = fillProbe(probe, target, hex)
  if (typeof request === 'string') throw new Error(request)
  return { probe, request, context: probe.template.startsWith('/repos/') ? 'repository' : probe.template.startsWith('/orgs/') ? 'organization' : 'account' }
}

const NOT_ACCESSIBLE = 'Resource not accessible by personal access token'

describe('classifyEvidence: a token that lacks members: read', () => {
  it('is missing on GitHub\'s 403, said in the same words for every permission (the accepted ones are in the evidence)', () => {
    const d = classifyEvidence('members', planned('members', 'read'), ev(403, NOT_ACCESSIBLE, { 'x-accepted-github-permissions': 'members=read' }), {})
    const other = classifyEvidence('issues', planned('issues', 'write'), ev(403, NOT_ACCESSIBLE, { 'x-accepted-github-permissions': 'issues=write' }), {})
    expect(d.status).toBe('missing')
    expect(d.reason).toBe(`GitHub answered 403 "${NOT_ACCESSIBLE}" to a request that needs it.`)
    expect(other.reason).toBe(d.reason)
  })

  it('is inconclusive when GitHub says the endpoint accepts a different permission', () => {
    const d = classifyEvidence('members', planned('members', 'read'), ev(403, NOT_ACCESSIBLE, { 'x-accepted-github-permissions': 'organization_administration=read' }), {})
    expect(d).toMatchObject({ status: 'inconclusive', code: 'accepted-mismatch' })
  })

  it('is granted on a 200', () => {
    expect(classifyEvidence('members', planned('members', 'read'), ev(200, 'OK'), {}).status).toBe('granted')
  })
})

describe('classifyEvidence: write probes on random targets', () => {
  const p = planned('contents', 'write')

  it('reads a 404 under a reachable repository as granted', () => {
    expect(classifyEvidence('contents', p, ev(404, 'Not Found'), { repository: true })).toMatchObject({ status: 'granted', code: 'authorised-not-found' })
  })

  it('reads a 404 under an unreachable repository as inconclusive, with the reasons', () => {
    const d = classifyEvidence('contents', p, ev(404, 'Not Found'), { repository: false })
    expect(d).toMatchObject({ status: 'inconclusive', code: 'repository-unreachable' })
    expect(d.reason).toMatch(/not selected.*pending.*does not exist/)
  })

  it('reads a 404 with unknown reachability as inconclusive', () => {
    expect(classifyEvidence('contents', p, ev(404, 'Not Found'), {}).status).toBe('inconclusive')
  })

  it('reads 422 as granted (refused after the permission check)', () => {
    expect(classifyEvidence('contents', p, ev(422, 'Validation Failed'), { repository: true }).status).toBe('granted')
  })

  it('reads 403 "not accessible" as missing', () => {
    expect(classifyEvidence('contents', p, ev(403, NOT_ACCESSIBLE, { 'x-accepted-github-permissions': 'contents=write' }), { repository: true }).status).toBe('missing')
  })
})

describe('classifyEvidence: nothing is called missing without proof', () => {
  const p = planned('issues', 'read')
  const cases: Array<[string, ReturnType<typeof ev>, string]> = [
    ['SSO not authorised', ev(403, 'Resource protected by organization SAML enforcement.', { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=A1' }), 'sso-required'],
    ['lifetime policy', ev(403, "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/1"), 'lifetime-policy'],
    ['classic forbidden', ev(403, "The 'acme' organization forbids access via a personal access tokens (classic). Please use a GitHub App."), 'classic-forbidden'],
    ['primary rate limit', ev(403, 'API rate limit exceeded for user ID 1.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' }), 'rate-limited'],
    ['secondary rate limit', ev(403, 'You have exceeded a secondary rate limit.', { 'retry-after': '30' }), 'rate-limited'],
    ['429', ev(429, 'Too many requests', { 'retry-after': '5' }), 'rate-limited'],
    ['a role refusal', ev(403, 'Must have admin rights to Repository.'), 'role-refused'],
    ['a refusal GitHub explains otherwise', ev(403, 'Although you are a member, this action needs more.'), 'refused-other'],
    ['a server error', ev(502, 'Bad Gateway'), 'server-error'],
    ['no response', ev(0, 'The connection was reset', {}, { failure: 'network' }), 'network'],
    ['an HTML page', ev(200, 'A text/html page', {}, { failure: 'not-json' }), 'bad-response'],
    ['the deadline', ev(0, 'Not sent', {}, { failure: 'deadline' }), 'deadline'],
    ['401', ev(401, 'Bad credentials'), 'invalid-token'],
    ['an unexpected status', ev(418, "I'm a teapot"), 'unexpected-status']
  ]
  it.each(cases)('%s is inconclusive', (_name, evidence, code) => {
    const d = classifyEvidence('issues', p, evidence, { repository: true })
    expect(d.status).toBe('inconclusive')
    expect(d.code).toBe(code)
  })
})

describe('classifyEvidence: endpoints that answer public data', () => {
  it('does not take a 200 from a public-fallback endpoint as proof', () => {
    const probe = { ...planned('members', 'read'), probe: { ...planned('members', 'read').probe, publicFallback: true } }
    expect(classifyEvidence('members', probe, ev(200, 'OK'), {})).toMatchObject({ status: 'inconclusive', code: 'public-fallback' })
  })
})

describe('blockingCondition', () => {
  it('gives the SSO URL', () => {
    expect(blockingCondition(ev(403, 'x', { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=A1' }))).toEqual({
      code: 'sso-required',
      url: 'https://github.com/orgs/acme/sso?authorization_request=A1'
    })
  })
  it('gives the organization limit and settings URL from the lifetime message', () => {
    const b = blockingCondition(
      ev(403, "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/42")
    )
    expect(b).toMatchObject({ code: 'lifetime-policy', maxDays: 90, owner: 'acme', settingsUrl: 'https://github.com/settings/personal-access-tokens/42' })
  })
  it('ignores ordinary 404s', () => {
    expect(blockingCondition(ev(404, 'Not Found'))).toBeUndefined()
  })
})

describe('deriveReachability', () => {
  const repo = planned('metadata', 'read')
  const secrets = planned('secrets', 'read')
  it('knows the repository is unreachable from a 404 on it', () => {
    expect(deriveReachability([{ planned: repo, evidence: ev(404, 'Not Found') }])).toEqual({ repository: false })
  })
  it('knows the repository is reachable from any answer that passed or failed the permission check', () => {
    expect(deriveReachability([{ planned: secrets, evidence: ev(403, NOT_ACCESSIBLE) }])).toEqual({ repository: true })
  })
  it('does not guess from a 500', () => {
    expect(deriveReachability([{ planned: secrets, evidence: ev(500, 'oops') }])).toEqual({})
  })
})
