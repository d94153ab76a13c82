/** The inventory's rules, one situation at a time: pure functions of (entry, policy, now). */
import { describe, expect, it } from '@jest/globals'
import type { Policy, RecordEntry } from '../../src/inventory/judge.js'
import { actionFor, broadReasons, byUrgency, DAY_MS, entryKey, judgeEntry, readEntry } from '../../src/inventory/judge.js'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString()

const POLICY: Policy = {
  now: NOW,
  expiryWarnDays: 30,
  expiryFailDays: 7,
  maxLifetimeDays: 366,
  unusedDays: 90,
  pendingDays: 7,
  broadPermissions: [
    { name: 'administration', level: 'write' },
    { name: 'organization_administration', level: 'write' },
    { name: 'members', level: 'write' }
  ]
}

/** GitHub's shape (organization-programmatic-access-grant), a compliant token unless overridden. */
function rawGrant(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 25381,
    owner: { login: 'octocat', id: 1, type: 'User' },
    repository_selection: 'subset',
    repositories_url: 'https://api.github.com/organizations/652551/personal-access-tokens/25381/repositories',
    permissions: { organization: { members: 'read' }, repository: { metadata: 'read', contents: 'read' }, other: {} },
    access_granted_at: at(-30),
    token_id: 98716,
    token_name: 'Some Token',
    token_expired: false,
    token_expires_at: at(60),
    token_last_used_at: at(-1),
    ...fields
  }
}

function rawRequest(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const rest = rawGrant()
  delete rest.access_granted_at
  return { ...rest, id: 31, reason: 'Access to the infra repository', created_at: at(-2), ...fields }
}

function grant(fields: Record<string, unknown> = {}): RecordEntry {
  const entry = readEntry('grant', rawGrant(fields))
  if (typeof entry === 'string') throw new Error(entry)
  return entry
}

function request(fields: Record<string, unknown> = {}): RecordEntry {
  const entry = readEntry('request', rawRequest(fields))
  if (typeof entry === 'string') throw new Error(entry)
  return entry
}

const codes = (entry: RecordEntry, policy: Policy = POLICY) => judgeEntry(entry, policy).problems.map((p) => `${p.code}:${p.severity}`)

describe('readEntry', () => {
  it('flattens the permission groups and reads every field', () => {
    expect(grant()).toEqual({
      kind: 'grant',
      id: 25381,
      owner: 'octocat',
      tokenId: 98716,
      tokenName: 'Some Token',
      repositorySelection: 'subset',
      permissions: { members: 'read', metadata: 'read', contents: 'read' },
      since: at(-30),
      expired: false,
      expiresAt: at(60),
      lastUsedAt: at(-1)
    })
    expect(request()).toMatchObject({ kind: 'request', id: 31, since: at(-2), reason: 'Access to the infra repository' })
  })

  it.each([
    ['not an object', 'x', /not an object/],
    ['no id', { ...rawGrant(), id: '1' }, /no numeric id/],
    ['no owner', { ...rawGrant(), owner: null }, /no owner login/],
    ['no access_granted_at', { ...rawGrant(), access_granted_at: 'yesterday' }, /access_granted_at/],
    ['a malformed expiry', { ...rawGrant(), token_expires_at: 'soon' }, /token_expires_at/]
  ])('says why an entry cannot be judged: %s', (_what, raw, why) => {
    expect(readEntry('grant', raw)).toMatch(why)
  })

  it('reads a request from created_at, not access_granted_at', () => {
    expect(readEntry('request', { ...rawRequest(), created_at: undefined })).toMatch(/no created_at/)
  })
})

describe('a compliant token', () => {
  it('has no problem and nothing to do', () => {
    const v = judgeEntry(grant(), POLICY)
    expect(v.problems).toEqual([])
    expect(v.action).toBe('none')
    expect(v.daysRemaining).toBe(60)
    expect(v.key).toBe('octocat/Some Token#25381')
  })
})

describe('expiry', () => {
  it('expired: token_expired, or an expiry already past', () => {
    expect(codes(grant({ token_expired: true }))).toContain('expired:error')
    expect(codes(grant({ token_expires_at: at(-0.01) }))).toContain('expired:error')
  })

  it('expiring within expiry-fail-days is an error; within expiry-warn-days a warning; beyond, nothing', () => {
    expect(codes(grant({ token_expires_at: at(7.5) }))).toEqual(['expiring:error'])
    expect(codes(grant({ token_expires_at: at(8.5) }))).toEqual(['expiring:warning'])
    expect(codes(grant({ token_expires_at: at(30.5) }))).toEqual(['expiring:warning'])
    expect(codes(grant({ token_expires_at: at(31.5) }))).toEqual([])
  })

  it('an expired token is not also called unused', () => {
    expect(codes(grant({ token_expired: true, token_expires_at: at(-1), token_last_used_at: at(-200), access_granted_at: at(-300) }))).toEqual(['expired:error'])
  })
})

describe('lifetime (max-lifetime-days, counted from access_granted_at)', () => {
  it('a token that never expires is non-compliant', () => {
    expect(codes(grant({ token_expires_at: null }))).toEqual(['non-compliant:error'])
  })

  it('an expiry further than max-lifetime-days from the grant is non-compliant; exactly that far is not', () => {
    expect(codes(grant({ access_granted_at: at(-10), token_expires_at: at(357) }))).toEqual(['non-compliant:error'])
    expect(codes(grant({ access_granted_at: at(-10), token_expires_at: at(356) }))).toEqual([])
    expect(codes(grant({ access_granted_at: at(-1), token_expires_at: at(91) }), { ...POLICY, maxLifetimeDays: 90 })).toEqual(['non-compliant:error'])
  })

  it('max-lifetime-days 0 turns the check off', () => {
    expect(codes(grant({ token_expires_at: null }), { ...POLICY, maxLifetimeDays: 0 })).toEqual([])
  })
})

describe('unused (unused-days)', () => {
  it('last used unused-days ago or longer', () => {
    expect(codes(grant({ access_granted_at: at(-200), token_last_used_at: at(-90) }))).toEqual(['unused:warning'])
    expect(codes(grant({ access_granted_at: at(-200), token_last_used_at: at(-89.9) }))).toEqual([])
  })

  it('never used counts from access_granted_at', () => {
    expect(codes(grant({ access_granted_at: at(-91), token_last_used_at: null }))).toEqual(['unused:warning'])
    expect(codes(grant({ access_granted_at: at(-30), token_last_used_at: null }))).toEqual([])
    expect(judgeEntry(grant({ access_granted_at: at(-91), token_last_used_at: null }), POLICY).problems[0].text).toBe('never used in 91 days')
  })

  it('unused-days 0 turns the check off', () => {
    expect(codes(grant({ access_granted_at: at(-300), token_expires_at: at(60), token_last_used_at: null }), { ...POLICY, unusedDays: 0 })).toEqual([])
  })

  it('an unused token is revoked, not rotated', () => {
    expect(judgeEntry(grant({ access_granted_at: at(-200), token_last_used_at: at(-120) }), POLICY).action).toBe('revoke')
  })
})

describe('broad', () => {
  it('all repositories with any write or admin permission', () => {
    const all = grant({ repository_selection: 'all', permissions: { repository: { contents: 'write', metadata: 'read' } } })
    expect(broadReasons(all, POLICY.broadPermissions)).toEqual(['all repositories with write access (contents: write)'])
    expect(codes(all)).toEqual(['broad:warning'])
    expect(codes(grant({ repository_selection: 'all', permissions: { repository: { contents: 'read' } } }))).toEqual([])
    expect(codes(grant({ repository_selection: 'subset', permissions: { repository: { contents: 'write' } } }))).toEqual([])
  })

  it('administration, organization_administration or members at write (admin included), whatever the repositories', () => {
    for (const [group, name] of [
      ['repository', 'administration'],
      ['organization', 'organization_administration'],
      ['organization', 'members']
    ]) {
      expect(codes(grant({ permissions: { [group]: { [name]: 'write' } } }))).toEqual(['broad:warning'])
      expect(codes(grant({ permissions: { [group]: { [name]: 'read' } } }))).toEqual([])
    }
    expect(codes(grant({ permissions: { organization: { organization_administration: 'admin' } } }))).toEqual(['broad:warning'])
  })

  it('broad-permissions changes the list', () => {
    const secrets = grant({ permissions: { organization: { organization_secrets: 'read' } } })
    expect(codes(secrets, { ...POLICY, broadPermissions: [{ name: 'organization_secrets', level: 'read' }] })).toEqual(['broad:warning'])
    expect(codes(grant({ permissions: { organization: { members: 'write' } } }), { ...POLICY, broadPermissions: [] })).toEqual([])
  })
})

describe('pending requests (pending-days)', () => {
  it('a request waiting longer than pending-days is to be approved or denied', () => {
    const old = judgeEntry(request({ created_at: at(-7.01) }), POLICY)
    expect(old.problems.map((p) => p.code)).toEqual(['pending'])
    expect(old.action).toBe('review-request')
    expect(old.problems[0].text).toBe('pending for 7 days')
    expect(codes(request({ created_at: at(-6.99) }))).toEqual([])
    expect(codes(request({ created_at: at(-1) }), { ...POLICY, pendingDays: 0 })).toEqual(['pending:warning'])
  })

  it('a request is judged on its wait only (its token is judged once granted)', () => {
    expect(codes(request({ token_expires_at: null, repository_selection: 'all', permissions: { repository: { contents: 'write' } }, created_at: at(-1) }))).toEqual([])
  })
})

describe('keys, actions and order', () => {
  it('OWNER/TOKEN_NAME#ID, with commas, % and control characters of the name encoded', () => {
    expect(entryKey({ owner: 'octocat', tokenName: 'deploy, prod 100%\n', id: 7 })).toBe('octocat/deploy%2C prod 100%25%0A#7')
  })

  it('rotates what expires or breaks the policy', () => {
    expect(actionFor(grant(), [{ code: 'expiring', severity: 'error', text: '' }])).toBe('rotate')
    expect(actionFor(grant(), [{ code: 'broad', severity: 'warning', text: '' }])).toBe('rotate')
    expect(actionFor(grant(), [])).toBe('none')
    expect(actionFor(request(), [])).toBe('none')
  })

  it('sorts by urgency: expired, expiring (fail), non-compliant, expiring (warn), pending, broad, unused, compliant', () => {
    const list = [
      grant({ id: 1, token_name: 'compliant' }),
      grant({ id: 2, token_name: 'unused', access_granted_at: at(-200), token_last_used_at: null }),
      grant({ id: 3, token_name: 'broad', permissions: { organization: { members: 'write' } } }),
      request({ id: 4, token_name: 'pending', created_at: at(-30) }),
      grant({ id: 5, token_name: 'warn', token_expires_at: at(20) }),
      grant({ id: 6, token_name: 'never', token_expires_at: null }),
      grant({ id: 7, token_name: 'fail', token_expires_at: at(2) }),
      grant({ id: 8, token_name: 'expired', token_expired: true, token_expires_at: at(-1) })
    ]
    const sorted = list.map((e) => judgeEntry(e, POLICY)).sort(byUrgency).map((v) => v.entry.tokenName)
    expect(sorted).toEqual(['expired', 'fail', 'never', 'warn', 'pending', 'broad', 'unused', 'compliant'])
  })

  it('within one urgency, the soonest expiry first', () => {
    const a = judgeEntry(grant({ id: 1, token_expires_at: at(20) }), POLICY)
    const b = judgeEntry(grant({ id: 2, token_expires_at: at(10) }), POLICY)
    expect([a, b].sort(byUrgency).map((v) => v.entry.id)).toEqual([2, 1])
  })
})
