import { describe, expect, it } from 'vitest';
import { appendSocketAddress, clientAddress, normalizeAddress, parseTrustedProxyHops } from './client-address';

/** What the app sees: the header as the client (or proxies) sent it, then the socket's peer appended by the server. */
const seen = (sent: string | undefined, socket: string) => appendSocketAddress(sent, socket);

describe('clientAddress', () => {
  it('with no trusted proxy, a forged X-Forwarded-For is ignored: the socket address counts', () => {
    expect(clientAddress(seen(undefined, '203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientAddress(seen('198.51.100.1', '203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientAddress(seen('10.0.0.1, 10.0.0.2, 10.0.0.3', '203.0.113.7'), 0)).toBe('203.0.113.7');
    // A new forged value on every request: still one address, so one throttle key.
    const keys = new Set(Array.from({ length: 50 }, (_, i) => clientAddress(seen(`198.51.100.${i}`, '::ffff:203.0.113.7'), 0)));
    expect([...keys]).toEqual(['203.0.113.7']);
  });

  it('honours as many proxy entries as configured, counted from the right, and no more', () => {
    // nginx at 10.0.0.5 appends the client it saw (192.0.2.9) to what the client claimed (6.6.6.6).
    const behindOne = seen('6.6.6.6, 192.0.2.9', '10.0.0.5');
    expect(clientAddress(behindOne, 1)).toBe('192.0.2.9');
    expect(clientAddress(behindOne, 0)).toBe('10.0.0.5');
    // A CDN then a load balancer: two hops.
    const behindTwo = seen('6.6.6.6, 192.0.2.9, 172.16.0.4', '10.0.0.5');
    expect(clientAddress(behindTwo, 2)).toBe('192.0.2.9');
    expect(clientAddress(behindTwo, 1)).toBe('172.16.0.4');
  });

  it('a request that skipped some proxies yields the leftmost entry; nothing usable yields null', () => {
    expect(clientAddress(seen(undefined, '192.0.2.9'), 3)).toBe('192.0.2.9');
    expect(clientAddress(undefined, 0)).toBeNull();
    expect(clientAddress(' , ', 0)).toBeNull();
    expect(clientAddress('not-an-address', 0)).toBeNull();
  });

  it('normalises the forms proxies write', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('192.0.2.1:51234')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('unknown')).toBeNull();
  });

  it('appends the socket address as a proxy would, joining repeated headers', () => {
    expect(appendSocketAddress(undefined, '1.1.1.1')).toBe('1.1.1.1');
    expect(appendSocketAddress('2.2.2.2', '1.1.1.1')).toBe('2.2.2.2, 1.1.1.1');
    expect(appendSocketAddress(['2.2.2.2', '3.3.3.3'], '1.1.1.1')).toBe('2.2.2.2, 3.3.3.3, 1.1.1.1');
    expect(appendSocketAddress('2.2.2.2', undefined)).toBe('2.2.2.2');
  });
});

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to 0 and refuses anything but a small whole number, saying what it means', () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops('')).toBe(0);
    expect(parseTrustedProxyHops('2')).toBe(2);
    for (const bad of ['-1', '1.5', 'yes', '11']) expect(() => parseTrustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
  });
});
