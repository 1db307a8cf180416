import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { appendSocketAddress } from '@/lib/auth/client-address';

const installed = Symbol.for('technopark.socket-address');

/**
 * Appends each request's socket address to its X-Forwarded-For before Next sees the request, as a
 * proxy would (see lib/auth/client-address.ts for why Next's own handling is not enough). Node
 * publishes `http.server.request.start` synchronously just before the server's 'request' event, so
 * every request of this process's HTTP server passes here first. Installed once per process.
 */
export function recordSocketAddresses(): void {
  const g = globalThis as typeof globalThis & { [installed]?: boolean };
  if (g[installed]) return;
  g[installed] = true;
  diagnostics.subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const value = appendSocketAddress(request.headers['x-forwarded-for'], socket?.remoteAddress);
    if (value) request.headers['x-forwarded-for'] = value;
  });
}
