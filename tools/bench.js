// @ts-check
/**
 * `npm run bench`: the action against the floor it could reach, as ratios, in one paired run against bare Node.
 *
 * The bundle (dist/index.js, or `--entry FILE`) runs as a process exactly as a runner starts it (tools/run-action.js)
 * against the loopback simulator (127.0.0.1 only) with 0, 50, 100 and 300 ms added before every response. Every run
 * of the action is paired with a run of bare `node -e 0` just before it, in the same environment, so both see the
 * same machine load; every figure is a median of the runs (at least 15 for the goals to count).
 *
 * Floors, never taken from what the action sent:
 *   - requests floor = distinct probes the catalog (`pat-audit catalog --json`) names for the required levels (their
 *     exclusive alternatives included; with report-excess, every probed level above the requirement too) + 1 for
 *     GET /user; with `repositories`, + what listing the token's repositories needs at best: min(ceil(R / 100) + U, N)
 *     for N named repositories, R the token can list and U named but not listable (counted by the bench itself
 *     against the simulator, not by the action).
 *   - wall floor = bare `node -e 0` (spawn to exit) + ceil(requests floor / 10) × round-trip time: every request sent
 *     at once, ten in flight at most, and no start-up or exit of its own.
 * Measured:
 *   - start-up: spawn → the simulator receives the first request, against bare `node -e 0` spawn → exit;
 *   - exit: the simulator writes the last response → the process has exited;
 *   - peak RSS: the program's own high-water mark at exit (VmHWM; tools/bench-rss.cjs, preloaded into bare node and the
 *     action alike). The probe runs in the process's own exit and reports its own time with the figure; that time is
 *     taken out of every wall and exit measured (bare node's included): they are the program's, not the probe's;
 *   - round trips: the longest chain of requests each received after the previous one's answer was written.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { startSimulator } from './simulator/server.js'
import { allPermissions, everything, fleet } from './simulator/scenarios.js'
import { DIST_ENTRY, ROOT, runAction } from './run-action.js'
import { benchInventory, inventoryText } from './bench-inventory.js'

/** @typedef {import('./simulator/server.js').Simulator} Simulator */
/** @typedef {import('./simulator/server.js').Scenario} Scenario */
/** @typedef {import('./simulator/server.js').RecordedRequest} RecordedRequest */
/** @typedef {'read' | 'write' | 'admin'} Level */

const LATENCIES_MS = [0, 50, 100, 300]
/** The action's bound on requests in flight (src/facts/limits.ts MAX_IN_FLIGHT; __tests__/unit/facts.test.ts holds the two equal); the floors assume it. */
const MAX_IN_FLIGHT = 10
const PAGE_SIZE = 100
const MIN_RUNS_FOR_GOALS = 15
const MAX_RUNS = 100
const RSS_PROBE = join(ROOT, 'tools', 'bench-rss.cjs')
const EXIT_REFERENCE = join(ROOT, 'tools', 'bench-exit-reference.cjs')
const REPOSITORY = 'acme/infra'
const LEVEL_RANK = { read: 1, write: 2, admin: 3 }

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
/** @type {Array<[string, Level]>} */
const WHOLE = /** @type {Array<[string, Level]>} */ (Object.entries(allPermissions('fpt')).sort(([a], [b]) => (a < b ? -1 : 1)))
/** Thirty of the catalog, at their highest level: every second and fifth name, deterministic and mixed in scope. */
const THIRTY = WHOLE.filter((_, i) => i % 2 === 0 || i % 5 === 0).slice(0, 30)
const FLEET_REPOSITORIES = Array.from({ length: 1000 }, (_, i) => `acme/service-${String(i + 1).padStart(4, '0')}`)

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {string} title
 * @property {'everything' | 'fleet'} world
 * @property {Array<[string, Level]>} required
 * @property {boolean} reportExcess
 * @property {string[]} repositories
 * @property {Record<number, number>} wallGoals  latency → the highest wall / floor accepted
 */

/** @type {BenchCase[]} */
const CASES = [
  { name: 'one', title: '1 permission (contents: write)', world: 'everything', required: [['contents', 'write']], reportExcess: false, repositories: [], wallGoals: {} },
  { name: 'ten', title: '10 permissions (5 repository, 4 organization, 1 account)', world: 'everything', required: TEN, reportExcess: false, repositories: [], wallGoals: { 100: 1.6 } },
  { name: 'thirty', title: '30 permissions at their highest level', world: 'everything', required: THIRTY, reportExcess: false, repositories: [], wallGoals: {} },
  { name: 'whole', title: `the whole catalog (${WHOLE.length} permissions at their highest level)`, world: 'everything', required: WHOLE, reportExcess: false, repositories: [], wallGoals: { 100: 1.25 } },
  { name: 'excess', title: 'the 10 permissions with report-excess: true', world: 'everything', required: TEN, reportExcess: true, repositories: [], wallGoals: {} },
  { name: 'repos', title: 'contents: read with 1,000 repositories (fleet token: 3 of them unreachable)', world: 'fleet', required: [['contents', 'read']], reportExcess: false, repositories: FLEET_REPOSITORIES, wallGoals: { 100: 1.8 } }
]

// ---------------------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------------------

const USAGE = `usage: node tools/bench.js [--runs N] [--quick] [--latencies 0,100] [--cases one,ten] [--json] [--entry FILE]
  --runs N         paired runs per case and latency (default ${MIN_RUNS_FOR_GOALS}; goals count only with at least ${MIN_RUNS_FOR_GOALS})
  --quick          3 runs each: a look, not a measurement
  --latencies L    round-trip times to add, in ms (default ${LATENCIES_MS.join(',')})
  --cases C        only these cases (${CASES.map((c) => c.name).join(', ')})
  --json           print the results, every sample included, as JSON
  --entry FILE     measure another bundle (a candidate build) instead of dist/index.js`

/**
 * @typedef {object} Options
 * @property {number} runs
 * @property {boolean} json
 * @property {string} entry
 * @property {number[]} latencies
 * @property {BenchCase[]} cases
 */

/** @param {string[]} argv @returns {Options} */
function parseArgs(argv) {
  /** @type {Options} */
  const options = { runs: MIN_RUNS_FOR_GOALS, json: false, entry: DIST_ENTRY, latencies: LATENCIES_MS, cases: CASES }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') usage(`${flag} expects a value`)
      return /** @type {string} */ (v)
    }
    if (flag === '--json') options.json = true
    else if (flag === '--quick') options.runs = 3
    else if (flag === '--entry') options.entry = resolve(value())
    else if (flag === '--runs') {
      const v = value()
      if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > MAX_RUNS) usage(`--runs expects a whole number from 1 to ${MAX_RUNS}`)
      options.runs = Number(v)
    } else if (flag === '--latencies') {
      const list = value().split(',').map((s) => s.trim())
      if (list.some((s) => !/^\d{1,4}$/.test(s))) usage('--latencies expects whole numbers of ms, comma-separated')
      options.latencies = [...new Set(list.map(Number))].sort((a, b) => a - b)
    } else if (flag === '--cases') {
      const names = value().split(',').map((s) => s.trim())
      const unknown = names.filter((n) => !CASES.some((c) => c.name === n))
      if (unknown.length) usage(`unknown case ${unknown.join(', ')}`)
      options.cases = CASES.filter((c) => names.includes(c.name))
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else usage(`unknown argument ${JSON.stringify(arg)}`)
  }
  return options
}

/** @param {string} message @returns {never} */
function usage(message) {
  console.error(`bench: ${message}\n${USAGE}`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------------------------
// Floors, from the catalog and the simulated world
// ---------------------------------------------------------------------------------------------------------------

/**
 * @typedef {object} CatalogRow
 * @property {string} permission
 * @property {Level} level
 * @property {boolean} formOnly
 * @property {string | null} probe
 * @property {Array<{ permission: string, level: Level, probe: string | null }>} alternatives
 */

/** The catalog the bundle ships, as `pat-audit catalog --json` prints it. @param {string} entry @returns {CatalogRow[]} */
function readCatalog(entry) {
  const cli = [join(dirname(entry), 'cli.js'), join(ROOT, 'dist', 'cli.js')].find((f) => existsSync(f))
  if (!cli) throw new Error('no cli.js beside the bundle: run npm run bundle')
  const out = execFileSync(process.execPath, [cli, 'catalog', '--json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  return /** @type {{ rows: CatalogRow[] }} */ (JSON.parse(out)).rows
}

/**
 * The distinct probes an audit of these levels needs, by the catalog: each level's probe and its exclusive
 * alternatives' probes; with report-excess, the same for every probed level above the requirement (metadata and
 * form-only permissions aside, which no token can be without or which no request proves).
 * @param {CatalogRow[]} rows
 * @param {BenchCase} c
 */
function catalogProbes(rows, c) {
  /** @type {Set<string>} */
  const probes = new Set()
  /** @param {CatalogRow} row */
  const add = (row) => {
    if (!row.probe) return
    probes.add(row.probe)
    for (const alt of row.alternatives) if (alt.probe) probes.add(alt.probe)
  }
  for (const [name, level] of c.required) {
    const row = rows.find((r) => r.permission === name && r.level === level)
    if (!row) throw new Error(`case ${c.name}: '${name}: ${level}' is not in the catalog`)
    add(row)
  }
  if (c.reportExcess) {
    const required = new Map(c.required.map(([name, level]) => [name, LEVEL_RANK[level]]))
    for (const row of rows) {
      if (row.formOnly || row.permission === 'metadata') continue
      if (LEVEL_RANK[row.level] > (required.get(row.permission) ?? 0)) add(row)
    }
  }
  return probes
}

/**
 * What repository coverage needs at best, counted by the bench against the simulator with the case's token (before
 * any run, not through the action): N named, R listable by the token, U named but not listable.
 * @param {Simulator} sim
 * @param {string} token
 * @param {string[]} named
 */
async function coverageFloor(sim, token, named) {
  if (named.length === 0) return { named: 0, listable: 0, unlisted: 0, requests: 0 }
  /** @type {Set<string>} */
  const listed = new Set()
  for (let page = 1; page <= 1000; page++) {
    const response = await fetch(`${sim.url}/user/repos?per_page=${PAGE_SIZE}&page=${page}`, { headers: { authorization: `Bearer ${token}` } })
    const list = /** @type {Array<{ full_name: string }>} */ (await response.json())
    for (const r of list) listed.add(r.full_name.toLowerCase())
    if (list.length < PAGE_SIZE) break
  }
  sim.reset()
  const unlisted = named.filter((n) => !listed.has(n.toLowerCase())).length
  return { named: named.length, listable: listed.size, unlisted, requests: Math.min(Math.ceil(listed.size / PAGE_SIZE) + unlisted, named.length) }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------------------------

/** @param {number[]} values */
function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2
}

/** @param {number[]} values */
const max = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity)

/**
 * Round trip (1-based) of each request: 1 + the highest round trip among the requests whose answer had been written
 * (respondedAt: after the simulator's own work and the added latency) before it arrived. Requests in the same round
 * trip overlap. The simulator's own processing time thus never splits a round trip in two.
 * @param {Array<{ at: number, respondedAt: number }>} records epoch ms
 */
function depthsOf(records) {
  const order = records.map((r, i) => ({ ...r, i })).sort((a, b) => a.at - b.at)
  /** @type {number[]} */
  const depth = new Array(records.length).fill(1)
  for (let k = 0; k < order.length; k++) {
    const q = /** @type {{ at: number, respondedAt: number, i: number }} */ (order[k])
    for (let j = 0; j < k; j++) {
      const r = /** @type {{ at: number, respondedAt: number, i: number }} */ (order[j])
      if (r.respondedAt <= q.at) depth[q.i] = Math.max(depth[q.i], depth[r.i] + 1)
    }
  }
  return depth
}

// ---------------------------------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------------------------------

/**
 * @typedef {object} BareSample
 * @property {number} wallMs  spawn to exit
 * @property {number} rssKiB  peak RSS
 */

/**
 * @typedef {object} RunSample
 * @property {number} wallMs            spawn to exit
 * @property {number} firstRequestMs    spawn to the simulator receiving the first request
 * @property {number} afterLastMs       last response written to exit
 * @property {number} rssKiB            peak RSS
 * @property {number} requests          requests the simulator received
 * @property {number} roundTrips        (0 at 0 ms latency: every request counts as overlapping)
 * @property {number[]} perRoundTrip    requests in each round trip
 * @property {number} maxInFlight
 * @property {number} flags             requests the simulator judged would have changed state
 * @property {number} serverErrors      5xx or no answer: the simulator failed, the run is not representative
 * @property {string} result
 */

/**
 * What tools/bench-rss.cjs wrote to its pipe: the peak RSS and the probe's own time at exit (NaN and 0 when it wrote
 * nothing: the process did not reach its exit handlers).
 * @param {string} text @returns {{ rssKiB: number, probeMs: number }}
 */
function parseProbe(text) {
  const [kib, micros] = text.trim().split(/\s+/).map(Number)
  return { rssKiB: kib || NaN, probeMs: Number.isFinite(micros) ? /** @type {number} */ (micros) / 1000 : 0 }
}

/** Bare `node -e 0` with the RSS probe, in the environment run-action.js gives the action. @returns {Promise<BareSample>} */
async function bareNode() {
  const dir = await mkdtemp(join(tmpdir(), 'pat-audit-bench-'))
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PAT_AUDIT_BENCH_RSS_FD: '3' }
    const started = performance.now()
    /** @type {string} */
    const probed = await new Promise((resolveRun, reject) => {
      const child = spawn(process.execPath, ['--require', RSS_PROBE, '-e', '0'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env, cwd: dir })
      let text = ''
      child.stdio[3]?.on('data', (d) => (text += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.on('error', reject)
      child.on('close', (code) => {
        clearTimeout(timer)
        if (code === 0) resolveRun(text)
        else reject(new Error(`node -e 0 exited with ${code}`))
      })
    })
    const wallMs = performance.now() - started
    const { rssKiB, probeMs } = parseProbe(probed)
    return { wallMs: wallMs - probeMs, rssKiB }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * @param {Simulator} sim
 * @param {string} token
 * @param {BenchCase} c
 * @param {number} latencyMs
 * @param {string} entry
 * @returns {Promise<RunSample>}
 */
async function actionRun(sim, token, c, latencyMs, entry) {
  sim.reset()
  const run = await runAction({
    inputs: {
      token,
      repository: REPOSITORY,
      'required-permissions': c.required.map(([name, level]) => `${name}: ${level}`).join('\n'),
      'api-url': sim.url,
      'fail-on': 'never',
      ...(c.reportExcess ? { 'report-excess': 'true' } : {}),
      ...(c.repositories.length ? { repositories: c.repositories.join('\n') } : {})
    },
    env: { GITHUB_API_URL: sim.url, PAT_AUDIT_BENCH_RSS_FD: '3' },
    nodeArgs: ['--require', RSS_PROBE],
    probe: true,
    entry,
    timeoutMs: 120_000
  })
  const records = [...sim.requests]
  if (run.code !== 0 || !run.outputs.report) throw new Error(`${relative(ROOT, entry)} exited with ${run.code} (${c.name}, ${latencyMs} ms): ${(run.stderr || run.stdout).slice(0, 2000)}`)
  const report = /** @type {{ result?: string, inputErrors?: string[] }} */ (JSON.parse(run.outputs.report))
  if (report.inputErrors) throw new Error(`input errors (${c.name}): ${report.inputErrors.join(' ')}`)
  if (records.length === 0) throw new Error(`no request reached the simulator (${c.name}, ${latencyMs} ms)`)
  const arrivals = records.map((r) => r.at)
  const responses = records.map((r) => r.respondedAt ?? r.at + latencyMs)
  const depths = latencyMs > 0 ? depthsOf(records.map((r, i) => ({ at: r.at, respondedAt: /** @type {number} */ (responses[i]) }))) : []
  /** @type {number[]} */
  const perRoundTrip = []
  for (const d of depths) perRoundTrip[d - 1] = (perRoundTrip[d - 1] ?? 0) + 1
  const { rssKiB, probeMs } = parseProbe(run.probe)
  return {
    wallMs: run.wallMs - probeMs,
    firstRequestMs: Math.min(...arrivals) - run.spawnedAt,
    afterLastMs: run.exitedAt - Math.max(...responses) - probeMs,
    rssKiB,
    requests: records.length,
    roundTrips: perRoundTrip.length,
    perRoundTrip: [...perRoundTrip].map((n) => n ?? 0),
    maxInFlight: sim.maxInFlight,
    flags: sim.flags.length,
    serverErrors: records.filter((r) => r.status >= 500 || r.status === 0).length,
    result: report.result ?? '?'
  }
}

/** @param {'everything' | 'fleet'} world @param {number} latencyMs */
async function startWorld(world, latencyMs) {
  const scenario = world === 'fleet' ? fleet() : everything()
  scenario.latencyMs = latencyMs
  const name = world === 'fleet' ? 'fleet' : 'everything'
  const token = scenario.tokens.find((t) => t.name === name)?.value
  if (!token) throw new Error(`the ${world} scenario has no ${name} token`)
  return { sim: await startSimulator(scenario), token }
}

/**
 * @typedef {object} Cell
 * @property {string} case
 * @property {number} latencyMs
 * @property {RunSample[]} samples
 * @property {BareSample[]} bare   the paired bare-node runs
 * @property {number[]} reference   the paired exit references' last response → exit (exitReference)
 */

/**
 * The exit row's reference: tools/bench-exit-reference.cjs (bare Node, one GET /user on its own HTTP client, ending by
 * itself), run as the action is, against the cell's simulator, paired with its runs. Its last response → exit is what
 * ending a Node process and seeing it end takes on this machine at that moment.
 * @param {Simulator} sim
 * @param {string} token
 * @param {number} latencyMs
 * @returns {Promise<number>}
 */
async function exitReference(sim, token, latencyMs) {
  sim.reset()
  const run = await runAction({ inputs: { token }, env: { GITHUB_API_URL: sim.url }, entry: EXIT_REFERENCE, timeoutMs: 30_000 })
  const answered = sim.requests.map((r) => r.respondedAt ?? r.at + latencyMs)
  if (run.code !== 0 || answered.length !== 1) throw new Error(`the exit reference exited with ${run.code} after ${answered.length} requests: ${run.stderr.slice(0, 500)}`)
  return run.exitedAt - Math.max(...answered)
}

/** @param {Options} options */
async function bench(options) {
  const { runs, entry, latencies, json } = options
  /** @param {string} message */
  const progress = (message) => {
    if (!json || process.stderr.isTTY) process.stderr.write(`${message}\n`)
  }
  const loadAtStart = loadavg()[0] ?? 0
  const rows = readCatalog(entry)

  // Floors, before any run.
  /** @type {Map<string, { probes: number, coverage: Awaited<ReturnType<typeof coverageFloor>>, requests: number }>} */
  const floors = new Map()
  for (const c of options.cases) {
    const { sim, token } = await startWorld(c.world, 0)
    try {
      const probes = catalogProbes(rows, c).size
      const coverage = await coverageFloor(sim, token, c.repositories)
      floors.set(c.name, { probes, coverage, requests: probes + 1 + coverage.requests })
    } finally {
      await sim.close()
    }
  }

  /** @type {Cell[]} */
  const cells = []
  for (const latencyMs of latencies) {
    /** @type {Map<string, { sim: Simulator, token: string }>} */
    const worlds = new Map()
    try {
      for (const c of options.cases) if (!worlds.has(c.world)) worlds.set(c.world, await startWorld(c.world, latencyMs))
      if (latencyMs === latencies[0]) {
        // Unrecorded warm-up: the first spawns pay for a cold file cache.
        const first = /** @type {BenchCase} */ (options.cases[0])
        const w = /** @type {{ sim: Simulator, token: string }} */ (worlds.get(first.world))
        await bareNode()
        await actionRun(w.sim, w.token, first, latencyMs, entry)
      }
      for (const c of options.cases) {
        const w = /** @type {{ sim: Simulator, token: string }} */ (worlds.get(c.world))
        /** @type {Cell} */
        const cell = { case: c.name, latencyMs, samples: [], bare: [], reference: [] }
        for (let i = 0; i < runs; i++) {
          // Paired: bare node, the action and the exit reference back to back, in alternating order.
          if (i % 2 === 0) cell.bare.push(await bareNode())
          cell.samples.push(await actionRun(w.sim, w.token, c, latencyMs, entry))
          if (i % 2 === 1) cell.bare.push(await bareNode())
          cell.reference.push(await exitReference(w.sim, w.token, latencyMs))
        }
        cells.push(cell)
        progress(`${c.name} @ ${latencyMs} ms: wall ${median(cell.samples.map((s) => s.wallMs)).toFixed(0)} ms, ${median(cell.samples.map((s) => s.requests))} requests, bare node ${median(cell.bare.map((b) => b.wallMs)).toFixed(0)} ms`)
      }
    } finally {
      for (const w of worlds.values()) await w.sim.close()
    }
  }
  /** @type {Record<string, number>} every .js file beside the entry: the entries and the bundle they load */
  const sizes = {}
  for (const file of (await readdir(dirname(entry))).filter((f) => f.endsWith('.js')).sort()) sizes[file] = (await stat(join(dirname(entry), file))).size
  return analyse({ options, floors, cells, sizes, loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 } })
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------------------------

/**
 * @param {{ options: Options, floors: Map<string, { probes: number, coverage: Awaited<ReturnType<typeof coverageFloor>>, requests: number }>, cells: Cell[], sizes: Record<string, number>, loadAverage: { start: number, end: number } }} raw
 */
function analyse({ options, floors, cells, sizes, loadAverage }) {
  const allBare = cells.flatMap((c) => c.bare)
  const bareWallMs = median(allBare.map((b) => b.wallMs))
  const bareRssKiB = median(allBare.map((b) => b.rssKiB))

  const rowsOut = cells.map((cell) => {
    const c = /** @type {BenchCase} */ (CASES.find((x) => x.name === cell.case))
    const floor = /** @type {{ probes: number, coverage: Awaited<ReturnType<typeof coverageFloor>>, requests: number }} */ (floors.get(c.name))
    const s = cell.samples
    const requests = median(s.map((x) => x.requests))
    const bareMs = median(cell.bare.map((b) => b.wallMs))
    const floorRoundTrips = Math.ceil(floor.requests / MAX_IN_FLIGHT)
    const wallFloorMs = bareMs + floorRoundTrips * cell.latencyMs
    const wallMs = median(s.map((x) => x.wallMs))
    const roundTrips = cell.latencyMs > 0 ? median(s.map((x) => x.roundTrips)) : null
    const roundTripsGoal = c.repositories.length > 0 ? 3 : Math.ceil(max(s.map((x) => x.requests)) / MAX_IN_FLIGHT)
    const wallGoal = c.wallGoals[cell.latencyMs]
    return {
      case: c.name,
      latencyMs: cell.latencyMs,
      runs: s.length,
      wallMs,
      bareMs,
      wallFloorMs,
      wallRatio: wallMs / wallFloorMs,
      wallGoal: wallGoal ?? null,
      requests,
      maxRequests: max(s.map((x) => x.requests)),
      requestsFloor: floor.requests,
      roundTrips,
      maxRoundTrips: cell.latencyMs > 0 ? max(s.map((x) => x.roundTrips)) : null,
      roundTripsGoal,
      perRoundTrip: s[s.length - 1]?.perRoundTrip ?? [],
      maxInFlight: max(s.map((x) => x.maxInFlight)),
      firstRequestMs: median(s.map((x) => x.firstRequestMs)),
      afterLastMs: median(s.map((x) => x.afterLastMs)),
      rssKiB: median(s.map((x) => x.rssKiB)),
      flags: max(s.map((x) => x.flags)),
      serverErrors: max(s.map((x) => x.serverErrors)),
      results: [...new Set(s.map((x) => x.result))],
      samples: s,
      bare: cell.bare
    }
  })

  const allSamples = cells.flatMap((c) => c.samples)
  const firstRequestMs = median(allSamples.map((x) => x.firstRequestMs))
  const perCase = options.cases.map((c) => {
    const caseCells = cells.filter((cell) => cell.case === c.name)
    const samples = caseCells.flatMap((cell) => cell.samples)
    return { case: c.name, afterLastMs: median(samples.map((x) => x.afterLastMs)), referenceMs: median(caseCells.flatMap((cell) => cell.reference)), rssKiB: median(samples.map((x) => x.rssKiB)) }
  })
  const worstExit = perCase.reduce((a, b) => (b.afterLastMs > a.afterLastMs ? b : a))
  const worstRss = perCase.reduce((a, b) => (b.rssKiB > a.rssKiB ? b : a))
  const enough = options.runs >= MIN_RUNS_FOR_GOALS
  const withLatency = rowsOut.filter((r) => r.latencyMs > 0)

  const goals = [
    {
      id: 'first-request',
      goal: 'spawn → first request ≤ 2.5 × bare node -e 0',
      measured: `${(firstRequestMs / bareWallMs).toFixed(2)} × (${firstRequestMs.toFixed(0)} ms vs ${bareWallMs.toFixed(0)} ms)`,
      pass: firstRequestMs <= 2.5 * bareWallMs
    },
    {
      id: 'exit',
      goal: 'last response → exit ≤ 20 ms (every case)',
      measured: `${worstExit.afterLastMs.toFixed(0)} ms at worst (${worstExit.case}); ${perCase.map((p) => `${p.case} ${p.afterLastMs.toFixed(0)}`).join(', ')}; for reference, bare Node's own HTTP client (one GET, ending by itself), paired in the same cells: ${perCase.map((p) => `${p.case} ${p.referenceMs.toFixed(0)}`).join(', ')}`,
      pass: worstExit.afterLastMs <= 20
    },
    {
      id: 'rss',
      goal: 'peak RSS ≤ 1.5 × bare node (every case)',
      measured: `${(worstRss.rssKiB / bareRssKiB).toFixed(2)} × at worst (${worstRss.case}: ${(worstRss.rssKiB / 1024).toFixed(1)} MiB vs ${(bareRssKiB / 1024).toFixed(1)} MiB)`,
      pass: worstRss.rssKiB <= 1.5 * bareRssKiB
    },
    {
      id: 'requests',
      goal: 'requests ≤ floor + 1 (every case, latency and run)',
      measured: options.cases.map((c) => `${c.name} ${max(rowsOut.filter((r) => r.case === c.name).map((r) => r.maxRequests))}/${floors.get(c.name)?.requests}`).join(', '),
      pass: rowsOut.every((r) => r.maxRequests <= r.requestsFloor + 1)
    },
    {
      id: 'round-trips',
      goal: 'round trips = ceil(requests / 10) (every case and latency > 0); ≤ 3 with 1,000 repositories',
      measured: withLatency.length ? withLatency.map((r) => `${r.case}@${r.latencyMs} ${r.roundTrips}/${r.roundTripsGoal}`).join(', ') : 'no latency > 0 measured',
      pass: withLatency.length > 0 && withLatency.every((r) => (r.roundTrips ?? Infinity) <= r.roundTripsGoal)
    },
    ...rowsOut
      .filter((r) => r.wallGoal !== null)
      .map((r) => ({
        id: `wall-${r.case}-${r.latencyMs}`,
        goal: `wall / floor at ${r.latencyMs} ms, ${r.case} ≤ ${r.wallGoal}`,
        measured: `${r.wallRatio.toFixed(2)} (${r.wallMs.toFixed(0)} ms vs ${r.wallFloorMs.toFixed(0)} ms)`,
        pass: r.wallRatio <= /** @type {number} */ (r.wallGoal)
      }))
  ]
  const missingWallGoals = options.cases.flatMap((c) => Object.keys(c.wallGoals).map(Number).filter((l) => !options.latencies.includes(l)).map((l) => `${c.name}@${l}`))

  return {
    schemaVersion: 2,
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverage,
      runs: options.runs,
      enoughRuns: enough,
      entry: relative(ROOT, options.entry).startsWith('..') ? options.entry : relative(ROOT, options.entry),
      ...provenance(options.entry),
      latenciesMs: options.latencies,
      sizes
    },
    bare: { wallMs: bareWallMs, rssKiB: bareRssKiB, runs: allBare.length },
    firstRequestMs,
    exitReferenceMs: cells.flatMap((cell) => cell.reference),
    floors: Object.fromEntries(floors),
    cases: options.cases.map((c) => ({ name: c.name, title: c.title, permissions: c.required.length, reportExcess: c.reportExcess, repositories: c.repositories.length })),
    perCase,
    rows: rowsOut,
    goals,
    missingWallGoals
  }
}

/**
 * Which bundle this is, from git without changing anything: the HEAD commit and whether every file of the bundle (the
 * entry and every file beside it: the shared code, its chunks, its data) is the one committed.
 * @param {string} entry
 * @returns {{ gitHead?: string, committed?: boolean }}
 */
function provenance(entry) {
  /** @param {string[]} args */
  const git = (args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim()
  try {
    const gitHead = git(['rev-parse', 'HEAD'])
    const dir = relative(ROOT, dirname(entry))
    if (dir.startsWith('..')) return { gitHead }
    // Tracked files that differ from HEAD, or files git does not track, under the bundle's directory.
    const changed = git(['status', '--porcelain', '--untracked-files=all', '--', dir || '.'])
    return { gitHead, committed: changed === '' }
  } catch {
    return {}
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

/** @param {boolean} pass */
const mark = (pass) => (pass ? 'PASS' : 'MISS')

/** @param {string[]} header @param {string[][]} body */
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
  const state = env.committed === undefined ? '' : env.committed ? ` (as committed at ${env.gitHead?.slice(0, 7)})` : ` (built from the working tree; HEAD ${env.gitHead?.slice(0, 7)})`
  out.push(`pat-audit benchmark: ${env.entry}${state}, against the simulator on 127.0.0.1, paired with bare node -e 0`)
  out.push(`${env.node}, ${env.platform}, ${env.cpus} cores (${env.cpuModel}), load average ${env.loadAverage.start.toFixed(2)} → ${env.loadAverage.end.toFixed(2)}; ${env.runs} paired runs per cell, medians`)
  out.push(`bare node -e 0: ${r.bare.wallMs.toFixed(1)} ms spawn → exit, ${(r.bare.rssKiB / 1024).toFixed(1)} MiB peak RSS (median of ${r.bare.runs})`)
  out.push(`bundle: ${Object.entries(env.sizes).map(([file, bytes]) => `${file} ${bytes.toLocaleString('en-US')} bytes`).join(', ')}`)
  out.push('')
  out.push('Cases (request floor from the catalog: distinct probes + GET /user, + repository coverage at best):')
  for (const c of r.cases) {
    const f = /** @type {{ probes: number, coverage: { named: number, listable: number, unlisted: number, requests: number }, requests: number }} */ (r.floors[c.name])
    const cov = f.coverage.named ? ` + ${f.coverage.requests} (min(ceil(${f.coverage.listable} listable / ${PAGE_SIZE}) + ${f.coverage.unlisted} unlisted, ${f.coverage.named} named))` : ''
    out.push(`  ${c.name.padEnd(6)} ${c.title}: floor ${f.probes} probes + 1${cov} = ${f.requests} requests`)
  }
  out.push('')
  out.push('wall floor = bare node -e 0 (paired, same cell) + ceil(floor / 10) × latency; round trips: longest chain of requests each sent after an answer')
  out.push(
    table(
      ['case', 'latency', 'requests', 'floor', 'round trips', 'ceil(req/10)', 'in flight', 'wall ms', 'floor ms', 'wall/floor', 'goal', 'first req ms', 'exit ms', 'RSS MiB'],
      r.rows.map((x) => [
        x.case,
        `${x.latencyMs} ms`,
        String(x.requests),
        String(x.requestsFloor),
        x.roundTrips === null ? '–' : String(x.roundTrips),
        x.roundTrips === null ? '–' : String(x.roundTripsGoal),
        String(x.maxInFlight),
        x.wallMs.toFixed(0),
        x.wallFloorMs.toFixed(0),
        x.wallRatio.toFixed(2),
        x.wallGoal === null ? '' : `≤ ${x.wallGoal}`,
        x.firstRequestMs.toFixed(0),
        x.afterLastMs.toFixed(0),
        (x.rssKiB / 1024).toFixed(1)
      ])
    )
  )
  const top = r.rows.filter((x) => x.latencyMs === Math.max(...env.latenciesMs) && x.latencyMs > 0)
  if (top.length) {
    out.push('')
    out.push(`Requests per round trip at ${top[0]?.latencyMs} ms (last run): ${top.map((x) => `${x.case} ${x.perRoundTrip.join('+')}`).join('; ')}`)
  }
  const failing = r.rows.filter((x) => x.serverErrors > 0)
  if (failing.length) out.push(`WARNING: the simulator answered 5xx or nothing in ${failing.map((x) => `${x.case}@${x.latencyMs}`).join(', ')}: not representative`)
  const flagged = r.rows.filter((x) => x.flags > 0)
  if (flagged.length) out.push(`WARNING: the simulator flagged requests that would have changed state: ${flagged.map((x) => `${x.case}@${x.latencyMs}`).join(', ')}`)
  if (env.loadAverage.start > env.cpus || env.loadAverage.end > env.cpus) {
    out.push(`NOTE: the machine was busy (load average ${env.loadAverage.start.toFixed(2)} → ${env.loadAverage.end.toFixed(2)} on ${env.cpus} cores); the pairing with bare node keeps the ratios comparable, not the milliseconds`)
  }
  out.push('')
  out.push(`Goals${env.enoughRuns ? '' : ` (indicative only: fewer than ${MIN_RUNS_FOR_GOALS} runs)`}:`)
  for (const g of r.goals) out.push(`  ${mark(g.pass)}  ${g.goal}: ${g.measured}`)
  if (r.missingWallGoals.length) out.push(`  (not measured: ${r.missingWallGoals.join(', ')})`)
  console.log(out.join('\n'))
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
