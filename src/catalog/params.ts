/** Path parameters as the catalog and the harmlessness rule (safety.ts) read them: which are real, which are ids. */

/** Path parameters the action can fill with real values on a GET: the audited owner, repo, org, and the token's login. */
export const READ_FILLABLE = new Set(['owner', 'repo', 'org', 'username'])
/**
 * Path parameters filled with real values on a request that is not a GET. `username` is deliberately absent:
 * a write on the token owner's own login (removing a member, following) could act; it is always random.
 */
export const WRITE_FILLABLE = new Set(['owner', 'repo', 'org'])

export function pathParams(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
}

/** The rule's idea of a numeric, server-assigned id: such a resource can never be created by naming it. */
export function isIdParam(param: string): boolean {
  return /(_id|_number)$/.test(param)
}
