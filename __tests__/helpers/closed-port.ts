/**
 * A TCP port on 127.0.0.1 that nothing listens on, and that no test server can be given while a test uses it.
 *
 * A port taken from `listen(0)` and closed again goes back to the pool the system hands `listen(0)` from: a simulator
 * started a moment later, in this worker or another, can be given it, and a test that expected a refused connection
 * then gets answers (this happened in CI). Every server in these tests listens on port 0, so a port below the
 * system's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768 by default; macOS and Windows 49152)
 * and above the privileged ports is never handed out to them. The port is checked to refuse before it is returned.
 */
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'

const FIRST = 20000

function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])
    if (Number.isInteger(low) && low > FIRST) return low
  } catch {
    // Not Linux: macOS and Windows start their ephemeral range at 49152.
  }
  return 32768
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

export async function closedPort(): Promise<number> {
  const span = ephemeralLow() - FIRST
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST + Math.floor(Math.random() * span)
    if (await refuses(port)) return port
  }
  throw new Error(`no port between ${FIRST} and ${FIRST + span} refused a connection in 50 tries`)
}
