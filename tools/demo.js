// @ts-check
/**
 * `npm run demo`: the bundled action (dist/index.js) audits sample tokens against the loopback simulator, and each
 * run's report (its `report` output) is shown here as the CLI shows it in a terminal. Nothing leaves this machine.
 */
import { startSimulator } from './simulator/server.js'
import * as scenarios from './simulator/scenarios.js'
import { inventory } from './simulator/inventory.js'
import { runAction } from './run-action.js'
import { createRequire } from 'node:module'

/** The bundle's terminal renderers (the ones dist/cli.js uses), so that the demo shows reports exactly as `pat-audit` does. */
const bundle = /** @type {{ terminalRenderers: () => Promise<{ renderTerminal: (report: unknown, options?: { color?: boolean }) => string, renderInventoryTerminal: (report: unknown, options?: { color?: boolean, maxRows?: number }) => string }> }} */ (
  createRequire(import.meta.url)('../dist/pat-audit.js')
)
const { renderTerminal, renderInventoryTerminal } = await bundle.terminalRenderers()

const world = scenarios.all()
const policies = scenarios.policies()
world.orgs = [...(world.orgs ?? []), ...(policies.orgs ?? []).filter((o) => o.login !== 'acme')]
world.repos = [...(world.repos ?? []), ...(policies.repos ?? []).filter((r) => r.owner !== 'acme')]
world.tokens = [...world.tokens, ...policies.tokens.filter((t) => t.name === 'long-lived')]

/** @type {Array<{ title: string, token: string, inputs: Record<string, string> }>} */
const CASES = [
  {
    title: 'Analytics integration: organization members and Copilot Business seats, read',
    token: 'analytics',
    inputs: { repository: 'acme/infra', 'required-permissions': 'members: read\norganization_copilot_seat_management: read' }
  },
  {
    title: 'Release bot: contents and pull requests write on acme/infra (expires in 20 days)',
    token: 'bot',
    inputs: { repository: 'acme/infra', 'required-permissions': 'contents: write, pull_requests: write, metadata: read' }
  },
  {
    title: 'A new token still pending the organization owner\'s approval',
    token: 'pending',
    inputs: { repository: 'acme/infra', 'required-permissions': 'contents: read, issues: write' }
  },
  {
    title: 'An old classic token used for deployments',
    token: 'classic',
    inputs: { repository: 'acme/infra', 'required-permissions': 'contents: write, workflows: write, members: read' }
  },
  {
    title: 'A one-year token in an organization that allows at most 90 days',
    token: 'long-lived',
    inputs: { repository: 'globex/ledger', 'required-permissions': 'members: read' }
  }
]

const sim = await startSimulator(world)
const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
const bold = (/** @type {string} */ s) => (color ? `\x1b[1m${s}\x1b[0m` : s)
try {
  console.log(bold(`pat-audit demo: the bundled action (dist/index.js) against the GitHub API simulator at ${sim.url}`))
  console.log('Each run is one process, node dist/index.js, as a GitHub runner starts it. Tokens are simulated.\n')
  for (const [i, c] of CASES.entries()) {
    const spec = world.tokens.find((t) => t.name === c.token)
    if (!spec) throw new Error(`no token ${c.token}`)
    const run = await runAction({ inputs: { token: spec.value, 'api-url': sim.url, ...c.inputs }, env: { GITHUB_API_URL: sim.url } })
    console.log(bold(`━━━ ${i + 1}/${CASES.length} ${c.title} ━━━`))
    console.log(`required-permissions: ${c.inputs['required-permissions'].replace(/\n/g, ', ')} · repository: ${c.inputs.repository}`)
    console.log(`exit status ${run.code} · result=${run.outputs.result} · missing=${run.outputs['missing-permissions'] || '∅'} · days-remaining=${run.outputs['days-remaining'] || '∅'} · lifetime-compliant=${run.outputs['lifetime-compliant']} · ${Math.round(run.wallMs)} ms\n`)
    console.log(`${renderTerminal(JSON.parse(run.outputs.report), { color })}\n`)
  }
  const flags = sim.flags.length + (await inventoryCase(CASES.length + 1, CASES.length + 1))
  console.log(bold(`Requests that could have changed anything on GitHub: ${flags}`))
  if (flags > 0) process.exitCode = 1
} finally {
  await sim.close()
}

/**
 * mode: organization on an organization of 1,020 token grants and 50 pending requests: the summary's counts and the
 * first rows of its table (the job summary holds every row). Returns the simulator's flags.
 * @param {number} n
 * @param {number} of
 */
async function inventoryCase(n, of) {
  const world = inventory()
  const org = await startSimulator(world)
  try {
    const admin = world.tokens.find((t) => t.name === 'org-admin-acme')?.value ?? ''
    const run = await runAction({ inputs: { mode: 'organization', organization: 'acme', 'org-admin-token': admin, 'api-url': org.url }, env: { GITHUB_API_URL: org.url } })
    console.log(bold(`━━━ ${n}/${of} The organization's inventory: every fine-grained token with access to acme, and every pending request ━━━`))
    console.log(`mode: organization · org-admin-token: a GitHub App installation token · ${org.requests.length} requests, all GET`)
    console.log(`exit status ${run.code} · result=${run.outputs.result} · tokens=${run.outputs.tokens} · expiring=${count(run.outputs.expiring)} · non-compliant=${count(run.outputs['non-compliant'])} · unused=${count(run.outputs.unused)} · broad=${count(run.outputs.broad)} · pending-requests=${count(run.outputs['pending-requests'])} · ${Math.round(run.wallMs)} ms\n`)
    // The job summary has a row per token that needs action, with links; here, the first rows as the CLI prints them.
    console.log(`${renderInventoryTerminal(JSON.parse(run.outputs.report), { color, maxRows: 6 })}\n`)
    return org.flags.length
  } finally {
    await org.close()
  }
}

/** @param {string | undefined} list */
function count(list) {
  return list ? list.split(',').length : 0
}
