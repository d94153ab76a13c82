/** The random values behind harmless write probes and the outputs' delimiters (random.ts). */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { fromDevUrandom, fromNodeCrypto, randomHex, randomUUID, randomValues } from '../../src/random.js'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A source counting what it was asked for, handing out 0, 1, 2, … so that every byte can be traced. */
function countingSource() {
  const asked: number[] = []
  let next = 0
  const read = (size: number) => {
    asked.push(size)
    return Uint8Array.from({ length: size }, () => next++ % 256)
  }
  return { read, asked }
}

describe('randomValues', () => {
  it('hands out each byte of its source once, in order, reading 512 at a time', () => {
    const source = countingSource()
    const random = randomValues(source.read, () => {
      throw new Error('no fallback expected')
    })
    expect(random.hex()).toBe('000102030405060708090a0b0c0d0e0f')
    expect(random.hex()).toBe('101112131415161718191a1b1c1d1e1f')
    expect(source.asked).toEqual([512])
    // 32 values of 16 bytes use up the pool; the 33rd reads a new one and starts at its first byte.
    for (let i = 2; i < 32; i++) random.hex()
    expect(source.asked).toEqual([512])
    expect(random.hex()).toBe('000102030405060708090a0b0c0d0e0f')
    expect(source.asked).toEqual([512, 512])
  })

  it('reads ahead when asked to be ready for more values than its pool has left, and only then', () => {
    const source = countingSource()
    const random = randomValues(source.read)
    random.ready(19)
    expect(source.asked).toEqual([512])
    for (let i = 0; i < 13; i++) random.uuid()
    // 19 values left of 32: ready for 19 reads nothing, ready for 20 reads a new pool, whose 20 values then read nothing.
    random.ready(19)
    expect(source.asked).toEqual([512])
    random.ready(20)
    expect(source.asked).toEqual([512, 512])
    for (let i = 0; i < 20; i++) random.uuid()
    expect(source.asked).toEqual([512, 512])
    // More than a pool holds: a fresh pool at most.
    random.ready(1000)
    expect(source.asked).toEqual([512, 512, 512])
    expect(random.hex()).toBe('000102030405060708090a0b0c0d0e0f')
  })

  it('makes version 4 UUIDs (RFC 9562: version 4 in the 13th digit, variant 10 in the 17th) from 16 bytes', () => {
    const all = (byte: number) => randomValues(() => new Uint8Array(512).fill(byte))
    expect(all(0xff).uuid()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(all(0x00).uuid()).toBe('00000000-0000-4000-8000-000000000000')
    expect(randomValues(countingSource().read).uuid()).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f')
  })

  it('falls back, for good, when its source gives nothing or less than asked', () => {
    for (const failing of [() => undefined, () => new Uint8Array(10)]) {
      let reads = 0
      const fallback = countingSource()
      const random = randomValues(() => {
        reads++
        return failing()
      }, fallback.read)
      expect(random.hex()).toBe('000102030405060708090a0b0c0d0e0f')
      for (let i = 0; i < 40; i++) random.hex()
      expect(reads).toBe(1)
      expect(fallback.asked).toEqual([512, 512])
    }
  })
})

describe('the sources', () => {
  it('/dev/urandom gives the bytes asked for where it exists, and nothing where it does not', () => {
    const bytes = fromDevUrandom(512)
    if (existsSync('/dev/urandom')) {
      expect(bytes).toHaveLength(512)
      // 512 random bytes are not all equal (probability 256^-511).
      expect(new Set(bytes).size).toBeGreaterThan(1)
    } else expect(bytes).toBeUndefined()
  })

  it('node:crypto gives the bytes asked for', () => {
    const bytes = fromNodeCrypto(512)
    expect(bytes).toHaveLength(512)
    expect(new Set(bytes).size).toBeGreaterThan(1)
  })
})

describe("the process's own values", () => {
  it('are hex digits and v4 UUIDs, all different, across more than one pool', () => {
    const hexes = Array.from({ length: 100 }, () => randomHex())
    const uuids = Array.from({ length: 100 }, () => randomUUID())
    for (const h of hexes) expect(h).toMatch(/^[0-9a-f]{32}$/)
    for (const u of uuids) expect(u).toMatch(UUID_V4)
    expect(new Set([...hexes, ...uuids.map((u) => u.replace(/-/g, ''))]).size).toBe(200)
  })
})
