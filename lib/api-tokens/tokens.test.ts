import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens, auditLog } from '@/db/schema';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeAnalyst, makeManager, makePark } from '@/lib/test/fixtures';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './tokens';

let park: Awaited<ReturnType<typeof makePark>>;
let other: Awaited<ReturnType<typeof makePark>>;

beforeAll(async () => {
  park = await makePark();
  other = await makePark();
});

describe('API tokens', () => {
  it('shows the token once and keeps only its hash and prefix', async () => {
    const db = await getDb();
    const manager = await makeManager(park.id);
    const created = await createApiToken(db, { actor: manager, parkSlug: park.slug, name: '  Accounting export ' });
    expect(created.token).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('Accounting export');
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'api_token'), eq(auditLog.entityId, created.id)));
    expect(audit.map((a) => a.action)).toEqual(['apiToken.create']);
    expect(audit[0].actorId).toBe(manager.userId);
    expect(JSON.stringify(audit[0].after)).not.toContain(created.token);

    const list = await listApiTokens(db, { actor: manager, parkSlug: park.slug });
    expect(list).toEqual([
      expect.objectContaining({ id: created.id, name: 'Accounting export', prefix: created.prefix, revokedAt: null, createdBy: manager.name }),
    ]);
    expect(JSON.stringify(list)).not.toContain(created.token);
  });

  it('turns a valid token into a read-only actor of its park, and forgets it once revoked', async () => {
    const db = await getDb();
    const manager = await makeManager(park.id);
    const { id, token } = await createApiToken(db, { actor: manager, parkSlug: park.slug, name: 'ci' });
    expect(await authenticateApiToken(db, token)).toEqual({ type: 'apiToken', tokenId: id, parkId: park.id, name: 'ci' });
    const [used] = await db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(used.lastUsedAt).not.toBeNull();
    expect(await authenticateApiToken(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await authenticateApiToken(db, 'tp_short')).toBeNull();
    expect(await authenticateApiToken(db, '')).toBeNull();

    await revokeApiToken(db, { actor: manager, parkSlug: park.slug, tokenId: id });
    expect(await authenticateApiToken(db, token)).toBeNull();
    expect(await codeOf(revokeApiToken(db, { actor: manager, parkSlug: park.slug, tokenId: id }))).toBe('INVALID_TRANSITION');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'api_token'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['apiToken.create', 'apiToken.revoke']);
  });

  it('lets only the park’s managers and admins manage its tokens', async () => {
    const db = await getDb();
    const manager = await makeManager(park.id);
    const { id } = await createApiToken(db, { actor: manager, parkSlug: park.slug, name: 'x' });
    expect(await codeOf(createApiToken(db, { actor: await makeAdmin(), parkSlug: park.slug, name: 'by admin' }))).toBe('OK');
    expect(await codeOf(createApiToken(db, { actor: await makeAnalyst(park.id), parkSlug: park.slug, name: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(createApiToken(db, { actor: await makeManager(other.id), parkSlug: park.slug, name: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(createApiToken(db, { actor: manager, parkSlug: park.slug, name: '   ' }))).toBe('VALIDATION');
    // A token of this park, revoked through the other park, is not found there.
    const otherManager = await makeManager(other.id);
    expect(await codeOf(revokeApiToken(db, { actor: otherManager, parkSlug: other.slug, tokenId: id }))).toBe('NOT_FOUND');
    expect(await codeOf(revokeApiToken(db, { actor: manager, parkSlug: park.slug, tokenId: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect(await codeOf(listApiTokens(db, { actor: otherManager, parkSlug: park.slug }))).toBe('NOT_FOUND');
    // A token cannot manage tokens.
    const tokenActor = { type: 'apiToken' as const, tokenId: id, parkId: park.id, name: 'x' };
    expect(await codeOf(createApiToken(db, { actor: tokenActor, parkSlug: park.slug, name: 'x' }))).toBe('FORBIDDEN');
  });
});
