import 'server-only';
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, threadAttachments, users } from '@/db/schema';
import { detectFileType, MAX_ATTACHMENT_BYTES } from '@/lib/applications/file-type';
import { AppError } from '@/lib/errors';

/*
 * The rules every uploaded document meets, wherever it is attached (an application's documents, a
 * message in a record's conversation): its size, its type read from its content, a clean display
 * name, and one allowance per person over all of them.
 */

const MB = 1024 * 1024;

export const uploadError = (key: string, message: string, params?: Record<string, number>, field = 'file') =>
  new AppError('VALIDATION', message, { key, params, fieldErrors: { [field]: [key] } });

/** How much one person's uploaded documents may take in all: ATTACHMENT_QUOTA_MB, 200 MB unless set. */
export function attachmentQuotaBytes(): number {
  const setting = process.env.ATTACHMENT_QUOTA_MB;
  if (setting === undefined || setting.trim() === '') return 200 * MB;
  const mb = Number(setting);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`ATTACHMENT_QUOTA_MB must be a positive number of megabytes, not "${setting}"`);
  return Math.floor(mb * MB);
}

/** A display name without folders or control characters; the stored file never uses it. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return cleaned || 'document';
}

export type CheckedUpload = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; bytes: Uint8Array };

/** Checks one file before anything is written: not empty, at most 20 MB, PDF/DOCX/XLSX/PNG/JPEG by content. */
export function checkUpload(fileName: string, bytes: Uint8Array, field = 'file'): CheckedUpload {
  if (bytes.byteLength === 0) throw uploadError('fileEmpty', 'the file is empty', undefined, field);
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw uploadError('fileTooLarge', `the file is larger than ${MAX_ATTACHMENT_BYTES / MB} MB`, undefined, field);
  const type = detectFileType(bytes);
  if (!type) throw uploadError('fileTypeNotAllowed', 'only PDF, DOCX, XLSX, PNG and JPEG documents are accepted (checked by content)', undefined, field);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return { fileName: cleanFileName(fileName), mimeType: type.mime, sizeBytes: bytes.byteLength, sha256, bytes };
}

/**
 * Refuses when `adding` bytes would take the person's uploads (every kind of document) past their
 * allowance. Takes the person's row first, so two uploads at once cannot both fit in the room left;
 * call it inside the transaction that records the upload.
 */
export async function assertUploadFits(tx: DbOrTx, userId: string, adding: number, field = 'file'): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  const [{ used }] = await tx
    .select({
      used: sql<string>`(SELECT coalesce(sum(${attachments.sizeBytes}), 0) FROM ${attachments} WHERE ${attachments.uploadedBy} = ${userId})
        + (SELECT coalesce(sum(${threadAttachments.sizeBytes}), 0) FROM ${threadAttachments} WHERE ${threadAttachments.uploadedBy} = ${userId})`,
    })
    .from(sql`(SELECT 1) AS one`);
  const quota = attachmentQuotaBytes();
  const usedBytes = Number(used);
  if (usedBytes + adding > quota) {
    const params = { quota: Math.round(quota / MB), used: Math.round((usedBytes / MB) * 10) / 10 };
    throw uploadError('storageQuotaExceeded', `your documents would take more than your ${params.quota} MB (${params.used} MB used)`, params, field);
  }
}
