import { describe, expect, it } from '@jest/globals'
import { readRefusal } from '../../src/verdicts/joint-sets.js'
import { parseAcceptedPermissions } from '../../src/verdicts/headers.js'
import { classifyEvidence } from '../../src/verdicts/classify.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import type { PlannedProbe } from '../../src/audit/plan.js'
import { ev } from '../helpers/evidence.js'

// A real header on creating or updating a file (issue 11): alternatives by `;`, joint permissions by `,`.
const REAL = parseAcceptedPermissions('contents=write; contents=write,workflows=write')

describe('readRefusal', () => {
  it('parses the real header into two sets, the second joint', () => {
    expect(REAL).toEqual([[{ name: 'contents', level: 'write' }], [{ name: 'contents', level: 'write' }, { name: 'workflows', level: 'write' }]])
  })
  it('a permission that forms a set on its own is proven missing by a 403', () => {
    expect(readRefusal('contents', 'write', REAL)).toEqual({ proves: 'missing' })
  })
  it('a permission only in a joint set is not: its partner may be what failed', () => {
    expect(readRefusal('workflows', 'write', REAL)).toMatchObject({ proves: 'nothing', why: 'joint', partners: [[{ name: 'contents', level: 'write' }]] })
  })
  it('unless every partner is proven held', () => {
    expect(readRefusal('workflows', 'write', REAL, (n, l) => n === 'contents' && l === 'write')).toEqual({ proves: 'missing' })
  })
  it('a permission the header does not list proves nothing', () => {
    expect(readRefusal('issues', 'write', REAL)).toEqual({ proves: 'nothing', why: 'not-listed' })
  })
  it('a refusal of a higher level says nothing about a lower one', () => {
    expect(readRefusal('contents', 'read', REAL)).toEqual({ proves: 'nothing', why: 'not-listed' })
    expect(readRefusal('contents', 'admin', REAL)).toEqual({ proves: 'missing' })
  })
  it('no header: the probe is the permission\'s own, so the 403 is about it', () => {
    expect(readRefusal('issues', 'write', [])).toEqual({ proves: 'missing' })
  })
})

describe('classifyEvidence with joint sets', () => {
  const catalog = buildCatalog('fpt')
  const probe = catalog.probes.get('GET /repos/{owner}/{repo}/issues')!
  const planned: PlannedProbe = { probe, request: { method: 'GET', path: '/repos/acme/infra/issues', query: {} }, context: 'repository' }
  const refused = ev(403, 'Resource not accessible by personal access token', { 'x-accepted-github-permissions': 'contents=write; contents=write,workflows=write' })
  it('is inconclusive for the joint member, missing for the one alone', () => {
    expect(classifyEvidence('workflows', planned, refused, { repository: true }, { level: 'write' })).toMatchObject({ status: 'inconclusive', code: 'joint-set' })
    expect(classifyEvidence('contents', planned, refused, { repository: true }, { level: 'write' })).toMatchObject({ status: 'missing', code: 'not-accessible' })
    expect(classifyEvidence('workflows', planned, refused, { repository: true }, { level: 'write', held: () => true })).toMatchObject({ status: 'missing' })
  })
})
