import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { count, thousands } from '../../src/report/when.js'

describe('thousands (numbers as en-US writes them, without ICU)', () => {
  it('matches toLocaleString("en-US") for every safe whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(thousands(n)).toBe(n.toLocaleString('en-US'))
      })
    )
    for (const n of [0, 7, 999, 1000, 1020, 999_999, 1_000_000, -1000]) expect(thousands(n)).toBe(n.toLocaleString('en-US'))
  })

  it('counts with the noun in the singular only for one', () => {
    expect(count(1, 'request')).toBe('1 request')
    expect(count(1020, 'repository', 'repositories')).toBe('1,020 repositories')
  })
})
