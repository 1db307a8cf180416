import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';
import { recordSocketAddresses } from './socket-address';

describe('recordSocketAddresses', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    recordSocketAddresses();
    recordSocketAddresses(); // twice is harmless: one entry per request
    server = http.createServer((request, response) => response.end(String(request.headers['x-forwarded-for'])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('appends the socket peer to whatever X-Forwarded-For the client sent, so a forged one cannot stand in for it', async () => {
    const plain = await (await fetch(base)).text();
    const forged = await (await fetch(base, { headers: { 'x-forwarded-for': '198.51.100.23' } })).text();
    expect(clientAddress(plain, 0)).toBe('127.0.0.1');
    expect(forged).toMatch(/^198\.51\.100\.23, (::ffff:)?127\.0\.0\.1$/);
    expect(clientAddress(forged, 0)).toBe('127.0.0.1');
    expect(clientAddress(forged, 1)).toBe('198.51.100.23');
  });
});
