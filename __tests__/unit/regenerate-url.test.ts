import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { MAX_DESCRIPTION, MAX_NAME, regenerateUrl, serverUrlFor } from '../../src/report/regenerate-url.js'
import { replacementUrlFor } from '../../src/report/assemble.js'
import { REPLACEMENT_LINK_TEXT, linkTo, replacementLink } from '../../src/report/fix-links.js'
import type { Settings } from '../../src/inputs/settings.js'
import { settingsFor } from '../helpers/settings.js'

describe('regenerateUrl', () => {
  it('pre-fills exactly the required permissions, the organization and the lifetime', () => {
    const url = new URL(
      regenerateUrl({
        serverUrl: 'https://github.com',
        required: [
          { name: 'pull_requests', level: 'write' },
          { name: 'contents', level: 'write' },
          { name: 'metadata', level: 'read' }
        ],
        resourceOwner: 'acme',
        repository: 'acme/infra',
        lifetimeDays: 90
      })
    )
    expect(url.origin + url.pathname).toBe('https://github.com/settings/personal-access-tokens/new')
    expect(url.searchParams.get('target_name')).toBe('acme')
    expect(url.searchParams.get('expires_in')).toBe('90')
    expect(url.searchParams.get('contents')).toBe('write')
    expect(url.searchParams.get('pull_requests')).toBe('write')
    expect(url.searchParams.get('metadata')).toBe('read')
    expect([...url.searchParams.keys()].sort()).toEqual(['contents', 'description', 'expires_in', 'metadata', 'name', 'pull_requests', 'target_name'])
  })

  it("keeps within GitHub's limits: name 40, description 1024, expires_in 1 to 366", () => {
    const required = Array.from({ length: 60 }, (_, i) => ({ name: `permission_with_a_long_name_${i}`, level: 'read' as const }))
    const url = new URL(regenerateUrl({ serverUrl: 'https://github.com', required, resourceOwner: 'an-organization-with-a-long-login', repository: 'an-organization-with-a-long-login/and-a-long-repository-name', lifetimeDays: 1000 }))
    expect(url.searchParams.get('name')!.length).toBeLessThanOrEqual(MAX_NAME)
    expect(url.searchParams.get('description')!.length).toBeLessThanOrEqual(MAX_DESCRIPTION)
    expect(url.searchParams.get('expires_in')).toBe('366')
    expect(new URL(regenerateUrl({ serverUrl: 'https://github.com', required: [], lifetimeDays: 0 })).searchParams.get('expires_in')).toBe('366')
  })

  it('encodes every text as URLSearchParams does (lone surrogates, reserved characters, spaces)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (owner) => {
        const got = regenerateUrl({ serverUrl: 'https://github.com', required: [{ name: 'contents', level: 'read' }], lifetimeDays: 30, resourceOwner: owner, repository: `${owner}/x` })
        const expected = new URL('https://github.com/settings/personal-access-tokens/new')
        for (const [key, value] of new URL(got).searchParams) expected.searchParams.set(key, value)
        expect(got).toBe(expected.toString())
        const reference = new URLSearchParams()
        reference.set('target_name', owner)
        expect(new URL(got).searchParams.get('target_name')).toBe(reference.get('target_name'))
      })
    )
  })

  it('writes the query as url.searchParams.set does, one parameter at a time (the form GitHub reads)', () => {
    const name = fc.stringMatching(/^[a-z_]{1,30}$/)
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ name, level: fc.constantFrom('read' as const, 'write' as const, 'admin' as const) }), { selector: (p) => p.name, maxLength: 60 }), fc.option(fc.string({ maxLength: 50 })), fc.integer({ min: -5, max: 500 }), (required, owner, lifetimeDays) => {
        const options = { serverUrl: 'https://github.com', required, lifetimeDays, ...(owner !== null ? { resourceOwner: owner, repository: `${owner}/r é&?=+` } : {}) }
        const got = new URL(regenerateUrl(options))
        // The former construction: set each parameter on the URL itself.
        const expected = new URL(got.origin + got.pathname)
        for (const [key, value] of got.searchParams) expected.searchParams.set(key, value)
        expect(got.toString()).toBe(expected.toString())
        for (const p of required) expect(got.searchParams.get(p.name)).toBe(['name', 'description', 'target_name', 'expires_in'].includes(p.name) ? got.searchParams.get(p.name) : p.level)
      })
    )
  })

  it('uses the server host for GitHub Enterprise Server', () => {
    expect(regenerateUrl({ serverUrl: 'https://ghe.example.com/', required: [], lifetimeDays: 30 })).toMatch(/^https:\/\/ghe\.example\.com\/settings\/personal-access-tokens\/new\?/)
  })
})

describe('serverUrlFor', () => {
  it.each([
    ['https://api.github.com', 'https://github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com'],
    ['https://api.octo.ghe.com', 'https://octo.ghe.com'],
    ['not a url', 'https://github.com']
  ])('%s → %s', (api, server) => expect(serverUrlFor(api)).toBe(server))
})

describe('replacementUrlFor', () => {
  const policy = (maxDays: number) => ({ code: 'lifetime-policy' as const, family: 'fine-grained' as const, maxDays })
  const fresh = (settings: Settings, serverUrl: string, maxDays?: number) =>
    regenerateUrl({
      serverUrl,
      required: settings.required,
      resourceOwner: settings.organization ?? settings.repository?.owner,
      ...(settings.repository ? { repository: `${settings.repository.owner}/${settings.repository.repo}` } : {}),
      lifetimeDays: Math.min(settings.maxLifetimeDays, maxDays ?? 366)
    })

  it('gives back the URL it made last only for the same settings, server and lifetime', () => {
    const one = settingsFor([{ name: 'contents', level: 'write' }])
    const other = settingsFor([{ name: 'issues', level: 'read' }], { organization: 'octo' })
    const calls: Array<[Settings, string, number | undefined]> = [
      [one, 'https://github.com', undefined],
      [one, 'https://github.com', undefined],
      [one, 'https://github.com', 30],
      [one, 'https://github.com', undefined],
      [one, 'https://ghe.example.com', undefined],
      [other, 'https://ghe.example.com', undefined],
      [{ ...other }, 'https://ghe.example.com', 7],
      [one, 'https://github.com', 400]
    ]
    for (const [settings, serverUrl, maxDays] of calls) {
      expect(replacementUrlFor(settings, serverUrl, maxDays === undefined ? {} : { policy: policy(maxDays) })).toBe(fresh(settings, serverUrl, maxDays))
    }
    const first = replacementUrlFor(one, 'https://github.com', {})
    expect(replacementUrlFor(one, 'https://github.com', {})).toBe(first)
  })
})

describe('replacementLink', () => {
  it('links the URL it is given, the last one kept and given back for the same URL only', () => {
    const urls = ['https://github.com/settings/personal-access-tokens/new?contents=write', 'https://github.com/settings/personal-access-tokens/new?issues=read', 'javascript:alert(1)', 'not a url', 'https://ghe.example.com/settings/personal-access-tokens/new?contents=write']
    for (const url of [...urls, ...urls.slice().reverse(), urls[0], urls[0]]) {
      expect(replacementLink(url)).toEqual(linkTo(REPLACEMENT_LINK_TEXT, url))
    }
    expect(replacementLink(urls[0])).toEqual({ text: REPLACEMENT_LINK_TEXT, url: urls[0] })
    expect(replacementLink('javascript:alert(1)')).toBeUndefined()
  })
})
