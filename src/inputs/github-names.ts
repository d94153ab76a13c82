/**
 * The inputs that name things on GitHub: an organization (a login), a repository (owner/repo) and a list of
 * repositories (owner/repo or owner/*). Each error names the input and what it expects; values are quoted, truncated.
 */
import './zod-config.js'
import * as z from 'zod/mini'
import { text } from './text-schema.js'
import { quote } from './required-permissions.js'

/** A GitHub login: letters, digits and single hyphens, at most 39. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
/** A repository name. */
const REPO = /^[A-Za-z0-9._-]{1,100}$/
export const MAX_REPOSITORIES = 1000

export const repositoriesSchema = text((value, ctx) => {
  // One pass, and a comment cut only where there is one: up to 1,000 entries are read before the first request.
  const entries: string[] = []
  for (const piece of value.split(/[\n,]/)) {
    const entry = (piece.includes('#') ? piece.replace(/#.*$/, '') : piece).trim()
    if (entry !== '') entries.push(entry)
  }
  if (entries.length > MAX_REPOSITORIES) {
    ctx.addIssue({ code: 'custom', message: `Input 'repositories': expected at most ${MAX_REPOSITORIES} owner/repo entries, got ${entries.length}.` })
    return z.NEVER
  }
  const seen = new Map<string, { owner: string; repo: string }>()
  // Split at the slash by index, not `const [owner, repo, ...rest] = entry.split('/')`: destructuring goes through
  // the iterator protocol, about 1 ms over 1,000 entries before V8 optimises it, before the first request.
  for (const entry of entries) {
    const slash = entry.indexOf('/')
    const owner = slash < 0 ? entry : entry.slice(0, slash)
    const repo = slash < 0 ? '' : entry.slice(slash + 1)
    if (repo.includes('/') || !owner || !repo || !LOGIN.test(owner) || (repo !== '*' && (!REPO.test(repo) || repo === '.' || repo === '..'))) {
      ctx.addIssue({ code: 'custom', message: `Input 'repositories': expected owner/repo or owner/* entries separated by newlines or commas, got ${quote(entry)}.` })
      return z.NEVER
    }
    seen.set(entry.toLowerCase(), { owner, repo })
  }
  return [...seen.values()]
})

export const repositorySchema = text((value, ctx) => {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  const [owner, repo, ...rest] = trimmed.split('/')
  if (rest.length > 0 || !owner || !repo || !LOGIN.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') {
    ctx.addIssue({ code: 'custom', message: `Input 'repository': expected the form owner/repo (e.g. octo-org/infra), got ${quote(value)}.` })
    return z.NEVER
  }
  return { owner, repo }
})

export const organizationSchema = text((value, ctx) => {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (!LOGIN.test(trimmed)) {
    ctx.addIssue({ code: 'custom', message: `Input 'organization': expected an organization login (letters, digits and single hyphens, at most 39), got ${quote(value)}.` })
    return z.NEVER
  }
  return trimmed
})
