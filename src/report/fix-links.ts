/**
 * The pages that perform a fix, as links carried by the findings (rendered right where the fix is stated).
 * GitHub's own pages, each seen in GitHub's answers or documentation:
 * - `/settings/personal-access-tokens/new`: the new fine-grained token form (see regenerate-url.ts).
 * - `/settings/personal-access-tokens` (the list of fine-grained tokens) and `/settings/personal-access-tokens/{id}`
 *   (one token): GitHub's own lifetime-policy message links the latter, e.g. NixOS/org#247: "Please adjust your
 *   token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/12885303".
 * - `/organizations/{org}/settings/personal-access-token-requests`: the requests an organization owner reviews
 *   (docs.github.com "Managing requests for personal access tokens in your organization").
 */
import type { FindingLink } from '../types.js'

export const REPLACEMENT_LINK_TEXT = 'Create the replacement token'

/** A link only for an http(s) URL (a URL read from an answer is data, not trusted markup). */
export function linkTo(text: string, url: string | undefined): FindingLink | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { text, url: parsed.href } : undefined
  } catch {
    return undefined
  }
}

function server(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '')
}

/**
 * The link to the replacement form. The last one is kept with its URL and given back for the same URL: the findings
 * and the summary each ask for it, after the last answer, and parsing a URL of a few kilobytes (the whole catalog's
 * permissions) is not free; the audit makes it ahead, while GitHub answers (assemble.ts, prepareReplacement).
 */
export function replacementLink(regenerateUrl: string): FindingLink | undefined {
  if (lastReplacementLink?.url !== regenerateUrl) lastReplacementLink = { url: regenerateUrl, link: linkTo(REPLACEMENT_LINK_TEXT, regenerateUrl) }
  return lastReplacementLink.link
}

let lastReplacementLink: { readonly url: string; readonly link: FindingLink | undefined } | undefined

/** The signed-in user's fine-grained tokens, where repository access and permissions are edited. */
export function tokenListLink(serverUrl: string): FindingLink | undefined {
  return linkTo('Open your fine-grained tokens', `${server(serverUrl)}/settings/personal-access-tokens`)
}

/** Where an organization owner approves or denies pending token requests. */
export function pendingRequestsLink(serverUrl: string, org: string): FindingLink | undefined {
  return linkTo(`Review ${org}'s pending token requests`, `${server(serverUrl)}/organizations/${encodeURIComponent(org)}/settings/personal-access-token-requests`)
}
