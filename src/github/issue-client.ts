/**
 * The tracking issue's client: the workflow's token, the issues of one repository only. Every request goes through
 * the URL guard (the absolute URL approved, no redirect followed, a write sent once), none is retried, and none
 * outlives the deadline (`timeout-seconds` after the audit ended).
 */
import { Octokit } from '@octokit/core'
import type { FetchLike } from './url-guard.js'
import { fetchFor } from './proxy.js'
import { approveUrl, guardedFetch, UrlRefused, validateApiUrl } from './url-guard.js'
import type { IssueClient, ListedIssue } from '../notify/tracking-issue.js'

/** GitHub's login for the issues a workflow's GITHUB_TOKEN writes (the GitHub Actions app's bot). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

export interface IssueClientOptions {
  readonly token: string
  readonly apiUrl: string
  readonly owner: string
  readonly repo: string
  readonly redact: (text: string) => string
  /** Epoch ms after which no request is sent and any request in flight is abandoned. */
  readonly deadline: number
  readonly now?: () => number
  readonly fetch?: FetchLike
}

export class IssueRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'IssueRequestError'
  }
}

export function createIssueClient(options: IssueClientOptions): IssueClient {
  const now = options.now ?? Date.now
  const checked = validateApiUrl(options.apiUrl)
  // Node's own HTTP, or the proxy when one applies (fetchFor), as the audit's transport.
  const send: FetchLike = options.fetch ?? fetchFor(options.apiUrl)
  // No retry plugin: nothing here is ever sent twice. A request without its own guarded fetch is refused.
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: checked.ok ? checked.url : 'https://api.github.com',
    userAgent: 'pat-audit',
    request: { fetch: () => Promise.reject(new UrlRefused('refused: a request without the URL guard')), redirect: 'manual' as const }
  })
  const repoPath = `/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`

  async function call(method: 'GET' | 'POST' | 'PATCH', path: string, query: Record<string, string>, body?: Record<string, unknown>): Promise<{ status: number; data: unknown }> {
    if (!checked.ok) throw new IssueRequestError(`api-url is not one of GitHub's forms (${checked.reason})`)
    const approval = approveUrl(checked.base, { method, path, query })
    if (!approval.ok) throw new IssueRequestError(`not sent: the URL guard refused it (${approval.reason})`)
    const remaining = options.deadline - now()
    if (remaining <= 0) throw new IssueRequestError(`not sent: timeout-seconds was reached before ${method} ${path}`)
    const timeout = AbortSignal.timeout(remaining)
    try {
      const r = await octokit.request({
        method,
        url: approval.url,
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
        ...(body ? { data: body } : {}),
        request: { fetch: guardedFetch(send, { url: approval.url, method }), redirect: 'manual' as const, signal: timeout }
      })
      if (r.status >= 300) throw new IssueRequestError(`GitHub answered ${r.status} (a redirect, not followed) to ${method} ${path}`, r.status)
      return { status: r.status, data: r.data }
    } catch (error: unknown) {
      if (error instanceof IssueRequestError) throw error
      const e = (error ?? {}) as { status?: number; message?: string; name?: string }
      if (timeout.aborted) throw new IssueRequestError(`no answer to ${method} ${path} within timeout-seconds`)
      const status = typeof e.status === 'number' && e.status >= 400 ? e.status : undefined
      throw new IssueRequestError(options.redact(String(e.message ?? 'unknown error')).split('\n')[0].slice(0, 200), status)
    }
  }

  return {
    async whoami() {
      // A user's token names its login; a workflow's GITHUB_TOKEN (an installation token, `ghs_`) may not read
      // /user (403 "Resource not accessible by integration"), and writes as the GitHub Actions bot.
      try {
        const r = await call('GET', '/user', {})
        const login = (r.data as { login?: unknown }).login
        if (typeof login === 'string' && login) return login
      } catch (error: unknown) {
        if (!(error instanceof IssueRequestError && error.status === 403 && options.token.startsWith('ghs_'))) throw error
      }
      if (options.token.startsWith('ghs_')) return ACTIONS_BOT_LOGIN
      throw new IssueRequestError("GET /user did not name github-token's own login")
    },
    async listOwn(creator, label) {
      // GitHub's "List repository issues" filters by `creator` and `labels`:
      // https://docs.github.com/en/rest/issues/issues#list-repository-issues
      const r = await call('GET', `${repoPath}/issues`, { creator, labels: label, state: 'open', sort: 'created', direction: 'desc', per_page: '100' })
      return Array.isArray(r.data) ? (r.data as ListedIssue[]) : []
    },
    async create(title, body, label) {
      const r = await call('POST', `${repoPath}/issues`, {}, { title: options.redact(title), body: options.redact(body), labels: [label] })
      const d = r.data as { number: number; user?: { login?: string }; labels?: Array<{ name?: string } | string> }
      return { number: d.number, creator: d.user?.login, labels: (d.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))) }
    },
    async update(issue, title, body) {
      await call('PATCH', `${repoPath}/issues/${issue}`, {}, { title: options.redact(title), body: options.redact(body) })
    },
    async comment(issue, body) {
      await call('POST', `${repoPath}/issues/${issue}/comments`, {}, { body: options.redact(body) })
    },
    async close(issue) {
      await call('PATCH', `${repoPath}/issues/${issue}`, {}, { state: 'closed', state_reason: 'completed' })
    }
  }
}
