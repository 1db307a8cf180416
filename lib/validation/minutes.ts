import { z } from 'zod';

export const approveMinutesSchema = z.strictObject({ meetingId: z.uuid() });

export const reopenMinutesSchema = z.strictObject({
  meetingId: z.uuid(),
  /** Why the approved minutes need a correction: the next version carries it. */
  reason: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export type ApproveMinutesInput = z.input<typeof approveMinutesSchema>;
export type ReopenMinutesInput = z.input<typeof reopenMinutesSchema>;
