/**
 * Random values from the operating system's generator: the random names that keep write probes harmless (randomHex)
 * and the delimiters of the outputs file (randomUUID).
 *
 * Where `/dev/urandom` exists (Linux and macOS runners) the bytes are read from it, 512 at a time; elsewhere (Windows
 * runners), or if it cannot be read, from node:crypto. Both are the kernel's cryptographically secure generator or
 * seeded from it: Linux's urandom(4) (https://man7.org/linux/man-pages/man4/urandom.4.html: "suitable for most
 * cryptographic purposes"), macOS's random(4), OpenSSL's RAND_bytes for node:crypto's randomBytes
 * (https://nodejs.org/api/crypto.html#cryptorandombytessize-callback: "cryptographically strong").
 *
 * Why not node:crypto everywhere: loading it compiles some forty of Node's internal modules (pbkdf2, hkdf, keys,
 * cipher, x509, …), 4 to 6 ms measured (--cpu-prof) between the plan and the first probes of any audit with a write
 * probe, where reading the file takes a fraction of a millisecond (node:fs is loaded already).
 */
import { closeSync, openSync, readSync } from 'node:fs'

/** `size` random bytes, or undefined when the source cannot give them. */
export type ByteSource = (size: number) => Uint8Array | undefined

const POOL_SIZE = 512

/** Reads `size` bytes from /dev/urandom; undefined where it does not exist or cannot be read whole. */
export function fromDevUrandom(size: number): Uint8Array | undefined {
  let fd: number | undefined
  try {
    fd = openSync('/dev/urandom', 'r')
    const bytes = Buffer.allocUnsafe(size)
    let filled = 0
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, null)
      if (read <= 0) return undefined
      filled += read
    }
    return bytes
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** node:crypto's randomBytes; on a Node 20 without `process.getBuiltinModule` (before 20.16), Web Crypto's global. */
export function fromNodeCrypto(size: number): Uint8Array {
  if (typeof process.getBuiltinModule === 'function') return process.getBuiltinModule('node:crypto').randomBytes(size)
  return globalThis.crypto.getRandomValues(new Uint8Array(size))
}

export interface RandomValues {
  /** 32 hex digits (16 random bytes). */
  hex(): string
  /** A random (version 4) UUID, as RFC 9562 section 5.4 lays it out. */
  uuid(): string
  /** Reads now if fewer bytes are left than `count` more values take (32 at most), so that those read nothing. */
  ready(count: number): void
}

/** Random values from `read`, or from `fallback` once `read` gave nothing. No byte is handed out twice. */
export function randomValues(read: ByteSource = fromDevUrandom, fallback: (size: number) => Uint8Array = fromNodeCrypto): RandomValues {
  let pool: Uint8Array = new Uint8Array(0)
  let at = 0
  let useFallback = false
  const refill = () => {
    const fresh = useFallback ? undefined : read(POOL_SIZE)
    const whole = fresh !== undefined && fresh.length >= POOL_SIZE ? fresh : undefined
    useFallback = whole === undefined
    pool = whole ?? fallback(POOL_SIZE)
    at = 0
  }
  const take = (size: number): Uint8Array => {
    if (at + size > pool.length) refill()
    const bytes = pool.slice(at, at + size)
    at += size
    return bytes
  }
  return {
    hex: () => hexOf(take(VALUE_SIZE)),
    uuid: () => {
      const b = take(VALUE_SIZE)
      b[6] = (b[6] & 0x0f) | 0x40 // version 4
      b[8] = (b[8] & 0x3f) | 0x80 // variant 10
      return hexOf(b, UUID_DASHES)
    },
    ready: (count) => {
      if (at + Math.min(count * VALUE_SIZE, POOL_SIZE) > pool.length) refill()
    }
  }
}

/** The bytes of one value (hex or uuid). */
const VALUE_SIZE = 16

/** Two hex digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
/** Where a UUID's dashes go: before these bytes (8-4-4-4-12 digits). */
const UUID_DASHES = new Set([4, 6, 8, 10])

/**
 * The bytes in lower-case hex, with a dash before the bytes `dashes` names. A table and a loop: the outputs' 20
 * delimiters, made after the last answer, took twice as long through Buffer's toString('hex') and slices (cold code,
 * measured in a fresh process: 0.43 against 0.21 ms).
 */
function hexOf(bytes: Uint8Array, dashes?: ReadonlySet<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    if (dashes?.has(i)) out += '-'
    out += HEX[bytes[i] as number]
  }
  return out
}

const shared = randomValues()

/** 32 hex digits (16 random bytes). */
export const randomHex = (): string => shared.hex()

/** A random (version 4) UUID. */
export const randomUUID = (): string => shared.uuid()

/** Makes sure the next `count` values (32 at most) come from bytes read already (RandomValues.ready). */
export const readyRandom = (count: number): void => shared.ready(count)
