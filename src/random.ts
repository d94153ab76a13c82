/**
 * Random values from Node's CSPRNG (node:crypto), loaded on first use instead of at start-up, where it cost 3 to 4 ms
 * before the first request (measured with npm run bench). `process.getBuiltinModule` loads it synchronously (Node
 * 20.16 and later, node24 on runners); on an older Node 20, Web Crypto's global (the same generator) does.
 */
type NodeCrypto = typeof import('node:crypto')

let loaded: NodeCrypto | undefined

function nodeCrypto(): NodeCrypto | undefined {
  if (!loaded && typeof process.getBuiltinModule === 'function') loaded = process.getBuiltinModule('node:crypto')
  return loaded
}

/** 32 hex digits (16 random bytes). */
export function randomHex(): string {
  const crypto = nodeCrypto()
  return crypto ? crypto.randomBytes(16).toString('hex') : Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('hex')
}

/** A random (version 4) UUID. */
export function randomUUID(): string {
  return (nodeCrypto() ?? globalThis.crypto).randomUUID()
}
