/**
 * `npm run release` on a temporary clone of this repository: it refuses a dirty tree, a stale or hand-edited
 * dist/, a version package.json does not hold; --dry-run changes nothing; a release tags vX.Y.Z and moves vX.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../tools/action-metadata.js'

const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid', GIT_CONFIG_NOSYSTEM: '1' }
let clone = ''
const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, HOME: clone } }).trim()
const commitAll = (message: string) => {
  git('add', '-A')
  git('commit', '-q', '--allow-empty', '-m', message)
}

/** Runs `node tools/release.js …` in the clone, as `npm run release -- …` does. */
function release(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['tools/release.js', ...args], { cwd: clone, encoding: 'utf8', env: { PATH: process.env.PATH, ...GIT_ENV, HOME: clone }, stdio: ['ignore', 'pipe', 'pipe'] })
    return { code: 0, stdout, stderr: '' }
  } catch (error: unknown) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { code: e.status, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'pat-audit-release-'))
  clone = join(dir, 'repo')
  execFileSync('git', ['clone', '-q', '--no-hardlinks', ROOT, clone], { env: { ...process.env, ...GIT_ENV } })
  // No remote: nothing here can push to the repository the clone came from.
  git('remote', 'remove', 'origin')
  // The release tooling of this working tree (it may not be committed yet), then dist/ stamped as built from these
  // sources: rebuilding takes minutes; the stamp's own tests are the staleness cases below.
  for (const file of ['tools/release.js', 'tools/build-stamp.js', 'CHANGELOG.md', 'package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(clone, file))
  const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'))
  pkg.version = '1.1.0'
  writeFileSync(join(clone, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  appendFileSync(join(clone, 'CHANGELOG.md'), '\n## 1.1.0\n\nTest release.\n\n## 1.1.1\n\nTest release.\n')
  execFileSync(process.execPath, ['tools/build-stamp.js', '--write'], { cwd: clone })
  commitAll('prepare 1.1.0')
}, 120_000)

afterAll(() => {
  if (clone) rmSync(join(clone, '..'), { recursive: true, force: true })
})

describe('npm run release', () => {
  it('refuses a dirty working tree', () => {
    writeFileSync(join(clone, 'scratch.txt'), 'work in progress\n')
    const run = release('1.1.0', '--dry-run')
    rmSync(join(clone, 'scratch.txt'))
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^release: the working tree has uncommitted changes/)
  })

  it('refuses a version that package.json does not hold, and a malformed one', () => {
    expect(release('1.2.0', '--dry-run').stderr).toMatch(/package\.json holds version 1\.1\.0, not 1\.2\.0/)
    expect(release('v1.1', '--dry-run').stderr).toMatch(/expected a version X\.Y\.Z/)
  })

  it('--dry-run checks everything, prints the tag commands, and creates no tag', () => {
    const run = release('1.1.0', '--dry-run')
    expect(run.code).toBe(0)
    const head = git('rev-parse', 'HEAD')
    expect(run.stdout).toContain(`git tag -a v1.1.0 -m 'pat-audit 1.1.0' ${head}`)
    expect(run.stdout).toContain(`git tag -f -a v1 -m 'pat-audit v1 (latest: 1.1.0)' ${head}`)
    expect(git('tag', '--list')).toBe('')
  })

  it('tags v1.1.0 and points v1 at it; the next release moves v1 and leaves v1.1.0 where it was', () => {
    expect(release('1.1.0').code).toBe(0)
    const first = git('rev-parse', 'HEAD')
    expect(git('rev-parse', 'v1.1.0^{commit}')).toBe(first)
    expect(git('rev-parse', 'v1^{commit}')).toBe(first)

    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'))
    pkg.version = '1.1.1'
    writeFileSync(join(clone, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
    execFileSync(process.execPath, ['tools/build-stamp.js', '--write'], { cwd: clone })
    commitAll('prepare 1.1.1')
    expect(release('1.1.1').code).toBe(0)
    const second = git('rev-parse', 'HEAD')
    expect(git('rev-parse', 'v1^{commit}')).toBe(second)
    expect(git('rev-parse', 'v1.1.0^{commit}')).toBe(first)
    // A released version never moves.
    git('commit', '-q', '--allow-empty', '-m', 'later')
    expect(release('1.1.1', '--dry-run').stderr).toMatch(/tag v1\.1\.1 already exists on another commit/)
  })

  it('refuses a dist/ older than src/, and a dist/ edited by hand', () => {
    appendFileSync(join(clone, 'src', 'index.ts'), '\n// changed after the last bundle\n')
    commitAll('change src')
    expect(release('1.1.1', '--dry-run').stderr).toMatch(/^release: dist\/ was built from other sources/)
    execFileSync(process.execPath, ['tools/build-stamp.js', '--write'], { cwd: clone })
    appendFileSync(join(clone, 'dist', 'index.js'), '\n// edited by hand\n')
    commitAll('edit dist')
    expect(release('1.1.1', '--dry-run').stderr).toMatch(/^release: dist\/ differs from what 'npm run bundle' wrote/)
  })
})
