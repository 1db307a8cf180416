import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { createEvent } from 'ics';
import type { DbOrTx } from '@/db/client';
import { auditLog, councilMeetings, parks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parksWhere } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { appBaseUrl } from '@/lib/notifications/email';
import { meetingClock } from './votes';

/** How long a meeting is shown in a calendar: the product records its start only. */
const MEETING_HOURS = 2;

const utcParts = (d: Date): [number, number, number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

/**
 * A meeting as an iCalendar event (RFC 5545) for the members' and the staff's calendars: its start,
 * place and video link, with a stable UID and a SEQUENCE that grows with each change of its details,
 * so a calendar that imported it before replaces it with the new one.
 */
export async function meetingInvitation(db: DbOrTx, { actor, meetingId, parkId }: { actor: Actor; meetingId: string; parkId?: string }): Promise<{ filename: string; body: string }> {
  const members = parksWhere(actor, 'council.vote');
  const staff = parksWhere(actor, 'council.meet');
  const reach = members === 'all' || staff === 'all' ? 'all' : [...new Set([...members, ...staff])];
  const clock = await meetingClock(db, meetingId, reach, false);
  if (!clock || (parkId && clock.parkId !== parkId)) throw notFound('meeting');
  const [meeting] = await db
    .select({ number: councilMeetings.number, place: councilMeetings.place, videoLink: councilMeetings.videoLink, park: parks.name, slug: parks.slug })
    .from(councilMeetings)
    .innerJoin(parks, eq(parks.id, councilMeetings.parkId))
    .where(eq(councilMeetings.id, meetingId));
  const [changes] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, meetingId), eq(auditLog.action, 'meeting.update')));
  const url = `${appBaseUrl()}/p/${meeting.slug}/meetings/${meetingId}`;
  const { error, value } = createEvent({
    uid: `council-meeting-${meetingId}@technopark`,
    sequence: Number(changes.n),
    productId: 'technopark/council',
    method: 'PUBLISH',
    title: `${meeting.park}: expert council meeting No. ${meeting.number}`,
    description: [meeting.videoLink ? `Video: ${meeting.videoLink}` : null, url].filter(Boolean).join('\n'),
    location: meeting.place ?? meeting.videoLink ?? undefined,
    url,
    start: utcParts(clock.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: MEETING_HOURS },
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('the calendar event could not be written');
  return { filename: `council-meeting-${meeting.number}.ics`, body: value };
}
