#!/usr/bin/env node
// @ts-check
/**
 * Starts the GitHub REST API simulator with a sample scenario and keeps it up until Ctrl-C.
 *
 *   node tools/simulator/cli.js [scenarioName]     (default: all)
 *
 * Prints the URL and the scenario's tokens (simulated values, not GitHub credentials), then one line per request.
 */
import { setInterval, clearInterval } from 'node:timers'
import { startSimulator } from './server.js'
import { SCENARIOS } from './scenarios.js'

const name = process.argv[2] ?? 'all'
const names = Object.keys(SCENARIOS)
if (!Object.hasOwn(SCENARIOS, name)) {
  console.error(`Unknown scenario '${name}'. Known: ${names.join(', ')}`)
  process.exit(1)
}
const scenario = SCENARIOS[/** @type {keyof typeof SCENARIOS} */ (name)]()
const sim = await startSimulator(scenario)

console.log(`GitHub API simulator (scenario '${name}', edition ${scenario.edition ?? 'fpt'}) listening on ${sim.url}`)
for (const token of scenario.tokens) console.log(`  token ${token.name} (${token.kind}): ${token.value}`)
console.log(`Try: curl -H "Authorization: Bearer ${scenario.tokens[0]?.value ?? ''}" ${sim.url}/user`)
console.log('Ctrl-C to stop.')

let printed = 0
const timer = setInterval(() => {
  for (; printed < sim.requests.length; printed++) {
    const r = sim.requests[printed]
    if (r) console.log(`${r.status} ${r.method} ${r.path} [${r.token}] ${r.template ?? '(no route)'}`)
  }
}, 200)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  clearInterval(timer)
  if (sim.flags.length > 0) {
    console.log(`${sim.flags.length} request(s) would have changed state:`)
    for (const f of sim.flags) console.log(`  ${f.method} ${f.path} [${f.token}]: ${f.reason}`)
  }
  if (sim.writes.length > 0) {
    console.log(`${sim.writes.length} workflow-token write(s) to its own repository's issues:`)
    for (const w of sim.writes) console.log(`  ${w.status} ${w.method} ${w.path} [${w.token}]`)
  }
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
