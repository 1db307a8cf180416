import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { buildings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { makePark, uniq } from '@/lib/test/fixtures';
import { inTransaction, lockParkRow } from './transaction';

describe('inTransaction', () => {
  it('words a constraint the database refuses a change by, and keeps nothing of the change', async () => {
    const db = await getDb();
    const park = await makePark();
    const key = uniq('b');
    await db.insert(buildings).values({ parkId: park.id, key, name: 'First' });
    const twice = inTransaction(db, async (tx) => {
      await tx.insert(buildings).values({ parkId: park.id, key: uniq('b'), name: 'Kept only if the transaction were' });
      await tx.insert(buildings).values({ parkId: park.id, key, name: 'Second' });
    });
    await expect(twice).rejects.toBeInstanceOf(AppError);
    await expect(twice).rejects.toMatchObject({ code: 'CONFLICT', key: 'db.buildings_park_key' });
    expect(await db.select({ name: buildings.name }).from(buildings).where(eq(buildings.parkId, park.id))).toEqual([{ name: 'First' }]);
  });

  it('lets the change word a conflict its own way, and passes its other refusals through', async () => {
    const db = await getDb();
    const park = await makePark();
    const key = uniq('b');
    await db.insert(buildings).values({ parkId: park.id, key, name: 'First' });
    const taken = new AppError('CONFLICT', 'key taken', { fieldErrors: { key: ['keyTaken'] } });
    const onConflict = (refusal: AppError, cause: unknown) => {
      expect(refusal.key).toBe('db.buildings_park_key');
      expect(cause).not.toBeInstanceOf(AppError);
      return taken;
    };
    await expect(inTransaction(db, (tx) => tx.insert(buildings).values({ parkId: park.id, key, name: 'Second' }), { onConflict })).rejects.toBe(taken);
    const own = new AppError('VALIDATION', 'not like that');
    await expect(
      inTransaction(
        db,
        async () => {
          throw own;
        },
        { onConflict },
      ),
    ).rejects.toBe(own);
    expect(await inTransaction(db, async () => 42)).toBe(42);
  });
});

describe('lockParkRow', () => {
  it('gives the row of the park, and refuses one of another park as not found', async () => {
    const db = await getDb();
    const [park, other] = [await makePark(), await makePark()];
    const [building] = await db.insert(buildings).values({ parkId: park.id, key: uniq('b'), name: 'Main' }).returning({ id: buildings.id });
    const lock = (parkId: string) =>
      inTransaction(db, (tx) => lockParkRow(tx, buildings, { id: buildings.id, name: buildings.name }, { id: building.id, parkId }, 'building'));
    expect(await lock(park.id)).toEqual({ id: building.id, name: 'Main' });
    await expect(lock(other.id)).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'building' } });
    await expect(
      inTransaction(db, (tx) => lockParkRow(tx, buildings, { id: buildings.id }, { id: crypto.randomUUID(), parkId: park.id }, 'building')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
