import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { companies, parks } from '@/db/schema';
import { smallDataset } from '@/lib/test/dataset-fixture';
import { makeAdmin, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { DATASET_UPLOAD_MAX_BYTES, importDatasetUpload } from './dataset-upload';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('browser import of a data set', () => {
  it('a dry run counts what would change and writes nothing; the import then writes exactly that', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const slug = uniq('imp-');
    const file = bytes(smallDataset(slug));
    const preview = await importDatasetUpload(db, { actor: admin, file, dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.park).toMatchObject({ slug, created: true });
    // the small data set holds 1 building, 2 premises, 3 companies
    expect(preview.counts.buildings).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(preview.counts.premises).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(preview.counts.companies).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await db.select().from(parks).where(eq(parks.slug, slug))).toHaveLength(0);

    const done = await importDatasetUpload(db, { actor: admin, file, dryRun: false });
    expect(done.dryRun).toBe(false);
    expect(done.counts).toEqual(preview.counts);
    const [park] = await db.select().from(parks).where(eq(parks.slug, slug));
    expect(await db.select().from(companies).where(eq(companies.parkId, park.id))).toHaveLength(3);

    // the same file again: all unchanged
    const again = await importDatasetUpload(db, { actor: admin, file, dryRun: true });
    expect(again.counts.companies).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses a file that is not JSON, one too large, a bad record, and anyone but an admin', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    await expect(importDatasetUpload(db, { actor: admin, file: bytes('{"format": "technopark-dataset/1",'), dryRun: true })).rejects.toMatchObject({ code: 'VALIDATION', key: 'datasetNotJson' });
    await expect(importDatasetUpload(db, { actor: admin, file: new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xfe]), dryRun: true })).rejects.toMatchObject({ code: 'VALIDATION', key: 'datasetNotJson' });
    await expect(importDatasetUpload(db, { actor: admin, file: new Uint8Array(DATASET_UPLOAD_MAX_BYTES + 1), dryRun: true })).rejects.toMatchObject({ code: 'VALIDATION', key: 'datasetTooLarge' });
    // Another kind of JSON file: told in a sentence with its format (errors.datasetWrongFormat), not as a field path.
    const other = { ...smallDataset(uniq('other-')), format: 'park-export/3' };
    await expect(importDatasetUpload(db, { actor: admin, file: bytes(other), dryRun: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'datasetWrongFormat',
      params: { format: 'park-export/3' },
    });
    await expect(importDatasetUpload(db, { actor: admin, file: bytes({ hello: 'world' }), dryRun: true })).rejects.toMatchObject({ code: 'VALIDATION', key: 'datasetNoFormat' });
    const slug = uniq('bad-');
    const data = smallDataset(slug);
    data.companies[1].inn = '123';
    const error = await importDatasetUpload(db, { actor: admin, file: bytes(data), dryRun: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect((error as Error).message).toMatch(/^companies\[1\]\.inn: /);
    expect(await db.select().from(parks).where(eq(parks.slug, slug))).toHaveLength(0);
    const manager = await makeManager((await makePark()).id);
    await expect(importDatasetUpload(db, { actor: manager, file: bytes(smallDataset(uniq('m-'))), dryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
