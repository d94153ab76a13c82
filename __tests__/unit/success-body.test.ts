/**
 * The transport reads a 2xx body itself (parseSuccessResponseBody: false, then successBody): the same data as
 * @octokit/request's own parsing for every kind of answer, except integers above 2^53 (nothing the audit reads).
 */
import { describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/core'
import { successBody } from '../../src/github/octokit-transport.js'

const cases: Array<[string, string | undefined, string]> = [
  ['JSON', 'application/json; charset=utf-8', '{"login":"octocat","id":1,"list":[1,2,{"a":null}]}'],
  ['JSON without charset', 'application/json', '[{"full_name":"acme/infra"}]'],
  ['SCIM JSON', 'application/scim+json', '{"schemas":[]}'],
  ['JSON that does not parse', 'application/json', '{"truncated": '],
  ['empty JSON body', 'application/json; charset=utf-8', ''],
  ['HTML page', 'text/html; charset=utf-8', '<html><title>Unicorn!</title></html>'],
  ['vendor JSON type (not parsed by Octokit)', 'application/vnd.github+json; charset=utf-8', '{"a":1}'],
  ['no content type', undefined, '{"a":1}'],
  ['plain text', 'text/plain', 'ok'],
  ['non-ASCII JSON', 'application/json; charset=utf-8', '{"name":"dépôt ✓"}']
]

async function data(contentType: string | undefined, body: string, parse: boolean): Promise<unknown> {
  const octokit = new Octokit({
    request: {
      fetch: async () => new Response(body, { status: 200, headers: contentType ? { 'content-type': contentType } : {} }),
      parseSuccessResponseBody: parse
    }
  })
  const response = await octokit.request('GET /user')
  return parse ? response.data : successBody(response.headers, response.data)
}

describe('successBody reads a 2xx body as @octokit/request does', () => {
  it.each(cases)('%s', async (_name, contentType, body) => {
    expect(await data(contentType, body, false)).toEqual(await data(contentType, body, true))
  })

  it('reads the bytes Node\u2019s own HTTP gives (node-fetch.ts) as it reads a stream', async () => {
    expect(await successBody({ 'content-type': 'application/json' }, Buffer.from('{"a":[1]}'))).toEqual({ a: [1] })
    expect(await successBody({ 'content-type': 'application/octet-stream' }, Buffer.from('xyz'))).toBeInstanceOf(ArrayBuffer)
  })
})
