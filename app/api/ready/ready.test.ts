import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/db/client';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from './route';

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A TCP relay to the test database that can be taken down and brought back, as the database itself would go. */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  await up();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), up, down };
}

describe('/api/health and /api/ready', () => {
  it('health answers without a database; ready checks the database, the migrations and the document store', async () => {
    const live = await health();
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const answer = await ready();
    expect(await answer.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', storage: 'ok', server: 'ok' } });
    expect(answer.status).toBe(200);
  });

  it('is not ready when the document store cannot be written', async () => {
    vi.stubEnv('S3_BUCKET', 'documents');
    vi.stubEnv('S3_ENDPOINT', 'http://127.0.0.1:1');
    vi.stubEnv('S3_FORCE_PATH_STYLE', 'true');
    const answer = await ready();
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ status: 'unavailable', checks: { database: 'ok', storage: 'not writable' } });
  });

  it.skipIf(!onPostgres)('fails within seconds while the database is down, and recovers without a restart when it is back', async () => {
    const original = process.env.DATABASE_URL!;
    await closeDb();
    const relay = await relayTo(new URL(original));
    process.env.DATABASE_URL = relay.url;
    try {
      expect((await ready()).status).toBe(200);
      await relay.down();
      const started = Date.now();
      const down = await ready();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { database: 'unreachable' } });
      expect((await health()).status).toBe(200);
      await relay.up();
      let back = await ready();
      for (let i = 0; i < 20 && back.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        back = await ready();
      }
      expect(back.status).toBe(200);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = original;
      await relay.down().catch(() => {});
    }
  });

  it.skipIf(!onPostgres)('is not ready when the database cannot be reached at all', async () => {
    const original = process.env.DATABASE_URL!;
    await closeDb();
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/none';
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({ checks: { database: 'unreachable' } });
    } finally {
      await closeDb().catch(() => {});
      process.env.DATABASE_URL = original;
    }
  });
});
