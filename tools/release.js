// @ts-check
/**
 * `npm run release -- 1.1.0 [--dry-run] [--push]`: tags a release the way actions are consumed.
 *   - refuses a dirty working tree, a dist/ that is not what the sources build (tools/build-stamp.js), a version
 *     that package.json does not hold, a CHANGELOG.md without a section for it, and a tag that already exists;
 *   - creates the annotated tag v1.1.0 and moves the major tag v1 to the same commit (users who write
 *     `uses: pat-audit/pat-audit@v1` get every compatible release; `@v1.1.0` or a commit SHA never moves);
 *   - pushes both to origin only with --push (v1 with --force, since it moves);
 *   - with --dry-run, checks everything and prints the git commands it would run, changing nothing.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { staleReason } from './build-stamp.js'

/**
 * @param {string} root
 * @param {string[]} args
 * @returns {string[]} the git commands (as argument lists, joined for display) it ran or would run
 */
export function release(root, args) {
  const dryRun = args.includes('--dry-run')
  const push = args.includes('--push')
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--dry-run' && a !== '--push')
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}; usage: npm run release -- X.Y.Z [--dry-run] [--push]`)
  const version = args.find((a) => !a.startsWith('-'))
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`expected a version X.Y.Z (e.g. npm run release -- 1.1.0), got '${version ?? ''}'`)
  const git = (/** @type {string[]} */ ...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()

  if (git('status', '--porcelain') !== '') throw new Error('the working tree has uncommitted changes: commit or stash them first (a tag names a commit, not your working tree).')
  const stale = staleReason(root)
  if (stale) throw new Error(stale)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  if (pkg.version !== version) throw new Error(`package.json holds version ${pkg.version}, not ${version}: run 'npm version ${version} --no-git-tag-version && npm run bundle', add the CHANGELOG entry, and commit.`)
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
  if (!new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?`, 'm').test(changelog)) throw new Error(`CHANGELOG.md has no '## ${version}' section: describe the release first.`)
  const tag = `v${version}`
  const major = `v${version.split('.')[0]}`
  const commit = git('rev-parse', 'HEAD')
  // A tag already made for this commit (a release first run without --push) is kept; one elsewhere is refused.
  const tagged = git('tag', '--list', tag) !== ''
  if (tagged && git('rev-parse', `${tag}^{commit}`) !== commit) throw new Error(`tag ${tag} already exists on another commit: a released version never moves; release a new version instead.`)
  /** @type {string[][]} */
  const commands = [
    ...(tagged ? [] : [['tag', '-a', tag, '-m', `pat-audit ${version}`, commit]]),
    ['tag', '-f', '-a', major, '-m', `pat-audit ${major} (latest: ${version})`, commit]
  ]
  if (push) commands.push(['push', 'origin', `refs/tags/${tag}`], ['push', '--force', 'origin', `refs/tags/${major}`])
  if (!dryRun) for (const command of commands) git(...command)
  return commands.map((c) => `git ${c.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..')
  try {
    const commands = release(root, args)
    const dryRun = args.includes('--dry-run')
    console.log(dryRun ? 'Dry run: every check passed; these commands would run:' : 'Released:')
    for (const c of commands) console.log(`  ${c}`)
    if (!args.includes('--push')) console.log(dryRun ? 'Add --push to also push the tags to origin.' : 'The tags are local: push them with `npm run release -- <version> --push` or `git push origin <tag>` (and `git push -f origin <major>`).')
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
