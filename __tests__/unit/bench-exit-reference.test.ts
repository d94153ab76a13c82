/**
 * tools/bench-exit-reference.cjs, the reference `npm run bench` prints beside its exit row: bare Node sends one
 * GET /user with the token on its own HTTP client and ends by itself once the answer is read.
 */
import { expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { startSimulator } from '../../tools/simulator/server.js'
import { everything } from '../../tools/simulator/scenarios.js'
import { runAction } from '../../tools/run-action.js'

it('sends one GET /user with the token and ends by itself after the answer, exit code 0', async () => {
  const scenario = everything()
  const token = scenario.tokens.find((t: { name: string }) => t.name === 'everything')?.value ?? ''
  const sim = await startSimulator(scenario)
  try {
    const run = await runAction({ inputs: { token }, env: { GITHUB_API_URL: sim.url }, entry: fileURLToPath(new URL('../../tools/bench-exit-reference.cjs', import.meta.url)), timeoutMs: 20_000 })
    expect(run.code).toBe(0)
    expect(sim.requests.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /user'])
    // The simulator answered the token it knows (a 401 would mean the token never reached it).
    expect(sim.requests[0]?.status).toBe(200)
    expect(run.exitedAt).toBeGreaterThanOrEqual(Math.max(...sim.requests.map((r: { respondedAt?: number; at: number }) => r.respondedAt ?? r.at)))
  } finally {
    await sim.close()
  }
})
