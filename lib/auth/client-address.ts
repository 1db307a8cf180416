import net from 'node:net';

/**
 * Where a request came from, for the per-address sign-in throttle.
 *
 * Next 16 gives route handlers, server actions and the proxy no socket address. What `next start`
 * does (node_modules/next/dist/server/base-server.js, handleRequestImpl) is
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress`: it fills X-Forwarded-For only when the
 * request has none and neither appends to nor replaces a value the client sent, so the header alone
 * cannot tell a forged entry from a real one. The server therefore appends the socket address itself
 * as every request arrives (app/_server/socket-address.ts, from instrumentation.ts), as a proxy does:
 * the last entry is then always the peer that opened the connection, and each trusted proxy in front
 * of us has added one entry to its left.
 *
 * So, counted from the right, the client is the entry just past the `trustedHops` proxies
 * (`TRUSTED_PROXY_HOPS`, default 0: nobody in front, the socket's peer is the client). Entries further
 * left were written by whoever sent the request and are never believed.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return null;
  // Fewer entries than proxies: the request reached us past some of them; the leftmost is all we have.
  const entry = entries[Math.max(0, entries.length - 1 - trustedHops)];
  return normalizeAddress(entry);
}

/** `X-Forwarded-For` with the socket's peer added on the right, as a proxy would add it. */
export function appendSocketAddress(forwardedFor: string | string[] | undefined, remoteAddress: string | undefined): string | undefined {
  const prior = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  if (!remoteAddress) return prior;
  return prior?.trim() ? `${prior}, ${remoteAddress}` : remoteAddress;
}

/** An IP address as one key per client: `::ffff:1.2.3.4` is `1.2.3.4`; a port or brackets are dropped. Not an address: null. */
export function normalizeAddress(value: string): string | null {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return net.isIP(address) ? address.toLowerCase() : null;
}

/** `TRUSTED_PROXY_HOPS`: how many proxies in front of the app add their entry to X-Forwarded-For. */
export function parseTrustedProxyHops(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app), not "${value}"`);
  return hops;
}
