// @ts-check
/**
 * `npm run bench`: how many requests and how much wall time an audit takes, against the floor it could take.
 *
 * The committed bundle (dist/index.js, not a fresh build of src/) runs as a process, exactly as a runner starts it
 * (tools/run-action.js), against the loopback simulator (127.0.0.1 only) with 0, 50 and 100 ms of latency injected
 * into every response. Three cases, all with the `everything` token (it holds every permission, so every probe is answered as granted):
 *   - one:   1 required permission
 *   - ten:   10 required permissions, a mix of repository, organization and account permissions, read and write
 *   - whole: the whole catalog, every permission in GitHub's data at its highest level
 *
 * Each case × latency runs N times (default 5; `--runs N`; `--quick` for 1); the simulator is reset before each run.
 * Medians are printed with the floor for each figure and the goals as PASS/MISS. `--json` prints the results,
 * every sample included, as JSON instead of the tables. `--entry FILE` measures a candidate bundle instead. The output
 * says whether the bundle is the one committed at HEAD (read-only git), and warns when the machine was busy (load
 * average) or the simulator answered 5xx: both make the figures unrepresentative.
 *
 * Floors, as printed in the output:
 *   - requests floor = the distinct probes the audit needs: the distinct (method, template) pairs the simulator
 *     recorded for the run (GET /user and the repository context request included). Goal: requests ≤ floor + 1.
 *   - start-up = median wall time of a bare `node -e 0` + the action's own start-up, which is its time from spawn
 *     to the simulator receiving its first request, minus the bare node figure, measured in the 0 ms runs of the case.
 *   - wall floor = start-up + ceil(requests floor / 10) × latency: every probe sent at once, 10 in flight at most.
 * Round trips: the longest chain of requests each received after the previous one's answer was sent (roundTripsOf).
 */
import { execFileSync, spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { relative, resolve } from 'node:path'
import { startSimulator } from './simulator/server.js'
import { allPermissions, everything } from './simulator/scenarios.js'
import { loadPermissionData } from './simulator/catalog.js'
import { DIST_ENTRY, ROOT, runAction } from './run-action.js'
import { benchInventory, inventoryText } from './bench-inventory.js'

/** @typedef {import('./simulator/server.js').Simulator} Simulator */
/** @typedef {import('./simulator/server.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./simulator/catalog.js').Level} Level */

const LATENCIES_MS = /** @type {const} */ ([0, 50, 100])
/** The action's bound on requests in flight (src/facts/limits.ts MAX_IN_FLIGHT; __tests__/unit/facts.test.ts holds the two equal); the wall floor assumes it. */
const MAX_IN_FLIGHT = 10
const MAX_RUNS = 50
const ONE_MB = 1_000_000
const ONE_MIB = 1_048_576
const REPOSITORY = 'acme/infra'

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {string} title
 * @property {Array<[string, Level]>} permissions
 */

/** @type {Array<[string, Level]>} */
const TEN = [
  ['contents', 'write'],
  ['pull_requests', 'write'],
  ['issues', 'read'],
  ['actions', 'read'],
  ['deployments', 'write'],
  ['members', 'read'],
  ['organization_administration', 'read'],
  ['organization_secrets', 'write'],
  ['organization_copilot_seat_management', 'read'],
  ['emails', 'read']
]

/** @type {BenchCase[]} */
const CASES = [
  { name: 'one', title: '1 permission (contents: write)', permissions: [['contents', 'write']] },
  { name: 'ten', title: '10 permissions (5 repository, 4 organization, 1 account; read and write)', permissions: TEN },
  {
    name: 'whole',
    title: 'whole catalog (every permission at its highest level)',
    permissions: /** @type {Array<[string, Level]>} */ (Object.entries(allPermissions('fpt')))
  }
]

/**
 * One run of the bundled action.
 * @typedef {object} RunSample
 * @property {number} wallMs              process start to exit
 * @property {number} requests            requests the simulator received
 * @property {number} reportRequests      the report's own count (`stats.requests`)
 * @property {number} distinctProbes      distinct (method, template) pairs received
 * @property {number} evidenceProbes      distinct requests the report cites as evidence for a permission, + 1 for GET /user
 * @property {number} maxInFlight
 * @property {number} firstRequestMs      spawn to the simulator receiving the first request
 * @property {number[]} waves             requests in each sequential round trip (see roundTripsOf); empty at 0 ms
 * @property {number} afterLastRequestMs  last request's response sent (arrival + latency) to process exit
 * @property {number} flags               requests the simulator judged would have changed state
 * @property {number} serverErrors        answers with a 5xx or no status: the simulator failed, so the run is not representative
 * @property {number} exitCode
 * @property {string} result              the report's `result`
 */

/**
 * @typedef {object} Cell
 * @property {string} case
 * @property {number} latencyMs
 * @property {RunSample[]} samples
 * @property {Array<{ atMs: number, method: string, template: string, status: number }>} timeline  the last run's requests, ms after its first
 */

// ---------------------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------------------

const USAGE = `usage: node tools/bench.js [--runs N] [--quick] [--json] [--entry FILE]
  --runs N      runs per case and latency (1 to ${MAX_RUNS}; default 5)
  --quick       one run each (same as --runs 1)
  --json        print the results as JSON instead of tables
  --entry FILE  measure another bundle (a candidate build) instead of the committed dist/index.js`

/**
 * @typedef {object} Options
 * @property {number} runs
 * @property {boolean} json
 * @property {string} entry the bundle to run
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  let runs = 5
  let json = false
  let entry = DIST_ENTRY
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') json = true
    else if (arg === '--entry' || arg.startsWith('--entry=')) {
      const value = arg === '--entry' ? argv[++i] : arg.slice('--entry='.length)
      if (!value) usage('--entry expects a file')
      entry = resolve(value)
    }
    else if (arg === '--quick') runs = 1
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length)
      if (value === undefined || !/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_RUNS) usage(`--runs expects a whole number from 1 to ${MAX_RUNS}`)
      runs = Number(value)
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else usage(`unknown argument ${JSON.stringify(arg)}`)
  }
  return { runs, json, entry }
}

/** @param {string} message @returns {never} */
function usage(message) {
  console.error(`bench: ${message}\n${USAGE}`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------------------------

/** @param {number[]} values */
function median(values) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** @param {number[]} values */
const max = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity)

/**
 * Sequential round trips, as the simulator saw them: a request's round trip is 1 + the highest round trip of the
 * requests whose response (arrival + latency) had been sent before it arrived. The result counts the requests in
 * each round trip; its length is the longest chain of requests each sent after the previous one's answer.
 * Undefined at 0 ms latency (every earlier request qualifies). O(n²) over one run's requests.
 * @param {number[]} arrivals epoch ms
 * @param {number} latencyMs
 * @returns {number[]}
 */
function roundTripsOf(arrivals, latencyMs) {
  if (latencyMs <= 0 || arrivals.length === 0) return []
  return depthsOf(arrivals, latencyMs).reduce((/** @type {number[]} */ counts, depth) => {
    for (let i = counts.length; i < depth; i++) counts.push(0)
    counts[depth - 1] = (counts[depth - 1] ?? 0) + 1
    return counts
  }, [])
}

/**
 * Round trip (1-based) of each request, in the order given.
 * @param {number[]} arrivals epoch ms
 * @param {number} latencyMs
 * @returns {number[]}
 */
function depthsOf(arrivals, latencyMs) {
  const order = arrivals.map((at, i) => ({ at, i })).sort((a, b) => a.at - b.at)
  /** @type {number[]} */
  const depth = new Array(arrivals.length).fill(1)
  for (let k = 0; k < order.length; k++) {
    const q = order[k]
    if (!q) continue
    for (let j = 0; j < k; j++) {
      const r = order[j]
      if (r && r.at + latencyMs <= q.at) depth[q.i] = Math.max(depth[q.i] ?? 1, (depth[r.i] ?? 1) + 1)
    }
  }
  return depth
}

/**
 * Which bundle this is, from git without changing anything (rev-parse, hash-object without -w): the HEAD commit and
 * whether the file is the one committed there. Undefined fields when git or the repository is not available.
 * @param {string} entry
 * @returns {{ head?: string, committed?: boolean }}
 */
function provenance(entry) {
  /** @param {string[]} args */
  const git = (args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim()
  try {
    const head = git(['rev-parse', 'HEAD'])
    const path = relative(ROOT, entry)
    if (path.startsWith('..')) return { head }
    const [committedBlob] = git(['rev-parse', `HEAD:${path.split('\\').join('/')}`]).split('\n')
    return { head, committed: committedBlob === git(['hash-object', '--', entry]) }
  } catch {
    return {}
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------------

/** Wall time of a bare `node -e 0`, spawn to exit. @returns {Promise<number>} */
function bareNode() {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // The environment run-action.js gives the action: no NODE_OPTIONS or NODE_EXTRA_CA_CERTS (which alone costs ~30 ms).
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`node -e 0 exited with ${code}`))
    })
  })
}

/**
 * @param {Simulator} sim
 * @param {string} token
 * @param {BenchCase} benchCase
 * @param {number} latencyMs
 * @param {string} entry
 * @returns {Promise<{ sample: RunSample, records: RecordedRequest[] }>}
 */
async function runOnce(sim, token, benchCase, latencyMs, entry) {
  sim.reset()
  // runAction's clock starts just before spawn; the simulator records epoch ms. Its temp-directory setup before the
  // spawn (well under 1 ms) is counted into the first-request time.
  const calledAt = Date.now()
  const run = await runAction({
    inputs: {
      token,
      repository: REPOSITORY,
      'required-permissions': benchCase.permissions.map(([name, level]) => `${name}: ${level}`).join('\n'),
      'api-url': sim.url,
      'fail-on': 'never'
    },
    env: { GITHUB_API_URL: sim.url },
    entry,
    timeoutMs: 120_000
  })
  const records = [...sim.requests]
  if (run.code !== 0 || !run.outputs.report) {
    throw new Error(`${relative(ROOT, entry)} exited with ${run.code} (${benchCase.name}, ${latencyMs} ms): ${(run.stderr || run.stdout).slice(0, 2000)}`)
  }
  const report =
    /** @type {{ result?: string, stats?: { requests?: number }, inputErrors?: string[], permissions?: Array<{ evidence?: Array<{ method: string, path: string }> }> }} */ (
      JSON.parse(run.outputs.report)
    )
  if (report.inputErrors) throw new Error(`input errors (${benchCase.name}): ${report.inputErrors.join(' ')}`)
  if (records.length === 0) throw new Error(`no request reached the simulator (${benchCase.name}, ${latencyMs} ms)`)
  const arrivals = records.map((r) => r.at)
  const first = Math.min(...arrivals)
  const last = Math.max(...arrivals)
  return {
    records,
    sample: {
      wallMs: run.wallMs,
      requests: records.length,
      reportRequests: report.stats?.requests ?? NaN,
      distinctProbes: new Set(records.map((r) => `${r.method} ${r.template ?? r.path}`)).size,
      evidenceProbes: new Set((report.permissions ?? []).flatMap((p) => (p.evidence ?? []).map((e) => `${e.method} ${e.path}`))).size + 1,
      maxInFlight: sim.maxInFlight,
      firstRequestMs: first - calledAt,
      waves: roundTripsOf(arrivals, latencyMs),
      afterLastRequestMs: calledAt + run.wallMs - (last + latencyMs),
      flags: sim.flags.length,
      serverErrors: records.filter((r) => r.status >= 500 || r.status === 0).length,
      exitCode: run.code,
      result: report.result ?? '?'
    }
  }
}

/** Every (name, level) of the cases exists in GitHub's data, so the action gets no input error. */
function checkCases() {
  const data = loadPermissionData('fpt')
  for (const c of CASES) {
    for (const [name, level] of c.permissions) {
      if (!data[name]?.permissions.some((op) => op.access === level)) throw new Error(`case ${c.name}: '${name}: ${level}' is not in GitHub's data`)
    }
  }
}

/**
 * @param {Options} options
 */
async function bench({ runs, json, entry }) {
  /** @param {string} message */
  const progress = (message) => {
    if (!json || process.stderr.isTTY) process.stderr.write(`${message}\n`)
  }
  checkCases()
  const loadAtStart = loadavg()[0] ?? 0
  const distBytes = (await stat(entry)).size

  // Bare node: one warm-up, then N.
  await bareNode()
  /** @type {number[]} */
  const bare = []
  for (let i = 0; i < runs; i++) bare.push(await bareNode())
  progress(`node -e 0: median ${median(bare).toFixed(0)} ms over ${runs} runs`)

  /** @type {Cell[]} */
  const cells = []
  for (const latencyMs of LATENCIES_MS) {
    const scenario = everything()
    scenario.latencyMs = latencyMs
    const token = scenario.tokens[0]?.value
    if (!token) throw new Error('the everything scenario has no token')
    const sim = await startSimulator(scenario)
    try {
      // One unrecorded run per simulator: the first spawn of the bundle pays for a cold file cache.
      if (latencyMs === LATENCIES_MS[0]) await runOnce(sim, token, CASES[0], latencyMs, entry)
      for (const benchCase of CASES) {
        /** @type {Cell} */
        const cell = { case: benchCase.name, latencyMs, samples: [], timeline: [] }
        /** @type {RecordedRequest[]} */
        let lastRecords = []
        for (let i = 0; i < runs; i++) {
          const { sample, records } = await runOnce(sim, token, benchCase, latencyMs, entry)
          cell.samples.push(sample)
          lastRecords = records
        }
        const t0 = Math.min(...lastRecords.map((r) => r.at))
        cell.timeline = lastRecords.map((r) => ({ atMs: r.at - t0, method: r.method, template: r.template ?? r.path, status: r.status }))
        cells.push(cell)
        progress(`${benchCase.name} @ ${latencyMs} ms: median ${median(cell.samples.map((s) => s.wallMs)).toFixed(0)} ms, ${median(cell.samples.map((s) => s.requests))} requests`)
      }
    } finally {
      await sim.close()
    }
  }
  return analyse({ runs, bare, cells, distBytes, loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 }, entry: relative(ROOT, entry).startsWith('..') ? entry : relative(ROOT, entry), ...provenance(entry) })
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------------------------

/**
 * @param {{ runs: number, bare: number[], cells: Cell[], distBytes: number, loadAverage: { start: number, end: number }, entry: string, head?: string, committed?: boolean }} raw
 */
function analyse({ runs, bare, cells, distBytes, loadAverage, entry, head, committed }) {
  const bareMs = median(bare)
  /** @param {string} name @param {number} latencyMs */
  const cellOf = (name, latencyMs) => {
    const cell = cells.find((c) => c.case === name && c.latencyMs === latencyMs)
    if (!cell) throw new Error(`no results for ${name} at ${latencyMs} ms`)
    return cell
  }

  const cases = CASES.map((c) => {
    const zero = cellOf(c.name, 0)
    const probes = median(cells.filter((cell) => cell.case === c.name).flatMap((cell) => cell.samples.map((s) => s.distinctProbes)))
    const ownStartupMs = median(zero.samples.map((s) => s.firstRequestMs)) - bareMs
    const startupMs = bareMs + ownStartupMs
    const roundTripsFloor = Math.ceil(probes / MAX_IN_FLIGHT)
    return {
      name: c.name,
      title: c.title,
      permissions: c.permissions.length,
      probes,
      evidenceProbes: median(zero.samples.map((s) => s.evidenceProbes)),
      requestsFloor: probes,
      startup: { bareNodeMs: bareMs, ownStartupMs, startupMs },
      roundTripsFloor,
      zeroLatencyWallMs: median(zero.samples.map((s) => s.wallMs))
    }
  })

  const rows = cells.map((cell) => {
    const c = cases.find((x) => x.name === cell.case)
    if (!c) throw new Error(`unknown case ${cell.case}`)
    const wallMs = median(cell.samples.map((s) => s.wallMs))
    const requests = median(cell.samples.map((s) => s.requests))
    const wallFloorMs = c.startup.startupMs + c.roundTripsFloor * cell.latencyMs
    const waves = cell.latencyMs > 0 ? median(cell.samples.map((s) => s.waves.length)) : null
    return {
      case: cell.case,
      latencyMs: cell.latencyMs,
      wallMs,
      requests,
      maxRequests: max(cell.samples.map((s) => s.requests)),
      reportRequests: median(cell.samples.map((s) => s.reportRequests)),
      maxInFlight: max(cell.samples.map((s) => s.maxInFlight)),
      requestsFloor: c.requestsFloor,
      wallFloorMs,
      requestsRatio: requests / c.requestsFloor,
      wallRatio: wallMs / wallFloorMs,
      roundTrips: waves,
      roundTripsFloor: c.roundTripsFloor,
      wavesLastRun: cell.samples[cell.samples.length - 1]?.waves ?? [],
      firstRequestMs: median(cell.samples.map((s) => s.firstRequestMs)),
      afterLastRequestMs: median(cell.samples.map((s) => s.afterLastRequestMs)),
      flags: max(cell.samples.map((s) => s.flags)),
      serverErrors: max(cell.samples.map((s) => s.serverErrors)),
      results: [...new Set(cell.samples.map((s) => s.result))],
      requestsGoal: max(cell.samples.map((s) => s.requests)) <= c.requestsFloor + 1,
      samples: cell.samples,
      timeline: cell.timeline
    }
  })

  const firstRequestMs = median(cells.flatMap((cell) => cell.samples.map((s) => s.firstRequestMs)))
  const topLatency = LATENCIES_MS[LATENCIES_MS.length - 1]
  const row = (/** @type {string} */ name, /** @type {number} */ latencyMs) => {
    const r = rows.find((x) => x.case === name && x.latencyMs === latencyMs)
    if (!r) throw new Error(`no row ${name} at ${latencyMs} ms`)
    return r
  }
  const caseOf = (/** @type {string} */ name) => {
    const c = cases.find((x) => x.name === name)
    if (!c) throw new Error(`no case ${name}`)
    return c
  }
  const ten = row('ten', topLatency)
  const whole = row('whole', topLatency)
  const tenBound = caseOf('ten').startup.startupMs + 3 * topLatency
  const wholeBound = caseOf('whole').startup.startupMs + 8 * topLatency
  const goals = [
    {
      id: 'requests',
      goal: 'requests per audit ≤ distinct probes + 1 (every case and latency, worst run)',
      measured: rows.map((r) => `${r.case}@${r.latencyMs}: ${r.maxRequests}/${r.requestsFloor}`).join(', '),
      pass: rows.every((r) => r.requestsGoal)
    },
    {
      id: 'ten-wall',
      goal: `10 permissions at ${topLatency} ms: wall ≤ start-up + 3 round trips (${tenBound.toFixed(0)} ms)`,
      measured: `${ten.wallMs.toFixed(0)} ms (${ten.roundTrips} round trips)`,
      pass: ten.wallMs <= tenBound
    },
    {
      id: 'whole-wall',
      goal: `whole catalog at ${topLatency} ms: wall ≤ start-up + 8 round trips (${wholeBound.toFixed(0)} ms), ≤ ${MAX_IN_FLIGHT} in flight`,
      measured: `${whole.wallMs.toFixed(0)} ms (${whole.roundTrips} round trips), ${whole.maxInFlight} in flight`,
      pass: whole.wallMs <= wholeBound && whole.maxInFlight <= MAX_IN_FLIGHT
    },
    {
      id: 'startup',
      goal: 'start-up to first request ≤ bare node -e 0 + 100 ms',
      measured: `${firstRequestMs.toFixed(0)} ms vs ${bareMs.toFixed(0)} ms (+${(firstRequestMs - bareMs).toFixed(0)} ms)`,
      pass: firstRequestMs - bareMs <= 100
    },
    {
      id: 'bundle-size',
      goal: `${entry} ≤ 1 MB (1,000,000 bytes)`,
      measured: `${distBytes.toLocaleString('en-US')} bytes (${(distBytes / 1024).toFixed(0)} KiB)`,
      pass: distBytes <= ONE_MB
    }
  ]

  return {
    schemaVersion: 1,
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverage,
      runs,
      entry,
      gitHead: head ?? null,
      entryCommitted: committed ?? null,
      latenciesMs: [...LATENCIES_MS],
      repository: REPOSITORY,
      token: 'everything (fine-grained, every permission)'
    },
    method: {
      wall: 'process spawn to exit of `node dist/index.js` (tools/run-action.js), median of the runs',
      requests: 'requests the simulator received in one run (reset between runs), median; the report\'s stats.requests is shown beside it',
      requestsFloor: 'distinct (method, template) pairs the simulator recorded: the distinct probes the audit needs, GET /user and the repository context request included',
      startup: 'median wall time of bare `node -e 0` (same minimal environment as the action) + the action\'s own start-up = its spawn-to-first-request time in the case\'s 0 ms runs, minus bare node',
      wallFloor: `start-up + ceil(requests floor / ${MAX_IN_FLIGHT}) × latency: every probe at once, ${MAX_IN_FLIGHT} in flight at most`,
      roundTrips: 'sequential round trips seen by the simulator: the longest chain of requests each received after the previous one\'s response was sent (arrival + latency), median; – at 0 ms',
      afterLastRequest: 'from the last response (last arrival + latency) to process exit, median'
    },
    bareNodeMs: bareMs,
    bareNodeSamplesMs: bare,
    firstRequestMs,
    distBytes,
    distLimitBytes: ONE_MB,
    distMiB: distBytes / ONE_MIB,
    cases,
    rows,
    goals
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

/** @param {boolean} pass */
const mark = (pass) => (pass ? 'PASS' : 'MISS')

/**
 * @param {string[]} header
 * @param {string[][]} body
 */
function table(header, body) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)))
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [line(header), `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n')
}

/** @param {ReturnType<typeof analyse>} r */
function printText(r) {
  const env = r.environment
  const out = []
  const state = env.entryCommitted === null ? '' : env.entryCommitted ? ` (as committed at ${env.gitHead?.slice(0, 7)})` : ` (NOT the version committed at ${env.gitHead?.slice(0, 7)}: uncommitted changes)`
  out.push(`pat-audit benchmark: ${env.entry}${state} against the simulator on 127.0.0.1`)
  out.push(`${env.node}, ${env.platform}, ${env.cpus} cores (${env.cpuModel}), load average ${env.loadAverage.start.toFixed(2)} → ${env.loadAverage.end.toFixed(2)}; ${env.runs} run(s) per cell`)
  out.push(`token: ${env.token}; repository ${env.repository}`)
  out.push('')
  out.push('Cases:')
  for (const c of r.cases) {
    out.push(`  ${c.name.padEnd(5)} ${c.title}: ${c.permissions} permissions → ${c.probes} distinct probes (${c.evidenceProbes - 1} cited as evidence in the report, + GET /user)`)
  }
  out.push('')
  out.push('How each floor is computed:')
  out.push(`  requests floor = ${r.method.requestsFloor}; goal: requests ≤ floor + 1`)
  out.push(`  start-up       = ${r.method.startup}`)
  for (const c of r.cases) {
    out.push(`                   ${c.name}: ${c.startup.bareNodeMs.toFixed(0)} ms + ${c.startup.ownStartupMs.toFixed(0)} ms = ${c.startup.startupMs.toFixed(0)} ms`)
  }
  out.push(`  wall floor     = ${r.method.wallFloor}`)
  for (const c of r.cases) {
    out.push(`                   ${c.name}: ${c.startup.startupMs.toFixed(0)} ms + ${c.roundTripsFloor} × latency (ceil(${c.probes} / ${MAX_IN_FLIGHT}) = ${c.roundTripsFloor})`)
  }
  out.push(`  wall           = ${r.method.wall}`)
  out.push(`  round trips    = ${r.method.roundTrips}`)
  out.push('')
  out.push(
    table(
      ['case', 'latency', 'wall ms', 'requests', 'report', 'in flight', 'floor req', 'floor wall ms', 'req/floor', 'wall/floor', 'round trips', 'floor RTs', 'after last ms', 'req goal'],
      r.rows.map((x) => [
        x.case,
        `${x.latencyMs} ms`,
        x.wallMs.toFixed(0),
        String(x.requests),
        String(x.reportRequests),
        String(x.maxInFlight),
        String(x.requestsFloor),
        x.wallFloorMs.toFixed(0),
        x.requestsRatio.toFixed(2),
        x.wallRatio.toFixed(2),
        x.roundTrips === null ? '–' : String(x.roundTrips),
        String(x.roundTripsFloor),
        x.afterLastRequestMs.toFixed(0),
        mark(x.requestsGoal)
      ])
    )
  )
  out.push('')
  out.push(`Round trips at ${LATENCIES_MS[LATENCIES_MS.length - 1]} ms (requests in each, last run), and the requests alone in a round trip:`)
  for (const x of r.rows.filter((y) => y.latencyMs === LATENCIES_MS[LATENCIES_MS.length - 1])) {
    const lone = lonelyRequests(x.timeline, x.latencyMs)
    out.push(`  ${x.case.padEnd(5)} ${x.wavesLastRun.join(' + ')}${lone.length ? `   alone: ${lone.join('; ')}` : ''}`)
  }
  out.push('')
  out.push(`Start-up: node ${env.entry} spawn → first request ${r.firstRequestMs.toFixed(0)} ms (median of every run) vs bare node -e 0 ${r.bareNodeMs.toFixed(0)} ms (median of ${env.runs})`)
  out.push(`Bundle:   ${env.entry} ${r.distBytes.toLocaleString('en-US')} bytes (${(r.distBytes / 1024).toFixed(0)} KiB, ${r.distMiB.toFixed(2)} MiB)`)
  const failing = r.rows.filter((x) => x.serverErrors > 0)
  if (failing.length) out.push(`WARNING: the simulator answered 5xx or nothing in ${failing.map((x) => `${x.case}@${x.latencyMs}`).join(', ')}: those figures include retries and are not representative`)
  if (env.loadAverage.start > env.cpus / 2 || env.loadAverage.end > env.cpus / 2) {
    out.push(`WARNING: the machine was busy (1-minute load average ${env.loadAverage.start.toFixed(2)} at the start, ${env.loadAverage.end.toFixed(2)} at the end, ${env.cpus} cores): wall times are inflated`)
  }
  const flagged = r.rows.filter((x) => x.flags > 0)
  if (flagged.length) out.push(`WARNING: the simulator flagged requests that would have changed state: ${flagged.map((x) => `${x.case}@${x.latencyMs}`).join(', ')}`)
  out.push('')
  out.push('Goals:')
  for (const g of r.goals) out.push(`  ${mark(g.pass)}  ${g.goal}: ${g.measured}`)
  console.log(out.join('\n'))
}

/**
 * Requests that were alone in their round trip (steps nothing else overlapped), with the round trip's number.
 * @param {Cell['timeline']} timeline
 * @param {number} latencyMs
 */
function lonelyRequests(timeline, latencyMs) {
  const depths = depthsOf(timeline.map((t) => t.atMs), latencyMs)
  /** @type {Map<number, Cell['timeline']>} */
  const byDepth = new Map()
  timeline.forEach((t, i) => {
    const d = depths[i] ?? 1
    byDepth.set(d, [...(byDepth.get(d) ?? []), t])
  })
  return [...byDepth]
    .sort(([a], [b]) => a - b)
    .flatMap(([d, ts]) => (ts.length === 1 && ts[0] ? [`#${d} ${ts[0].method} ${ts[0].template} (${ts[0].status})`] : []))
}

// ---------------------------------------------------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2))
try {
  const results = await bench(options)
  // The organization inventory (mode: organization): tools/bench-inventory.js.
  const inventory = await benchInventory({ runs: options.runs, entry: options.entry, progress: (m) => (!options.json || process.stderr.isTTY ? process.stderr.write(`${m}\n`) : true) })
  if (options.json) console.log(JSON.stringify({ ...results, inventory }, null, 2))
  else {
    printText(results)
    console.log(inventoryText(inventory))
  }
  if (results.rows.some((x) => x.flags > 0 || x.serverErrors > 0) || inventory.rows.some((x) => x.flags > 0 || x.nonGet > 0)) process.exitCode = 1
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
