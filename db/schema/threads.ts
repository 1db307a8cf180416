import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, requires } from './columns';
import { parkId } from './owners';
import { threadSide } from './enums';
import { applications } from './applications';
import { kpiReports } from './kpi';
import { serviceRequests } from './services';
import { users } from './users';

/**
 * The conversation kept with a record (an application, a KPI report, a service request) between the park's staff and
 * the company's representatives; the experts never see it. A message names exactly one record and is
 * deleted with it. Messages are never edited: what was said stays said.
 */
export const threadMessages = pgTable(
  'thread_messages',
  {
    id: id(),
    parkId: parkId(),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    kpiReportId: uuid('kpi_report_id').references(() => kpiReports.id, { onDelete: 'cascade' }),
    serviceRequestId: uuid('service_request_id').references(() => serviceRequests.id, { onDelete: 'cascade' }),
    authorId: requires('author_id', () => users.id),
    side: threadSide('side').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('thread_messages_one_record', sql`num_nonnulls(${t.applicationId}, ${t.kpiReportId}, ${t.serviceRequestId}) = 1`),
    check('thread_messages_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 5000`),
    index('thread_messages_application').on(t.applicationId, t.createdAt).where(sql`${t.applicationId} IS NOT NULL`),
    index('thread_messages_kpi_report').on(t.kpiReportId, t.createdAt).where(sql`${t.kpiReportId} IS NOT NULL`),
    index('thread_messages_service_request').on(t.serviceRequestId, t.createdAt).where(sql`${t.serviceRequestId} IS NOT NULL`),
  ],
);

/** A document sent with a message; the bytes live in the document store (lib/storage) under `storage_path`. */
export const threadAttachments = pgTable(
  'thread_attachments',
  {
    id: id(),
    messageId: ownedBy('message_id', () => threadMessages.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: requires('uploaded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('thread_attachments_message').on(t.messageId), index('thread_attachments_uploader').on(t.uploadedBy), check('thread_attachments_size_positive', sql`${t.sizeBytes} > 0`)],
);

export type ThreadMessage = typeof threadMessages.$inferSelect;
export type ThreadAttachment = typeof threadAttachments.$inferSelect;
