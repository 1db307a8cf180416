import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { attachments, threadAttachments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { localDocumentsDir, readStoredBytes, s3Settings } from './index';
import { localStore } from './local';
import { s3Store } from './s3';

export type MoveReport = {
  /** Uploaded now, read back and verified, and removed from the local folder. */
  moved: number;
  /** Already in the bucket with the recorded size and checksum (a run before this one got that far). */
  alreadyInBucket: number;
  /** Neither in the local folder nor in the bucket. */
  missing: string[];
  /** Not moved: the local copy or the uploaded object does not match the recorded size and SHA-256. */
  failed: { id: string; reason: string }[];
};

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * Moves every document from the local folder (DATA_DIR/attachments) into the configured bucket.
 * Each document is checked against the size and SHA-256 recorded at upload before it is sent, read
 * back from the bucket and checked again, and only then removed locally; one already in the bucket
 * with the right size and checksum is skipped. So a run cut short is resumed by running it again,
 * and the app keeps serving every document meanwhile (lib/storage reads the local folder for what the
 * bucket does not hold yet). `keepLocal` leaves the local copies in place.
 */
export async function moveLocalDocumentsToBucket(
  db: DbOrTx,
  { keepLocal = false, onDocument }: { keepLocal?: boolean; onDocument?: (id: string, outcome: string) => void } = {},
): Promise<MoveReport> {
  const settings = s3Settings();
  if (!settings) throw new AppError('VALIDATION', 'no bucket is configured: set S3_BUCKET (and S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) first');
  const bucket = s3Store(settings);
  const local = localStore(localDocumentsDir());
  const report: MoveReport = { moved: 0, alreadyInBucket: 0, missing: [], failed: [] };
  // Every kind of uploaded document: an application's, and those sent in conversations.
  const applicationDocuments = db
    .select({ id: attachments.id, key: attachments.storagePath, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, mimeType: attachments.mimeType, createdAt: attachments.createdAt })
    .from(attachments);
  const messageDocuments = db
    .select({ id: threadAttachments.id, key: threadAttachments.storagePath, sizeBytes: threadAttachments.sizeBytes, sha256: threadAttachments.sha256, mimeType: threadAttachments.mimeType, createdAt: threadAttachments.createdAt })
    .from(threadAttachments);
  const rows = await unionAll(applicationDocuments, messageDocuments).orderBy(asc(sql`created_at`), asc(sql`id`));
  for (const row of rows) {
    const file = path.join(localDocumentsDir(), row.key);
    const there = await bucket.head(row.key);
    if (there && there.sizeBytes === row.sizeBytes && there.sha256 === row.sha256) {
      report.alreadyInBucket++;
      if (!keepLocal) await local.remove(row.key);
      onDocument?.(row.id, 'already in the bucket');
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.promises.readFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (there) report.failed.push({ id: row.id, reason: 'only in the bucket, and its size or checksum differs from the recorded one' });
      else report.missing.push(row.id);
      onDocument?.(row.id, there ? 'failed' : 'missing');
      continue;
    }
    if (bytes.byteLength !== row.sizeBytes || sha256(bytes) !== row.sha256) {
      report.failed.push({ id: row.id, reason: `the local file ${file} differs from the recorded size or checksum; left in place` });
      onDocument?.(row.id, 'failed');
      continue;
    }
    await bucket.put(row.key, bytes, row.mimeType);
    const back = await readStoredBytes(bucket, row.key);
    if (!back || back.byteLength !== row.sizeBytes || sha256(back) !== row.sha256) {
      report.failed.push({ id: row.id, reason: 'the object read back from the bucket differs from the recorded size or checksum; the local file is kept' });
      onDocument?.(row.id, 'failed');
      continue;
    }
    if (!keepLocal) await local.remove(row.key);
    report.moved++;
    onDocument?.(row.id, 'moved');
  }
  return report;
}
