/**
 * The real-response corpus (issue 11): every GitHub answer collected from a public source, fed through the project's
 * own parsers and classification, must come out as the verdict its evidence supports.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { classifyEvidence } from '../../src/verdicts/classify.js'
import { parseExpiration } from '../../src/verdicts/headers.js'
import { parsePolicyText, readCondition } from '../../src/verdicts/policy-texts.js'
import { limitByVisibility } from '../../src/verdicts/visibility.js'
import type { RepoVisibility } from '../../src/verdicts/visibility.js'
import type { PlannedProbe } from '../../src/audit/plan.js'
import type { HttpEvidence, HttpMethod, Level, PermissionStatus } from '../../src/types.js'

interface Entry {
  id: string
  condition: string
  request?: { method?: string; path?: string }
  status: number | null
  headers: Record<string, string>
  body: unknown
  source: { url?: string; repo?: string; quote?: string }
  trust: 'recorded' | 'documented' | 'tool-rule'
  expect: {
    condition: string | null
    family?: 'classic' | 'fine-grained'
    secondary?: boolean
    verdict?: PermissionStatus | null
    code?: string
    permission?: { name: string; level: Level }
    joint?: { name: string; level: Level }
    visibility?: RepoVisibility
    reachable?: boolean
    expiry?: boolean
  }
}

const corpus = JSON.parse(readFileSync(new URL('../corpus/github-responses.json', import.meta.url), 'utf8')) as { responses: Entry[] }
const entries = corpus.responses
const POLICY_TEXTS = new Set(['lifetime-policy', 'classic-forbidden', 'fine-grained-forbidden', 'ip-allow-list'])

function evidenceOf(e: Entry): HttpEvidence {
  const method = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(String(e.request?.method).toUpperCase()) ? String(e.request?.method).toUpperCase() : 'GET') as HttpMethod
  const headers = Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
  const message = e.body && typeof e.body === 'object' && typeof (e.body as { message?: unknown }).message === 'string' ? (e.body as { message: string }).message : ''
  return { method, path: e.request?.path ?? '/', status: e.status ?? 0, headers, message, body: e.body, durationMs: 1 }
}

function plannedFor(ev: HttpEvidence): PlannedProbe {
  return {
    probe: { id: `${ev.method} /repos/{owner}/{repo}/corpus`, method: ev.method, template: '/repos/{owner}/{repo}/corpus', query: {}, safety: { kind: 'read-only' }, randomParams: [], accepts: [], publicFallback: false },
    request: { method: ev.method, path: ev.path, query: {} },
    context: 'repository'
  }
}

describe('the corpus itself', () => {
  it('holds at least 60 GitHub responses with status, headers and body, each cited with its trust', () => {
    const responses = entries.filter((e) => e.status !== null)
    expect(responses.length).toBeGreaterThanOrEqual(60)
    for (const e of entries) {
      expect(['recorded', 'documented', 'tool-rule']).toContain(e.trust)
      expect(e.source.url ?? e.source.repo).toMatch(/\S/)
      expect(typeof e.headers).toBe('object')
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
  })
})

describe.each(entries.map((e) => [e.id, e] as const))('%s', (_id, e) => {
  const ev = evidenceOf(e)
  if (e.status === null) {
    it('its text alone is read as the condition it names (no status was recorded)', () => {
      const parsed = parsePolicyText(ev.message)
      if (e.expect.condition && POLICY_TEXTS.has(e.expect.condition)) {
        expect(parsed?.code).toBe(e.expect.condition)
        if (e.expect.family) expect(parsed).toMatchObject({ family: e.expect.family })
      } else {
        expect(parsed).toBeUndefined()
      }
    })
    return
  }
  it(`is read as ${e.expect.condition ?? 'no condition'}${e.expect.verdict ? `, verdict ${e.expect.verdict}` : ''}`, () => {
    const condition = readCondition(ev)
    expect(condition?.code ?? null).toBe(e.expect.condition)
    if (e.expect.family) expect(condition).toMatchObject({ family: e.expect.family })
    if (e.expect.secondary !== undefined) expect(condition).toMatchObject({ secondary: e.expect.secondary })
    if (e.expect.verdict) {
      const permission = e.expect.permission ?? { name: 'contents', level: 'read' as Level }
      const decision = limitByVisibility(
        plannedFor(ev).probe,
        'repository',
        classifyEvidence(permission.name, plannedFor(ev), ev, { repository: e.expect.reachable ?? true }, { level: permission.level }),
        e.expect.visibility ?? 'private'
      )
      expect(decision.status).toBe(e.expect.verdict)
      if (e.expect.code) expect(decision.code).toBe(e.expect.code)
      // A condition is never read as a permission missing or granted.
      if (condition && condition.code !== 'sso-partial') expect(decision.status).toBe('inconclusive')
    }
    if (e.expect.joint) {
      const joint = classifyEvidence(e.expect.joint.name, plannedFor(ev), ev, { repository: true }, { level: e.expect.joint.level })
      expect(joint).toMatchObject({ status: 'inconclusive', code: 'joint-set' })
    }
    if (e.expect.expiry) expect(parseExpiration(ev.headers['github-authentication-token-expiration'])).toBeInstanceOf(Date)
  })
})
