/**
 * Takes the HTTP port before anything else happens at start. A server that cannot listen must say
 * so in one line before it has locked, migrated or seeded a data folder, instead of dying with
 * Node's "Unhandled 'error' event" after all that work. Keeping the socket it took (rather than
 * probing and closing) leaves no moment for another process to take the port in between.
 */
import type { Server as HttpServer } from 'node:http'
import type { Server } from 'node:net'
import type { AddressInfo } from 'node:net'

export class ListenError extends Error {}

/** One clear line for the reasons a port cannot be taken; null for anything unexpected. */
export function listenProblem(code: string | undefined, host: string, port: number): string | null {
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use (another WijkConnect or another program). Stop that program, or start this one with another PORT.`
    case 'EACCES':
      return `No permission to listen on port ${port} on ${host}. Choose a PORT above 1023, or run behind a reverse proxy.`
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this computer. Use 127.0.0.1 for this computer only, or 0.0.0.0 for every interface.`
    default:
      return null
  }
}

/** Listens on host:port; rejects with a ListenError carrying one clear line when that is impossible. */
export function listenFirst(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      const problem = listenProblem(err.code, host, port)
      reject(problem ? new ListenError(problem) : err)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve(server.address() as AddressInfo)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

/**
 * How long an idle kept-alive connection stays open. Node closes one after 5 s; a reverse proxy
 * (nginx keeps upstream connections 60 s) or a client that reuses it in the instant the server
 * closes it gets a reset instead of an answer. The server therefore waits longer than the proxies
 * in front of it, so the closing is theirs. Headers must still arrive within Node's 60 s plus a
 * margin, or Node would end a slow first request before its keep-alive time.
 */
const IDLE_CONNECTION_MS = 65_000

export function keepIdleConnections(server: HttpServer): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000
}

/**
 * Stops taking connections and resolves once every open one is closed. Node closes the idle
 * connections only in the moment it is asked; one still answering then becomes idle afterwards and
 * would stay open for IDLE_CONNECTION_MS, holding the shutdown. So the idle ones are swept until
 * none is left.
 */
export function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    server.close(() => {
      clearInterval(sweep)
      resolve()
    })
    server.closeIdleConnections()
  })
}
