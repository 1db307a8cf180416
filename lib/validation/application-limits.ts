/* The application form's limits, without zod: the form's client code reads them (./applications.ts re-exports them). */

/** Documents: at most this size each (also the limit the server enforces), and this many per application. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

/** The longest title, description and industry the form takes; each field's message says its limit. */
export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 20_000;
export const MAX_INDUSTRY = 200;

/** The longest cover note an applicant may send with a submission (the database checks the same). */
export const MAX_COVER_NOTE = 5000;
