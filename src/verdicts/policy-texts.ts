/**
 * GitHub's own words, read exactly: every message text and header GitHub is known to send when something other than
 * the token's permissions stops a request. Each condition has its own finding and fix (see conditions.ts); none of
 * them proves a permission missing or granted.
 *
 * Every pattern below was written from a real answer, quoted beside it with its public source. The corpus test
 * (`__tests__/unit/corpus.test.ts`, data in `__tests__/corpus/github-responses.json`) feeds each recorded answer through
 * these parsers. Total functions: any string in, a value or undefined out, never a throw.
 */
import type { HttpEvidence } from '../types.js'

export type TokenFamily = 'fine-grained' | 'classic'

export type Condition =
  /** 401 "Bad credentials". */
  | { readonly code: 'invalid-token' }
  /** 403 + `X-GitHub-SSO: required; url=…`. */
  | { readonly code: 'sso-required'; readonly url?: string }
  /** 2xx list + `X-GitHub-SSO: partial-results; organizations=21955855,20582480`: those organizations were left out. */
  | { readonly code: 'sso-partial'; readonly organizations: readonly string[] }
  /** 403: an organization's or enterprise's maximum lifetime for this kind of token. */
  | {
      readonly code: 'lifetime-policy'
      readonly family: TokenFamily
      readonly maxDays: number
      readonly owner?: string
      readonly ownerType?: string
      readonly settingsUrl?: string
    }
  /** 403: the owner refuses personal access tokens (classic). */
  | { readonly code: 'classic-forbidden'; readonly owner?: string }
  /** 403: the owner refuses fine-grained personal access tokens. */
  | { readonly code: 'fine-grained-forbidden'; readonly owner?: string }
  /** 403: the organization's IP allow list does not include the caller's address. */
  | { readonly code: 'ip-allow-list'; readonly owner?: string }
  /** 403 or 429: the primary (x-ratelimit-remaining: 0) or secondary (retry-after, "secondary rate limit") limit. */
  | { readonly code: 'rate-limited'; readonly secondary: boolean; readonly resetAt?: Date; readonly retryAfterSeconds?: number }
  /** 403 "Repository was archived so is read-only.": no write can succeed, whatever the token holds. */
  | { readonly code: 'archived' }
  /** 410 "Issues are disabled for this repo": the feature is off in the repository. */
  | { readonly code: 'feature-disabled'; readonly text: string }
  /** 409 "Git Repository is empty.". */
  | { readonly code: 'repository-empty' }
  /** 403 "Must have admin rights to Repository.": the user's role, not the token. */
  | { readonly code: 'role-refused'; readonly text: string }
  /** 403 or 451 "Repository access blocked" (DMCA, Trust & Safety). */
  | { readonly code: 'repository-blocked'; readonly status: number }
  /** 403 "Sorry. Your account was suspended." (sourcegraph/sourcegraph#16638, lucity#86). */
  | { readonly code: 'account-suspended' }

export type ConditionCode = Condition['code']

// A name in quotes ('NixOS'), in backticks (`AikidoSec`), or bare: at most 100 characters, no line break.
const NAME = String.raw`(?:'([^'\n]{1,100}?)'|\x60([^\x60\n]{1,100})\x60)`

/**
 * Fine-grained (NixOS/org#247): "The 'NixOS' organization forbids access via a fine-grained personal access tokens if
 * the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL:
 * https://github.com/settings/personal-access-tokens/12885303"
 * Classic (issue 11, from a user's report): "… forbids access via a personal access tokens (classic) if the token's
 * lifetime is greater than 7 days. Please adjust your token's lifetime at the following URL:
 * https://github.com/settings/tokens/4801076191"
 */
const LIFETIME =
  /forbids access via an? (fine-grained personal access tokens?|personal access tokens? \(classic\)) if the token['\u2019]s lifetime is greater than (\d{1,6}) days?/i
// Enterprise names may contain an apostrophe ("Macy's"): the name ends at the quote followed by the owner type.
const QUOTED_OWNER = /^The '(.{1,100}?)' (organization|enterprise) /
const BACKTICK_OWNER = /^\x60([^\x60\n]{1,100})\x60 (?:(organization|enterprise) )?forbids/
// Bounded so that a long message full of `http://` cannot make the match quadratic.
const SETTINGS_URL = /(https?:\/\/[^\s"'<>]{1,200}?\/settings\/(?:personal-access-tokens|tokens)\/\d{1,20})/

/**
 * Classic ban (refined-github#6951): "`ORG` forbids access via a personal access token (classic). Please use a GitHub
 * App, OAuth App, or a personal access token with fine-grained permissions."
 * (Also seen as "The 'acme' organization forbids access via a personal access tokens (classic).")
 */
const CLASSIC_BAN = /forbids access via an? personal access tokens? \(classic\)(?! if the token)/i
/**
 * Fine-grained ban (mislav/hub#3363): "`AikidoSec` forbids access via a personal access token with fine-grained
 * permissions. Please use a GitHub App, or an OAuth App."
 */
const FINE_GRAINED_BAN = /forbids access via an? (?:personal access tokens? with fine-grained permissions|fine-grained personal access tokens?)(?! if the token)/i
/**
 * IP allow list (aquasecurity/trivy#10567): "Although you appear to have the correct authorization credentials, the
 * `aquasecurity` organization has an IP allow list enabled, and your IP address is not permitted to access this
 * resource."
 */
const IP_ALLOW_LIST = new RegExp(String.raw`the ${NAME} (?:organization|enterprise) has an IP allow list enabled, and your IP address is not permitted`, 'i')
const IP_ALLOW_LIST_ANY = /has an IP allow list enabled, and your IP address is not permitted/i
/** SAML (GitHub's SSO docs; many pasted answers): "Resource protected by organization SAML enforcement. …". */
const SAML_TEXT = /Resource protected by organization SAML enforcement/i
/** "Repository was archived so is read-only." (403 on any write to an archived repository). */
const ARCHIVED = /^Repository was archived so is read-only\.?$/i
/** 410 "Issues are disabled for this repo", "… has disabled …" and similar. */
const DISABLED = /\b(?:is|are|has been) disabled\b|\bdisabled for this repo/i
/** 409 "Git Repository is empty." */
const EMPTY = /^Git Repository is empty\.?$/i
/** "Must have admin rights to Repository.", "Must have push access to repository", "You must be an organization owner…". */
const ROLE = /^(?:Must have (?:admin|push|pull|maintain|triage) (?:rights|access) to (?:Repository|repository)|You must be an? (?:organization )?(?:owner|admin|member)\b)/i
/** 403 / 451 "Repository access blocked". */
const BLOCKED = /^Repository access blocked\b/i
/** 403 "Sorry. Your account was suspended." */
const SUSPENDED = /^Sorry\. Your account was suspended\.?$/i

/** The owner named at the start of a policy text: `The 'acme' organization …` or `` `acme` forbids …``. */
export function ownerOf(message: string): { owner: string; ownerType?: string } | undefined {
  const quoted = QUOTED_OWNER.exec(message)
  if (quoted) return { owner: quoted[1], ownerType: quoted[2] }
  const tick = BACKTICK_OWNER.exec(message)
  if (tick) return tick[2] ? { owner: tick[1], ownerType: tick[2] } : { owner: tick[1] }
  return undefined
}

/** The lifetime limit of either token kind, with the token's own settings page when GitHub names it. */
export function parseLifetimeLimit(message: string): Extract<Condition, { code: 'lifetime-policy' }> | undefined {
  const m = LIFETIME.exec(message)
  if (!m) return undefined
  const owner = ownerOf(message)
  const url = SETTINGS_URL.exec(message)
  const settingsUrl = url ? httpUrl(url[1]) : undefined
  return {
    code: 'lifetime-policy',
    family: /classic/i.test(m[1]) ? 'classic' : 'fine-grained',
    maxDays: Number(m[2]),
    ...(owner ? { owner: owner.owner } : {}),
    ...(owner?.ownerType ? { ownerType: owner.ownerType } : {}),
    ...(settingsUrl ? { settingsUrl } : {})
  }
}

/** The conditions a message text alone names (no status or header needed), or undefined. */
export function parsePolicyText(message: string): Condition | undefined {
  const text = message.slice(0, 2000)
  const lifetime = parseLifetimeLimit(text)
  if (lifetime) return lifetime
  if (CLASSIC_BAN.test(text)) {
    const owner = ownerOf(text)
    return { code: 'classic-forbidden', ...(owner ? { owner: owner.owner } : {}) }
  }
  if (FINE_GRAINED_BAN.test(text)) {
    const owner = ownerOf(text)
    return { code: 'fine-grained-forbidden', ...(owner ? { owner: owner.owner } : {}) }
  }
  if (IP_ALLOW_LIST_ANY.test(text)) {
    const m = IP_ALLOW_LIST.exec(text)
    const owner = m ? (m[1] ?? m[2]) : undefined
    return { code: 'ip-allow-list', ...(owner ? { owner } : {}) }
  }
  return undefined
}

/** `X-GitHub-SSO: partial-results; organizations=21955855,20582480` → ['21955855', '20582480']. */
export function parsePartialResults(value: string): string[] | undefined {
  const parts = value.split(';').map((p) => p.trim())
  if (parts[0]?.toLowerCase() !== 'partial-results') return undefined
  const orgs = parts.find((p) => p.toLowerCase().startsWith('organizations='))
  if (!orgs) return []
  return orgs
    .slice('organizations='.length)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_.-]{1,100}$/.test(s))
}

/** `X-GitHub-SSO: required; url=https://github.com/orgs/acme/sso?authorization_request=…`. */
export function parseSsoRequired(value: string): { url?: string } | undefined {
  const parts = value.split(';').map((p) => p.trim())
  if (parts[0]?.toLowerCase() !== 'required') return undefined
  const urlPart = parts.find((p) => p.toLowerCase().startsWith('url='))
  const url = urlPart ? httpUrl(urlPart.slice(4).trim()) : undefined
  return url ? { url } : {}
}

/**
 * The condition an answer shows, whatever the permission probed. Order matters where GitHub's answers overlap:
 * SSO before texts (its header is the proof); the policy texts before rate limits (a policy 403 is not a limit).
 */
export function readCondition(ev: Pick<HttpEvidence, 'status' | 'headers' | 'message'>): Condition | undefined {
  const { status, headers } = ev
  const message = ev.message ?? ''
  if (status === 401) return { code: 'invalid-token' }
  const sso = headers['x-github-sso']
  if (sso !== undefined && status >= 200 && status < 300) {
    const orgs = parsePartialResults(sso)
    if (orgs) return { code: 'sso-partial', organizations: orgs }
  }
  if (status === 403 && (sso !== undefined || SAML_TEXT.test(message))) {
    const required = sso !== undefined ? parseSsoRequired(sso) : undefined
    if (required || SAML_TEXT.test(message)) return { code: 'sso-required', ...(required?.url ? { url: required.url } : {}) }
  }
  if (status === 451 || (status === 403 && BLOCKED.test(message))) {
    if (BLOCKED.test(message) || status === 451) return { code: 'repository-blocked', status }
  }
  if (status === 403) {
    const policy = parsePolicyText(message)
    if (policy) return policy
    if (ARCHIVED.test(message.trim())) return { code: 'archived' }
    if (SUSPENDED.test(message.trim())) return { code: 'account-suspended' }
    if (ROLE.test(message.trim())) return { code: 'role-refused', text: message.trim().slice(0, 200) }
  }
  if (status === 403 || status === 429) {
    const limit = rateLimit(status, headers, message)
    if (limit) return limit
  }
  if (status === 410 && DISABLED.test(message)) return { code: 'feature-disabled', text: message.trim().slice(0, 200) }
  if (status === 409 && EMPTY.test(message.trim())) return { code: 'repository-empty' }
  return undefined
}

/**
 * Primary limit: 403 or 429 with `x-ratelimit-remaining: 0` (GitHub's rate-limit docs). Secondary: `retry-after`, or
 * the text "secondary rate limit", sometimes without any `x-ratelimit-*` header (GitHub's docs: "you may receive a
 * 403 or 429 … retry-after … If the x-ratelimit-remaining header is 0 …").
 */
function rateLimit(status: number, headers: Readonly<Record<string, string>>, message: string): Extract<Condition, { code: 'rate-limited' }> | undefined {
  const remaining = headers['x-ratelimit-remaining']
  const retryAfter = headers['retry-after']
  // @octokit/plugin-throttling's rule: /\bsecondary rate\b/i, checked before x-ratelimit-remaining.
  const secondaryText = /\bsecondary rate\b/i.test(message)
  const primaryText = /API rate limit exceeded/i.test(message)
  if (remaining !== '0' && retryAfter === undefined && !secondaryText && !primaryText && status !== 429) return undefined
  const secondary = secondaryText || (remaining !== '0' && !primaryText)
  const reset = Number(headers['x-ratelimit-reset'])
  const after = Number(retryAfter)
  return {
    code: 'rate-limited',
    secondary,
    ...(!secondary && headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset) && reset > 0 ? { resetAt: new Date(reset * 1000) } : {}),
    ...(retryAfter !== undefined && Number.isFinite(after) && after >= 0 ? { retryAfterSeconds: after } : {})
  }
}

/**
 * A 404 whose `documentation_url` names the repository lookup ("get-a-repository", as in cli/cli#13350): GitHub did
 * not find the repository, so the 404 says nothing about the id the probe made up.
 */
export function namesRepositoryLookup(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false
  const url = (body as { documentation_url?: unknown }).documentation_url
  return typeof url === 'string' && /#get-a-repository$|\/repos\/repos#get-a-repository/i.test(url.slice(0, 300))
}

function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}
