/**
 * `npm run demo` (tools/demo.js), the README's first command after `npm ci`: the bundled action audits the sample
 * tokens and the organization inventory against the simulator, and the demo prints each report as the CLI does.
 */
import { expect, it } from '@jest/globals'
import { runProcess } from '../helpers/process.js'
import { fileURLToPath } from 'node:url'

const DEMO = fileURLToPath(new URL('../../tools/demo.js', import.meta.url))

it('runs to the end, prints every report, and counts no request that could change anything', async () => {
  const { code, stdout, stderr } = await runProcess(process.execPath, [DEMO], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeoutMs: 110_000 })
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toMatch(/Requests that could have changed anything on GitHub: 0\b/)
  expect(stdout).toContain("The organization's inventory")
  // Each audit's report is rendered by the bundle's own terminal renderer.
  expect(stdout.match(/^exit status \d+ · result=(pass|warn|fail)/gm)?.length ?? 0).toBeGreaterThanOrEqual(5)
}, 120_000)
