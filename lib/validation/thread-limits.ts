/*
 * The conversation's fixed lists and limits, without zod, for the browser's form code; the schemas in
 * ./threads.ts are built on them.
 */

/** The records a conversation can be kept with. */
export const THREAD_SUBJECTS = ['application', 'kpiReport', 'serviceRequest'] as const;
export type ThreadSubjectKind = (typeof THREAD_SUBJECTS)[number];

export const MAX_MESSAGE_LENGTH = 5000;
/** Documents one message may carry. */
export const MAX_MESSAGE_FILES = 3;
