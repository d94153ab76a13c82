import { describe, it, expect } from '@jest/globals'
import type { Level } from '../../src/types.js'
import type { PermissionNames } from '../../src/inputs/required-permissions.js'
import {
  formatPermissionList,
  MAX_PERMISSION_ENTRIES,
  MAX_PERMISSIONS_INPUT_LENGTH,
  parseRequiredPermissions,
  quote
} from '../../src/inputs/required-permissions.js'
import { buildCatalog } from '../../src/catalog/catalog.js'
import { closest, editDistance } from '../../src/inputs/suggest.js'

const FAKE: Record<string, { levels: Level[]; scope: 'repository' | 'organization' | 'account' }> = {
  contents: { levels: ['read', 'write'], scope: 'repository' },
  pull_requests: { levels: ['read', 'write'], scope: 'repository' },
  issues: { levels: ['read', 'write'], scope: 'repository' },
  workflows: { levels: ['write'], scope: 'repository' },
  metadata: { levels: ['read'], scope: 'repository' },
  members: { levels: ['read', 'write'], scope: 'organization' },
  organization_custom_properties: { levels: ['read', 'write', 'admin'], scope: 'organization' },
  gists: { levels: ['write'], scope: 'account' }
}

const fake: PermissionNames = {
  levelsOf: (n) => FAKE[n]?.levels,
  names: () => Object.keys(FAKE),
  scopeOf: (n) => FAKE[n]?.scope
}

const parse = (raw: string) => parseRequiredPermissions(raw, fake)

function expectOneLineErrors(errors: readonly string[]) {
  for (const e of errors) {
    expect(e).not.toMatch(/[\n\r\u2028\u2029]/)
    expect(e.startsWith("Input 'required-permissions'")).toBe(true)
  }
}

describe('parseRequiredPermissions: accepted forms', () => {
  it('returns nothing for an empty input', () => {
    expect(parse('')).toEqual({ required: [], errors: [], warnings: [] })
    expect(parse('  \n\n , ; ')).toEqual({ required: [], errors: [], warnings: [] })
  })

  it('separates entries by newlines', () => {
    expect(parse('contents: read\npull_requests: write\n')).toEqual({
      required: [
        { name: 'contents', level: 'read' },
        { name: 'pull_requests', level: 'write' }
      ],
      errors: [],
      warnings: []
    })
  })

  it('separates entries by commas and semicolons', () => {
    expect(parse('contents: read, issues: write;metadata:read').required).toEqual([
      { name: 'contents', level: 'read' },
      { name: 'issues', level: 'write' },
      { name: 'metadata', level: 'read' }
    ])
  })

  it('handles Windows line endings', () => {
    expect(parse('contents: read\r\nissues: write\r\n').required).toEqual([
      { name: 'contents', level: 'read' },
      { name: 'issues', level: 'write' }
    ])
  })

  it('accepts name=level and spaces around the separator', () => {
    expect(parse('contents=write\nissues = read\nmetadata :read').required).toEqual([
      { name: 'contents', level: 'write' },
      { name: 'issues', level: 'read' },
      { name: 'metadata', level: 'read' }
    ])
  })

  it('ignores comments, whole-line and trailing', () => {
    const result = parse('# what the deploy job needs\ncontents: write  # push tags\n  # pull_requests: write\nissues: read #')
    expect(result.errors).toEqual([])
    expect(result.required).toEqual([
      { name: 'contents', level: 'write' },
      { name: 'issues', level: 'read' }
    ])
  })

  it('ignores a comment that contains commas or semicolons', () => {
    const result = parse('contents: write # push tags, releases; and more\nissues: read')
    expect(result.errors).toEqual([])
    expect(result.required).toEqual([
      { name: 'contents', level: 'write' },
      { name: 'issues', level: 'read' }
    ])
  })

  it('is case-insensitive on names and levels', () => {
    expect(parse('Contents: READ\nPULL_REQUESTS: Write').required).toEqual([
      { name: 'contents', level: 'read' },
      { name: 'pull_requests', level: 'write' }
    ])
  })

  it('sorts the result by name', () => {
    expect(parse('workflows: write, contents: read, issues: read').required.map((p) => p.name)).toEqual(['contents', 'issues', 'workflows'])
  })

  it('accepts admin where the permission has it', () => {
    expect(parse('organization_custom_properties: admin').required).toEqual([{ name: 'organization_custom_properties', level: 'admin' }])
  })
})

describe('parseRequiredPermissions: duplicates', () => {
  it('takes the higher level and warns', () => {
    const result = parse('contents: read\ncontents: write')
    expect(result.required).toEqual([{ name: 'contents', level: 'write' }])
    expect(result.errors).toEqual([])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain("'contents'")
    expect(result.warnings[0]).toContain('write')
    expectOneLineErrors(result.warnings)
  })

  it('takes the higher level whatever the order', () => {
    const result = parse('contents: write, contents: read')
    expect(result.required).toEqual([{ name: 'contents', level: 'write' }])
    expect(result.warnings).toHaveLength(1)
  })

  it('keeps the highest of three', () => {
    const result = parse('organization_custom_properties: write\norganization_custom_properties: admin\norganization_custom_properties: read')
    expect(result.required).toEqual([{ name: 'organization_custom_properties', level: 'admin' }])
    expect(result.warnings.length).toBeGreaterThan(0)
  })

  it('does not warn about an exact repeat', () => {
    const result = parse('contents: read\nCONTENTS=read')
    expect(result.required).toEqual([{ name: 'contents', level: 'read' }])
    expect(result.warnings).toEqual([])
  })
})

describe('parseRequiredPermissions: errors', () => {
  it("suggests 'contents' for 'contnets'", () => {
    const result = parse('contnets: read')
    expect(result.required).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain("'contnets'")
    expect(result.errors[0]).toContain("Did you mean 'contents'?")
    expectOneLineErrors(result.errors)
  })

  it("suggests 'pull_requests' for 'pull-requests'", () => {
    const result = parse('pull-requests: write')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain("Did you mean 'pull_requests'?")
  })

  it('names examples when nothing is close', () => {
    const result = parse('zzzzzzzzzzzz: read')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).not.toContain('Did you mean')
    expect(result.errors[0]).toContain('contents')
  })

  it("lists the valid levels: 'workflows: read' → write", () => {
    const result = parse('workflows: read')
    expect(result.required).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain("'workflows'")
    expect(result.errors[0]).toContain("'read'")
    expect(result.errors[0]).toMatch(/valid levels: write\.$/)
    expectOneLineErrors(result.errors)
  })

  it('rejects a level that does not exist at all', () => {
    const result = parse('contents: owner')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain('valid levels: read, write')
  })

  it.each(['contents', 'contents:', ': read', 'contents read', 'contents: read write', 'contents:: read', 'con tents: read', 'contents: r3ad', 'contenté: read'])(
    'rejects the malformed entry %j',
    (entry) => {
      const result = parse(entry)
      expect(result.required).toEqual([])
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain('expected `name: level`')
      expectOneLineErrors(result.errors)
    }
  )

  it('reports every bad entry and keeps the good ones', () => {
    const result = parse('contents: read\ncontnets: write\nworkflows: read\nissues\nmetadata: read')
    expect(result.required).toEqual([
      { name: 'contents', level: 'read' },
      { name: 'metadata', level: 'read' }
    ])
    expect(result.errors).toHaveLength(3)
    expectOneLineErrors(result.errors)
  })

  it('rejects too long an input', () => {
    const raw = 'contents: read\n'.repeat(Math.ceil((MAX_PERMISSIONS_INPUT_LENGTH + 1) / 15))
    expect(raw.length).toBeGreaterThan(MAX_PERMISSIONS_INPUT_LENGTH)
    const result = parse(raw)
    expect(result.required).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`at most ${MAX_PERMISSIONS_INPUT_LENGTH}`)
    expectOneLineErrors(result.errors)
  })

  it('accepts exactly the maximum number of entries, rejects one more', () => {
    const atMax = Array.from({ length: MAX_PERMISSION_ENTRIES }, () => 'contents: read').join('\n')
    expect(parse(atMax).errors).toEqual([])
    const result = parse(`${atMax}\ncontents: read`)
    expect(result.required).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain(`${MAX_PERMISSION_ENTRIES + 1} entries`)
    expect(result.errors[0]).toContain(`at most ${MAX_PERMISSION_ENTRIES}`)
    expectOneLineErrors(result.errors)
  })

  it('escapes control characters and truncates a long entry in errors', () => {
    const result = parse(`contents\u0007\u001b[31m: read ${'x'.repeat(500)}`)
    expect(result.errors).toHaveLength(1)
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the log
    expect(result.errors[0]).not.toMatch(/[\u0000-\u001f\u007f]/)
    expect(result.errors[0].length).toBeLessThan(300)
    expectOneLineErrors(result.errors)
  })

  it('never breaks an error over lines, whatever the entry contains', () => {
    const result = parse('cont\u2028ents: read\nissues\u0085: read\ncontents\u202e: read')
    expect(result.errors).toHaveLength(3)
    expectOneLineErrors(result.errors)
    for (const e of result.errors) expect(e).not.toMatch(/[\u0085\u2028\u202e]/)
  })
})

describe('quote', () => {
  it('quotes, escapes and truncates', () => {
    expect(quote('abc')).toBe("'abc'")
    expect(quote('a\nb')).toBe("'a\\u000ab'")
    expect(quote('x'.repeat(100), 10)).toBe(`'${'x'.repeat(10)}…'`)
  })

  it('does not cut a character made of two UTF-16 units in half', () => {
    const q = quote('😀'.repeat(40), 5)
    expect(q).toBe(`'${'😀'.repeat(5)}…'`)
    expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  })

  it('escapes line and paragraph separators and bidi controls', () => {
    expect(quote('a\u2028b\u2029c\u202ed')).toBe("'a\\u2028b\\u2029c\\u202ed'")
  })
})

describe('formatPermissionList', () => {
  it('sorts and joins', () => {
    expect(
      formatPermissionList([
        { name: 'issues', level: 'write' },
        { name: 'contents', level: 'read' }
      ])
    ).toBe('contents:read,issues:write')
  })
})

describe('suggest', () => {
  it('computes edit distances', () => {
    expect(editDistance('contents', 'contents')).toBe(0)
    expect(editDistance('contnets', 'contents')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('a'.repeat(50), 'b', 3)).toBe(4)
  })

  it('finds the closest candidate, or none', () => {
    expect(closest('contnets', ['contents', 'issues'])).toBe('contents')
    expect(closest('Pull Requests', ['pull_requests', 'issues'])).toBe('pull_requests')
    expect(closest('xyzzyxyzzy', ['contents', 'issues'])).toBeUndefined()
    expect(closest('contents', [])).toBeUndefined()
  })

  it('suggests nothing for an empty name', () => {
    expect(closest('', ['ab', 'contents'])).toBeUndefined()
    expect(closest('  ', ['ab', 'contents'])).toBeUndefined()
  })

  it('does not suggest an unrelated name for a short input', () => {
    expect(closest('ab', ['ab', 'contents'])).toBe('ab')
    expect(closest('xy', ['ab', 'contents'])).toBeUndefined()
  })
})

describe('parseRequiredPermissions with the real catalog', () => {
  const c = buildCatalog('fpt')
  const names: PermissionNames = {
    levelsOf: (n) => c.permissions.get(n)?.levels,
    names: () => c.permissions.keys(),
    scopeOf: (n) => c.permissions.get(n)?.scope
  }

  it('accepts common permissions', () => {
    const result = parseRequiredPermissions('contents: write\npull_requests: write\nworkflows: write\nmembers: read\nmetadata: read', names)
    expect(result.errors).toEqual([])
    expect(result.required).toEqual([
      { name: 'contents', level: 'write' },
      { name: 'members', level: 'read' },
      { name: 'metadata', level: 'read' },
      { name: 'pull_requests', level: 'write' },
      { name: 'workflows', level: 'write' }
    ])
  })

  it('suggests real names for typos', () => {
    const result = parseRequiredPermissions('contnets: read\npull-requests: write\nisues: write', names)
    expect(result.errors).toHaveLength(3)
    expect(result.errors[0]).toContain("Did you mean 'contents'?")
    expect(result.errors[1]).toContain("Did you mean 'pull_requests'?")
    expect(result.errors[2]).toContain("Did you mean 'issues'?")
  })

  it("rejects 'workflows: read' listing write", () => {
    const result = parseRequiredPermissions('workflows: read', names)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/valid levels: write\.$/)
  })

  it('accepts every catalog permission at every level it lists', () => {
    const raw = [...c.permissions.values()].flatMap((p) => p.levels.map((l) => `${p.name}: ${l}`)).join('\n')
    const result = parseRequiredPermissions(raw, names)
    expect(result.errors).toEqual([])
    expect(result.required).toHaveLength(c.permissions.size)
  })
})
