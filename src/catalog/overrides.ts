/**
 * Hand-reviewed exceptions to the catalog rules in catalog.ts. Every entry says why.
 * Tests hold each override against GitHub's data and OpenAPI description.
 */
import type { Level, PermissionScope } from '../types.js'

export type ProbeOverride =
  | {
      /** `METHOD /template` from GitHub's data, under this permission at this level. */
      readonly probe: string
      /** For a POST relying on an incomplete body: the required field the body leaves out. */
      readonly missingField?: string
      readonly body?: Record<string, unknown>
      readonly query?: Record<string, string>
      readonly why: string
    }
  | { readonly uncheckable: string; readonly why: string }

/** Keyed `permission:level`. */
export const PROBE_OVERRIDES: Readonly<Record<string, ProbeOverride>> = {
  'metadata:read': {
    probe: 'GET /repos/{owner}/{repo}',
    why: 'The repository itself: the same response tells whether the repository is reachable at all, which every other repository probe needs to be read correctly.'
  },
  'pages:read': {
    probe: 'GET /repos/{owner}/{repo}/pages/builds',
    why: 'The rule would pick GET /repos/{owner}/{repo}/pages, which answers 404 on a repository without a Pages site; the list of builds is paginated and answers 200.'
  },
  'organization_api_insights:read': {
    probe: 'GET /orgs/{org}/insights/api/summary-stats',
    query: { min_timestamp: '2024-01-01T00:00:00Z' },
    why: 'Every API insights endpoint requires the min_timestamp query parameter, which the rule cannot supply.'
  },
  'organization_copilot_metrics:read': {
    probe: 'GET /orgs/{org}/copilot/metrics/reports/organization-28-day/latest',
    why: 'The other Copilot metrics reports require a `day` query parameter; the latest 28-day report needs none.'
  },
  'artifact_metadata:read': {
    probe: 'GET /orgs/{org}/artifacts/metadata/deployment-record/cluster/{cluster}/jobs/{job_id}',
    why: 'The rule would pick GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records, but a subject digest must match `sha256:` and 64 hex digits, which a random name does not: GitHub may refuse it as invalid before checking the permission. A random cluster name and job id fit their schemas and name nothing that exists (404).'
  },
  'artifact_metadata:write': {
    uncheckable:
      'Every write endpoint either creates a record under a label a POST may create (cluster) or has no path parameter to make random; and POST /orgs/{org}/artifacts/metadata/storage-record documents no 422 (OpenAPI: 200, 403, 404), so a body without its required fields is only hoped to be refused.',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'statuses:write': {
    uncheckable:
      'The only write endpoint, POST /repos/{owner}/{repo}/statuses/{sha}, creates a commit status: its only random segment is the commit itself (a SHA, which random hex could name), and GitHub documents no 422 for it (OpenAPI: 201 only).',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'organization_codespaces_settings:write': {
    uncheckable:
      'The settings endpoints have no path parameter to make random, and POST /orgs/{org}/codespaces/access/selected_users documents 204 with the list of users: a body without it is only hoped to be refused.',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'profile:write': {
    uncheckable: 'PATCH /user changes the profile with any body, and POST /user/social_accounts has no path parameter to make random: its body is its only barrier.',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'gists:write': {
    uncheckable:
      'A gist with a random id is looked up before its owner is known (404 whatever the token holds), and POST /gists has no path parameter to make random: a body without files would be its only barrier.',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'emails:write': {
    uncheckable: 'POST /user/emails has no path parameter to make random, and its body is optional (a oneOf of a list or an object): GitHub may accept an empty one.',
    why: 'Issue 12: a POST or PUT is probed only behind two barriers (a random parent that cannot exist and a body GitHub must refuse).'
  },
  'organization_copilot_seat_management:write': {
    probe: 'POST /orgs/{org}/copilot-spaces/{space_number}/collaborators',
    missingField: 'actor_type',
    why: 'The rule would pick DELETE .../collaborators/{actor_type}/{actor_identifier}, whose actor_type is an enum (User or Team): a random value there may be refused by validation, which proves nothing. Adding a collaborator to a Copilot Space with a random space_number (an integer the server assigns, and a parent: the space must exist) is a 404, and the empty body also lacks the required actor_type, actor_identifier and role.'
  },
  'codespaces:write': {
    probe: 'GET /repos/{owner}/{repo}/codespaces/new',
    why: "GitHub's data lists this GET (default attributes for a new codespace) under codespaces: write alone: a read that proves the write level. The write endpoints are POSTs with one barrier at most (POST …/pulls/{pull_number}/codespaces takes a body with no required field: only a random number would stand between the probe and a billable codespace), or the organization endpoint that organization_codespaces: write also opens."
  },
  'workflows:write': {
    uncheckable:
      'GitHub checks `workflows` only together with `contents: write`, on writes to `.github/workflows/` paths (create or update a file, refs, releases). No such request is harmless, and none proves `workflows` alone.',
    why: 'Every operation listing workflows also needs contents: write (the data marks them additional-permissions).'
  }
}

/**
 * Operations that answer 200 with public data when the permission is missing; a 200 proves nothing.
 * GitHub documents this for an organization's member list ("if the authenticated user is not a member,
 * only public members are returned").
 */
export const PUBLIC_FALLBACK_OPERATIONS: ReadonlySet<string> = new Set([
  'GET /orgs/{org}/members',
  'GET /orgs/{org}/public_members',
  'GET /orgs/{org}/repos',
  'GET /users/{username}/repos',
  'GET /orgs/{org}/teams/{team_slug}/members'
])

/**
 * GETs that end in a literal segment, so the rule would take them for paginated lists and send `per_page=1`, but
 * that GitHub's OpenAPI description gives no `per_page` parameter. The rule sends them no query.
 * The catalog tests hold every probe's query against the OpenAPI description.
 */
export const UNPAGINATED_OPERATIONS: ReadonlySet<string> = new Set([
  'GET /orgs/{org}/actions/hosted-runners/images/custom',
  'GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records',
  'GET /orgs/{org}/copilot/coding-agent/permissions',
  'GET /orgs/{org}/copilot/content_exclusion',
  'GET /orgs/{org}/copilot/metrics/reports/organization-28-day/latest',
  'GET /orgs/{org}/issue-fields',
  'GET /orgs/{org}/issue-types',
  'GET /orgs/{org}/organization-roles',
  'GET /repos/{owner}/{repo}/codespaces/machines',
  'GET /repos/{owner}/{repo}/codespaces/new',
  'GET /repos/{owner}/{repo}/copilot/cloud-agent/configuration',
  'GET /user/interaction-limits',
  'GET /users/{username}/settings/billing/usage',
  // GitHub Enterprise Server only (checked against the ghes-3.19 description, the newest in @octokit/openapi).
  'GET /orgs/{org}/announcement'
])

/**
 * Operations listed under several permissions where any one of them is accepted (GitHub's
 * `X-Accepted-GitHub-Permissions` lists them as separate sets). A probe on one of them is answered
 * for either permission, so the audit also probes the alternative to say which one let it through.
 */
export const ALTERNATIVE_OPERATIONS: ReadonlySet<string> = new Set([
  'GET /orgs/{org}/copilot/billing',
  'GET /orgs/{org}/copilot/billing/seats',
  'GET /orgs/{org}/codespaces',
  'DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}',
  'GET /repos/{owner}/{repo}/invitations'
])

/**
 * Permissions on GitHub's token form that no REST endpoint uses, so the data file (built from REST
 * operations) does not list them. Accepted as input, reported as not checkable through the REST API.
 */
export const FORM_ONLY_PERMISSIONS: Readonly<
  Record<string, { readonly title: string; readonly scope: PermissionScope; readonly levels: readonly Level[]; readonly why: string }>
> = {
  copilot_messages: { title: 'Copilot Chat', scope: 'account', levels: ['read'], why: 'Used by Copilot Chat, not by the REST API.' },
  copilot_requests: { title: 'Copilot Requests', scope: 'account', levels: ['read', 'write'], why: 'Used by Copilot, not by the REST API.' },
  user_models: { title: 'Models', scope: 'account', levels: ['read'], why: 'Used by GitHub Models inference, not by the REST API.' },
  knowledge_bases: { title: 'Knowledge bases', scope: 'organization', levels: ['read', 'write'], why: 'Used by Copilot knowledge bases, not by the REST API.' }
}
