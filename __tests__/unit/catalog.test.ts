/**
 * The catalog, held entry by entry against GitHub's permission data and GitHub's OpenAPI description.
 * Table-driven: every permission, every level, every probe. A failure here means a probe is not provably
 * harmless or not correct: fix the rule (catalog.ts) or add a reviewed override (overrides.ts), never the test.
 */
import { describe, expect, it } from '@jest/globals'
import type { Catalog, CatalogEntry, CatalogPermission } from '../../src/catalog/catalog.js'
import { buildCatalog, isIdParam, operationId, pathParams, READ_FILLABLE, WRITE_FILLABLE } from '../../src/catalog/catalog.js'
import type { Edition, PermissionData } from '../../src/catalog/github-data.js'
import { permissionData } from '../../src/catalog/permission-data.js'
import {
  ALTERNATIVE_OPERATIONS,
  FORM_ONLY_PERMISSIONS,
  PROBE_OVERRIDES,
  PUBLIC_FALLBACK_OPERATIONS,
  UNPAGINATED_OPERATIONS
} from '../../src/catalog/overrides.js'
import type { Target } from '../../src/audit/plan.js'
import { fillProbe } from '../../src/audit/plan.js'
import { checkHarmless, isRandomValue, matchTemplate } from '../../src/catalog/safety.js'
import type { HttpRequest } from '../../src/audit/transport.js'
import type { HttpMethod, Level, ProbeSpec } from '../../src/types.js'
import { LEVELS } from '../../src/types.js'
import { GHES_UNDESCRIBED_WRITES, randomParent, UNRANDOMISABLE_PARAMS } from '../../src/catalog/barriers.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describeCatalog } from '../../src/catalog/describe.js'
import {
  allOperationIds,
  schemaTypes,
  bodyRequired,
  documentedStatuses,
  emptyBodyLacksRequiredField,
  isIntegerPathParam,
  pathParamDescription,
  operation,
  pathParamEnum,
  pathParamSchema,
  queryParams,
  requiredBodyFields,
  requiredQueryParams,
  supportsPerPage,
  valueFitsSchema
} from '../helpers/openapi.js'

const EDITIONS: readonly Edition[] = ['fpt', 'ghes']
const FORM_ONLY = ['copilot_messages', 'copilot_requests', 'user_models', 'knowledge_bases']
const TARGET: Target = { owner: 'acme', repo: 'infra', org: 'acme', login: 'octocat' }
const OWNER_PREFIXES = ['/repos/{owner}/{repo}/', '/orgs/{org}/', '/user/']

/** A deterministic stand-in for crypto randomness: 32 hex digits from a counter. */
function counterHex(): () => string {
  let n = 0
  return () => {
    n++
    return (n.toString(16).padStart(8, '0') + 'a1b2c3d4').repeat(2)
  }
}

const catalogs: Record<Edition, Catalog> = { fpt: buildCatalog('fpt'), ghes: buildCatalog('ghes') }

interface Row {
  readonly label: string
  readonly permission: CatalogPermission
  readonly level: Level
  readonly entry: CatalogEntry
}

function rows(edition: Edition): Row[] {
  const catalog = catalogs[edition]
  return [...catalog.permissions.values()].flatMap((permission) =>
    permission.levels.map((level) => {
      const entry = catalog.entry(permission.name, level)
      if (!entry) throw new Error(`no entry for ${permission.name}:${level} in the ${edition} catalog`)
      return { label: `${permission.name}:${level}`, permission, level, entry }
    })
  )
}

function probeRows(edition: Edition): Array<Row & { probe: ProbeSpec }> {
  return rows(edition).flatMap((row) => (row.entry.probe ? [{ ...row, probe: row.entry.probe }] : []))
}

function dataOps(data: PermissionData, name: string) {
  return data[name]?.permissions ?? []
}

function fill(probe: ProbeSpec, target: Target = TARGET): HttpRequest {
  const request = fillProbe(probe, target, counterHex())
  if (typeof request === 'string') throw new Error(`${probe.id} could not be filled: ${request}`)
  return request
}

/** The leaf: the parameter a PUT/POST path ends with, which such a request may create. */
function leafParam(template: string): string | undefined {
  const params = pathParams(template)
  return template.endsWith('}') ? params[params.length - 1] : undefined
}

/** Replaces one parameter's value in a filled path. */
function withParam(probe: ProbeSpec, request: HttpRequest, param: string, value: string): HttpRequest {
  const values = matchTemplate(probe.template, request.path)
  if (!values) throw new Error(`${request.path} does not fit ${probe.template}`)
  const path = probe.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(name === param ? value : values[name]))
  return { ...request, path }
}

describe('the OpenAPI helper itself', () => {
  it('finds operations and resolves their parameters', () => {
    expect(operation('GET', '/repos/{owner}/{repo}')?.operationId).toBe('repos/get')
    expect(operation('GET', '/repos/{owner}/{repo}/no-such-thing')).toBeUndefined()
    expect(isIntegerPathParam('DELETE', '/repos/{owner}/{repo}/hooks/{hook_id}', 'hook_id')).toBe(true)
    expect(isIntegerPathParam('DELETE', '/repos/{owner}/{repo}/actions/secrets/{secret_name}', 'secret_name')).toBe(false)
    // oneOf [integer, string]: a commit SHA is accepted too.
    expect(isIntegerPathParam('POST', '/repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel', 'pages_deployment_id')).toBe(false)
    expect(pathParamEnum('DELETE', '/orgs/{org}/copilot-spaces/{space_number}/collaborators/{actor_type}/{actor_identifier}', 'actor_type')).toEqual([
      'User',
      'Team'
    ])
    expect(requiredQueryParams('GET', '/orgs/{org}/insights/api/summary-stats')).toContain('min_timestamp')
    expect(supportsPerPage('GET', '/repos/{owner}/{repo}/branches')).toBe(true)
    expect(supportsPerPage('GET', '/user/interaction-limits')).toBe(false)
  })

  it('tells whether a path value fits its schema', () => {
    const digest = pathParamSchema('GET', '/orgs/{org}/artifacts/{subject_digest}/metadata/storage-records', 'subject_digest')
    expect(valueFitsSchema(`sha256:${'a'.repeat(64)}`, digest)).toBe(true)
    expect(valueFitsSchema('pat-audit-probe-0123456789abcdef', digest)).toBe(false)
    const hookId = pathParamSchema('DELETE', '/repos/{owner}/{repo}/hooks/{hook_id}', 'hook_id')
    expect(valueFitsSchema('9000000000000001', hookId)).toBe(true)
    expect(valueFitsSchema('pat-audit-probe-0123456789abcdef', hookId)).toBe(false)
    const deployment = pathParamSchema('POST', '/repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel', 'pages_deployment_id')
    expect(valueFitsSchema('abc', deployment)).toBe(true)
    const actorType = pathParamSchema('PUT', '/orgs/{org}/copilot-spaces/{space_number}/collaborators/{actor_type}/{actor_identifier}', 'actor_type')
    expect(valueFitsSchema('User', actorType)).toBe(true)
    expect(valueFitsSchema('pat-audit-probe-0123456789abcdef', actorType)).toBe(false)
  })

  it('reads required body fields through oneOf/anyOf/allOf', () => {
    // oneOf: an object requiring `emails`, an array, a string; `{}` can only be the object.
    expect(requiredBodyFields('POST', '/user/emails')).toEqual(['emails'])
    expect(emptyBodyLacksRequiredField('POST', '/user/emails')).toBe(true)
    // oneOf of two objects requiring different fields: `{}` fails both, but no single field is missing from both.
    expect(requiredBodyFields('POST', '/user/codespaces')).toEqual([])
    expect(emptyBodyLacksRequiredField('POST', '/user/codespaces')).toBe(true)
    expect(requiredBodyFields('POST', '/orgs/{org}/attestations/delete-request')).toEqual([])
    // Nothing required: `{}` is a valid update.
    expect(requiredBodyFields('PATCH', '/repos/{owner}/{repo}')).toEqual([])
    expect(emptyBodyLacksRequiredField('PATCH', '/repos/{owner}/{repo}')).toBe(false)
    expect(requiredBodyFields('POST', '/user/social_accounts')).toEqual(['account_urls'])
  })
})

describe.each(EDITIONS)('%s catalog: GitHub data membership', (edition) => {
  const catalog = catalogs[edition]
  const data = permissionData(edition)

  it('has exactly the data file permissions plus the form-only ones', () => {
    const fromData = [...catalog.permissions.values()].filter((p) => !p.formOnly).map((p) => p.name)
    expect(fromData.sort()).toEqual(Object.keys(data).sort())
    expect(fromData).toHaveLength(edition === 'fpt' ? 73 : 53)
    const formOnly = [...catalog.permissions.values()].filter((p) => p.formOnly).map((p) => p.name)
    expect(formOnly.sort()).toEqual([...FORM_ONLY].sort())
  })

  it.each(Object.keys(data))('%s: every level the data uses, and only those', (name) => {
    const levels = LEVELS.filter((l) => data[name].permissions.some((op) => op.access === l))
    const info = catalog.permissions.get(name)
    expect(info?.levels).toEqual(levels)
    expect(info?.formOnly).toBe(false)
    for (const level of levels) expect(catalog.entry(name, level)).toBeDefined()
    for (const level of LEVELS.filter((l) => !levels.includes(l))) expect(catalog.entry(name, level)).toBeUndefined()
  })

  it.each(FORM_ONLY)('form-only %s is uncheckable, with a reason', (name) => {
    const info = catalog.permissions.get(name)
    expect(info?.formOnly).toBe(true)
    expect(info?.levels.length).toBeGreaterThan(0)
    for (const level of info?.levels ?? []) {
      const entry = catalog.entry(name, level)
      expect(entry?.probe).toBeUndefined()
      expect(entry?.uncheckable?.length).toBeGreaterThan(20)
      expect(entry?.why?.length).toBeGreaterThan(10)
    }
  })

  it.each(rows(edition).map((r) => [r.label, r]))('%s: a probe or an uncheckable reason, overrides say why', (_label, row) => {
    const { entry } = row as Row
    expect(Boolean(entry.probe) !== Boolean(entry.uncheckable)).toBe(true)
    if (entry.uncheckable) expect(entry.uncheckable.length).toBeGreaterThan(20)
    if (entry.source === 'override') expect(entry.why?.trim().length).toBeGreaterThan(10)
  })

  it.each(probeRows(edition).map((r) => [r.label, r]))('%s: the probe is GitHub data for this permission at this level', (_label, row) => {
    const { probe, permission, level } = row as Row & { probe: ProbeSpec }
    const listed = dataOps(data, permission.name).filter((op) => operationId(op.verb, op.requestPath) === probe.id && op.access === level)
    expect(listed.length).toBeGreaterThan(0)
    // Exclusive to this permission, or a reviewed alternative: then the audit probes the alternatives too.
    if (listed.every((op) => op['additional-permissions'])) expect(ALTERNATIVE_OPERATIONS.has(probe.id)).toBe(true)
    // The accepted sets are exactly what the data lists for the operation.
    const sets = Object.entries(data).flatMap(([name, p]) =>
      p.permissions.filter((op) => operationId(op.verb, op.requestPath) === probe.id).map((op) => `${name}:${op.access}`)
    )
    expect(probe.accepts.map((set) => set.map((p) => `${p.name}:${p.level}`).join('+')).sort()).toEqual([...new Set(sets)].sort())
    expect(probe.accepts.some((set) => set.length === 1 && set[0].name === permission.name && set[0].level === level)).toBe(true)
    expect(probe.id).toBe(`${probe.method} ${probe.template}`)
    expect(catalogs[edition].probes.get(probe.id)).toBe(probe)
    expect(probe.publicFallback).toBe(PUBLIC_FALLBACK_OPERATIONS.has(probe.id))
  })

  it('never proves a permission with an answer public data could give', () => {
    for (const { probe } of probeRows(edition)) expect(probe.publicFallback).toBe(false)
  })
})

describe('reviewed overrides and lists', () => {
  const data = permissionData('fpt')
  const allIds = new Set(Object.values(data).flatMap((p) => p.permissions.map((op) => operationId(op.verb, op.requestPath))))

  it.each(Object.entries(PROBE_OVERRIDES))('%s names a permission level of the data, and why', (key, override) => {
    const [name, level] = key.split(':')
    expect(dataOps(data, name).some((op) => op.access === level)).toBe(true)
    expect(override.why.trim().length).toBeGreaterThan(10)
    if ('probe' in override) {
      const [method, template] = override.probe.split(' ')
      expect(dataOps(data, name).some((op) => op.verb.toUpperCase() === method && op.requestPath === template && op.access === level)).toBe(true)
      const entry = catalogs.fpt.entry(name, level as Level)
      expect(entry?.source).toBe('override')
      expect(entry?.probe?.id).toBe(override.probe)
    } else {
      expect(catalogs.fpt.entry(name, level as Level)?.uncheckable).toBe(override.uncheckable)
    }
  })

  it.each([...ALTERNATIVE_OPERATIONS])('alternative %s is listed under more than one permission', (id) => {
    const names = Object.entries(data).filter(([, p]) => p.permissions.some((op) => operationId(op.verb, op.requestPath) === id))
    expect(names.length).toBeGreaterThan(1)
  })

  it.each([...PUBLIC_FALLBACK_OPERATIONS])('public fallback %s is a GET of GitHub\'s API', (id) => {
    const [method, template] = id.split(' ')
    expect(method).toBe('GET')
    expect(operation(method, template)).toBeDefined()
    expect(allIds.has(id)).toBe(true)
  })

  it.each([...UNPAGINATED_OPERATIONS])('unpaginated %s is a GET without per_page', (id) => {
    const [method, template] = id.split(' ')
    expect(method).toBe('GET')
    if (operation(method, template)) expect(supportsPerPage(method, template)).toBe(false)
    else expect(Object.values(permissionData('ghes')).some((p) => p.permissions.some((op) => operationId(op.verb, op.requestPath) === id))).toBe(true)
  })

  it.each(Object.entries(FORM_ONLY_PERMISSIONS))('form-only %s is not in the data and says why', (name, info) => {
    expect(data[name]).toBeUndefined()
    expect(info.why.length).toBeGreaterThan(10)
  })
})

const fptProbes = [...catalogs.fpt.probes.values()]
const writeProbes = fptProbes.filter((p) => p.method !== 'GET')
const getProbes = fptProbes.filter((p) => p.method === 'GET')

describe('every fpt probe against GitHub\'s OpenAPI description', () => {
  it('has probes of every kind to check', () => {
    expect(getProbes.length).toBeGreaterThan(40)
    expect(writeProbes.length).toBeGreaterThan(30)
  })

  it.each(fptProbes.map((p) => [p.id, p]))('%s: the operation exists with exactly these path parameters', (_id, p) => {
    const probe = p as ProbeSpec
    const op = operation(probe.method, probe.template)
    expect(op).toBeDefined()
    const openapiPath = (op?.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name)
    expect([...openapiPath].sort()).toEqual([...pathParams(probe.template)].sort())
  })

  it.each(fptProbes.map((p) => [p.id, p]))('%s: query parameters are declared, required ones supplied', (_id, p) => {
    const probe = p as ProbeSpec
    const declared = queryParams(probe.method, probe.template).map((q) => q.name)
    for (const name of Object.keys(probe.query)) expect(declared).toContain(name)
    for (const name of requiredQueryParams(probe.method, probe.template)) expect(Object.keys(probe.query)).toContain(name)
    if ('per_page' in probe.query) expect(supportsPerPage(probe.method, probe.template)).toBe(true)
  })

  it.each(fptProbes.map((p) => [p.id, p]))('%s: every path value fits its OpenAPI schema; no enum is random', (_id, p) => {
    // A value outside the schema (an enum, a digest pattern, a string for an integer) may be refused by validation
    // before the permission is checked, which proves nothing about the permission.
    const probe = p as ProbeSpec
    for (const param of probe.randomParams) expect(pathParamEnum(probe.method, probe.template, param)).toBeUndefined()
    const values = matchTemplate(probe.template, fill(probe).path) ?? {}
    for (const [param, value] of Object.entries(values)) {
      expect([param, value, valueFitsSchema(value, pathParamSchema(probe.method, probe.template, param))]).toEqual([param, value, true])
    }
  })

  it.each(getProbes.map((p) => [p.id, p]))('%s: a GET is read-only and carries no body', (_id, p) => {
    const probe = p as ProbeSpec
    expect(probe.safety).toEqual({ kind: 'read-only' })
    expect(probe.body).toBeUndefined()
    expect([...probe.randomParams]).toEqual(pathParams(probe.template).filter((x) => !READ_FILLABLE.has(x)))
  })

  it.each(writeProbes.map((p) => [p.id, p]))('%s: the safety argument holds per OpenAPI', (_id, p) => {
    const probe = p as ProbeSpec
    const params = pathParams(probe.template)
    // Only owner, repo and org are ever real on a write; `username` in particular is always random.
    expect(WRITE_FILLABLE.has('username')).toBe(false)
    expect([...probe.randomParams]).toEqual(params.filter((x) => !WRITE_FILLABLE.has(x)))
    for (const x of params) if (!probe.randomParams.includes(x)) expect(['owner', 'repo', 'org']).toContain(x)
    expect(probe.safety.kind).not.toBe('read-only')

    if (probe.method === 'PATCH' || probe.method === 'DELETE') {
      expect(probe.safety.kind).toBe('random-target')
      expect(probe.randomParams.length).toBeGreaterThan(0)
    }
    if (probe.method === 'DELETE') expect(probe.body).toBeUndefined()
    else expect(probe.body).toEqual({})
    // Octokit sends the parameters of a request that is not a GET as its body: a write probe has no query.
    expect(probe.query).toEqual({})

    if (probe.method === 'POST' || probe.method === 'PUT') {
      // Two barriers: a random parent that cannot exist, and a body GitHub must refuse (documented 422).
      expect(probe.safety.kind).toBe('two-barriers')
      if (probe.safety.kind !== 'two-barriers') return
      const parent = probe.safety.param
      expect(randomParent(probe.template, probe.randomParams)).toBe(parent)
      expect(parent).not.toBe(leafParam(probe.template))
      if (!isIntegerPathParam(probe.method, probe.template, parent)) {
        // A parent named by a string must be a resource GitHub looks up (it has a GET), not a label a write may create.
        const prefix = probe.template.slice(0, probe.template.indexOf(`{${parent}}`) + parent.length + 2)
        expect(operation('GET', prefix)).toBeDefined()
      }
      expect(bodyRequired(probe.method, probe.template)).toBe(true)
      expect(requiredBodyFields(probe.method, probe.template)).toContain(probe.safety.missingField)
      expect(emptyBodyLacksRequiredField(probe.method, probe.template)).toBe(true)
      expect(documentedStatuses(probe.method, probe.template)).toContain('422')
      expect(probe.body).toBeDefined()
      expect(Object.prototype.hasOwnProperty.call(probe.body, probe.safety.missingField)).toBe(false)
    } else {
      expect(probe.safety.kind).toBe('random-target')
      if (probe.safety.kind === 'random-target') {
        expect(params).toContain(probe.safety.param)
        expect(probe.randomParams).toContain(probe.safety.param)
      }
    }
  })

  it.each(writeProbes.flatMap((p) => p.randomParams.map((param) => [`${p.id} {${param}}`, p, param] as const)))(
    '%s: the random value comes from the parameter\'s schema, with at least 64 random bits',
    (_id, p, param) => {
      const probe = p as ProbeSpec
      const schema = pathParamSchema(probe.method, probe.template, param)
      const description = pathParamDescription(probe.method, probe.template, param)
      expect(Object.prototype.hasOwnProperty.call(UNRANDOMISABLE_PARAMS, param)).toBe(false)
      // Nothing that accepts a commit SHA: random hex could name a real commit.
      expect(description).not.toMatch(/\bSHA\b|\bhex/i)
      if (isIdParam(param)) {
        // 2^64 + 64 random bits: an integer above GitHub's id space.
        expect(schemaTypes(schema)).toEqual(['integer'])
        expect(schema?.maximum === undefined || schema.maximum >= 2 ** 65).toBe(true)
      } else {
        // pat-audit-probe- and 16 random hex digits: a plain string of the parameter's own form (no pattern, no enum).
        expect(schemaTypes(schema)).toEqual(['string'])
        expect([schema?.pattern, schema?.enum, schema?.format]).toEqual([undefined, undefined, undefined])
      }
    }
  )

  it.each(Object.entries(UNRANDOMISABLE_PARAMS))('%s is never made random, for the reason OpenAPI gives', (param) => {
    const uses = allOperationIds()
      .map((id) => id.split(' ') as [string, string])
      .filter(([, t]) => t.includes(`{${param}}`))
    if (uses.length === 0) return
    const [method, template] = uses[0]
    const schema = pathParamSchema(method, template, param)
    const description = pathParamDescription(method, template, param)
    if (param === 'ghsa_id') expect(description).toMatch(/GHSA/)
    else if (param === 'pages_deployment_id') expect(description).toMatch(/commit SHA/)
    else if (param === 'network_configuration_id') expect(schemaTypes(schema)).toEqual(['string'])
    else expect(param).toMatch(/sha$|^ref$/) // named for a commit SHA or a ref in every operation that has it
    for (const probe of writeProbes) expect(probe.randomParams).not.toContain(param)
  })

  it('every POST and PUT probe names its two barriers where the catalog is shown (npm run catalog)', () => {
    const rows = describeCatalog(catalogs.fpt)
    const posts = rows.filter((r) => /^(POST|PUT) /.test(r.probe))
    expect(posts.length).toBeGreaterThan(0)
    for (const row of posts) expect(row.note).toMatch(/two barriers: random parent \{[a-z_]+\} that cannot exist, and a body without the required `[a-z_]+` \(422 documented\)/)
  })

  it.each(fptProbes.filter((p) => p.randomParams.length > 0).map((p) => [p.id, p]))(
    '%s: the random segment sits below the resource owner',
    (_id, p) => {
      // A random id that decides the owner (/teams/{team_id}, /gists/{gist_id}) is a 404 whatever the token holds.
      const probe = p as ProbeSpec
      const prefix = OWNER_PREFIXES.find((x) => probe.template.startsWith(x))
      expect(prefix).toBeDefined()
      for (const param of probe.randomParams) expect(probe.template.indexOf(`{${param}}`)).toBeGreaterThanOrEqual(prefix!.length)
    }
  )
})

describe('every fpt probe, filled, passes the harmlessness guard; tampered copies do not', () => {
  it.each(fptProbes.map((p) => [p.id, p]))('%s: the filled request is harmless', (_id, p) => {
    const probe = p as ProbeSpec
    const request = fill(probe)
    expect(checkHarmless(probe, request)).toBeUndefined()
    expect(request.method).toBe(probe.method)
    const values = matchTemplate(probe.template, request.path)
    expect(values).toBeDefined()
    for (const [param, value] of Object.entries(values ?? {})) {
      if (probe.randomParams.includes(param)) expect(isRandomValue(value)).toBe(true)
      else expect(value).toBe({ owner: 'acme', repo: 'infra', org: 'acme', username: 'octocat' }[param])
    }
    if (probe.method !== 'GET') expect(Object.values(values ?? {})).not.toContain('octocat')
  })

  it.each(writeProbes.map((p) => [p.id, p]))('%s: refused with real values, another method, or a body', (_id, p) => {
    const probe = p as ProbeSpec
    const request = fill(probe)
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as HttpMethod[]) {
      if (method !== probe.method) expect(checkHarmless(probe, { ...request, method })).toBeDefined()
    }
    if (probe.safety.kind === 'random-target') {
      for (const real of ['octocat', 'main', 'prod', '1', '42', 'pat-audit-probe']) {
        expect(checkHarmless(probe, withParam(probe, request, probe.safety.param, real))).toBeDefined()
      }
      expect(checkHarmless(probe, { ...request, body: { name: 'x' } })).toBeDefined()
    } else if (probe.safety.kind === 'two-barriers') {
      expect(checkHarmless(probe, { ...request, body: { ...request.body, [probe.safety.missingField]: 'x' } })).toBeDefined()
      for (const real of ['1', '42', 'main']) expect(checkHarmless(probe, withParam(probe, request, probe.safety.param, real))).toBeDefined()
    }
    expect(checkHarmless(probe, { ...request, path: `${request.path}/x` })).toBeDefined()
    expect(checkHarmless(probe, { ...request, query: { ...request.query, state: 'closed' } })).toBeDefined()
  })
})

describe('checkHarmless refuses crafted unsafe requests', () => {
  const probe = (id: string): ProbeSpec => {
    const p = catalogs.fpt.probes.get(id)
    if (!p) throw new Error(`no probe ${id}`)
    return p
  }
  const del = probe('DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}')

  it('a DELETE with a real name instead of the random one', () => {
    const request = fill(del)
    expect(checkHarmless(del, request)).toBeUndefined()
    expect(checkHarmless(del, { ...request, path: '/repos/acme/infra/actions/secrets/NPM_TOKEN' })).toMatch(/random/)
  })

  it('a random-looking number where a name belongs', () => {
    expect(checkHarmless(del, { ...fill(del), path: '/repos/acme/infra/actions/secrets/18446744073709551617' })).toBeDefined()
  })

  it('a PUT whose random parameter is a string leaf', () => {
    const put: ProbeSpec = { ...del, id: 'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', method: 'PUT', body: {} }
    const request = { ...fill(del), method: 'PUT' as const, body: {} }
    expect(checkHarmless(put, request)).toMatch(/two barriers/)
  })

  it('a POST carrying the missing field, or on a real parent', () => {
    const post = probe('POST /orgs/{org}/copilot-spaces/{space_number}/collaborators')
    expect(post.safety).toEqual({ kind: 'two-barriers', param: 'space_number', missingField: 'actor_type' })
    const request = fill(post)
    expect(checkHarmless(post, request)).toBeUndefined()
    expect(checkHarmless(post, { ...request, body: { actor_type: 'User' } })).toMatch(/actor_type/)
    expect(checkHarmless(post, { ...request, body: undefined })).toBeDefined()
    expect(checkHarmless(post, { ...request, path: '/orgs/acme/copilot-spaces/1/collaborators' })).toMatch(/space_number/)
  })

  it('a method change', () => {
    const get = probe('GET /repos/{owner}/{repo}')
    expect(checkHarmless(get, { ...fill(get), method: 'DELETE' })).toMatch(/method/)
    expect(checkHarmless(get, { ...fill(get), method: 'PATCH', body: {} })).toMatch(/method/)
  })

  it('a path outside the template', () => {
    const get = probe('GET /repos/{owner}/{repo}')
    expect(checkHarmless(get, { ...fill(get), path: '/repos/acme/infra/hooks' })).toMatch(/does not fit/)
    expect(checkHarmless(del, { ...fill(del), path: '/orgs/acme/actions/secrets/pat-audit-probe-0123456789abcdef' })).toMatch(/does not fit/)
  })

  it('dot segments or encoded slashes that would move the request elsewhere', () => {
    const req = fill(del)
    const random = matchTemplate(del.template, req.path)!.secret_name
    expect(checkHarmless(del, { ...req, path: `/repos/../../orgs/actions/secrets/${random}` })).toBeDefined()
    expect(checkHarmless(del, { ...req, path: `/repos/acme/%2E%2E/actions/secrets/${random}` })).toBeDefined()
    expect(checkHarmless(del, { ...req, path: `/repos/acme/infra%2Fx/actions/secrets/${random}` })).toBeDefined()
  })

  it('a GET with a body', () => {
    const get = probe('GET /repos/{owner}/{repo}')
    expect(checkHarmless(get, { ...fill(get), body: {} })).toMatch(/body/)
  })

  it('a write probe with a non-empty body', () => {
    const patch = writeProbes.find((p) => p.method === 'PATCH' && p.safety.kind === 'random-target')!
    const request = fill(patch)
    expect(checkHarmless(patch, request)).toBeUndefined()
    expect(checkHarmless(patch, { ...request, body: { state: 'dismissed' } })).toMatch(/body/)
    expect(checkHarmless(del, { ...fill(del), body: { visibility: 'all' } })).toMatch(/body/)
  })

  it('a read-only argument on a write', () => {
    const get = probe('GET /repos/{owner}/{repo}')
    const fake: ProbeSpec = { ...get, method: 'DELETE' }
    expect(checkHarmless(fake, { ...fill(get), method: 'DELETE' })).toMatch(/read-only/)
  })

  it('a POST or PUT with one barrier only', () => {
    const post = probe('POST /orgs/{org}/copilot-spaces/{space_number}/collaborators')
    const oneBarrier: ProbeSpec = { ...post, safety: { kind: 'random-target', param: 'space_number' } }
    expect(checkHarmless(oneBarrier, fill(post))).toMatch(/two barriers/)
    expect(checkHarmless({ ...post, method: 'PUT' }, { ...fill(post), method: 'PUT' })).toBeUndefined()
  })
})

describe('known picks', () => {
  const fpt = catalogs.fpt
  const probeOf = (name: string, level: Level) => fpt.entry(name, level)?.probe

  it('contents:read is a GET on the repository', () => {
    const probe = probeOf('contents', 'read')
    expect(probe?.method).toBe('GET')
    expect(probe?.template.startsWith('/repos/{owner}/{repo}/')).toBe(true)
    expect(probe?.randomParams).toEqual([])
  })

  it('members:read is not the public-fallback member list', () => {
    const probe = probeOf('members', 'read')
    expect(probe).toBeDefined()
    expect(probe?.id).not.toBe('GET /orgs/{org}/members')
    expect(probe?.publicFallback).toBe(false)
  })

  it('metadata:read is the repository itself', () => {
    expect(probeOf('metadata', 'read')?.id).toBe('GET /repos/{owner}/{repo}')
    expect(fpt.entry('metadata', 'read')?.source).toBe('override')
  })

  it('workflows:write is uncheckable, with a reason', () => {
    const entry = fpt.entry('workflows', 'write')
    expect(entry?.probe).toBeUndefined()
    expect(entry?.uncheckable).toMatch(/contents/)
  })

  it("organization_copilot_seat_management:read's probe accepts organization_administration too", () => {
    const probe = probeOf('organization_copilot_seat_management', 'read')
    expect(probe?.method).toBe('GET')
    expect(probe?.accepts).toEqual(expect.arrayContaining([[{ name: 'organization_administration', level: 'read' }]]))
    expect(ALTERNATIVE_OPERATIONS.has(probe!.id)).toBe(true)
  })

  it('repository permissions are probed on the repository when GitHub offers a repository endpoint', () => {
    const data = permissionData('fpt')
    for (const row of probeRows('fpt').filter((r) => r.permission.scope === 'repository' && r.probe.method === 'GET')) {
      if (row.probe.template.startsWith('/repos/{owner}/{repo}')) continue
      // An organization endpoint (often for owners and security managers only) only when the repository offers no
      // exclusive GET with nothing random.
      const usable = dataOps(data, row.permission.name).filter(
        (op) =>
          op.verb === 'get' &&
          op.access === row.level &&
          op.requestPath.startsWith('/repos/{owner}/{repo}') &&
          !op['additional-permissions'] &&
          !PUBLIC_FALLBACK_OPERATIONS.has(operationId(op.verb, op.requestPath)) &&
          pathParams(op.requestPath).every((x) => READ_FILLABLE.has(x))
      )
      expect([row.label, usable.map((op) => op.requestPath)]).toEqual([row.label, []])
    }
  })

  it('write probes never name the token owner', () => {
    for (const probe of writeProbes) expect(fill(probe).path).not.toContain('octocat')
  })
})

describe('ghes catalog', () => {
  it('uses only operations the ghes data lists', () => {
    const data = permissionData('ghes')
    const ids = new Set(Object.values(data).flatMap((p) => p.permissions.map((op) => operationId(op.verb, op.requestPath))))
    for (const probe of catalogs.ghes.probes.values()) expect(ids.has(probe.id)).toBe(true)
  })

  it.each([...catalogs.ghes.probes.values()].map((p) => [p.id, p]))('%s: the filled request passes the guard', (_id, p) => {
    const probe = p as ProbeSpec
    expect(checkHarmless(probe, fill(probe))).toBeUndefined()
  })

  // Issue 12: GHES writes are held to the newest GHES description on npm (ghes-3.19) and to GitHub's GHES data.
  const ghes = ghesOpenapi()
  const ghesWrites = [...catalogs.ghes.probes.values()].filter((p) => p.method !== 'GET')
  it.each(ghesWrites.map((p) => [p.id, p]))('%s: in the ghes-3.19 description, with the same path parameters and random-value forms', (_id, p) => {
    const probe = p as ProbeSpec
    const op = ghes.paths?.[probe.template]?.[probe.method.toLowerCase()]
    expect(op).toBeDefined()
    const resolve = (x: { $ref?: string }) => (x.$ref ? x.$ref.slice(2).split('/').reduce((n: Record<string, unknown>, k: string) => n[k] as Record<string, unknown>, ghes) : x) as { name: string; in: string; schema?: { type?: string; oneOf?: unknown } }
    const params = (op.parameters ?? []).map(resolve).filter((x: { in: string }) => x.in === 'path')
    expect(params.map((x: { name: string }) => x.name).sort()).toEqual([...pathParams(probe.template)].sort())
    for (const param of probe.randomParams) {
      const raw = params.find((x: { name: string }) => x.name === param)?.schema
      const schema = raw ? resolve(raw as { $ref?: string }) : undefined
      expect([param, (schema as { type?: string } | undefined)?.type]).toEqual([param, isIdParam(param) ? 'integer' : 'string'])
    }
    if (probe.method === 'POST' || probe.method === 'PUT') expect(Object.keys(op.responses ?? {})).toContain('422')
  })

  it.each([...GHES_UNDESCRIBED_WRITES].map((id) => [id]))('%s: in the GHES data, not in the ghes-3.19 description, and not probed on GHES', (id) => {
    const [method, template] = id.split(' ')
    const data = permissionData('ghes')
    expect(Object.values(data).some((p) => p.permissions.some((op) => operationId(op.verb, op.requestPath) === id))).toBe(true)
    expect(ghes.paths?.[template]?.[method.toLowerCase()]).toBeUndefined()
    expect(catalogs.ghes.probes.has(id)).toBe(false)
  })
})

function ghesOpenapi(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const require = createRequire(import.meta.url)
  return JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/ghes-3.19.json'), 'utf8'))
}
