import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { apiTokens, parks, users } from '@/db/schema';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';
import { invalidTransition, notFound } from '@/lib/errors';
import { getParkBySlug } from '@/lib/parks/parks';
import { parseInput } from '@/lib/validation/parse';
import { createApiTokenSchema, type CreateApiTokenInput } from '@/lib/validation/api-tokens';
import { isUuid } from '@/lib/validation/uuid';

/*
 * Read-only API tokens for one park. The token is `tp_` + 32 random bytes in base64url; it is shown
 * once, when created. The database keeps only its SHA-256 (to find it) and its first characters
 * (so a person can tell tokens apart). A token acts as the `apiToken` actor: it may read its own
 * park and its reports, nothing else (lib/auth/permissions.ts).
 */

const TOKEN_PREFIX = 'tp_';
const TOKEN_PATTERN = /^tp_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 10;

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** Creates a token for the park; the plaintext `token` is in this result only and never stored. */
export async function createApiToken(
  db: Db,
  { actor, ...input }: { actor: Actor } & CreateApiTokenInput,
): Promise<{ id: string; name: string; prefix: string; createdAt: Date; token: string }> {
  const data = parseInput(createApiTokenSchema, input);
  const park = await getParkBySlug(db, { actor, slug: data.parkSlug, action: 'apiToken.manage' });
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const prefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ parkId: park.id, name: data.name, tokenHash: hashToken(token), prefix, createdBy: actorUserId(actor) })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    await writeAudit(tx, {
      actor,
      parkId: park.id,
      action: 'apiToken.create',
      entity: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
    });
    return { ...row, token };
  });
}

/** The park's tokens, newest first, revoked ones included (never the token or its hash). */
export async function listApiTokens(db: DbOrTx, { actor, parkSlug }: { actor: Actor; parkSlug: string }): Promise<ApiTokenDto[]> {
  const park = await getParkBySlug(db, { actor, slug: String(parkSlug ?? ''), action: 'apiToken.manage' });
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdBy: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.parkId, park.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/**
 * Revokes a token of the park. The conditional UPDATE decides a race: of two revocations one wins,
 * the other is told the token is already revoked. A token of another park is "not found".
 */
export async function revokeApiToken(db: Db, { actor, parkSlug, tokenId }: { actor: Actor; parkSlug: string; tokenId: string }): Promise<void> {
  const park = await getParkBySlug(db, { actor, slug: String(parkSlug ?? ''), action: 'apiToken.manage' });
  if (!isUuid(tokenId)) throw notFound('api token');
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.parkId, park.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt });
    if (!revoked) {
      const [existing] = await tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.parkId, park.id)));
      if (!existing) throw notFound('api token');
      throw invalidTransition('api token', 'revoked');
    }
    await writeAudit(tx, {
      actor,
      parkId: park.id,
      action: 'apiToken.revoke',
      entity: 'api_token',
      entityId: revoked.id,
      before: { name: revoked.name, prefix: revoked.prefix, revokedAt: null },
      after: { name: revoked.name, prefix: revoked.prefix, revokedAt: revoked.revokedAt },
    });
  });
}

/**
 * The actor for a presented token, or null when it is malformed, unknown or revoked. Notes the
 * time of use (at most once a minute per token, so reading stays cheap).
 */
export async function authenticateApiToken(db: DbOrTx, token: string): Promise<Actor | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, parkId: apiTokens.parkId, name: apiTokens.name })
    .from(apiTokens)
    .innerJoin(parks, eq(parks.id, apiTokens.parkId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))));
  return { type: 'apiToken', tokenId: row.id, parkId: row.parkId, name: row.name };
}
