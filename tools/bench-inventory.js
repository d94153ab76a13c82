// @ts-check
/**
 * The organization inventory's part of `npm run bench`: the bundle in `mode: organization` against the simulator's
 * organization of 1,020 token grants and 50 pending requests (tools/simulator/inventory.js: 11 + 1 pages of 100),
 * at 0, 100 and 500 ms of latency, N runs each. Goal: round trips ≤ 1 + ceil((pages − 1) / 10), the first page of
 * each list, then every other page at once, ten in flight.
 *
 * Round trips are counted as tools/bench.js counts them, from the simulator's side: a request's round trip is 1 + the
 * highest round trip of the requests answered (arrival + latency) before it arrived. The simulator answers one request
 * at a time, so its own processing spreads the arrivals of a wave of ten (about 3 ms a request on a quiet machine,
 * 30 ms at a load average of 17 on 2 cores): once that spread exceeds the latency, it counts round trips the action
 * did not make. 500 ms keeps the count exact even on a busy machine; the load average is printed with the figures.
 */
import { loadavg } from 'node:os'
import { startSimulator } from './simulator/server.js'
import { inventory } from './simulator/inventory.js'
import { runAction } from './run-action.js'

const LATENCIES_MS = /** @type {const} */ ([0, 100, 500])
const MAX_IN_FLIGHT = 10

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] ?? NaN : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

/**
 * @param {number[]} arrivals epoch ms
 * @param {number} latencyMs
 */
export function roundTrips(arrivals, latencyMs) {
  if (latencyMs <= 0) return null
  const order = [...arrivals].sort((a, b) => a - b)
  /** @type {number[]} */
  const depth = []
  order.forEach((at, k) => {
    let d = 1
    for (let j = 0; j < k; j++) if ((order[j] ?? 0) + latencyMs <= at) d = Math.max(d, (depth[j] ?? 1) + 1)
    depth[k] = d
  })
  return Math.max(0, ...depth)
}

/**
 * @param {{ runs: number, entry: string, progress: (message: string) => void }} options
 */
export async function benchInventory({ runs, entry, progress }) {
  const rows = []
  for (const latencyMs of LATENCIES_MS) {
    const world = inventory({ latencyMs })
    const admin = world.tokens.find((t) => t.name === 'org-admin-acme')?.value ?? ''
    const sim = await startSimulator(world)
    try {
      const samples = []
      for (let i = 0; i < runs; i++) {
        sim.reset()
        const run = await runAction({ inputs: { mode: 'organization', organization: 'acme', 'org-admin-token': admin, 'api-url': sim.url, 'fail-on': 'never' }, env: { GITHUB_API_URL: sim.url }, entry, timeoutMs: 120_000 })
        if (run.code !== 0 || run.outputs.tokens !== '1020') throw new Error(`inventory run exited with ${run.code}, tokens=${run.outputs.tokens}: ${(run.stderr || run.stdout).slice(0, 1000)}`)
        const records = [...sim.requests]
        const pages = records.length
        samples.push({
          wallMs: run.wallMs,
          requests: records.length,
          pages,
          maxInFlight: sim.maxInFlight,
          roundTrips: roundTrips(records.map((r) => r.at), latencyMs),
          bound: 1 + Math.ceil((pages - 1) / MAX_IN_FLIGHT),
          flags: sim.flags.length,
          nonGet: records.filter((r) => r.method !== 'GET').length
        })
      }
      const row = {
        latencyMs,
        wallMs: median(samples.map((s) => s.wallMs)),
        requests: median(samples.map((s) => s.requests)),
        maxInFlight: Math.max(...samples.map((s) => s.maxInFlight)),
        roundTrips: latencyMs > 0 ? median(samples.map((s) => s.roundTrips ?? 0)) : null,
        bound: median(samples.map((s) => s.bound)),
        flags: Math.max(...samples.map((s) => s.flags)),
        nonGet: Math.max(...samples.map((s) => s.nonGet)),
        samples
      }
      rows.push(row)
      progress(`inventory @ ${latencyMs} ms: median ${row.wallMs.toFixed(0)} ms, ${row.requests} requests, ${row.roundTrips ?? '–'} round trips (bound ${row.bound})`)
    } finally {
      await sim.close()
    }
  }
  // The goal is judged at the highest latency, where the simulator's own processing cannot add round trips.
  const top = rows[rows.length - 1]
  return {
    rows,
    loadAverage: loadavg()[0] ?? 0,
    goal: {
      goal: `organization inventory (1,020 grants + 50 requests) at ${top?.latencyMs} ms: round trips ≤ 1 + ceil((pages − 1) / 10), ≤ 10 in flight, GET only`,
      measured: `${top?.roundTrips} round trips (bound ${top?.bound}), ${top?.requests} requests, ${Math.max(...rows.map((r) => r.maxInFlight))} in flight at most`,
      pass: top !== undefined && (top.roundTrips ?? Infinity) <= top.bound && rows.every((r) => r.maxInFlight <= MAX_IN_FLIGHT && r.nonGet === 0)
    }
  }
}

/** @param {Awaited<ReturnType<typeof benchInventory>>} result */
export function inventoryText(result) {
  const out = ['', 'Organization inventory (mode: organization, 1,020 grants and 50 requests, 12 pages):', '']
  out.push('| latency | wall ms | requests | in flight | round trips | bound |', '|:--|--:|--:|--:|--:|--:|')
  for (const r of result.rows) out.push(`| ${r.latencyMs} ms | ${r.wallMs.toFixed(0)} | ${r.requests} | ${r.maxInFlight} | ${r.roundTrips ?? '–'} | ${r.bound} |`)
  out.push('', `  ${result.goal.pass ? 'PASS' : 'MISS'}  ${result.goal.goal}: ${result.goal.measured} (load average ${result.loadAverage.toFixed(2)}; below 500 ms, the simulator's own processing of a wave of ten can count extra round trips on a busy machine)`)
  return out.join('\n')
}
