import { describe, expect, it } from '@jest/globals'
import { limitByVisibility, PRIVATE_DATA_OPERATIONS, visibilityOf } from '../../src/verdicts/visibility.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import type { Decision } from '../../src/verdicts/classify.js'
import { ev } from '../helpers/evidence.js'

const catalog = buildCatalog('fpt')
const granted: Decision = { status: 'granted', code: 'answered', reason: 'GitHub answered 200 to a request that needs this permission.' }

describe('visibilityOf', () => {
  it('reads visibility, then private, from the repository answer', () => {
    expect(visibilityOf(ev(200, 'OK', {}, { body: { private: false, visibility: 'public' } }))).toBe('public')
    expect(visibilityOf(ev(200, 'OK', {}, { body: { private: true, visibility: 'internal' } }))).toBe('internal')
    expect(visibilityOf(ev(200, 'OK', {}, { body: { private: true } }))).toBe('private')
    expect(visibilityOf(ev(200, 'OK', {}, { body: {} }))).toBe('unknown')
    expect(visibilityOf(ev(404, 'Not Found'))).toBe('unknown')
    expect(visibilityOf(undefined)).toBe('unknown')
  })
})

describe('limitByVisibility', () => {
  const commits = catalog.probes.get('GET /repos/{owner}/{repo}/commits')!
  const secrets = catalog.probes.get('GET /repos/{owner}/{repo}/actions/secrets')!
  it('a read answered on a public repository proves nothing, and says what would', () => {
    const d = limitByVisibility(commits, 'repository', granted, 'public')
    expect(d).toMatchObject({ status: 'inconclusive', code: 'public-data' })
    expect(d.reason).toMatch(/^Public repository: GitHub answers any token here/)
    expect(d.reason).toMatch(/private repository in the token's selection as `repository`, or give `org-admin-token`/)
  })
  it('internal and unknown visibility are treated the same way', () => {
    expect(limitByVisibility(commits, 'repository', granted, 'internal').code).toBe('public-data')
    expect(limitByVisibility(commits, 'repository', granted, 'unknown').code).toBe('visibility-unknown')
  })
  it('private data still proves the permission on a public repository, each with its source', () => {
    expect(limitByVisibility(secrets, 'repository', granted, 'public')).toBe(granted)
    for (const [, basis] of PRIVATE_DATA_OPERATIONS) {
      expect(basis.source).toMatch(/^https:\/\//)
      expect(basis.quote.length).toBeGreaterThan(10)
    }
  })
  it('a private repository and a missing verdict are left alone', () => {
    expect(limitByVisibility(commits, 'repository', granted, 'private')).toBe(granted)
    const missing: Decision = { status: 'missing', code: 'not-accessible', reason: 'x' }
    expect(limitByVisibility(commits, 'repository', missing, 'public')).toBe(missing)
  })
})
