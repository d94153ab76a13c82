/**
 * Each GitHub fact is written once (src/facts/), or, where the simulator keeps its own copy on purpose, held here to
 * the same cited source as the product's, so the two cannot drift apart.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { SCOPE_INCLUSIONS, SCOPES_SOURCE } from '../../src/facts/scopes.js'
import { DO_NOT_RETRY, MAX_IN_FLIGHT } from '../../src/facts/limits.js'
import { decideFromScopes, expandScopes } from '../../src/verdicts/classic-scopes.js'
import { PUBLIC_FALLBACKS, SCOPE_IMPLIES as SIMULATOR_SCOPE_IMPLIES } from '../../tools/simulator/server.js'
import { PUBLIC_FALLBACK_OPERATIONS } from '../../src/catalog/overrides.js'

/** The simulator's own expansion of a scope list, from its independent table. */
function simulatorExpand(scopes: readonly string[]): Set<string> {
  const held = new Set<string>()
  const visit = (s: string) => {
    if (held.has(s)) return
    held.add(s)
    for (const implied of SIMULATOR_SCOPE_IMPLIES[s] ?? []) visit(implied)
  }
  scopes.forEach(visit)
  return held
}

describe('the classic scope hierarchy (GitHub: Scopes for OAuth apps)', () => {
  it('cites GitHub\'s page and quotes it for every inclusion', () => {
    expect(SCOPES_SOURCE).toMatch(/^https:\/\/docs\.github\.com\/.*scopes-for-oauth-apps$/)
    for (const inclusion of SCOPE_INCLUSIONS) {
      expect(inclusion.quote.length).toBeGreaterThan(20)
      expect(inclusion.includes.length).toBeGreaterThan(0)
    }
  })

  it.each(SCOPE_INCLUSIONS.flatMap((i) => i.includes.map((included) => [i.scope, included] as const)))(
    '%s includes %s, in the product and in the simulator alike',
    (scope, included) => {
      expect(expandScopes([scope]).has(included)).toBe(true)
      expect(simulatorExpand([scope]).has(included)).toBe(true)
    }
  )

  it("grants a classic `repo` token repository hooks, as GitHub's page says ('including repository hooks')", () => {
    const quote = SCOPE_INCLUSIONS.find((i) => i.scope === 'repo' && i.includes.includes('read:repo_hook'))?.quote
    expect(quote).toContain('The repo and public_repo scopes grant full access to repositories, including repository hooks.')
    expect(decideFromScopes('repository_hooks', 'read', expandScopes(['repo']))).toEqual({ granted: true, by: 'read:repo_hook' })
    expect(decideFromScopes('repository_hooks', 'write', expandScopes(['repo']))).toEqual({ granted: true, by: 'write:repo_hook' })
    // A token with neither repo nor a repo_hook scope still lacks it.
    expect(decideFromScopes('repository_hooks', 'read', expandScopes(['read:org']))).toMatchObject({ granted: false })
  })
})

describe('the endpoints that answer public data without the permission', () => {
  it('are the same in the product (catalog/overrides.ts) and in the simulator, which keeps its own copy', () => {
    expect([...PUBLIC_FALLBACK_OPERATIONS].sort()).toEqual([...PUBLIC_FALLBACKS.keys()].map((t) => `GET ${t}`).sort())
  })
})

describe('limits written once', () => {
  it('the benchmark assumes the same number of requests in flight as the audit', () => {
    const bench = readFileSync(new URL('../../tools/bench.js', import.meta.url), 'utf8')
    expect(bench).toMatch(new RegExp(`^const MAX_IN_FLIGHT = ${MAX_IN_FLIGHT}$`, 'm'))
  })

  it('the audit transport never retries the statuses of src/facts/limits.ts; the tracking issue client never retries at all (issue 12)', () => {
    const transport = readFileSync(new URL('../../src/github/octokit-transport.ts', import.meta.url), 'utf8')
    expect(transport).toContain('doNotRetry: [...DO_NOT_RETRY]')
    expect(transport).not.toMatch(/doNotRetry: \[\d/)
    const issues = readFileSync(new URL('../../src/github/issue-client.ts', import.meta.url), 'utf8')
    expect(issues).not.toMatch(/plugin-retry|plugin-throttling|doNotRetry/)
    expect(DO_NOT_RETRY).toContain(409)
  })
})
