/**
 * GitHub's `Link` header, as it paginates (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api):
 * `<https://api.github.com/resource?page=2>; rel="next", <https://api.github.com/resource?page=5>; rel="last"`.
 * Read by repository coverage and the organization inventory alike.
 */

export type LinkRelation = 'next' | 'last' | 'prev' | 'first'

/** The relations of a `Link` header, each with its page number (a relation whose URL carries none is left out). */
export function parseLinkPages(header: string | undefined): Partial<Record<LinkRelation, number>> {
  const out: Partial<Record<LinkRelation, number>> = {}
  if (!header || header.length > 10_000) return out
  for (const part of header.split(',')) {
    const m = /^\s*<([^>]{1,2000})>\s*;\s*rel="?([a-z ]+)"?\s*$/i.exec(part)
    if (!m) continue
    const value = queryValue(m[1] ?? '', 'page')
    const page = value !== undefined && /^\d{1,7}$/.test(value) ? Number(value) : undefined
    if (page === undefined || page < 1) continue
    for (const rel of (m[2] ?? '').toLowerCase().split(/\s+/)) if (rel === 'next' || rel === 'last' || rel === 'prev' || rel === 'first') out[rel] = page
  }
  return out
}

/**
 * The first value of `name` in a URL's query, decoded as URLSearchParams decodes it (`+` is a space), or undefined.
 * Written out rather than `new URL(...).searchParams`: URL's first use costs about 1 ms, on the path between two
 * waves of requests.
 */
export function queryValue(url: string, name: string): string | undefined {
  const hash = url.indexOf('#')
  const end = hash < 0 ? url.length : hash
  const start = url.indexOf('?')
  if (start < 0 || start > end) return undefined
  for (const pair of url.slice(start + 1, end).split('&')) {
    const eq = pair.indexOf('=')
    if (decode(eq < 0 ? pair : pair.slice(0, eq)) === name) return eq < 0 ? '' : decode(pair.slice(eq + 1))
  }
  return undefined
}

/**
 * As URLSearchParams decodes (the URL standard's application/x-www-form-urlencoded parser): `+` is a space, `%XX` a
 * byte, any other `%` itself, and the bytes read as UTF-8 with a replacement character where they are not UTF-8.
 * decodeURIComponent throws on such bytes (`%a1`), where URLSearchParams gives U+FFFD.
 */
function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  if (!spaced.includes('%')) return spaced
  const bytes: number[] = []
  for (let i = 0; i < spaced.length; i++) {
    const code = spaced.charCodeAt(i)
    if (code === 0x25 && HEX.test(spaced.slice(i + 1, i + 3))) {
      bytes.push(parseInt(spaced.slice(i + 1, i + 3), 16))
      i += 2
    } else if (code < 0x80) bytes.push(code)
    else {
      const char = String.fromCodePoint(spaced.codePointAt(i) as number)
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte)
      i += char.length - 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

const HEX = /^[0-9A-Fa-f]{2}$/
