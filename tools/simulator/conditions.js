// @ts-check
/**
 * Conditions GitHub reports that are not about the token's permissions: organization policies (bans, lifetime
 * limits of both token kinds, IP allow lists), suspended owners, and repository states (archived, blocked, empty,
 * features turned off), plus role refusals. Each answer's text is GitHub's own, quoted from the public source named
 * beside it (the same sources as __tests__/corpus/github-responses.json). The server calls `beforeAuthorisation` once
 * the resource owner and repository are resolved, and `afterAuthorisation` once the token passed the permission check.
 */

/**
 * Scenario fields of an organization (or user) read here.
 * @typedef {object} OwnerConditions
 * @property {boolean} ipAllowList requests touching the org are refused: the runner's address is not on its IP allow list
 * @property {boolean} fineGrainedForbidden fine-grained personal access tokens are refused
 * @property {number | undefined} classicMaxLifetimeDays classic tokens living longer (or never expiring) are refused
 * @property {boolean} suspended the account is suspended: everything it owns answers 404
 */

/**
 * Scenario fields of a repository read here.
 * @typedef {object} RepoConditions
 * @property {boolean} archived writes are refused: "Repository was archived so is read-only."
 * @property {boolean} blocked every request answers 451 "Repository access blocked"
 * @property {boolean} empty no commits: listing or reading commits answers 409 "Git Repository is empty."
 * @property {Set<string>} disabled features turned off: `issues` (410 "Issues are disabled for this repo")
 */

/** @param {Record<string, unknown>} o @returns {OwnerConditions} */
export function ownerConditions(o) {
  return {
    ipAllowList: o.ipAllowList === true,
    fineGrainedForbidden: o.fineGrainedForbidden === true,
    classicMaxLifetimeDays: typeof o.classicMaxLifetimeDays === 'number' ? o.classicMaxLifetimeDays : undefined,
    suspended: o.suspended === true
  }
}

/** @param {Record<string, unknown>} r @returns {RepoConditions} */
export function repoConditions(r) {
  return {
    archived: r.archived === true,
    blocked: r.blocked === true,
    empty: r.empty === true,
    disabled: new Set(Array.isArray(r.disabled) ? r.disabled.map(String) : [])
  }
}

/**
 * @typedef {object} ConditionReply
 * @property {number} status
 * @property {string} message
 * @property {string} [docs]
 * @property {Record<string, unknown>} [extra] more body fields
 */

export const TEXTS = {
  /** aquasecurity/trivy#10567 (403). */
  ipAllowList: (/** @type {string} */ org) =>
    `Although you appear to have the correct authorization credentials, the \`${org}\` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.`,
  /** mislav/hub#3363 (403). */
  fineGrainedForbidden: (/** @type {string} */ org) =>
    `\`${org}\` forbids access via a personal access token with fine-grained permissions. Please use a GitHub App, or an OAuth App.`,
  /** git-town/git-town#4609, refined-github/refined-github#6951 (403). */
  classicForbidden: (/** @type {string} */ org) =>
    `\`${org}\` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.`,
  /** NixOS/org#247 (403). */
  fineGrainedLifetime: (/** @type {string} */ org, /** @type {number} */ days, /** @type {number} */ id) =>
    `The '${org}' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than ${days} days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/${id}`,
  /** Tim-Langford-BriCS/ochami-playground (Flux output) and a test constant with the full form (see the corpus). */
  classicLifetime: (/** @type {string} */ org, /** @type {number} */ days, /** @type {number} */ id) =>
    `The '${org}' organization forbids access via a personal access tokens (classic) if the token's lifetime is greater than ${days} days. Please adjust your token's lifetime at the following URL: https://github.com/settings/tokens/${id}`,
  /** mislav/hub#1655, conda-forge's bot (403). */
  archived: 'Repository was archived so is read-only.',
  /** ingydotnet/git-hub#72 (410). */
  issuesDisabled: 'Issues are disabled for this repo',
  /** dogsheep/github-to-sqlite#22, sweepai/sweep#3902 (409). */
  empty: 'Git Repository is empty.',
  /** octokit/octokit.rb#1208 (403, the user's role). */
  adminRights: 'Must have admin rights to Repository.',
  /** gh4a (451, DMCA). */
  blocked: 'Repository access blocked'
}

/**
 * @typedef {object} ConditionContext
 * @property {string} method
 * @property {string} template the route's OpenAPI template
 * @property {string | undefined} ownerLogin
 * @property {OwnerConditions | undefined} owner conditions of the org or user that owns the resource
 * @property {{ name: string, conditions: RepoConditions } | undefined} repo
 * @property {'fine-grained' | 'classic' | string} tokenKind
 * @property {number} tokenId
 * @property {number | null} lifetimeDays null: never expires
 */

/**
 * Before the permission check: suspended owners, blocked repositories, IP allow lists, token-kind bans and lifetimes.
 * @param {ConditionContext} c
 * @returns {ConditionReply | undefined}
 */
export function beforeAuthorisation(c) {
  if (c.owner?.suspended) return { status: 404, message: 'Not Found' }
  if (c.repo?.conditions.blocked) return { status: 451, message: TEXTS.blocked, extra: { block: { reason: 'dmca', created_at: '2021-01-01T00:00:00Z', html_url: 'https://github.com/github/dmca' } } }
  if (!c.owner || !c.ownerLogin) return undefined
  if (c.owner.ipAllowList) return { status: 403, message: TEXTS.ipAllowList(c.ownerLogin) }
  if (c.owner.fineGrainedForbidden && c.tokenKind === 'fine-grained') return { status: 403, message: TEXTS.fineGrainedForbidden(c.ownerLogin) }
  if (c.owner.classicMaxLifetimeDays !== undefined && c.tokenKind === 'classic' && (c.lifetimeDays === null || c.lifetimeDays > c.owner.classicMaxLifetimeDays)) {
    return { status: 403, message: TEXTS.classicLifetime(c.ownerLogin, c.owner.classicMaxLifetimeDays, c.tokenId) }
  }
  return undefined
}

/**
 * After the permission check: the repository's state and the user's role.
 * @param {ConditionContext & { needsAdmin: boolean, userIsAdmin: boolean }} c
 * @returns {ConditionReply | undefined}
 */
export function afterAuthorisation(c) {
  const repo = c.repo
  if (!repo) return undefined
  const write = c.method !== 'GET'
  if (repo.conditions.disabled.has('issues') && /^\/repos\/\{owner\}\/\{repo\}\/issues(\/|$)/.test(c.template)) return { status: 410, message: TEXTS.issuesDisabled }
  if (write && repo.conditions.archived) return { status: 403, message: TEXTS.archived }
  if (c.needsAdmin && !c.userIsAdmin) return { status: 403, message: TEXTS.adminRights }
  if (repo.conditions.empty && c.method === 'GET' && /^\/repos\/\{owner\}\/\{repo\}\/commits(\/|$)/.test(c.template)) return { status: 409, message: TEXTS.empty }
  return undefined
}
