import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createEvent } from 'ics';
import type { DbOrTx } from '@/db/client';
import { auditLog, councilMeetings, memberships, parks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parksWhere } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { formatMoment } from '@/lib/i18n/format';
import { appBaseUrl } from '@/lib/notifications/email';
import { notify } from '@/lib/notifications/notifications';
import { meetingClock } from './votes';

/** How long a meeting is shown in a calendar: the product records its start only. */
const MEETING_HOURS = 2;

/** The audit actions that change what a meeting's calendar event says: each one raises its SEQUENCE. */
const EVENT_CHANGES = ['meeting.update', 'meeting.cancel'];

const utcParts = (d: Date): [number, number, number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];

/**
 * A meeting as an iCalendar event (RFC 5545): its start, place and video link, with a stable UID and
 * a SEQUENCE that grows with each change of its details or its cancellation, so a calendar that has
 * it replaces it with the newer one (or removes it, for METHOD:CANCEL).
 */
async function meetingEvent(db: DbOrTx, meetingId: string): Promise<{ number: number; park: string; parkId: string; slug: string; timeZone: string; startsAt: Date; place: string | null; ics: string }> {
  const clock = (await meetingClock(db, meetingId, 'all', false))!;
  const [meeting] = await db
    .select({ number: councilMeetings.number, place: councilMeetings.place, videoLink: councilMeetings.videoLink, status: councilMeetings.status, park: parks.name, slug: parks.slug, timeZone: parks.timeZone })
    .from(councilMeetings)
    .innerJoin(parks, eq(parks.id, councilMeetings.parkId))
    .where(eq(councilMeetings.id, meetingId));
  const [changes] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, meetingId), inArray(auditLog.action, EVENT_CHANGES)));
  const cancelled = meeting.status === 'cancelled';
  const url = `${appBaseUrl()}/p/${meeting.slug}/meetings/${meetingId}`;
  const { error, value } = createEvent({
    uid: `council-meeting-${meetingId}@technopark`,
    sequence: Number(changes.n),
    productId: 'technopark/council',
    method: cancelled ? 'CANCEL' : 'PUBLISH',
    title: `${meeting.park}: expert council meeting No. ${meeting.number}`,
    description: [meeting.videoLink ? `Video: ${meeting.videoLink}` : null, url].filter(Boolean).join('\n'),
    location: meeting.place ?? meeting.videoLink ?? undefined,
    url,
    start: utcParts(clock.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: MEETING_HOURS },
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('the calendar event could not be written');
  return { number: meeting.number, park: meeting.park, parkId: clock.parkId, slug: meeting.slug, timeZone: meeting.timeZone, startsAt: clock.startsAt, place: meeting.place, ics: value };
}

/** The meeting's calendar event for one of its council members or the park's staff. */
export async function meetingInvitation(db: DbOrTx, { actor, meetingId, parkId }: { actor: Actor; meetingId: string; parkId?: string }): Promise<{ filename: string; body: string }> {
  const members = parksWhere(actor, 'council.vote');
  const staff = parksWhere(actor, 'council.meet');
  const reach = members === 'all' || staff === 'all' ? 'all' : [...new Set([...members, ...staff])];
  const clock = await meetingClock(db, meetingId, reach, false);
  if (!clock || (parkId && clock.parkId !== parkId)) throw notFound('meeting');
  const event = await meetingEvent(db, meetingId);
  return { filename: `council-meeting-${event.number}.ics`, body: event.ics };
}

export type MeetingNotice = 'meetingCalled' | 'meetingChanged' | 'meetingCancelled';

/**
 * Tells every council member of the meeting's park (the park's experts with an active account) that it
 * was called, changed or cancelled, in the app and by e-mail with the calendar event attached. Runs
 * inside the caller's transaction, after its audit entry, so the event's SEQUENCE counts the change.
 */
export async function noticeMeeting(tx: DbOrTx, meetingId: string, kind: MeetingNotice): Promise<void> {
  const event = await meetingEvent(tx, meetingId);
  const council = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.parkId, event.parkId), eq(memberships.role, 'expert')));
  await notify(tx, {
    userIds: council.map((c) => c.userId),
    parkId: event.parkId,
    kind,
    params: { number: event.number, at: formatMoment(event.startsAt, event.timeZone), place: event.place ?? '—' },
    href: `/p/${event.slug}/meetings/${meetingId}`,
    calendar: event.ics,
  });
}
