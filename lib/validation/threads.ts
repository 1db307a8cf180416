import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from './application-limits';
import { MAX_MESSAGE_FILES, MAX_MESSAGE_LENGTH, THREAD_SUBJECTS } from './thread-limits';

export { MAX_MESSAGE_FILES, MAX_MESSAGE_LENGTH, THREAD_SUBJECTS, type ThreadSubjectKind } from './thread-limits';

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
