/**
 * A probe session: the audit's deadline, and the one place requests go out. Every request, with the audited token
 * or the org-admin token, passes through `send`, which counts it, logs it at debug level and sends it through the
 * harmlessness guard and the deadline (runner.ts).
 */
import type { HttpRequest, Transport } from './transport.js'
import type { HttpEvidence, ProbeSpec } from '../types.js'
import { sendOne, signalAt } from './runner.js'
import type { RunOptions } from './runner.js'

export type Send = (probe: ProbeSpec, request: HttpRequest) => Promise<HttpEvidence>

export interface SessionDependencies {
  readonly transport: Transport
  /** Sends with the org-admin token (input org-admin-token), when one is given. */
  readonly adminTransport?: Transport
  readonly now: () => number
  readonly debug?: (message: string) => void
}

export interface Session extends RunOptions {
  readonly started: number
  /** Sends with the audited token. */
  readonly send: Send
  /** Sends with the org-admin token, when there is one. */
  readonly sendAsAdmin?: Send
  /** Requests sent so far (the guard's and the deadline's refusals included: each is one attempt). */
  requests(): number
  /** Whether the deadline is still ahead. */
  timeLeft(): boolean
}

export function openSession(timeoutSeconds: number, deps: SessionDependencies): Session {
  const started = deps.now()
  const deadline = started + timeoutSeconds * 1000
  const options: RunOptions = { deadline, now: deps.now, deadlineSignal: signalAt(deadline, deps.now) }
  let requests = 0
  const counted =
    (transport: Transport): Send =>
    (probe, request) => {
      requests++
      return sendOne(probe, request, transport, options)
    }
  return {
    ...options,
    started,
    send: counted(logged(deps.transport, deps.debug)),
    ...(deps.adminTransport ? { sendAsAdmin: counted(logged(deps.adminTransport, deps.debug, 'org-admin ')) } : {}),
    requests: () => requests,
    timeLeft: () => options.deadline > deps.now()
  }
}

/** Logs every request's outcome (method, path, status, time) at debug level; paths hold no secret. */
function logged(transport: Transport, debug: SessionDependencies['debug'], label = ''): Transport {
  if (!debug) return transport
  return {
    async send(request, signal) {
      const ev = await transport.send(request, signal)
      debug(`${label}${request.method} ${request.path} → ${ev.status || ev.failure} (${Math.round(ev.durationMs)} ms)${ev.status >= 400 ? ` "${ev.message.slice(0, 120)}"` : ''}`)
      return ev
    }
  }
}
