import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { attachments } from '@/db/schema';
import { makeApplication, TINY_PDF } from '@/lib/test/application-fixtures';
import { makeApplicant, makePark } from '@/lib/test/fixtures';
import { attachmentQuotaBytes } from '@/lib/uploads/uploads';
import { attachmentsDir, deleteAttachment, uploadAttachment } from './attachments';

const MB = 1024 * 1024;
/** A PDF of exactly `bytes` bytes. */
const pdfOf = (bytes: number) => {
  const file = new Uint8Array(bytes);
  file.set(TINY_PDF);
  return file;
};

describe('per-user storage quota for documents', () => {
  const saved = process.env.ATTACHMENT_QUOTA_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.ATTACHMENT_QUOTA_MB;
    else process.env.ATTACHMENT_QUOTA_MB = saved;
  });

  it('is 200 MB unless configured, and a bad setting is refused with its name', () => {
    delete process.env.ATTACHMENT_QUOTA_MB;
    expect(attachmentQuotaBytes()).toBe(200 * MB);
    process.env.ATTACHMENT_QUOTA_MB = '50';
    expect(attachmentQuotaBytes()).toBe(50 * MB);
    for (const bad of ['0', '-1', 'lots']) {
      process.env.ATTACHMENT_QUOTA_MB = bad;
      expect(() => attachmentQuotaBytes()).toThrow(/ATTACHMENT_QUOTA_MB/);
    }
  });

  it("refuses a document past the uploader's quota across all their drafts, writing nothing; deleting one frees room", async () => {
    process.env.ATTACHMENT_QUOTA_MB = '1';
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const first = await makeApplication(applicant, park.id, { submit: false }); // holds TINY_PDF
    const second = await makeApplication(applicant, park.id, { submit: false });
    const upload = (applicationId: string, bytes: number) => uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName: 'x.pdf', bytes: pdfOf(bytes) });
    const big = await upload(first.applicationId, 600 * 1024);
    const filesBefore = fs.readdirSync(path.join(attachmentsDir(), second.applicationId)).length;
    await expect(upload(second.applicationId, 600 * 1024)).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'storageQuotaExceeded',
      fieldErrors: { file: ['storageQuotaExceeded'] },
      params: { quota: 1 },
    });
    expect(await db.select().from(attachments).where(eq(attachments.applicationId, second.applicationId))).toHaveLength(1);
    expect(fs.readdirSync(path.join(attachmentsDir(), second.applicationId))).toHaveLength(filesBefore);
    // Another person's quota is their own.
    const other = await makeApplicant();
    const theirs = await makeApplication(other, park.id, { submit: false });
    await uploadAttachment(db, { actor: other, applicationId: theirs.applicationId, kind: 'other', fileName: 'y.pdf', bytes: pdfOf(600 * 1024) });
    await deleteAttachment(db, { actor: applicant, attachmentId: big.id });
    await upload(second.applicationId, 600 * 1024);
  });

  it('uploads at the same moment cannot together pass the quota', async () => {
    process.env.ATTACHMENT_QUOTA_MB = '1';
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const drafts: { applicationId: string }[] = [];
    for (let i = 0; i < 3; i++) drafts.push(await makeApplication(applicant, park.id, { submit: false }));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => uploadAttachment(db, { actor: applicant, applicationId: drafts[i % 3].applicationId, kind: 'other', fileName: 'z.pdf', bytes: pdfOf(300 * 1024) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const rows = await db.select({ size: attachments.sizeBytes }).from(attachments).where(eq(attachments.uploadedBy, applicant.userId));
    expect(rows.reduce((sum, r) => sum + r.size, 0)).toBeLessThanOrEqual(MB);
  });
});
