/**
 * The job summary as a person sees it on the run's page: each representative audit is run for real, its summary
 * rendered as GitHub renders Markdown with GitHub's stylesheet, and laid out by headless Chromium at 1,000 px.
 * With SCREENSHOTS=<dir> (`npm run screenshots`) each page is also saved as a PNG to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { problemsOf, plain } from '../../src/report/problems.js'
import { gfmPage, measure, openAllDetails, openPage, withBrowser, WIDTH } from '../helpers/browser.js'
import type { PageMeasure } from '../helpers/browser.js'
import { CASES, runCase } from '../helpers/representative.js'
import type { RepresentativeRun } from '../helpers/representative.js'

const SCREENSHOTS = process.env.SCREENSHOTS
/** A person sees the first fix without scrolling: its link ends within this many pixels of the top. */
const FIRST_FIX_WITHIN = 700
const PASSING_PAGE_AT_MOST = 500

interface Rendered {
  readonly run: RepresentativeRun
  readonly closed: PageMeasure
  readonly open: PageMeasure
}

const rendered = new Map<string, Rendered>()
let browser: Browser | undefined
let release: (() => void) | undefined
let closed: Promise<void> | undefined

beforeAll(async () => {
  // One Chromium for every page; it is closed in afterAll.
  await new Promise<void>((ready, fail) => {
    closed = withBrowser(async (b) => {
      browser = b
      ready()
      await new Promise<void>((r) => (release = r))
    }).catch(fail)
  })
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true })
  for (const c of CASES) {
    const run = await runCase(c)
    const page = await openPage(browser as Browser, gfmPage(run.summary, run.name))
    const closedMeasure = await measure(page)
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${run.name}.png`), fullPage: true })
    await openAllDetails(page)
    const openMeasure = await measure(page)
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${run.name}.details-open.png`), fullPage: true })
    await page.close()
    rendered.set(c.name, { run, closed: closedMeasure, open: openMeasure })
  }
}, 300_000)

afterAll(async () => {
  release?.()
  await closed
})

const get = (name: string): Rendered => {
  const r = rendered.get(name)
  if (!r) throw new Error(`case ${name} was not rendered`)
  return r
}

const occurrences = (haystack: string, needle: string): number => {
  const n = needle.replace(/\s+/g, ' ').trim()
  let count = 0
  for (let i = haystack.indexOf(n); i !== -1; i = haystack.indexOf(n, i + 1)) count++
  return count
}

describe.each(CASES.map((c) => c.name))('the summary of %s, in Chromium at 1,000 px', (name) => {
  it('fits the width: nothing overflows, with the evidence folded or unfolded', () => {
    const { closed, open } = get(name)
    expect(closed.overflowing).toEqual([])
    expect(open.overflowing).toEqual([])
    expect(closed.documentWidth).toBeLessThanOrEqual(WIDTH)
    expect(open.documentWidth).toBeLessThanOrEqual(WIDTH)
  })

  it('uses only what GitHub keeps of HTML', () => {
    expect(get(name).closed.disallowed).toEqual([])
  })

  it('states each problem once, its fix with the link that performs it, the first fix link in the first 700 px', () => {
    const { run, open, closed } = get(name)
    if (!run.report) return
    const problems = problemsOf(run.report.findings)
    for (const p of problems) {
      expect([p.title, occurrences(open.text, plain(p.title))]).toEqual([p.title, 1])
      for (const r of p.reasons) expect([r.text, occurrences(open.text, plain(r.text))]).toEqual([r.text, 1])
      if (p.fix) expect([p.fix, occurrences(open.text, plain(p.fix))]).toEqual([p.fix, problems.filter((q) => q.fix === p.fix).length])
      if (p.link) {
        const link = closed.links.find((l) => l.href === p.link?.url)
        expect([p.title, link?.href]).toEqual([p.title, p.link.url])
      }
    }
    if (run.report.result === 'fail') {
      const first = problems.find((p) => p.link)
      expect(first).toBeDefined()
      const link = closed.links.find((l) => l.href === first?.link?.url)
      expect(link?.bottom).toBeLessThanOrEqual(FIRST_FIX_WITHIN)
    }
  })
})

describe('what each summary says', () => {
  it('a passing audit fits on one screen: at most 500 px tall', () => {
    const { run, closed } = get('pass')
    expect(run.report?.result).toBe('pass')
    expect(closed.height).toBeLessThanOrEqual(PASSING_PAGE_AT_MOST)
  })

  it('every failing representative fails, and every problem with a fix carries a link', () => {
    for (const name of ['missing-permissions', 'sso', 'lifetime-policy', 'classic-token', 'pending-approval', 'repository-coverage']) {
      const { run } = get(name)
      expect([name, run.report?.result]).toEqual([name, 'fail'])
      for (const p of problemsOf(run.report?.findings ?? [])) if (p.severity === 'error') expect([name, p.title, Boolean(p.link)]).toEqual([name, p.title, true])
    }
  })

  it('the SSO problem links GitHub\'s authorisation URL, the lifetime problem the token\'s settings, the pending one the approval page', () => {
    expect(get('sso').closed.links.map((l) => l.href)).toContain('https://github.com/orgs/acme/sso?authorization_request=SIMULATED')
    expect(get('lifetime-policy').closed.links.map((l) => l.href).some((h) => /^https:\/\/github\.com\/settings\/personal-access-tokens\/\d+$/.test(h))).toBe(true)
    expect(get('pending-approval').closed.links.map((l) => l.href)).toContain('https://github.com/organizations/acme/settings/personal-access-token-requests')
  })

  it('shows probe paths with their random values named, and no millisecond timestamps', () => {
    for (const r of rendered.values()) {
      expect([r.run.name, r.open.text.match(/\/9000\d{10,}/g)]).toEqual([r.run.name, null])
      expect([r.run.name, r.open.text.match(/\d\d:\d\d:\d\d\.\d{3}Z/g)]).toEqual([r.run.name, null])
    }
  })

  it('names every invalid input, and says the audit did not run', () => {
    const { run, closed } = get('invalid-inputs')
    expect(run.inputErrors?.length).toBeGreaterThanOrEqual(3)
    expect(closed.text).toMatch(/not run/)
    for (const error of run.inputErrors ?? []) expect(occurrences(closed.text, error)).toBe(1)
    for (const input of ['required-permissions', 'expiry-warn-days', 'repository']) expect(closed.text).toContain(`'${input}'`)
  })

  it('gives one annotation per problem, each with its fix and its URL inline', () => {
    for (const { run } of rendered.values()) {
      if (!run.report) continue
      const problems = problemsOf(run.report.findings)
      expect([run.name, run.annotations.length]).toEqual([run.name, problems.length])
      for (const [i, p] of problems.entries()) {
        const a = run.annotations[i]
        expect(a.title).toBe(p.title)
        if (p.link) expect(a.message).toContain(p.link.url)
        expect(a.message).not.toMatch(/link below|below/i)
      }
    }
  })
})
