/** run(), the action's shell, with a recording runner interface and nock standing in for GitHub. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import type { ActionIO } from '../../src/action/io.js'
import { OUTPUT_NAMES, run } from '../../src/action/main.js'
import { encodedForms } from '../../src/inputs/secrets.js'

const API = 'https://api.example.test'
const TOKEN = 'github_pat_11MAINTEST000000000000_' + 'q'.repeat(59)

interface Call {
  kind: string
  args: unknown[]
}

function recorder(inputs: Record<string, string>, debugging = true) {
  const calls: Call[] = []
  const outputs: Record<string, string> = {}
  let summary = ''
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (s) => void calls.push({ kind: 'setSecret', args: [s] }),
    setOutput: (n, v) => {
      outputs[n] = v
      calls.push({ kind: 'setOutput', args: [n, v] })
    },
    annotate: (level, message, title) => void calls.push({ kind: `annotate:${level}`, args: [message, title] }),
    info: (m) => void calls.push({ kind: 'info', args: [m] }),
    debug: (m) => void calls.push({ kind: 'debug', args: [m] }),
    isDebug: () => debugging,
    writeSummary: async (md) => {
      summary = md
      calls.push({ kind: 'summary', args: [md] })
    },
    fail: (m) => void calls.push({ kind: 'fail', args: [m] })
  }
  return { io, calls, outputs, get summary() { return summary } }
}

const env = { GITHUB_SERVER_URL: 'https://github.com' }
const base = { token: TOKEN, repository: 'acme/infra', 'api-url': API }

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
})

/** GitHub's answers for a token that reads acme/infra's contents (private), expiring 2027-06-01. */
function grantsContentsRead() {
  nock(API)
    .get('/user')
    .reply(200, { login: 'octocat' }, { 'content-type': 'application/json', 'github-authentication-token-expiration': '2027-06-01 00:00:00 UTC', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '9999999999' })
    .get('/repos/acme/infra/commits')
    .query({ per_page: '1' })
    .reply(200, [], { 'content-type': 'application/json' })
    .get('/repos/acme/infra')
    .reply(200, { full_name: 'acme/infra', private: true, visibility: 'private' }, { 'content-type': 'application/json' })
}

describe('run()', () => {
  it('masks the token before anything else, then audits and sets every output', async () => {
    grantsContentsRead()
    const r = recorder({ ...base, 'required-permissions': 'contents: read' })
    await run({ io: r.io, env })
    expect(r.calls[0]).toEqual({ kind: 'setSecret', args: [TOKEN] })
    expect(Object.keys(r.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(r.outputs).toMatchObject({ result: 'pass', 'granted-permissions': 'contents:read', 'token-owner': 'octocat' })
    expect(r.summary).toContain('Token audit passed')
    expect(r.calls.filter((c) => c.kind === 'fail')).toEqual([])
  })

  it("runs the process's own preparation once, while the requests are in flight (before any output is set)", async () => {
    grantsContentsRead()
    const r = recorder({ ...base, 'required-permissions': 'contents: read' })
    const prepared: number[] = []
    await run({ io: r.io, env, whileWaiting: () => void prepared.push(r.calls.filter((c) => c.kind === 'setOutput').length) })
    expect(prepared).toEqual([0])
    expect(r.outputs.result).toBe('pass')
    // Bad input: no audit, nothing to wait for.
    const bad = recorder({ ...base, 'required-permissions': 'contents: sometimes' })
    await run({ io: bad.io, env, whileWaiting: () => void prepared.push(-1) })
    expect(prepared).toEqual([0])
  })

  it('gives bad input one line per problem, sends nothing, and still sets every output', async () => {
    const r = recorder({ ...base, 'required-permissions': 'contents: read', 'expiry-warn-days': 'soon', 'fail-on': 'sometimes' })
    await run({ io: r.io, env })
    const fails = r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]))
    expect(fails).toEqual([
      "Input 'expiry-warn-days': expected a number of days (a whole number from 0 to 3650), got 'soon'.",
      "Input 'fail-on': expected one of error, warning, never, got 'sometimes'."
    ])
    expect(Object.keys(r.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(r.outputs.result).toBe('fail')
    // The job summary says the audit did not run, names each input on its own line, and says what to change.
    const lines = r.summary.split('\n')
    expect(lines[0]).toBe('<h2>❌ Token audit did not run: invalid inputs</h2>')
    expect(r.summary).toContain("<li>Input 'expiry-warn-days': expected a number of days (a whole number from 0 to 3650), got 'soon'.</li>")
    expect(r.summary).toContain("<li>Input 'fail-on': expected one of error, warning, never, got 'sometimes'.</li>")
    expect(r.summary).toContain('No request was sent to GitHub because of these 2 input errors:')
    expect(r.summary).toMatch(/<strong>Fix:<\/strong> Correct the input named on each line/)
  })

  it('treats inputs still holding `${{ … }}` as not given: runner variables stand in, github-token is not read without notify: issue', async () => {
    nock(API)
      .get('/user')
      .reply(200, { login: 'octocat' }, { 'content-type': 'application/json', 'github-authentication-token-expiration': '2027-06-01 00:00:00 UTC' })
      .get('/repos/acme/infra/commits')
      .query({ per_page: '1' })
      .reply(200, [], { 'content-type': 'application/json' })
      .get('/repos/acme/infra')
      .reply(200, { full_name: 'acme/infra', private: true, visibility: 'private' }, { 'content-type': 'application/json' })
    const read: string[] = []
    const r = recorder({ token: TOKEN, repository: '${{ github.repository }}', 'api-url': '${{ github.api_url }}', 'github-token': '${{ github.token }}', 'required-permissions': 'contents: read' })
    const getInput = r.io.getInput
    await run({ io: { ...r.io, getInput: (name) => (read.push(name), getInput(name)) }, env: { ...env, GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: API } })
    expect(r.calls.filter((c) => c.kind === 'fail')).toEqual([])
    expect(r.outputs.result).toBe('pass')
    expect(JSON.parse(r.outputs.report).target).toMatchObject({ repository: 'acme/infra', apiUrl: API })
    expect(read).not.toContain('github-token')
    expect(r.calls.filter((c) => c.kind === 'setSecret')).toEqual([TOKEN, ...encodedForms(TOKEN)].map((s) => ({ kind: 'setSecret', args: [s] })))
  })

  it('names another input holding an unexpanded expression in a warning, and treats it as not given', async () => {
    const r = recorder({ ...base, 'required-permissions': 'contents: read', organization: '${{ vars.ORG }}', notify: 'issue', 'github-token': '${{ secrets.NOPE }}' })
    await run({ io: r.io, env })
    const warnings = r.calls.filter((c) => c.kind === 'annotate:warning').map((c) => String(c.args[0]))
    expect(warnings).toContain("Input 'organization' holds an unexpanded `${{ … }}` expression (GitHub expands these only in a workflow); it is treated as not given.")
    // With notify: issue, github-token is read; unexpanded, it is empty, and the error says so.
    expect(r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]))).toEqual([expect.stringMatching(/^Input 'github-token': expected the workflow token .* it is empty\.$/)])
  })

  it('redacts the token from anything it writes, even when a user pasted it into another input', async () => {
    const r = recorder({ ...base, 'required-permissions': `${TOKEN}: read` })
    await run({ io: r.io, env })
    const written = JSON.stringify(r.calls.filter((c) => c.kind !== 'setSecret'))
    expect(written).not.toContain(TOKEN)
    expect(written).toContain("contains the value of the 'token' input")
  })

  it('turns an unexpected exception into one failure line, with outputs set', async () => {
    const r = recorder({ ...base, 'required-permissions': 'contents: read' })
    await run({
      io: r.io,
      env,
      makeTransport: () => {
        throw new Error(`wiring broke for ${TOKEN}\n    at somewhere (file.js:1:1)`)
      }
    })
    const fails = r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]))
    expect(fails).toEqual(['pat-audit could not complete the audit: wiring broke for ***'])
    expect(r.outputs.result).toBe('fail')
    expect(Object.keys(r.outputs)).toHaveLength(OUTPUT_NAMES.length)
  })

  it('fails the step on a missing permission, with one error annotation for it', async () => {
    nock(API)
      .get('/user')
      .reply(200, { login: 'octocat' }, { 'content-type': 'application/json', 'github-authentication-token-expiration': '2027-06-01 00:00:00 UTC' })
      .get('/repos/acme/infra/actions/secrets')
      .query(true)
      .reply(403, { message: 'Resource not accessible by personal access token' }, { 'content-type': 'application/json', 'x-accepted-github-permissions': 'secrets=read' })
      .get('/repos/acme/infra')
      .reply(200, {}, { 'content-type': 'application/json' })
    const r = recorder({ ...base, 'required-permissions': 'secrets: read' })
    await run({ io: r.io, env })
    expect(r.outputs['missing-permissions']).toBe('secrets:read')
    expect(r.calls.filter((c) => c.kind === 'annotate:error').map((c) => c.args[1])).toEqual(['Missing secrets: read'])
    expect(r.calls.some((c) => c.kind === 'fail')).toBe(true)
  })

  it('masks the token in its base64 forms too (Basic authentication, the token alone)', async () => {
    const r = recorder({ ...base, 'required-permissions': 'contents: read', 'expiry-warn-days': 'soon' })
    await run({ io: r.io, env })
    const masked = r.calls.filter((c) => c.kind === 'setSecret').map((c) => c.args[0])
    for (const form of [`x-access-token:${TOKEN}`, `${TOKEN}:`, `:${TOKEN}`, TOKEN]) expect(masked).toContain(Buffer.from(form).toString('base64'))
  })

  it('writes debug lines only when the runner shows them (RUNNER_DEBUG, core.isDebug)', async () => {
    const answers = () =>
      nock(API)
        .get('/user')
        .reply(200, { login: 'octocat' }, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '9999999999' })
        .get('/repos/acme/infra/commits')
        .query(true)
        .reply(200, [], { 'content-type': 'application/json' })
        .get('/repos/acme/infra')
        .reply(200, { full_name: 'acme/infra', private: true, visibility: 'private' }, { 'content-type': 'application/json' })
    answers()
    const quiet = recorder({ ...base, 'required-permissions': 'contents: read' }, false)
    await run({ io: quiet.io, env })
    answers()
    const debugging = recorder({ ...base, 'required-permissions': 'contents: read' }, true)
    await run({ io: debugging.io, env })
    expect(quiet.calls.filter((c) => c.kind === 'debug')).toEqual([])
    expect(debugging.calls.some((c) => c.kind === 'debug' && /^GET \/user → 200 \(\d+ ms\)$/.test(String(c.args[0])))).toBe(true)
    expect(quiet.outputs).toEqual({ ...debugging.outputs, report: quiet.outputs.report })
  })

  it('masks first, then cuts: a server echoing the token leaks no prefix of it in any line', async () => {
    const echo = { message: `${'x'.repeat(100)}${TOKEN} and more`, documentation_url: 'https://docs.github.com' }
    nock(API)
      .get('/user')
      .reply(200, { login: 'octocat' }, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '9999999999' })
      .get('/repos/acme/infra/commits')
      .query(true)
      .reply(418, echo, { 'content-type': 'application/json' })
      .get('/repos/acme/infra')
      .reply(200, { full_name: 'acme/infra' }, { 'content-type': 'application/json' })
    const r = recorder({ ...base, 'required-permissions': 'contents: read' })
    await run({ io: r.io, env })
    const printed = r.calls.filter((c) => c.kind !== 'setSecret').map((c) => JSON.stringify(c.args)).join('\n') + r.summary
    expect(r.calls.some((c) => c.kind === 'debug' && String(c.args[0]).includes('xxxx***'))).toBe(true)
    expect(printed).not.toContain(TOKEN.slice(0, 12))
  })

  it('names GITHUB_API_URL when the API root came from it and holds a trick', async () => {
    const r = recorder({ token: TOKEN, repository: 'acme/infra', 'required-permissions': 'contents: read' })
    await run({ io: r.io, env: { ...env, GITHUB_API_URL: 'https://api.github.com/repos/acme/infra?' } })
    const fails = r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]))
    expect(fails).toHaveLength(1)
    expect(fails[0]).toMatch(/^GITHUB_API_URL \(used because the input 'api-url' is empty\): expected/)
  })
})

describe('run() in organization mode', () => {
  const ADMIN = 'ghs_ORGADMINMAINTEST0000000000000000000'
  const json = { 'content-type': 'application/json' }
  const grant = (id: number, fields: Record<string, unknown> = {}) => ({
    id,
    owner: { login: 'octocat' },
    repository_selection: 'subset',
    permissions: { repository: { contents: 'read' } },
    access_granted_at: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    token_id: id + 1000,
    token_name: `t${id}`,
    token_expired: false,
    token_expires_at: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    token_last_used_at: new Date().toISOString(),
    ...fields
  })

  it('needs no token: masks org-admin-token first, reads every page through the real transport, sets every output', async () => {
    const link = `<${API}/orgs/acme/personal-access-tokens?per_page=100&page=2&sort=created_at&direction=asc>; rel="next", <${API}/orgs/acme/personal-access-tokens?per_page=100&page=2&sort=created_at&direction=asc>; rel="last"`
    nock(API)
      .get('/orgs/acme/personal-access-tokens')
      .query({ per_page: '100', page: '1', sort: 'created_at', direction: 'asc' })
      .reply(200, Array.from({ length: 100 }, (_, i) => grant(i + 1)), { ...json, link })
      .get('/orgs/acme/personal-access-tokens')
      .query({ per_page: '100', page: '2', sort: 'created_at', direction: 'asc' })
      .reply(200, [grant(101, { token_expires_at: null })], json)
      .get('/orgs/acme/personal-access-token-requests')
      .query({ per_page: '100', page: '1', sort: 'created_at', direction: 'asc' })
      .reply(200, [], json)
    const r = recorder({ mode: 'organization', organization: 'acme', 'org-admin-token': ADMIN, 'api-url': API, repository: 'acme/infra' })
    await run({ io: r.io, env })
    expect(r.calls[0]).toEqual({ kind: 'setSecret', args: [ADMIN] })
    expect(Object.keys(r.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(r.outputs).toMatchObject({ result: 'fail', tokens: '101', 'non-compliant': 'octocat/t101#101', expiring: '', 'token-type': 'unknown' })
    expect(r.calls.filter((c) => c.kind === 'fail').map((c) => c.args[0])).toEqual(['Organization inventory failed (fail-on: error); see the job summary.'])
    expect(r.summary).toContain('Organization inventory failed: acme')
    expect(JSON.stringify(r.calls.filter((c) => c.kind !== 'setSecret'))).not.toContain(ADMIN)
    expect(nock.isDone()).toBe(true)
  })

  it('gives each missing requirement one line naming its input, sends nothing, and sets every output', async () => {
    const r = recorder({ mode: 'organization', 'api-url': API })
    await run({ io: r.io, env })
    expect(r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]).split(':')[0])).toEqual(["Input 'organization'", "Input 'org-admin-token'"])
    expect(Object.keys(r.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(r.outputs.result).toBe('fail')
  })

  it('refuses an unknown mode in one line', async () => {
    const r = recorder({ ...base, mode: 'everything' })
    await run({ io: r.io, env })
    expect(r.calls.filter((c) => c.kind === 'fail').map((c) => c.args[0])).toEqual(["Input 'mode': expected token or organization, got 'everything'."])
    expect(Object.keys(r.outputs)).toHaveLength(OUTPUT_NAMES.length)
  })

  it('token mode still requires the token, with its clear error', async () => {
    const r = recorder({ repository: 'acme/infra', 'api-url': API, mode: 'token' })
    await run({ io: r.io, env })
    expect(r.calls.filter((c) => c.kind === 'fail').map((c) => String(c.args[0]))).toEqual([expect.stringMatching(/^Input 'token': is empty\. Pass the token from a secret/)])
  })
})
