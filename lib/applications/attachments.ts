import 'server-only';
import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { attachments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { documentStore, localDocumentsDir, type StoredObject } from '@/lib/storage';
import { parseInput } from '@/lib/validation/parse';
import { attachmentKindSchema, type AttachmentKind } from '@/lib/validation/applications';
import { accessApplication } from './access';
import { assertUploadFits, checkUpload, uploadError } from '@/lib/uploads/uploads';
import { MAX_ATTACHMENTS } from './file-type';
import { refusal } from './transition';

/** Uploaded documents live here when no bucket is configured (lib/storage), under the data folder and outside the web root. */
export function attachmentsDir(): string {
  return localDocumentsDir();
}

const uuid = z.uuid();

/**
 * Attaches a document to an application that its company's representative is still editing. The
 * size and the type (by content) are checked before anything is written; the file is written inside
 * the transaction (to the local folder or the bucket, lib/storage) and removed again if the transaction fails.
 */
export async function uploadAttachment(
  db: Db,
  { actor, applicationId, kind, fileName, bytes }: { actor: Actor; applicationId: string; kind: AttachmentKind; fileName: string; bytes: Uint8Array },
): Promise<{ id: string; kind: AttachmentKind; fileName: string; mimeType: string; sizeBytes: number }> {
  assertActingUser(actor, 'application.create');
  const parsedKind = parseInput(attachmentKindSchema, kind);
  const file = checkUpload(fileName, bytes);
  const id = crypto.randomUUID();
  const storagePath = `${applicationId}/${id}`;
  const store = documentStore();
  let written = false;
  try {
    return await db.transaction(async (tx) => {
      const access = await accessApplication(tx, { actor, applicationId, as: ['applicant'], lock: true });
      const app = access.application;
      if (app.status !== 'draft' && app.status !== 'returned') throw await refusal(tx, access);
      const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, applicationId));
      if (Number(n) >= MAX_ATTACHMENTS) throw uploadError('tooManyFiles', `at most ${MAX_ATTACHMENTS} documents per application`);
      await assertUploadFits(tx, actor.userId, bytes.byteLength);
      const { sha256 } = file;
      const row = { id, applicationId, kind: parsedKind, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256, storagePath, uploadedBy: actor.userId };
      await tx.insert(attachments).values(row);
      await writeAudit(tx, { actor, parkId: app.parkId, action: 'attachment.upload', entity: 'application', entityId: applicationId, after: { id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 } });
      written = true;
      await store.put(storagePath, bytes, file.mimeType);
      return { id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
    });
  } catch (error) {
    if (written) await store.remove(storagePath).catch(() => {});
    throw error;
  }
}

/**
 * Removes a document the applicant added since the last submission. Documents of a submitted version
 * stay, so every version keeps what was submitted with it.
 */
export async function deleteAttachment(db: Db, { actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<void> {
  assertActingUser(actor, 'application.create', 'document');
  const removed = await db.transaction(async (tx) => {
    const row = await documentOf(tx, attachmentId);
    const access = await documentAccess(accessApplication(tx, { actor, applicationId: row.applicationId, as: ['applicant'], lock: true }));
    const app = access.application;
    if (app.status !== 'draft' && app.status !== 'returned') throw await refusal(tx, access);
    if (app.lastSubmittedAt && row.createdAt.getTime() <= app.lastSubmittedAt.getTime())
      throw new AppError('INVALID_TRANSITION', 'a document of a submitted version is kept; add a new one instead', { key: 'attachmentSubmitted' });
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await writeAudit(tx, { actor, parkId: app.parkId, action: 'attachment.delete', entity: 'application', entityId: row.applicationId, before: { id: row.id, fileName: row.fileName } });
    return row.storagePath;
  });
  await documentStore().remove(removed);
}

/** A document the actor may download: what to call it, and its key in the document store (lib/storage). */
export type AttachmentFile = { fileName: string; mimeType: string; sizeBytes: number; storageKey: string };

/** A document by id, whoever may see it; what it belongs to decides that. */
async function documentOf(db: DbOrTx, attachmentId: string) {
  const [row] = uuid.safeParse(attachmentId).success
    ? await db
        .select({
          id: attachments.id,
          applicationId: attachments.applicationId,
          createdAt: attachments.createdAt,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          sizeBytes: attachments.sizeBytes,
          storagePath: attachments.storagePath,
        })
        .from(attachments)
        .where(eq(attachments.id, attachmentId))
    : [];
  if (!row) throw notFound('document');
  return row;
}

/** A document of an application the actor may not see is as missing as the application. */
async function documentAccess<T>(access: Promise<T>): Promise<T> {
  return access.catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('document') : error;
  });
}

/** A document for download, if the actor may read its application (lib/applications/access.ts); otherwise "not found". */
export async function readAttachment(db: DbOrTx, { actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<AttachmentFile> {
  const row = await documentOf(db, attachmentId);
  await documentAccess(accessApplication(db, { actor, applicationId: row.applicationId }));
  return { fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, storageKey: row.storagePath };
}

/** The stored bytes of a document readAttachment allowed, as a stream; null when the store has lost it. */
export async function openAttachment(file: AttachmentFile): Promise<StoredObject | null> {
  return documentStore().get(file.storageKey);
}
