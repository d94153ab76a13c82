// @ts-check
/**
 * Runs the bundled action (dist/index.js) as the GitHub runner does: every input of action.yml as an INPUT_*
 * variable (the given value, else action.yml's default with its `${{ github.* }}` expression expanded), outputs
 * and the job summary through the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Used by the demo, the benchmark
 * and the end-to-end tests, so all three exercise exactly what users run. action.yml is read with the strict
 * YAML parser (tools/action-metadata.js): a file the runner would refuse fails here too.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadActionMetadata } from './action-metadata.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_ENTRY = join(ROOT, 'dist', 'index.js')

/**
 * @typedef {object} ActionRun
 * @property {number} code            exit status
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs
 * @property {string} summary         the job summary as written
 * @property {number} wallMs          process start to exit
 * @property {number} spawnedAt       epoch ms (Date.now()) just before the spawn, on the simulator's clock
 * @property {number} exitedAt        epoch ms (Date.now()) when the process had exited and its output was read
 * @property {string} probe           with `probe`: what the process wrote to its file descriptor 3
 */

/**
 * @param {object} options
 * @param {Record<string, string>} options.inputs   action inputs by their action.yml names
 * @param {Record<string, string>} [options.env]    extra environment (GITHUB_API_URL, HTTPS_PROXY, ACTIONS_STEP_DEBUG, …)
 * @param {string} [options.entry]                  defaults to dist/index.js
 * @param {number} [options.timeoutMs]              kill the process after this long (default 60 s)
 * @param {string[]} [options.nodeArgs]             node options before the entry (the benchmark's `--require` of its RSS probe)
 * @param {boolean} [options.probe]                 open a pipe as the process's file descriptor 3 (the benchmark's RSS probe writes there)
 * @returns {Promise<ActionRun>}
 */
export async function runAction({ inputs, env = {}, entry = DIST_ENTRY, timeoutMs = 60_000, nodeArgs = [], probe = false }) {
  const dir = await mkdtemp(join(tmpdir(), 'pat-audit-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  /** @type {Record<string, string>} */
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    ...env
  }
  for (const [name, value] of Object.entries(withDefaults(inputs, childEnv))) childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const spawnedAt = Date.now()
  const started = performance.now()
  try {
    /** @type {{ code: number, stdout: string, stderr: string, probed: string }} */
    const { code, stdout, stderr, probed } = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeArgs, entry], { env: childEnv, cwd: dir, stdio: probe ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      let probed = ''
      child.stdout?.on('data', (d) => (stdout += d))
      child.stderr?.on('data', (d) => (stderr += d))
      child.stdio[3]?.on('data', (d) => (probed += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code: code ?? -1, stdout, stderr, probed })
      })
    })
    const wallMs = performance.now() - started
    const exitedAt = Date.now()
    return { code, stdout, stderr, outputs: parseOutputFile(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8'), wallMs, spawnedAt, exitedAt, probe: probed }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The runner's view of the step's inputs: each of action.yml's inputs, with its default where not given. The
 * defaults' `github.*` expressions are expanded from the runner variables they stand for; `github.token` from
 * GITHUB_TOKEN when set (a runner always has one; here it is empty unless the caller gives one).
 * @param {Record<string, string>} inputs
 * @param {Record<string, string>} env
 * @returns {Record<string, string>}
 */
export function withDefaults(inputs, env) {
  /** @type {Record<string, string>} */
  const contexts = { 'github.repository': env.GITHUB_REPOSITORY ?? '', 'github.api_url': env.GITHUB_API_URL ?? 'https://api.github.com', 'github.token': env.GITHUB_TOKEN ?? '' }
  /** @type {Record<string, string>} */
  const all = {}
  for (const [name, spec] of Object.entries(loadActionMetadata().inputs)) {
    const fallback = String(spec?.default ?? '')
    all[name] = fallback.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (expression, context) => contexts[context] ?? expression)
  }
  return { ...all, ...inputs }
}

/**
 * Parses the GITHUB_OUTPUT file format (`name<<DELIMITER\nvalue\nDELIMITER`) written by @actions/core.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const [, name, delimiter] = m
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/**
 * Every place a run could leak the token: stdout (except the `::add-mask::` line that hides it), stderr,
 * the outputs and the summary. Returns where it was found; empty when nowhere.
 * @param {ActionRun} run
 * @param {string} token
 * @returns {string[]}
 */
export function findLeaks(run, token) {
  /** @type {string[]} */
  const leaks = []
  if (token.trim() === '') return leaks
  const stdout = run.stdout
    .split('\n')
    .filter((line) => line !== `::add-mask::${token}`)
    .join('\n')
  if (stdout.includes(token)) leaks.push('stdout')
  if (run.stderr.includes(token)) leaks.push('stderr')
  if (run.summary.includes(token)) leaks.push('summary')
  for (const [name, value] of Object.entries(run.outputs)) if (value.includes(token)) leaks.push(`output ${name}`)
  return leaks
}
