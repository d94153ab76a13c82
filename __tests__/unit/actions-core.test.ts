/** The lean IO's outputs (src/action/actions-core.ts): setOutputs writes what setOutput writes for each, in one append. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setOutput, setOutputs } from '../../src/action/actions-core.js'
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
})
