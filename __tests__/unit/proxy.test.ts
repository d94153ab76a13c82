/**
 * proxy.ts decides twice from the same environment: fetchFor sends through a proxy when @actions/http-client's
 * getProxyUrl gives one, and proxyInUse names that proxy in messages by the same rules written out again (it needs the
 * variable's name, which getProxyUrl does not give). Both must agree for every environment, or a message would name a
 * proxy the requests never went through, or none when they did.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { fetchFor, proxyInUse } from '../../src/github/proxy.js'
import { nodeFetch } from '../../src/github/node-fetch.js'

const VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'] as const
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))

afterEach(() => {
  for (const name of VARIABLES) {
    const value = saved[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

/** getProxyUrl reads process.env only: the environment under test is put there. */
function withEnvironment<T>(env: Partial<Record<(typeof VARIABLES)[number], string>>, run: () => T): T {
  for (const name of VARIABLES) {
    const value = env[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  return run()
}

/** What @actions/http-client sends through: getProxyUrl's answer when it has a host (a value it cannot read throws). */
function theirProxy(apiUrl: string): URL | undefined {
  try {
    const url = getProxyUrl(new URL(apiUrl))
    return url?.hostname ? url : undefined
  } catch {
    return undefined
  }
}

const proxyValue = fc.constantFrom(undefined, '', 'http://proxy.corp:3128', 'proxy.corp:8080', '10.0.0.1:3128', 'http://user:pw@p2.corp', 'https://secure.proxy', 'foo:bar', 'not a url', 'http://')
const noProxyItem = fc.constantFrom('*', 'example.com', '.example.com', 'ghes.corp', 'ghes.corp:443', 'GHES.CORP:8443', ' api.github.com ', 'github.com', 'corp', 'localhost', '')
const noProxyValue = fc.option(fc.array(noProxyItem, { maxLength: 4 }).map((items) => items.join(',')), { nil: undefined })
const environment = fc.record(
  { https_proxy: proxyValue, HTTPS_PROXY: proxyValue, http_proxy: proxyValue, HTTP_PROXY: proxyValue, no_proxy: noProxyValue, NO_PROXY: noProxyValue },
  { requiredKeys: [] }
)
const apiUrl = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('api.github.com', 'ghes.corp', 'api.ghes.corp', 'GHES.corp', 'sub.example.com', 'example.com', 'localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'notexample.com'),
    fc.constantFrom('', ':443', ':80', ':8443'),
    fc.constantFrom('', '/api/v3')
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port}${path}`)

describe('proxyInUse and fetchFor: one decision about the proxy', () => {
  it('names a proxy exactly when the requests go through one, and the same host and port', () => {
    fc.assert(
      fc.property(environment, apiUrl, (env, url) =>
        withEnvironment(env, () => {
          const named = proxyInUse({ ...env }, url)
          const used = theirProxy(url)
          expect(named === undefined).toBe(used === undefined)
          // The transport itself: Node's own HTTP exactly when no proxy applies.
          expect(fetchFor(url) === nodeFetch).toBe(used === undefined)
          if (named && used) {
            expect(named.hostname).toBe(used.hostname)
            expect(named.host).toBe(`${used.hostname}:${used.port || (used.protocol === 'https:' ? '443' : '80')}`)
            expect(named.variable).toBe((url.startsWith('https:') ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']).find((name) => env[name as keyof typeof env]))
          }
        })
      ),
      { numRuns: 2000 }
    )
  })

  it('agrees on the cases the property draws rarely: lower case first, a wildcard, a port in NO_PROXY, loopback', () => {
    const cases: Array<[Partial<Record<(typeof VARIABLES)[number], string>>, string, string | undefined]> = [
      [{ https_proxy: 'http://lower.corp:1', HTTPS_PROXY: 'http://upper.corp:2' }, 'https://api.github.com', 'lower.corp:1'],
      [{ HTTPS_PROXY: 'http://upper.corp:2', NO_PROXY: '*' }, 'https://api.github.com', undefined],
      [{ HTTPS_PROXY: 'http://upper.corp:2', NO_PROXY: 'ghes.corp:8443' }, 'https://ghes.corp:8443/api/v3', undefined],
      [{ HTTPS_PROXY: 'http://upper.corp:2', NO_PROXY: 'ghes.corp:8443' }, 'https://ghes.corp/api/v3', 'upper.corp:2'],
      [{ HTTP_PROXY: 'http://proxy.corp:8080' }, 'http://127.0.0.1:3000', undefined],
      // Without a scheme: an address is read as http://…; a name with a port is a URL of its own scheme ("proxy.corp:")
      // and no host, so neither goes through it (the WHATWG URL parser, which getProxyUrl uses first).
      [{ HTTP_PROXY: '10.0.0.1:3128' }, 'http://ghes.corp', '10.0.0.1:3128'],
      [{ HTTP_PROXY: 'proxy.corp:8080' }, 'http://ghes.corp', undefined]
    ]
    for (const [env, url, host] of cases) {
      withEnvironment(env, () => {
        expect(proxyInUse({ ...env }, url)?.host).toBe(host)
        expect(theirProxy(url) === undefined).toBe(host === undefined)
      })
    }
  })
})
