import { describe, expect, it } from '@jest/globals'
import { decideFromScopes, expandScopes, IMPLIES } from '../../src/verdicts/classic-scopes.js'
import { SCOPE_SOURCES } from '../../src/verdicts/scope-sources.js'

describe('the classic scope hierarchy', () => {
  it('cites a source for every implication', () => {
    for (const parent of Object.keys(IMPLIES)) {
      expect([parent, SCOPE_SOURCES[parent]?.source]).toEqual([parent, expect.stringMatching(/^https:\/\//)])
    }
  })
  it('repo includes repository hooks (GitHub\'s scopes page), so repository_hooks is not called missing', () => {
    expect(expandScopes(['repo']).has('write:repo_hook')).toBe(true)
    expect(decideFromScopes('repository_hooks', 'write', expandScopes(['repo']))).toEqual({ granted: true, by: 'write:repo_hook' })
  })
})
