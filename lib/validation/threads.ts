import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from './applications';

/** The records a conversation can be kept with. */
export const THREAD_SUBJECTS = ['application', 'kpiReport', 'serviceRequest'] as const;
export type ThreadSubjectKind = (typeof THREAD_SUBJECTS)[number];

export const MAX_MESSAGE_LENGTH = 5000;
/** Documents one message may carry. */
export const MAX_MESSAGE_FILES = 3;

export const threadSubjectSchema = z.strictObject({
  subject: z.enum(THREAD_SUBJECTS),
  subjectId: z.uuid(),
});
export type ThreadSubject = z.output<typeof threadSubjectSchema>;

/** A new message: the record it is about and what it says (its documents travel beside it as files). */
export const threadMessageSchema = threadSubjectSchema.extend({
  body: z.string().trim().min(1, 'messageRequired').max(MAX_MESSAGE_LENGTH, 'messageTooLong'),
});
export type ThreadMessageInput = z.input<typeof threadMessageSchema>;

/**
 * The message form: the message and its documents, checked in the browser and again by the action
 * (a document's type is read from its content by lib/uploads on the server).
 */
export const threadMessageFormSchema = threadMessageSchema.extend({
  files: z
    .array(z.instanceof(File))
    .max(MAX_MESSAGE_FILES, 'tooManyMessageFiles')
    .refine((files) => files.every((f) => f.size <= MAX_ATTACHMENT_BYTES), 'fileTooLarge'),
});
export type ThreadMessageFormInput = z.input<typeof threadMessageFormSchema>;
