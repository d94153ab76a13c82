// @ts-check
/**
 * `npm run demo`: the bundled action (dist/index.js) audits sample tokens against the loopback simulator, and each
 * job summary is printed here as it would appear on the run's page. Nothing leaves this machine.
 */
import { startSimulator } from './simulator/server.js'
import * as scenarios from './simulator/scenarios.js'
import { inventory } from './simulator/inventory.js'
import { runAction } from './run-action.js'

/** The CLI bundle's terminal renderer, so that the demo shows summaries exactly as `pat-audit` does. */
const { markdownToTerminal } = /** @type {{ markdownToTerminal: (markdown: string, options?: { color?: boolean }) => string }} */ (
  await import(new URL('../dist/cli.js', import.meta.url).href)
)

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
const color = process.stdout.isTTY && !process.env.NO_COLOR
const bold = (/** @type {string} */ s) => (color ? `\x1b[1m${s}\x1b[0m` : s)
try {
  console.log(bold(`pat-audit demo: the bundled action (dist/index.js) against the GitHub API simulator at ${sim.url}`))
  console.log('Each run is one `node dist/index.js` process, as a GitHub runner starts it. Tokens are simulated.\n')
  for (const [i, c] of CASES.entries()) {
    const spec = world.tokens.find((t) => t.name === c.token)
    if (!spec) throw new Error(`no token ${c.token}`)
    const run = await runAction({ inputs: { token: spec.value, 'api-url': sim.url, ...c.inputs }, env: { GITHUB_API_URL: sim.url } })
    console.log(bold(`━━━ ${i + 1}/${CASES.length} ${c.title} ━━━`))
    console.log(`required-permissions: ${c.inputs['required-permissions'].replace(/\n/g, ', ')} · repository: ${c.inputs.repository}`)
    console.log(`exit status ${run.code} · result=${run.outputs.result} · missing=${run.outputs['missing-permissions'] || '∅'} · days-remaining=${run.outputs['days-remaining'] || '∅'} · lifetime-compliant=${run.outputs['lifetime-compliant']} · ${Math.round(run.wallMs)} ms\n`)
    console.log(markdownToTerminal(run.summary, { color }))
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
    // The job summary has a row per token that needs action; here, the first row of each kind, links as their text.
    const lines = run.summary.split('\n')
    const table = lines.findIndex((l) => l.startsWith('| Owner |'))
    const rows = lines.slice(table + 2).filter((l, i, all) => l.startsWith('| ') && all.slice(0, i).every((m) => m.startsWith('| ')))
    const kindOf = (/** @type {string} */ row) => /(?:❌|⚠️) (\w+)/u.exec(row.split(' | ')[5] ?? '')?.[0] ?? ''
    const sample = rows.filter((row, i) => rows.findIndex((r) => kindOf(r) === kindOf(row)) === i).map((row) => row.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    const firstLink = /\[Rotate\]\(([^)]*)\)/.exec(run.summary)?.[1]
    const shown = table < 0 ? lines : [...lines.slice(0, table + 2), ...sample, '', `One row of each kind, of ${rows.length}; the job summary lists them all, with links, and folds the compliant tokens.`]
    console.log(markdownToTerminal(shown.join('\n'), { color }))
    if (firstLink) console.log(`\nA "Rotate" link opens GitHub's new-token form pre-filled like the token it replaces:\n${firstLink}\n`)
    return org.flags.length
  } finally {
    await org.close()
  }
}

/** @param {string | undefined} list */
function count(list) {
  return list ? list.split(',').length : 0
}
