import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, inArray, sum } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { dataDir } from '@/db/config';
import { applications, attachments, expertAssignments, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { representsCompany } from '@/lib/companies/companies';
import { AppError, notFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';
import { attachmentKindSchema, type AttachmentKind } from '@/lib/validation/applications';
import { detectFileType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './file-type';
import { refusal } from './transition';

/** Uploaded documents live here, under the data folder and outside the web root. */
export function attachmentsDir(): string {
  return path.join(dataDir(), 'attachments');
}

/** A display name without folders or control characters; the stored file never uses it. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return cleaned || 'document';
}

const fileError = (key: string, message: string, params?: Record<string, number>) => new AppError('VALIDATION', message, { key, params, fieldErrors: { file: [key] } });

const MB = 1024 * 1024;

/** How much one person's uploaded documents may take in all: ATTACHMENT_QUOTA_MB, 200 MB unless set. */
export function attachmentQuotaBytes(): number {
  const setting = process.env.ATTACHMENT_QUOTA_MB;
  if (setting === undefined || setting.trim() === '') return 200 * MB;
  const mb = Number(setting);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`ATTACHMENT_QUOTA_MB must be a positive number of megabytes, not "${setting}"`);
  return Math.floor(mb * MB);
}

/**
 * Attaches a document to an application that its company's representative is still editing. The
 * size and the type (by content) are checked before anything is written; the file is written inside
 * the transaction and removed again if the transaction fails.
 */
export async function uploadAttachment(
  db: Db,
  { actor, applicationId, kind, fileName, bytes }: { actor: Actor; applicationId: string; kind: AttachmentKind; fileName: string; bytes: Uint8Array },
): Promise<{ id: string; kind: AttachmentKind; fileName: string; mimeType: string; sizeBytes: number }> {
  assertCan(actor, 'application.create');
  if (actor.type !== 'user') throw notFound('application');
  const parsedKind = parseInput(attachmentKindSchema, kind);
  if (bytes.byteLength === 0) throw fileError('fileEmpty', 'the file is empty');
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw fileError('fileTooLarge', `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const type = detectFileType(bytes);
  if (!type) throw fileError('fileTypeNotAllowed', 'only PDF, DOCX, XLSX, PNG and JPEG documents are accepted (checked by content)');
  const id = crypto.randomUUID();
  const storagePath = `${applicationId}/${id}`;
  const absolute = path.join(attachmentsDir(), storagePath);
  let written = false;
  try {
    return await db.transaction(async (tx) => {
      const [app] = await tx
        .select({ companyId: applications.companyId, parkId: applications.parkId, status: applications.status })
        .from(applications)
        .where(eq(applications.id, applicationId))
        .for('update');
      if (!app || !(await representsCompany(tx, actor.userId, app.companyId))) throw notFound('application');
      if (app.status !== 'draft' && app.status !== 'returned') throw await refusal(tx, applicationId);
      const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, applicationId));
      if (Number(n) >= MAX_ATTACHMENTS) throw fileError('tooManyFiles', `at most ${MAX_ATTACHMENTS} documents per application`);
      // The uploader's row serialises their uploads, so two at once cannot both fit in the room left.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('no key update');
      const [{ used }] = await tx.select({ used: sum(attachments.sizeBytes) }).from(attachments).where(eq(attachments.uploadedBy, actor.userId));
      const quota = attachmentQuotaBytes();
      if (Number(used ?? 0) + bytes.byteLength > quota) {
        const params = { quota: Math.round(quota / MB), used: Math.round((Number(used ?? 0) / MB) * 10) / 10 };
        throw fileError('storageQuotaExceeded', `your documents would take more than your ${params.quota} MB (${params.used} MB used)`, params);
      }
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const row = { id, applicationId, kind: parsedKind, fileName: cleanFileName(fileName), mimeType: type.mime, sizeBytes: bytes.byteLength, sha256, storagePath, uploadedBy: actor.userId };
      await tx.insert(attachments).values(row);
      await writeAudit(tx, { actor, parkId: app.parkId, action: 'attachment.upload', entity: 'application', entityId: applicationId, after: { id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 } });
      await fs.promises.mkdir(path.dirname(absolute), { recursive: true });
      await fs.promises.writeFile(absolute, bytes, { flag: 'wx' });
      written = true;
      return { id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
    });
  } catch (error) {
    if (written) await fs.promises.rm(absolute, { force: true });
    throw error;
  }
}

/**
 * Removes a document the applicant added since the last submission. Documents of a submitted version
 * stay, so every version keeps what was submitted with it.
 */
export async function deleteAttachment(db: Db, { actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<void> {
  if (actor.type !== 'user' || actor.kind !== 'applicant') throw notFound('document');
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: attachments.id,
        applicationId: attachments.applicationId,
        createdAt: attachments.createdAt,
        fileName: attachments.fileName,
        storagePath: attachments.storagePath,
        companyId: applications.companyId,
        parkId: applications.parkId,
        status: applications.status,
        lastSubmittedAt: applications.lastSubmittedAt,
      })
      .from(attachments)
      .innerJoin(applications, eq(applications.id, attachments.applicationId))
      .where(eq(attachments.id, attachmentId))
      .for('update', { of: applications });
    if (!row || !(await representsCompany(tx, actor.userId, row.companyId))) throw notFound('document');
    if (row.status !== 'draft' && row.status !== 'returned') throw await refusal(tx, row.applicationId);
    if (row.lastSubmittedAt && row.createdAt.getTime() <= row.lastSubmittedAt.getTime())
      throw new AppError('INVALID_TRANSITION', 'a document of a submitted version is kept; add a new one instead', { key: 'attachmentSubmitted' });
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
    await writeAudit(tx, { actor, parkId: row.parkId, action: 'attachment.delete', entity: 'application', entityId: row.applicationId, before: { id: row.id, fileName: row.fileName } });
    return row.storagePath;
  });
  await fs.promises.rm(path.join(attachmentsDir(), removed), { force: true });
}

export type AttachmentFile = { fileName: string; mimeType: string; sizeBytes: number; absolutePath: string };

/** May the actor read this application's documents? Its representatives, the park's staff once submitted, and experts on it. */
async function mayReadDocuments(db: DbOrTx, actor: Actor, app: { id: string; companyId: string; parkId: string; status: string }): Promise<boolean> {
  if (actor.type !== 'user') return false;
  if (actor.kind === 'applicant') return representsCompany(db, actor.userId, app.companyId);
  if (app.status !== 'draft' && can(actor, 'application.readPark', app.parkId)) return true;
  if (can(actor, 'review.submit', app.parkId)) {
    const [assignment] = await db
      .select({ id: expertAssignments.id })
      .from(expertAssignments)
      .where(and(eq(expertAssignments.applicationId, app.id), eq(expertAssignments.expertId, actor.userId), inArray(expertAssignments.status, ['assigned', 'reviewed'])));
    return Boolean(assignment);
  }
  return false;
}

/** A document for download, if the actor may read it; otherwise "not found". */
export async function readAttachment(db: DbOrTx, { actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<AttachmentFile> {
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      storagePath: attachments.storagePath,
      id: applications.id,
      companyId: applications.companyId,
      parkId: applications.parkId,
      status: applications.status,
    })
    .from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(eq(attachments.id, attachmentId));
  if (!row || !(await mayReadDocuments(db, actor, row))) throw notFound('document');
  const root = attachmentsDir();
  const absolutePath = path.resolve(root, row.storagePath);
  if (!absolutePath.startsWith(root + path.sep)) throw notFound('document');
  return { fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, absolutePath };
}
