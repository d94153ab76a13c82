/**
 * The report's findings as problems a person acts on: each stated once, with its fix and the link that performs
 * it. Findings that share a code, a fix and a link (five missing permissions, three undecided repositories) are
 * one problem: one title naming them all, their reasons (once when they are the same), one fix, one link.
 * Generic: nothing here knows a finding's code; new findings render the same way.
 */
import type { Finding, FindingLink, Severity } from '../types.js'

export interface Reason {
  /** What the reason is about, when the problem groups several findings whose reasons differ. */
  readonly subject?: string
  readonly text: string
}

export interface Problem {
  readonly severity: Severity
  readonly code: string
  /** What is wrong. */
  readonly title: string
  /** Why: one reason, or one per subject when they differ. */
  readonly reasons: readonly Reason[]
  readonly fix?: string
  readonly link?: FindingLink
  readonly findings: readonly Finding[]
}

export const SEVERITY_ICON: Readonly<Record<Severity, string>> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

const worked = new WeakMap<readonly Finding[], readonly Problem[]>()

export function problemsOf(findings: readonly Finding[]): readonly Problem[] {
  // Worked out once per report: the job summary and the action's annotations both ask, after the last answer.
  const known = worked.get(findings)
  if (known) return known
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = JSON.stringify([f.severity, f.code, f.fix ?? '', f.link?.url ?? '', f.link?.text ?? ''])
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  const problems = [...groups.values()].map(problemOf)
  worked.set(findings, problems)
  return problems
}

function problemOf(group: Finding[]): Problem {
  const [first] = group
  const messages = [...new Set(group.map((f) => f.message))]
  const reasons: Reason[] =
    messages.length === 1 ? [{ text: messages[0] }] : group.map((f) => ({ subject: f.permission ?? f.title, text: f.message }))
  return {
    severity: first.severity,
    code: first.code,
    title: group.length === 1 ? first.title : groupTitle(group),
    reasons: dedupe(reasons),
    ...(first.fix ? { fix: first.fix } : {}),
    ...(first.link ? { link: first.link } : {}),
    findings: group
  }
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>()
  return reasons.filter((r) => {
    const key = `${r.subject ?? ''}\u0000${r.text}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * One title for several findings: when every title is the same sentence around its subject
 * ("Missing contents: write", "Missing issues: write"), that sentence around the list of subjects
 * ("Missing contents: write, issues: write"); else the words the titles share around what differs; else all titles.
 */
export function groupTitle(group: readonly Finding[]): string {
  const titles = group.map((f) => f.title)
  if (group.every((f) => f.permission && f.title.includes(f.permission))) {
    const frames = group.map((f) => f.title.replace(f.permission as string, '\u0000'))
    if (frames.every((frame) => frame === frames[0])) return frames[0].replace('\u0000', group.map((f) => f.permission).join(', '))
  }
  const words = titles.map((t) => t.split(' '))
  const shortest = Math.min(...words.map((w) => w.length))
  let prefix = 0
  while (prefix < shortest - 1 && words.every((w) => w[prefix] === words[0][prefix])) prefix++
  let suffix = 0
  while (suffix < shortest - 1 - prefix && words.every((w) => w[w.length - 1 - suffix] === words[0][words[0].length - 1 - suffix])) suffix++
  if (prefix + suffix === 0) return titles.join('; ')
  const middles = words.map((w) => w.slice(prefix, w.length - suffix).join(' '))
  return [...words[0].slice(0, prefix), middles.join(', '), ...words[0].slice(words[0].length - suffix)].join(' ')
}

/** Text without the backticks that mark code (annotations and terminals show no Markdown). */
export function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1')
}

/** One annotation's text: self-contained, the reasons, the fix and its URL inline. */
export function annotationText(problem: Problem): string {
  const why = problem.reasons.map((r) => (r.subject ? `${r.subject}: ${r.text}` : r.text)).join(' ')
  const fix = problem.fix ? ` Fix: ${problem.fix}` : ''
  const link = problem.link ? ` ${problem.link.text}: ${problem.link.url}` : ''
  return plain(`${why}${fix}${link}`)
}
