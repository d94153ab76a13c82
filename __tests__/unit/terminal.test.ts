/**
 * The report in a terminal (the CLI and the demo): rendered from the report object, plain text with no Markdown
 * or HTML, colour only when asked for (a TTY without NO_COLOR). The reports are real audits against the simulator.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { problemsOf, plain } from '../../src/report/problems.js'
import { renderInputErrorsTerminal, renderTerminal, wantsColor } from '../../src/cli/terminal.js'
import { CASES, runCase } from '../helpers/representative.js'
import type { RepresentativeRun } from '../helpers/representative.js'

/** What would show a person Markdown or HTML source instead of text. */
const MARKDOWN = [
  { name: 'backtick', re: /`/ },
  { name: 'bold', re: /\*\*|__/ },
  { name: 'emphasis', re: /(^|\s)_[^_\s][^_]*_(\s|$)/m },
  { name: 'heading', re: /^#{1,6} /m },
  { name: 'table row', re: /^\s*\|.*\|\s*$/m },
  { name: 'link', re: /\]\(/ },
  { name: 'html tag', re: /<\/?(br|p|a|b|strong|code|details|summary|table|tr|td|th|h\d|ul|li|sub|wbr)\b[^>]*>/i },
  { name: 'html entity', re: /&(lt|gt|amp|quot|#\d+);/ }
]

/** The start of an ANSI escape sequence (colour). */
const ESC = String.fromCharCode(27)
const ANSI = { test: (text: string) => text.includes(`${ESC}[`) }
const stripAnsi = (text: string) => text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[\d+m/, ''))).join('')

const runs: RepresentativeRun[] = []

beforeAll(async () => {
  for (const c of CASES) runs.push(await runCase(c))
}, 180_000)

describe('the terminal view of every representative report', () => {
  it('has no Markdown or HTML syntax in it, and no colour unless asked', () => {
    for (const run of runs) {
      const text = run.report ? renderTerminal(run.report) : renderInputErrorsTerminal(run.inputErrors ?? [])
      for (const { name, re } of MARKDOWN) expect([run.name, name, text.match(re)?.[0]]).toEqual([run.name, name, undefined])
      expect([run.name, ANSI.test(text)]).toEqual([run.name, false])
    }
  })

  it('says each problem, its fix and the URL that performs it', () => {
    for (const run of runs) {
      if (!run.report) continue
      const text = renderTerminal(run.report)
      for (const p of problemsOf(run.report.findings)) {
        expect([run.name, text.includes(plain(p.title))]).toEqual([run.name, true])
        if (p.fix) expect([run.name, text.includes(`Fix: ${plain(p.fix)}`)]).toEqual([run.name, true])
        if (p.link) expect([run.name, text.includes(p.link.url)]).toEqual([run.name, true])
      }
    }
  })

  it('prints a long URL once: a later fix with the same link names it', () => {
    const classic = runs.find((r) => r.name === 'classic-token')?.report
    expect(classic).toBeDefined()
    const text = renderTerminal(classic!)
    expect(text.split(classic!.regenerateUrl)).toHaveLength(2)
    expect(text).toContain('Create the replacement token (the same link as above)')
  })

  it('colours when asked', () => {
    const report = runs.find((r) => r.name === 'missing-permissions')?.report
    expect(ANSI.test(renderTerminal(report!, { color: true }))).toBe(true)
    expect(stripAnsi(renderTerminal(report!, { color: true }))).toBe(renderTerminal(report!))
  })
})

describe('wantsColor', () => {
  it('colours a TTY only, and never with NO_COLOR, TERM=dumb or --no-color', () => {
    expect(wantsColor(true, {})).toBe(true)
    expect(wantsColor(false, {})).toBe(false)
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false)
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true)
    expect(wantsColor(true, { TERM: 'dumb' })).toBe(false)
    expect(wantsColor(true, {}, true)).toBe(false)
  })
})
