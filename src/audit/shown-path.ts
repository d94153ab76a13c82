/**
 * A probe's path as a person reads it: the random values that make a write harmless are shown as their
 * parameter's name (`/repos/acme/infra/issues/{issue_number}/sub_issue`), the rest as sent.
 */
export function shownPath(template: string, path: string, randomParams: readonly string[]): string {
  const t = template.split('/')
  const p = path.split('/')
  if (t.length !== p.length) return path
  return t.map((segment, i) => (/^\{(.+)\}$/.exec(segment) && randomParams.includes(segment.slice(1, -1)) ? segment : p[i])).join('/')
}
