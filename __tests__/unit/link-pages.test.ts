import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseLinkPages, queryValue } from '../../src/audit/link-pages.js'

describe('parseLinkPages', () => {
  it("reads GitHub's Link header (the example of GitHub's OpenAPI description)", () => {
    expect(parseLinkPages('<https://api.github.com/resource?page=2>; rel="next", <https://api.github.com/resource?page=5>; rel="last"')).toEqual({ next: 2, last: 5 })
    expect(
      parseLinkPages('<https://api.github.com/user/repos?per_page=100&page=2>; rel="next", <https://api.github.com/user/repos?per_page=100&page=34>; rel="last"').last
    ).toBe(34)
  })

  it('ignores what it cannot read', () => {
    expect(parseLinkPages(undefined)).toEqual({})
    expect(parseLinkPages('garbage')).toEqual({})
    expect(parseLinkPages('<https://api.github.com/user/repos?page=2>; rel="next"').last).toBeUndefined()
    expect(parseLinkPages('<https://x/?page=abc>; rel="last"')).toEqual({})
    expect(parseLinkPages('<https://x/?page=0>; rel="last"')).toEqual({})
    expect(parseLinkPages('<https://x/?page=99999999>; rel="last"')).toEqual({})
    expect(parseLinkPages('<https://x/?pages=3>; rel="last"')).toEqual({})
    expect(parseLinkPages('<https://x/#?page=3>; rel="last"')).toEqual({})
    expect(parseLinkPages('x'.repeat(20_000))).toEqual({})
  })

  it('reads the page however the query encodes it', () => {
    expect(parseLinkPages('<https://x/?p%61ge=%33&page=4>; rel="last"')).toEqual({ last: 3 })
    expect(parseLinkPages('<https://x/?page=3#page=4>; rel="last"')).toEqual({ last: 3 })
    expect(queryValue('https://x/?page=1?x', 'page')).toBe('1?x')
  })
})

describe('queryValue', () => {
  it('is what URLSearchParams reads, for any query', () => {
    const part = fc
      .array(fc.constantFrom('page', 'per_page', 'a', '+', 'b', '%20', '%61', '=', '&', '#', '?', '1', '3', '%', '%a1', '%e2%82', '%c3%a9', 'é', '%F0%9F%98%80'), { maxLength: 10 })
      .map((t) => t.join(''))
    fc.assert(
      fc.property(part, fc.constantFrom('page', 'per_page', 'a b'), (query, name) => {
        const url = `https://api.github.com/user/repos?${query}`
        expect(queryValue(url, name)).toBe(new URL(url).searchParams.get(name) ?? undefined)
      }),
      { numRuns: 2000 }
    )
  })

  it('decodes as URLSearchParams does where decodeURIComponent throws: a lone %, bytes that are not UTF-8', () => {
    expect(queryValue('https://x/?page=%a1', 'page')).toBe('\ufffd')
    expect(queryValue('https://x/?page=5%', 'page')).toBe('5%')
    expect(queryValue('https://x/?page=%e2%82%ac%e2', 'page')).toBe('€\ufffd')
  })

  it('is undefined without a query', () => {
    expect(queryValue('https://x/', 'page')).toBeUndefined()
    expect(queryValue('https://x/?page', 'page')).toBe('')
  })
})
