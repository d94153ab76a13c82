/** Talking to the simulator directly, for the simulator's own tests. */
import { startSimulator } from '../../tools/simulator/server.js'
import type { Scenario, ScenarioToken, Simulator } from '../../tools/simulator/server.js'
import { daysFromNow, fineGrainedTokenValue } from '../../tools/simulator/scenarios.js'

export interface Answer {
  status: number
  headers: Headers
  text: string
  json: unknown
}

/** A request by token name (or a raw token value, or null for none); `path` may be an absolute URL. */
export type Call = (token: string | null, method: string, path: string, body?: unknown) => Promise<Answer>

/** Starts a simulator, hands it and a caller to `fn`, and always closes it. */
export async function withSim(scenario: Scenario, fn: (sim: Simulator, call: Call) => Promise<void>): Promise<void> {
  const sim = await startSimulator(scenario)
  const values = new Map(scenario.tokens.map((t) => [t.name, t.value]))
  const call: Call = async (token, method, path, body) => {
    const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
    if (token !== null) headers.authorization = `Bearer ${values.get(token) ?? token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(path.startsWith('http') ? path : sim.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    let json: unknown
    try {
      json = text === '' ? null : JSON.parse(text)
    } catch {
      json = null
    }
    return { status: res.status, headers: res.headers, text, json }
  }
  try {
    await fn(sim, call)
  } finally {
    await sim.close()
  }
}

/** A fine-grained token for org `acme`, with the fields given. */
export function token(name: string, fields: Partial<ScenarioToken>): ScenarioToken {
  return {
    name,
    value: fineGrainedTokenValue(`test:${name}`),
    kind: 'fine-grained',
    login: 'octocat',
    resourceOwner: 'acme',
    permissions: {},
    expiresAt: daysFromNow(30),
    ...fields
  }
}

export function withTokens(scenario: Scenario, ...tokens: ScenarioToken[]): Scenario {
  return { ...scenario, tokens: [...scenario.tokens, ...tokens] }
}
