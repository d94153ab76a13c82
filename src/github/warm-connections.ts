/**
 * Connections opened before the requests that will take them. Repository coverage sends its first page with the
 * audit's first wave (a few requests, a few connections), then up to nine pages at once: without this, each of those
 * opens its own connection only then (on GitHub a TCP and a TLS handshake, one to two round trips more, before the
 * request leaves; on the loopback simulator, the event loop's turn). Opened while the first wave is in flight, they are
 * ready when the pages go.
 *
 * Nothing is sent on a connection until a request takes it, so opening one changes nothing on GitHub. A connection
 * waiting here does not keep the process alive (unref'd), one that fails or closes while it waits is dropped, and one
 * no request takes ends with the process. Only Node's own HTTP uses this (node-fetch.ts): behind a proxy, requests go
 * through the proxy's own connections.
 *
 * The agent's documented hook does the work: `agent.createConnection` is asked for a connection whenever the agent has
 * no free one (https://nodejs.org/api/http.html#agentcreateconnectionoptions-callback); it hands over a waiting
 * connection for the same host, port and TLS options (the agent's own `getName`), and otherwise opens one as before.
 */
import type { Agent } from 'node:http'
import type { Socket } from 'node:net'

type ConnectionOptions = Record<string, unknown> & { _agentKey?: string }
type CreateConnection = (options: ConnectionOptions, callback?: (error: Error | null, socket: Socket) => void) => Socket | undefined

export interface WarmAgent {
  readonly agent: Agent
  /**
   * Opens connections to `host`:`port` until the agent has `count` of them (in use, free, or waiting here). With
   * `servername` for TLS (as the agent would set it from the host).
   */
  warm(target: { readonly host: string; readonly port: number; readonly servername?: string }, count: number): void
}

/** Gives `agent` a pool of connections opened ahead (agent.createConnection, overridden on this instance only). */
export function withWarmConnections(agent: Agent): WarmAgent {
  const state = agent as unknown as {
    options: Record<string, unknown>
    createConnection: CreateConnection
    getName(options: Record<string, unknown>): string
    sockets: Record<string, Socket[] | undefined>
    freeSockets: Record<string, Socket[] | undefined>
  }
  const open = state.createConnection.bind(agent) as CreateConnection
  const ready = new Map<string, Socket[]>()
  /** The listeners a waiting connection carries, taken off when a request takes it (the agent's own stay). */
  const waitingListeners = new WeakMap<Socket, { readonly error: () => void; readonly close: () => void }>()
  const remove = (name: string, socket: Socket) => {
    const pool = ready.get(name)
    const at = pool ? pool.indexOf(socket) : -1
    if (pool && at >= 0) pool.splice(at, 1)
  }

  state.createConnection = (options, callback) => {
    const name = options._agentKey ?? state.getName(options)
    const pool = ready.get(name)
    while (pool && pool.length > 0) {
      const socket = pool.shift() as Socket
      const listeners = waitingListeners.get(socket)
      if (listeners) {
        socket.off('error', listeners.error)
        socket.off('close', listeners.close)
      }
      if (socket.destroyed || !socket.writable) continue
      // From here the agent and the request own it, as a connection they opened themselves.
      socket.ref()
      return socket
    }
    return open(options, callback)
  }

  return {
    agent,
    warm(target, count) {
      const options: ConnectionOptions = { ...state.options, host: target.host, port: target.port, ...(target.servername ? { servername: target.servername } : {}) }
      const name = state.getName(options)
      options._agentKey = name
      const pool = ready.get(name) ?? []
      ready.set(name, pool)
      const have = (state.sockets[name]?.length ?? 0) + (state.freeSockets[name]?.length ?? 0) + pool.length
      for (let i = have; i < count; i++) {
        const socket = open({ ...options })
        if (!socket) break
        socket.unref()
        // A connection that fails or closes while it waits is dropped; its error goes nowhere else.
        const listeners = { error: () => socket.destroy(), close: () => remove(name, socket) }
        waitingListeners.set(socket, listeners)
        socket.on('error', listeners.error)
        socket.on('close', listeners.close)
        pool.push(socket)
      }
    }
  }
}
