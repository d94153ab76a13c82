/** The tracking issue's client: Octokit with the workflow's token, for the issues of one repository only. */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import type { IssueClient } from '../notify/tracking-issue.js'
import { DO_NOT_RETRY, RETRIES } from '../facts/limits.js'

export function createIssueClient(options: { token: string; apiUrl: string; owner: string; repo: string; redact: (text: string) => string }): IssueClient {
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl, userAgent: 'pat-audit', retry: { doNotRetry: [...DO_NOT_RETRY], retries: RETRIES } }, retry)
  const where = { owner: options.owner, repo: options.repo }
  return {
    async listOpen(page) {
      const r = await octokit.request('GET /repos/{owner}/{repo}/issues', { ...where, state: 'open', per_page: 100, page })
      return r.data as Array<{ number: number; body?: string | null; pull_request?: unknown }>
    },
    async create(title, body) {
      const r = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...where, title: options.redact(title), body: options.redact(body) })
      return (r.data as { number: number }).number
    },
    async update(issue, title, body) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...where, issue_number: issue, title: options.redact(title), body: options.redact(body) })
    },
    async comment(issue, body) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, issue_number: issue, body: options.redact(body) })
    },
    async close(issue) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...where, issue_number: issue, state: 'closed', state_reason: 'completed' })
    }
  }
}
