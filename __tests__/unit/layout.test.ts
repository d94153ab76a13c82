/**
 * The layout holds: no import cycle among src/ modules (type-only imports included), no source module much over
 * 300 lines (GitHub's data files aside), the same for the simulator's tools/simulator/*.js, and the README's "How the
 * code is laid out" names only paths that exist.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(ROOT, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

/**
 * Relative imports and re-exports of a module, resolved to files. A path into node_modules is a package's own
 * module (src/action/actions-core.ts loads @actions/core's command modules that way), not one of ours: left out.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)]
    .filter((m) => !m[1].includes('/node_modules/'))
    .map((m) => resolve(dirname(file), m[1].replace(/\.js$/, '.ts')))
}

/** Every cycle found by a depth-first walk, as a list of paths relative to src/. */
function findCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]))
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (f: string) => {
    state.set(f, 'open')
    stack.push(f)
    for (const next of graph.get(f) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative(SRC, p)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(f, 'done')
  }
  for (const f of files) if (!state.has(f)) visit(f)
  return cycles
}

describe('layout', () => {
  const files = sources(SRC)

  it('resolves every relative import to a file (so the cycle check sees the whole graph)', () => {
    const unresolved = files.flatMap((f) => importsOf(f).filter((i) => !existsSync(i)).map((i) => `${relative(SRC, f)} → ${relative(SRC, i)}`))
    expect(unresolved).toEqual([])
  })

  it('has no import cycle', () => {
    expect(findCycles(files)).toEqual([])
  })

  it('finds a cycle when there is one (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pat-audit-cycle-'))
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js'\nexport type A = B\n")
    writeFileSync(join(dir, 'b.ts'), "export { A } from './a.js'\nexport type B = string\n")
    writeFileSync(join(dir, 'c.ts'), "import { A } from './a.js'\n")
    expect(findCycles([join(dir, 'c.ts'), join(dir, 'a.ts'), join(dir, 'b.ts')]).map((c) => c.map((p) => p.split('/').pop()))).toEqual([['a.ts', 'b.ts', 'a.ts']])
  })

  it('keeps every source module to about 300 lines', () => {
    const long = files.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 330)
    expect(long).toEqual([])
  })

  it('keeps every simulator module (tools/simulator/*.js) to about 300 lines, without an import cycle', () => {
    const dir = join(ROOT, 'tools/simulator')
    const modules = readdirSync(dir).filter((name) => name.endsWith('.js'))
    expect(modules.length).toBeGreaterThan(10)
    const long = modules.map((name) => [name, readFileSync(join(dir, name), 'utf8').split('\n').length] as const).filter(([, n]) => n > 330)
    expect(long).toEqual([])
    const graph = new Map(modules.map((name) => [name, [...readFileSync(join(dir, name), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'\.\/([^']+)'/gm)].map((m) => m[1])]))
    const reachable = (from: string, seen = new Set<string>()): Set<string> => {
      for (const next of graph.get(from) ?? []) if (!seen.has(next)) reachable(next, seen.add(next))
      return seen
    }
    expect(modules.filter((name) => reachable(name).has(name))).toEqual([])
  })

  it("names in the README's layout section only folders and files that exist", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.split('## How the code is laid out')[1]?.split(/^## /m)[0] ?? ''
    const paths = [...section.matchAll(/`((?:src|tools|__tests__)\/[^`\s]*)`/g)].map((m) => m[1])
    expect(paths.length).toBeGreaterThan(10)
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([])
    // Every folder under src/ is described.
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'data').map((e) => `src/${e.name}/`)
    expect(folders.filter((f) => !paths.includes(f))).toEqual([])
  })
})
