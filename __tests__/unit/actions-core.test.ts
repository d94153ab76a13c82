/** The lean IO's outputs (src/action/actions-core.ts): setOutputs writes what setOutput writes for each, in one append. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commandLine, issueFileCommand, prepareKeyValueMessage, readyDelimiters, setOutput, setOutputs, summary, warmCommands, warmFiles } from '../../src/action/actions-core.js'
import * as command from '../../node_modules/@actions/core/lib/command.js'
import { toCommandProperties } from '../../node_modules/@actions/core/lib/utils.js'
import * as fileCommand from '../../node_modules/@actions/core/lib/file-command.js'
import { parseOutputFile } from '../../tools/run-action.js'

const saved = process.env.GITHUB_OUTPUT
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_OUTPUT
  else process.env.GITHUB_OUTPUT = saved
})

/** Each output's value as the runner reads the file, and the file's lines with the random delimiters blanked. */
function written(write: (entries: Array<[string, string]>) => void, entries: Array<[string, string]>) {
  const dir = mkdtempSync(join(tmpdir(), 'pat-audit-outputs-'))
  try {
    const file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    write(entries)
    const text = readFileSync(file, 'utf8')
    return { values: parseOutputFile(text), shape: text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('setOutputs', () => {
  const entries: Array<[string, string]> = [
    ['result', 'fail'],
    ['missing-permissions', 'contents:write\nissues:read'],
    ['days-remaining', ''],
    ['report', JSON.stringify({ a: 'x<<y', b: '\n' })]
  ]

  it('writes the same lines as setOutput for each output, and the runner reads the same values', () => {
    const one = written((e) => e.forEach(([n, v]) => setOutput(n, v)), entries)
    const all = written((e) => setOutputs(e), entries)
    expect(all.shape).toBe(one.shape)
    expect(all.values).toEqual(Object.fromEntries(entries))
  })

  it('writes a long value (the report of the whole catalog) on its own the same way, wherever it is among the outputs', () => {
    const long = (tag: string) => JSON.stringify({ tag, evidence: Array.from({ length: 2000 }, (_, i) => `probe ${i} — passed ✓ <<`) })
    expect(long('x').length).toBeGreaterThan(40_000)
    for (const order of [
      [['report', long('alone')]],
      [['report', long('first')], ['result', 'warn'], ['missing-permissions', '']],
      [['result', 'warn'], ['report', long('middle')], ['days-remaining', '12']],
      [['result', 'warn'], ['granted-permissions', long('a')], ['report', long('b')]]
    ] as Array<Array<[string, string]>>) {
      const one = written((e) => e.forEach(([n, v]) => setOutput(n, v)), order)
      const all = written((e) => setOutputs(e), order)
      expect(all.shape).toBe(one.shape)
      expect(all.values).toEqual(Object.fromEntries(order))
    }
  })

  it('uses a fresh delimiter for each output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-outputs-'))
    const file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    setOutputs(entries)
    const delimiters = readFileSync(file, 'utf8').match(/ghadelimiter_[0-9a-f-]{36}/g) ?? []
    rmSync(dir, { recursive: true, force: true })
    expect(new Set(delimiters).size).toBe(entries.length)
  })

  it('takes the delimiters made ahead (readyDelimiters) once each, then makes fresh ones: none is used twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-outputs-'))
    const file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    readyDelimiters(2)
    setOutputs(entries)
    setOutputs(entries)
    const text = readFileSync(file, 'utf8')
    rmSync(dir, { recursive: true, force: true })
    const delimiters = text.match(/ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g) ?? []
    // Each output opens and closes with its delimiter: two of each, and as many distinct ones as outputs written.
    expect(delimiters).toHaveLength(4 * entries.length)
    expect(new Set(delimiters).size).toBe(2 * entries.length)
    expect(parseOutputFile(text)).toEqual(Object.fromEntries(entries))
  })
})

describe('warmFiles', () => {
  it('opens the outputs and summary files and changes nothing in them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-warm-'))
    try {
      const output = join(dir, 'output')
      const summaryFile = join(dir, 'summary')
      writeFileSync(output, 'result<<x\nwarn\nx\n')
      writeFileSync(summaryFile, '<h2>earlier step</h2>\n')
      const before = [statSync(output).mtimeMs, statSync(summaryFile).mtimeMs]
      warmFiles({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summaryFile })
      expect(readFileSync(output, 'utf8')).toBe('result<<x\nwarn\nx\n')
      expect(readFileSync(summaryFile, 'utf8')).toBe('<h2>earlier step</h2>\n')
      expect([statSync(output).mtimeMs, statSync(summaryFile).mtimeMs]).toEqual(before)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('never makes a file, and says nothing when a file or a variable is missing (the real write reports it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-warm-'))
    try {
      const missing = join(dir, 'missing')
      expect(() => warmFiles({ GITHUB_OUTPUT: missing, GITHUB_STEP_SUMMARY: join(dir, 'no-dir', 'summary') })).not.toThrow()
      expect(() => warmFiles({})).not.toThrow()
      expect(existsSync(missing)).toBe(false)
      expect(existsSync(join(dir, 'no-dir'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("file-command.js's functions, copied", () => {
  const blank = (text: string) => text.replace(/ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, 'DELIMITER')

  it('prepare the same key<<delimiter text as @actions/core, with a fresh random (v4) UUID each time', () => {
    for (const [key, value] of [['result', 'pass'], ['report', '{"a":"x<<y"}\nline'], ['empty', ''], ['object', { a: 1 }], ['number', 7]] as Array<[string, unknown]>) {
      const ours = prepareKeyValueMessage(key, value)
      expect(blank(ours)).toBe(blank(fileCommand.prepareKeyValueMessage(key, value)))
      expect(ours).toMatch(/^[a-z]+<<ghadelimiter_/)
      expect(ours).not.toBe(prepareKeyValueMessage(key, value))
    }
  })

  it('append the same bytes, and fail with the same messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-file-command-'))
    const saved = process.env.GITHUB_OUTPUT
    try {
      const files = { core: join(dir, 'core'), ours: join(dir, 'ours') }
      for (const file of Object.values(files)) writeFileSync(file, 'before\n')
      process.env.GITHUB_OUTPUT = files.core
      fileCommand.issueFileCommand('OUTPUT', 'a<<D\nvalue ✓\nD')
      process.env.GITHUB_OUTPUT = files.ours
      issueFileCommand('OUTPUT', 'a<<D\nvalue ✓\nD')
      expect(readFileSync(files.ours, 'utf8')).toBe(readFileSync(files.core, 'utf8'))
      process.env.GITHUB_OUTPUT = join(dir, 'missing')
      expect(() => issueFileCommand('OUTPUT', 'x')).toThrow(`Missing file at path: ${join(dir, 'missing')}`)
      expect(() => fileCommand.issueFileCommand('OUTPUT', 'x')).toThrow(`Missing file at path: ${join(dir, 'missing')}`)
      delete process.env.GITHUB_OUTPUT
      expect(() => issueFileCommand('OUTPUT', 'x')).toThrow('Unable to find environment variable for file command OUTPUT')
      expect(() => fileCommand.issueFileCommand('OUTPUT', 'x')).toThrow('Unable to find environment variable for file command OUTPUT')
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('summary.addRaw(text, true).write()', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
  })

  it('appends the same bytes as @actions/core\u2019s core.summary, and fails with its messages', async () => {
    const { summary: coreSummary } = await import('../../node_modules/@actions/core/lib/summary.js')
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-summary-'))
    try {
      const texts = ['<h2>Token audit</h2>', 'second\nline ✓', '']
      const files = { core: join(dir, 'core'), lean: join(dir, 'lean') }
      for (const file of Object.values(files)) writeFileSync(file, 'before\n')
      for (const text of texts) {
        process.env.GITHUB_STEP_SUMMARY = files.core
        await coreSummary.addRaw(text, true).write()
        process.env.GITHUB_STEP_SUMMARY = files.lean
        await summary.addRaw(text, true).write()
      }
      // And without the end of line.
      process.env.GITHUB_STEP_SUMMARY = files.core
      await coreSummary.addRaw('no end of line', false).write()
      process.env.GITHUB_STEP_SUMMARY = files.lean
      await summary.addRaw('no end of line', false).write()
      expect(readFileSync(files.lean, 'utf8')).toBe(readFileSync(files.core, 'utf8'))
      delete process.env.GITHUB_STEP_SUMMARY
      await expect(summary.addRaw('x').write()).rejects.toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY')
      process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing', 'file')
      await expect(summary.addRaw('x').write()).rejects.toThrow(/^Unable to access summary file: '.*missing\/file'/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("command.js's issueCommand, copied", () => {
  /** What a function writes to process.stdout, captured. */
  function written(write: () => void): string[] {
    const lines: string[] = []
    const real = process.stdout.write
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write
    try {
      write()
    } finally {
      process.stdout.write = real
    }
    return lines
  }

  it('makes the line @actions/core writes, for every kind of property and value', () => {
    const cases: Array<[string, Record<string, unknown>, unknown]> = [
      ['add-mask', {}, 'secret'],
      ['warning', toCommandProperties({ title: 'Inconclusive a: write, b: read' }), 'line one\nline two\r\n100% sure'],
      ['error', toCommandProperties({ title: 'T', file: 'a,b:c.ts', startLine: 3, endLine: 0, startColumn: 2 }), { an: 'object' }],
      ['notice', { name: 'x', empty: '', zero: 0, undef: undefined, other: 'y' }, undefined],
      ['', {}, 7]
    ]
    for (const [name, properties, message] of cases) {
      const ours = commandLine(name, properties, message)
      expect(written(() => command.issueCommand(name, properties, message))).toEqual([`${ours}\n`])
    }
  })

  it('warms up without writing anything', () => {
    expect(written(() => warmCommands())).toEqual([])
  })
})
