import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { councilMeetings, minutesVersions } from '@/db/schema';
import { AppError } from '@/lib/errors';

/**
 * The one guard of an approved (or cancelled) meeting: every write that would change what its minutes say (agenda,
 * attendance, votes, decisions, the meeting's details) calls it after locking the meeting's row, the
 * lock approval takes too, so nothing slips in between an approval and its check.
 */
export async function assertMinutesOpen(tx: DbOrTx, meetingId: string): Promise<void> {
  // A cancelled meeting takes no more changes either: it has no minutes, and its members were told.
  const [cancelled] = await tx.select({ number: councilMeetings.number }).from(councilMeetings).where(and(eq(councilMeetings.id, meetingId), eq(councilMeetings.status, 'cancelled')));
  if (cancelled) throw new AppError('INVALID_TRANSITION', `meeting No. ${cancelled.number} is cancelled`, { key: 'meetingCancelled', params: { number: cancelled.number } });
  const [inForce] = await tx
    .select({ version: minutesVersions.version, number: councilMeetings.number })
    .from(minutesVersions)
    .innerJoin(councilMeetings, eq(councilMeetings.id, minutesVersions.meetingId))
    .where(and(eq(minutesVersions.meetingId, meetingId), isNull(minutesVersions.reopenedAt)));
  if (inForce)
    throw new AppError(
      'INVALID_TRANSITION',
      `the minutes of meeting No. ${inForce.number} are approved (version ${inForce.version}): an approved meeting is locked; reopen its minutes for a correction first`,
      { key: 'minutesApproved', params: { number: inForce.number, version: inForce.version } },
    );
}
