import 'server-only';
import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { threadAttachments, threadMessages, users } from '@/db/schema';
import type { ThreadSide } from '@/db/schema/values';
import { accessApplication } from '@/lib/applications/access';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { accessKpiReport } from '@/lib/kpi/access';
import { notify } from '@/lib/notifications/notifications';
import { accessServiceRequest } from '@/lib/services/requests';
import { managersOf, representativesOf } from '@/lib/notifications/recipients';
import { documentStore, type StoredObject } from '@/lib/storage';
import { assertUploadFits, checkUpload, uploadError, type CheckedUpload } from '@/lib/uploads/uploads';
import { parseInput } from '@/lib/validation/parse';
import { isUuid } from '@/lib/validation/uuid';
import { MAX_MESSAGE_FILES, threadMessageSchema, threadSubjectSchema, type ThreadSubject } from '@/lib/validation/threads';

/*
 * The conversation kept with an application, a KPI report or a service request, between the park's
 * staff and the company's representatives. Who takes part follows who may see the record
 * (lib/applications/access.ts, lib/kpi/access.ts, accessServiceRequest in lib/services/requests.ts): the experts, who see applications, never see their conversation.
 */

/** The record a conversation belongs to, as the actor sees it. */
type ThreadRecord = {
  subject: ThreadSubject;
  parkId: string;
  companyId: string;
  side: ThreadSide;
  /** Whether the actor may write, and if not, why. */
  mayPost: boolean;
  closedReason: 'draft' | 'readOnly' | null;
  staffHref: string;
  companyHref: string;
  /** The notification sent to the other side about a new message. */
  notice: { kind: string; params: Record<string, string | number> };
};

async function openRecord(db: DbOrTx, actor: Actor, subject: ThreadSubject, lock = false): Promise<ThreadRecord> {
  if (subject.subject === 'application') {
    const access = await accessApplication(db, { actor, applicationId: subject.subjectId, as: ['staff', 'applicant'], lock });
    const app = access.application;
    const side: ThreadSide = access.audience === 'staff' ? 'staff' : 'company';
    const draft = app.status === 'draft';
    // The staff who handle applications write; others who may read them (an administrator) only read.
    const mayWrite = side === 'company' || access.may['application.screen'];
    return {
      subject,
      parkId: app.parkId,
      companyId: app.companyId,
      side,
      mayPost: !draft && mayWrite,
      closedReason: draft ? 'draft' : mayWrite ? null : 'readOnly',
      staffHref: `/p/${app.parkSlug}/applications/${app.id}`,
      companyHref: `/my/applications/${app.id}`,
      notice: { kind: 'threadApplicationMessage', params: { title: app.title } },
    };
  }
  if (subject.subject === 'serviceRequest') {
    const { request, audience } = await accessServiceRequest(db, { actor, requestId: subject.subjectId, lock });
    // The staff who handle the desk write; others who may read it (an administrator) only read. The
    // company's representatives write while they may see the request.
    const mayWrite = audience === 'company' || can(actor, 'serviceRequest.handle', request.parkId);
    return {
      subject,
      parkId: request.parkId,
      companyId: request.companyId,
      side: audience,
      mayPost: mayWrite,
      closedReason: mayWrite ? null : 'readOnly',
      staffHref: `/p/${request.parkSlug}/services/requests/${request.id}`,
      companyHref: `/my/services/${request.id}`,
      notice: { kind: 'threadServiceRequestMessage', params: { company: request.companyName, service: request.serviceName } },
    };
  }
  const report = await accessKpiReport(db, { actor, reportId: subject.subjectId, lock });
  const draft = report.status === 'draft';
  return {
    subject,
    parkId: report.parkId,
    companyId: report.companyId,
    side: report.audience,
    mayPost: !draft,
    closedReason: draft ? 'draft' : null,
    staffHref: report.staffHref,
    companyHref: report.companyHref,
    notice: { kind: 'threadKpiMessage', params: { company: report.companyName, year: report.year, quarter: report.quarter ?? 0 } },
  };
}

const SUBJECT_COLUMNS = {
  application: threadMessages.applicationId,
  kpiReport: threadMessages.kpiReportId,
  serviceRequest: threadMessages.serviceRequestId,
} as const satisfies Record<ThreadSubject['subject'], unknown>;

/** The audit log's name for each kind of record. */
const AUDIT_ENTITIES = { application: 'application', kpiReport: 'kpi_report', serviceRequest: 'serviceRequest' } as const satisfies Record<ThreadSubject['subject'], string>;

const subjectColumn = (subject: ThreadSubject) => SUBJECT_COLUMNS[subject.subject];

export type ThreadFileDto = { id: string; fileName: string; mimeType: string; sizeBytes: number };
export type ThreadMessageDto = { id: string; side: ThreadSide; authorName: string; mine: boolean; body: string; createdAt: Date; files: ThreadFileDto[] };
export type ThreadDto = { side: ThreadSide; mayPost: boolean; closedReason: ThreadRecord['closedReason']; messages: ThreadMessageDto[] };

/** The conversation on a record, oldest first, for someone who may see the record (anyone else: not found). */
export async function getThread(db: DbOrTx, { actor, subject }: { actor: Actor; subject: ThreadSubject }): Promise<ThreadDto> {
  const target = parseInput(threadSubjectSchema, subject);
  const record = await openRecord(db, actor, target);
  const rows = await db
    .select({ id: threadMessages.id, side: threadMessages.side, authorId: threadMessages.authorId, authorName: users.name, body: threadMessages.body, createdAt: threadMessages.createdAt })
    .from(threadMessages)
    .innerJoin(users, eq(users.id, threadMessages.authorId))
    .where(eq(subjectColumn(target), target.subjectId))
    .orderBy(asc(threadMessages.createdAt), asc(threadMessages.id));
  const files = rows.length
    ? await db
        .select({ id: threadAttachments.id, messageId: threadAttachments.messageId, fileName: threadAttachments.fileName, mimeType: threadAttachments.mimeType, sizeBytes: threadAttachments.sizeBytes })
        .from(threadAttachments)
        .where(
          inArray(
            threadAttachments.messageId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(threadAttachments.createdAt), asc(threadAttachments.fileName))
    : [];
  const me = actor.type === 'user' ? actor.userId : null;
  const filesOf = new Map<string, ThreadFileDto[]>();
  for (const { messageId, ...file } of files) filesOf.set(messageId, [...(filesOf.get(messageId) ?? []), file]);
  return {
    side: record.side,
    mayPost: record.mayPost,
    closedReason: record.closedReason,
    messages: rows.map(({ authorId, ...r }) => ({
      ...r,
      mine: authorId === me,
      files: filesOf.get(r.id) ?? [],
    })),
  };
}

export type PostedFile = { fileName: string; bytes: Uint8Array };

/**
 * Adds a message, with up to three documents, to a record's conversation, and tells the other side (the
 * company's representatives, or the park's managers) in the app and by e-mail. Each document is
 * checked (size, type by content, the writer's allowance) before anything is written; the message, its
 * documents and the notices are one transaction, and files written for a refused message are removed.
 */
export async function postThreadMessage(
  db: Db,
  { actor, input, files = [] }: { actor: Actor; input: unknown; files?: PostedFile[] },
): Promise<{ id: string }> {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'only a signed-in person writes in a conversation', { key: 'forbidden' });
  const { body, ...subject } = parseInput(threadMessageSchema, input);
  if (files.length > MAX_MESSAGE_FILES) throw uploadError('tooManyMessageFiles', `at most ${MAX_MESSAGE_FILES} documents per message`, { max: MAX_MESSAGE_FILES }, 'files');
  const checked: CheckedUpload[] = files.map((f) => checkUpload(f.fileName, f.bytes, 'files'));
  const messageId = crypto.randomUUID();
  const store = documentStore();
  const written: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const record = await openRecord(tx, actor, subject, true);
      if (!record.mayPost)
        throw record.closedReason === 'draft'
          ? new AppError('INVALID_TRANSITION', 'the conversation opens once the record has been submitted', { key: 'threadNotOpen' })
          : new AppError('FORBIDDEN', 'not allowed: write in this conversation', { key: 'forbidden' });
      const adding = checked.reduce((n, f) => n + f.sizeBytes, 0);
      if (adding > 0) await assertUploadFits(tx, actor.userId, adding, 'files');
      await tx.insert(threadMessages).values({
        id: messageId,
        parkId: record.parkId,
        applicationId: subject.subject === 'application' ? subject.subjectId : null,
        kpiReportId: subject.subject === 'kpiReport' ? subject.subjectId : null,
        serviceRequestId: subject.subject === 'serviceRequest' ? subject.subjectId : null,
        authorId: actor.userId,
        side: record.side,
        body,
      });
      const rows = checked.map((f) => {
        const id = crypto.randomUUID();
        return { id, messageId, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256, storagePath: `threads/${messageId}/${id}`, uploadedBy: actor.userId };
      });
      if (rows.length) await tx.insert(threadAttachments).values(rows);
      await writeAudit(tx, {
        actor,
        parkId: record.parkId,
        action: 'thread.post',
        entity: AUDIT_ENTITIES[subject.subject],
        entityId: subject.subjectId,
        after: { messageId, side: record.side, files: rows.map((r) => ({ id: r.id, fileName: r.fileName, sizeBytes: r.sizeBytes, sha256: r.sha256 })) },
      });
      const toCompany = record.side === 'staff';
      await notify(tx, {
        userIds: (toCompany ? await representativesOf(tx, record.companyId) : await managersOf(tx, record.parkId)).filter((id) => id !== actor.userId),
        parkId: record.parkId,
        kind: record.notice.kind,
        params: { ...record.notice.params, author: actor.name },
        href: toCompany ? record.companyHref : record.staffHref,
        note: body.length > 1000 ? `${body.slice(0, 997)}…` : body,
      });
      for (const [i, row] of rows.entries()) {
        written.push(row.storagePath);
        await store.put(row.storagePath, checked[i].bytes, row.mimeType);
      }
      return { id: messageId };
    });
  } catch (error) {
    await Promise.all(written.map((key) => store.remove(key).catch(() => {})));
    throw error;
  }
}

/** A conversation's document for download: what to call it, and its key in the document store. */
export type ThreadFile = { fileName: string; mimeType: string; sizeBytes: number; storageKey: string };

/** A document sent in a conversation, if the actor may see the record it belongs to; otherwise "not found". */
export async function readThreadAttachment(db: DbOrTx, { actor, attachmentId }: { actor: Actor; attachmentId: string }): Promise<ThreadFile> {
  const [row] = isUuid(attachmentId)
    ? await db
        .select({
          fileName: threadAttachments.fileName,
          mimeType: threadAttachments.mimeType,
          sizeBytes: threadAttachments.sizeBytes,
          storageKey: threadAttachments.storagePath,
          applicationId: threadMessages.applicationId,
          kpiReportId: threadMessages.kpiReportId,
          serviceRequestId: threadMessages.serviceRequestId,
        })
        .from(threadAttachments)
        .innerJoin(threadMessages, eq(threadMessages.id, threadAttachments.messageId))
        .where(eq(threadAttachments.id, attachmentId))
    : [];
  if (!row) throw notFound('document');
  const subject: ThreadSubject = row.applicationId
    ? { subject: 'application', subjectId: row.applicationId }
    : row.kpiReportId
      ? { subject: 'kpiReport', subjectId: row.kpiReportId }
      : { subject: 'serviceRequest', subjectId: row.serviceRequestId! };
  await openRecord(db, actor, subject).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('document') : error;
  });
  return { fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, storageKey: row.storageKey };
}

/** The stored bytes of a document readThreadAttachment allowed, as a stream; null when the store has lost it. */
export async function openThreadAttachment(file: ThreadFile): Promise<StoredObject | null> {
  return documentStore().get(file.storageKey);
}
