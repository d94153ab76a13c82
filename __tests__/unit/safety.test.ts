/** Unit tests of the harmlessness guard and its helpers (src/catalog/safety.ts). */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { checkHarmless, isRandomValue, matchTemplate, randomValue } from '../../src/catalog/safety.js'
import { randomHex, randomUUID } from '../../src/random.js'
import type { HttpRequest } from '../../src/audit/transport.js'
import type { ProbeSpec } from '../../src/types.js'
import { shippedCatalog } from '../../src/catalog/shipped.js'

const hex = (s: string) => () => s
const HEX32 = '0123456789abcdef0123456789abcdef'
const NAME = 'pat-audit-probe-0123456789abcdef'
const ID = '18446744073709551617'

function spec(overrides: Partial<ProbeSpec> & Pick<ProbeSpec, 'method' | 'template' | 'safety'>): ProbeSpec {
  return {
    id: `${overrides.method} ${overrides.template}`,
    query: {},
    body: overrides.method === 'POST' || overrides.method === 'PUT' || overrides.method === 'PATCH' ? {} : undefined,
    randomParams: [],
    accepts: [],
    publicFallback: false,
    ...overrides
  }
}

const GET = spec({ method: 'GET', template: '/repos/{owner}/{repo}/branches', safety: { kind: 'read-only' }, query: { per_page: '1' } })
const DELETE_BY_NAME = spec({
  method: 'DELETE',
  template: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
  safety: { kind: 'random-target', param: 'secret_name' },
  randomParams: ['secret_name']
})
const DELETE_BY_ID = spec({
  method: 'DELETE',
  template: '/repos/{owner}/{repo}/hooks/{hook_id}',
  safety: { kind: 'random-target', param: 'hook_id' },
  randomParams: ['hook_id']
})
const PATCH = spec({
  method: 'PATCH',
  template: '/repos/{owner}/{repo}/dependabot/alerts/{alert_number}',
  safety: { kind: 'random-target', param: 'alert_number' },
  randomParams: ['alert_number']
})
const POST_PARENT = spec({
  method: 'POST',
  template: '/repos/{owner}/{repo}/pulls/{pull_number}/codespaces',
  safety: { kind: 'random-target', param: 'pull_number' },
  randomParams: ['pull_number']
})
const PUT_ID_LEAF = spec({
  method: 'PUT',
  template: '/orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}',
  safety: { kind: 'random-target', param: 'repository_id' },
  randomParams: ['secret_name', 'repository_id']
})
const PUT_NAME_LEAF = spec({
  method: 'PUT',
  template: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
  safety: { kind: 'random-target', param: 'secret_name' },
  randomParams: ['secret_name']
})
const POST_INCOMPLETE = spec({
  method: 'POST',
  template: '/orgs/{org}/copilot-spaces/{space_number}/collaborators',
  safety: { kind: 'two-barriers', param: 'space_number', missingField: 'actor_type' },
  randomParams: ['space_number']
})
const POST_PATH = `/orgs/acme/copilot-spaces/${ID}/collaborators`
const DELETE_USERNAME = spec({
  method: 'DELETE',
  template: '/orgs/{org}/members/{username}/codespaces/{codespace_name}',
  safety: { kind: 'random-target', param: 'codespace_name' },
  randomParams: ['username', 'codespace_name']
})

const req = (method: HttpRequest['method'], path: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({ method, path, query: {}, ...extra })

describe('randomValue', () => {
  it('gives an id parameter 2^64 plus 64 random bits: above GitHub\'s id space (64-bit integers)', () => {
    for (const p of ['hook_id', 'alert_number', 'run_id']) {
      const v = randomValue(p, hex(HEX32))
      expect(v).toMatch(/^\d{20}$/)
      expect(BigInt(v)).toBe(2n ** 64n + 0x0123456789abcdefn)
    }
    expect(BigInt(randomValue('hook_id', hex('ffffffffffffffff')))).toBe(2n ** 65n - 1n)
    expect(BigInt(randomValue('hook_id', hex('0000000000000000')))).toBe(2n ** 64n)
  })

  it('gives any other parameter a pat-audit-probe name', () => {
    expect(randomValue('secret_name', hex(HEX32))).toBe(NAME)
    expect(randomValue('username', hex(HEX32))).toBe(NAME)
  })

  it("is fed 32 random hex digits by the audit's own randomHex (random.ts), different each time", () => {
    expect(randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const values = Array.from({ length: 50 }, () => randomHex())
    for (const v of values) expect(v).toMatch(/^[0-9a-f]{32}$/)
    expect(new Set(values).size).toBe(values.length)
    expect(new Set(values.map((v) => randomValue('hook_id', () => v))).size).toBe(values.length)
  })

  it('depends on the random hex only', () => {
    expect(randomValue('hook_id', hex(HEX32))).toBe(randomValue('hook_id', hex(HEX32)))
    expect(randomValue('hook_id', hex('ffffffffffffffff' + HEX32))).not.toBe(randomValue('hook_id', hex(HEX32)))
    expect(randomValue('hook_id', hex('0123456789abcdee'))).not.toBe(randomValue('hook_id', hex(HEX32)))
    expect(randomValue('name', hex('ffffffffffffffff'))).not.toBe(randomValue('name', hex(HEX32)))
  })

  it('always gives a value isRandomValue accepts for that parameter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), fc.constantFrom('hook_id', 'pull_number', 'secret_name', 'username', 'ref'), (h, param) => {
        const v = randomValue(param, () => h)
        expect(isRandomValue(v)).toBe(true)
        expect(isRandomValue(v, param)).toBe(true)
      })
    )
  })
})

describe('isRandomValue', () => {
  it('accepts both shapes without a parameter', () => {
    expect(isRandomValue(NAME)).toBe(true)
    expect(isRandomValue(ID)).toBe(true)
    expect(isRandomValue(String(2n ** 65n - 1n))).toBe(true)
  })

  it.each([
    ['a real name', 'octocat'],
    ['an empty value', ''],
    ['the bare prefix', 'pat-audit-probe'],
    ['a short suffix', 'pat-audit-probe-0123456789abcde'],
    ['a long suffix', 'pat-audit-probe-0123456789abcdef0'],
    ['upper-case hex', 'pat-audit-probe-0123456789ABCDEF'],
    ['a prefix inside a name', 'x-pat-audit-probe-0123456789abcdef'],
    ['a small id', '42'],
    ['16 digits (the former form, about 40 random bits)', '9000000000000001'],
    ['an id below the range', String(2n ** 64n - 1n)],
    ['an id above the range', String(2n ** 65n)],
    ['21 digits', '100000000000000000000'],
    ['a signed id', '+18446744073709551617'],
    ['a padded id', ' 18446744073709551617']
  ])('refuses %s', (_label, value) => {
    expect(isRandomValue(value)).toBe(false)
  })

  it('with a parameter, only the shape randomValue gives it', () => {
    expect(isRandomValue(ID, 'hook_id')).toBe(true)
    expect(isRandomValue(NAME, 'hook_id')).toBe(false)
    expect(isRandomValue(NAME, 'username')).toBe(true)
    // A number can be a real login or branch name.
    expect(isRandomValue(ID, 'username')).toBe(false)
    expect(isRandomValue(ID, 'branch')).toBe(false)
  })
})

describe('matchTemplate', () => {
  it('gives the value of each parameter, decoded', () => {
    expect(matchTemplate('/repos/{owner}/{repo}/branches/{branch}', '/repos/acme/infra/branches/feature%2Fx')).toEqual({
      owner: 'acme',
      repo: 'infra',
      branch: 'feature/x'
    })
    expect(matchTemplate('/user', '/user')).toEqual({})
  })

  it.each([
    ['an extra segment', '/repos/{owner}/{repo}', '/repos/acme/infra/hooks'],
    ['a missing segment', '/repos/{owner}/{repo}/hooks', '/repos/acme/hooks'],
    ['another literal', '/repos/{owner}/{repo}/hooks', '/repos/acme/infra/keys'],
    ['an empty value', '/repos/{owner}/{repo}', '/repos//infra'],
    ['a trailing slash', '/repos/{owner}/{repo}', '/repos/acme/infra/'],
    ['a query in the path', '/user/emails', '/user/emails?x=1'],
    ['a regex character of the template taken literally', '/a.b/{x}', '/aXb/1'],
    ['a broken escape', '/repos/{owner}/{repo}', '/repos/acme/%E0%A4%A'],
    ['another prefix', '/repos/{owner}/{repo}', '/x/repos/acme/infra']
  ])('refuses %s', (_label, template, path) => {
    expect(matchTemplate(template, path)).toBeUndefined()
  })

  it('round-trips any encoded values', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const path = `/repos/${encodeURIComponent(a)}/${encodeURIComponent(b)}/hooks`
        expect(matchTemplate('/repos/{owner}/{repo}/hooks', path)).toEqual({ owner: a, repo: b })
      })
    )
  })

  // matchTemplate matches a template whose parameters are whole segments segment by segment, without a regular
  // expression; this is the one it had built for every call, which must accept and give exactly the same.
  const byPattern = (template: string, path: string): Record<string, string> | undefined => {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    const m = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`).exec(path)
    if (!m) return undefined
    try {
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))
    } catch {
      return undefined
    }
  }
  const shippedTemplates = [...new Set(['fpt', 'ghes'].flatMap((edition) => [...shippedCatalog(edition as 'fpt' | 'ghes').probes.values()].map((p) => p.template)))]
  const oddTemplates = ['/user', '/user/repos', '/repos/{owner}/{repo}', '/repos/{owner}/{repo}/commits', '/', '', '/a.b/{x}', '/v{n}/x', '/{a}{b}/c', '/{a{b}/c', '/x/{}/y', '/x/{a}.json', '/{a}/{a}', '/x//{y}', '/(x)|y/{z}']

  it('accepts exactly what the pattern /…([^/]+)…/ accepts, on every shipped template and odd ones', () => {
    expect(shippedTemplates.length).toBeGreaterThan(50)
    const segment = fc.oneof(fc.constantFrom('', 'acme', 'infra', '.', '..', '%2F', '%E0%A4%A', 'x?y', 'a.b', 'aXb', '{x}', 'hooks', 'json'), fc.string({ maxLength: 6 }))
    const path = fc.array(segment, { maxLength: 9 }).map((parts) => parts.join('/'))
    // A path made from the template itself, each parameter replaced: mostly fitting, sometimes not.
    const fitted = (template: string) => fc.array(segment, { minLength: 12, maxLength: 12 }).map((values) => {
      let i = 0
      return template.replace(/\{[^}]+\}/g, () => values[i++] ?? '')
    })
    for (const template of [...shippedTemplates, ...oddTemplates]) {
      fc.assert(
        fc.property(fc.oneof(path, path.map((p) => `/${p}`), fitted(template)), (candidate) => {
          expect(matchTemplate(template, candidate)).toEqual(byPattern(template, candidate))
        }),
        { numRuns: 60 }
      )
    }
  })
})

describe('checkHarmless', () => {
  describe('lets through', () => {
    it.each([
      ['a GET as planned', GET, req('GET', '/repos/acme/infra/branches', { query: { per_page: '1' } })],
      ['a DELETE on a random name', DELETE_BY_NAME, req('DELETE', `/repos/acme/infra/actions/secrets/${NAME}`)],
      ['a DELETE on a random id', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${ID}`)],
      ['a DELETE with an empty body', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${ID}`, { body: {} })],
      ['a PATCH with an empty body', PATCH, req('PATCH', `/repos/acme/infra/dependabot/alerts/${ID}`, { body: {} })],
      ['a POST under a random parent, lacking a required field', POST_INCOMPLETE, req('POST', POST_PATH, { body: {} })],
      ['a random username on a write', DELETE_USERNAME, req('DELETE', `/orgs/acme/members/${NAME}/codespaces/${NAME}`)]
    ])('%s', (_label, probe, request) => {
      expect(checkHarmless(probe, request)).toBeUndefined()
    })
  })

  describe('refuses', () => {
    it.each([
      ['another method', DELETE_BY_ID, req('PUT', `/repos/acme/infra/hooks/${ID}`, { body: {} }), /method/],
      ['a GET turned into a DELETE', GET, req('DELETE', '/repos/acme/infra/branches', { query: { per_page: '1' } }), /method/],
      ['a path outside the template', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/keys/${ID}`), /does not fit/],
      ['a deeper path', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${ID}/pings`), /does not fit/],
      ['a real name instead of the random one', DELETE_BY_NAME, req('DELETE', '/repos/acme/infra/actions/secrets/NPM_TOKEN'), /random/],
      ['a real id instead of the random one', DELETE_BY_ID, req('DELETE', '/repos/acme/infra/hooks/12345'), /random/],
      ['a random-looking number for a name', DELETE_BY_NAME, req('DELETE', `/repos/acme/infra/actions/secrets/${ID}`), /random/],
      ['a random-looking name for an id', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${NAME}`), /random/],
      ['a real username on a write', DELETE_USERNAME, req('DELETE', `/orgs/acme/members/octocat/codespaces/${NAME}`), /username/],
      ['a PUT on a random string leaf', PUT_NAME_LEAF, req('PUT', `/repos/acme/infra/actions/secrets/${NAME}`, { body: {} }), /two barriers/],
      ['a PUT with a real parent and a random id leaf', PUT_ID_LEAF, req('PUT', `/orgs/acme/actions/secrets/NPM_TOKEN/repositories/${ID}`, { body: {} }), /secret_name/],
      ['a write with a non-empty body', PATCH, req('PATCH', `/repos/acme/infra/dependabot/alerts/${ID}`, { body: { state: 'dismissed' } }), /body/],
      ['a DELETE with a body', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${ID}`, { body: { x: 1 } }), /body/],
      ['a POST under a random parent with a body GitHub may accept (one barrier)', POST_PARENT, req('POST', `/repos/acme/infra/pulls/${ID}/codespaces`, { body: {} }), /two barriers/],
      ['a PUT on a random id leaf (one barrier)', PUT_ID_LEAF, req('PUT', `/orgs/acme/actions/secrets/${NAME}/repositories/${ID}`, { body: {} }), /two barriers/],
      ['a POST carrying the missing field', POST_INCOMPLETE, req('POST', POST_PATH, { body: { actor_type: 'User' } }), /actor_type/],
      ['a POST with no body at all', POST_INCOMPLETE, req('POST', POST_PATH), /body/],
      ['a POST with another body than the probe', POST_INCOMPLETE, req('POST', POST_PATH, { body: { role: 'x' } }), /body/],
      ['a POST with a real parent', POST_INCOMPLETE, req('POST', '/orgs/acme/copilot-spaces/12/collaborators', { body: {} }), /space_number/],
      [
        'a POST whose two-barrier parameter is the leaf',
        spec({ ...POST_INCOMPLETE, template: '/orgs/{org}/copilot-spaces/{space_number}' }),
        req('POST', `/orgs/acme/copilot-spaces/${ID}`, { body: {} }),
        /create/
      ],
      [
        'a write on a parameter that accepts a commit SHA',
        spec({ method: 'DELETE', template: '/repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}', safety: { kind: 'random-target', param: 'pages_deployment_id' }, randomParams: ['pages_deployment_id'] }),
        req('DELETE', `/repos/acme/infra/pages/deployments/${ID}`),
        /commit SHA/
      ],
      ['a GET with a body', GET, req('GET', '/repos/acme/infra/branches', { query: { per_page: '1' }, body: {} }), /body/],
      ['a GET with another query', GET, req('GET', '/repos/acme/infra/branches', { query: { per_page: '100' } }), /query/],
      ['a write with a query', DELETE_BY_ID, req('DELETE', `/repos/acme/infra/hooks/${ID}`, { query: { state: 'closed' } }), /query/],
      ['an Octokit option in the query', GET, req('GET', '/repos/acme/infra/branches', { query: { per_page: '1', method: 'DELETE' } }), /option/],
      ['a question mark that cuts the path', DELETE_BY_ID, req('DELETE', `/repos/acme/infra?/hooks/${ID}`), /characters/],
      ['a hash that cuts the path', DELETE_BY_ID, req('DELETE', `/repos/acme/infra#/hooks/${ID}`), /characters/],
      ['a backslash', DELETE_BY_ID, req('DELETE', `/repos/acme/in\\fra/hooks/${ID}`), /characters/],
      ['a template expression', DELETE_BY_ID, req('DELETE', `/repos/acme/{repo}/hooks/${ID}`), /characters/],
      // Octokit turns `:name` in a URL into the template expression `{name}`.
      ['a colon Octokit reads as a URL variable', DELETE_BY_ID, req('DELETE', `/repos/acme/:url/hooks/${ID}`), /characters/],
      ['a dot-dot segment', DELETE_BY_ID, req('DELETE', `/repos/acme/../hooks/${ID}`), /another path/],
      ['an encoded dot-dot segment', DELETE_BY_ID, req('DELETE', `/repos/acme/%2e%2e/hooks/${ID}`), /another path/],
      ['an encoded slash', DELETE_BY_ID, req('DELETE', `/repos/acme/a%2Fb/hooks/${ID}`), /another path/],
      ['a read-only argument on a write', spec({ ...GET, method: 'DELETE' }), req('DELETE', '/repos/acme/infra/branches', { query: { per_page: '1' } }), /read-only/],
      [
        'a PUT with no random parent',
        spec({ method: 'PUT', template: '/user/emails', safety: { kind: 'two-barriers', param: 'x', missingField: 'emails' } }),
        req('PUT', '/user/emails', { body: {} }),
        /x is not a fresh random value/
      ],
      [
        'a random-target parameter missing from the template',
        spec({ ...DELETE_BY_ID, safety: { kind: 'random-target', param: 'key_id' } }),
        req('DELETE', `/repos/acme/infra/hooks/${ID}`),
        /key_id/
      ]
    ])('%s', (_label, probe, request, why) => {
      expect(checkHarmless(probe, request)).toMatch(why)
    })
  })

  it('refuses any value other than a random one for the safety parameter', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !isRandomValue(s, 'secret_name')),
        (value) => {
          const request = req('DELETE', `/repos/acme/infra/actions/secrets/${encodeURIComponent(value)}`)
          expect(checkHarmless(DELETE_BY_NAME, request)).toBeDefined()
        }
      )
    )
  })

  it('refuses any non-empty body on a random-target write', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (body) => {
        const request = req('PATCH', `/repos/acme/infra/dependabot/alerts/${ID}`, { body })
        expect(checkHarmless(PATCH, request)).toBeDefined()
      })
    )
  })
})
