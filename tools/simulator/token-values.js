// @ts-check
/**
 * Realistic simulated token values: `github_pat_11…` (93 characters) and `ghp_…` / `gho_…` / `ghu_…` / `ghs_…`
 * (40 characters with GitHub's CRC32 checksum), derived from a seed so prefix detection works; not GitHub
 * credentials. And `daysFromNow` for expiry dates relative to now.
 */
import { createHash } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * Deterministic pseudo-random characters.
 * @param {string} seed
 * @param {number} length
 * @param {string} alphabet
 */
function chars(seed, length, alphabet) {
  let out = ''
  for (let block = 0; out.length < length; block++) {
    for (const byte of createHash('sha256').update(`${seed}:${block}`).digest()) {
      if (out.length >= length) break
      out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** @param {string} text */
function crc32(text) {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** @param {number} n */
function base62(n) {
  let out = ''
  do {
    out = BASE62[n % 62] + out
    n = Math.floor(n / 62)
  } while (n > 0)
  return out.padStart(6, '0')
}

/**
 * A fine-grained token value: `github_pat_11` + 20 + `_` + 59 characters (93 in all).
 * @param {string} seed
 */
export function fineGrainedTokenValue(seed) {
  return `github_pat_11${chars(`${seed}:a`, 20, UPPER_ALNUM)}_${chars(`${seed}:b`, 59, BASE62)}`
}

/**
 * A classic-format token value: prefix + 30 characters + 6-character base62 CRC32 checksum (40 in all for `ghp_`).
 * @param {string} seed
 * @param {'ghp_' | 'gho_' | 'ghu_' | 'ghs_'} [prefix]
 */
export function classicTokenValue(seed, prefix = 'ghp_') {
  const random = chars(seed, 30, BASE62)
  return `${prefix}${random}${base62(crc32(random))}`
}

/** @param {number} days */
export function daysFromNow(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

