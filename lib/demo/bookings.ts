import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookableResources, services } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { addDays, todayIso, zonedMoment } from '@/lib/dates';
import { completeFinishedBookings, createBooking, createResource } from '@/lib/services/bookings';
import { loadActor } from '@/lib/users/users';
import { isoWeekday } from '@/lib/validation/clock';
import type { CreateResourceInput } from '@/lib/validation/bookings';

/** The two Kuzbass rooms, priced by the catalogue's meeting-room service (lib/demo/support.ts). */
const ROOMS: Omit<CreateResourceInput, 'serviceId'>[] = [
  { name: 'Переговорная «Томь»', description: 'До 8 человек, экран и видеосвязь.', opensAt: '08:00', closesAt: '21:00', weekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 30 },
  { name: 'Конференц-зал', description: 'До 40 человек, проектор и звук.', opensAt: '09:00', closesAt: '19:00', weekdays: [1, 2, 3, 4, 5], slotMinutes: 60 },
];

/** Bookings around today: which room, how many days from today (the next open day for the hall), from and to. */
const BOOKINGS: { room: number; days: number; startAt: string; endAt: string }[] = [
  { room: 0, days: -6, startAt: '10:00', endAt: '12:00' },
  { room: 0, days: -2, startAt: '14:00', endAt: '15:30' },
  { room: 1, days: -3, startAt: '10:00', endAt: '13:00' },
  { room: 0, days: 1, startAt: '11:00', endAt: '12:00' },
  { room: 0, days: 2, startAt: '15:00', endAt: '17:00' },
  { room: 1, days: 2, startAt: '09:00', endAt: '11:00' },
];

/**
 * The Kuzbass bookings of the demo, through the domain functions: two bookable rooms and a few bookings
 * of the demo applicant's company around today, so a newcomer sees a calendar with some of them taken
 * place (done requests, counted as support) and some to come. The past ones are booked as of the day
 * before; the scheduler's own step then records them as done. Idempotent: a park with resources is left as it is.
 */
export async function seedBookings(db: Db, { parkId, applicantId, companyId }: { parkId: string; applicantId: string; companyId: string | null }): Promise<void> {
  const [existing] = await db.select({ id: bookableResources.id }).from(bookableResources).where(eq(bookableResources.parkId, parkId)).limit(1);
  if (existing) return;
  const [room] = await db.select({ id: services.id }).from(services).where(and(eq(services.parkId, parkId), eq(services.kind, 'room'), eq(services.unit, 'hour'))).limit(1);
  if (!room) return;
  const actor = systemActor('seed');
  const resources = [];
  for (const input of ROOMS) resources.push(await createResource(db, { actor, parkId, input: { ...input, serviceId: room.id } }));

  const applicant = await loadActor(db, applicantId);
  if (!companyId || !applicant || applicant.type !== 'user') return;
  const zone = resources[0].timeZone;
  const today = todayIso(zone);
  for (const step of BOOKINGS) {
    const resource = resources[step.room];
    let date = addDays(today, step.days);
    // The hall is closed at weekends: take the nearest open day in the same direction.
    while (!resource.weekdays.includes(isoWeekday(date))) date = addDays(date, step.days < 0 ? -1 : 1);
    // A past booking was made the morning before it; an upcoming one now.
    const now = date < today ? zonedMoment(`${addDays(date, -1)}T08:00`, zone) : new Date();
    await createBooking(db, { actor: applicant, input: { resourceId: resource.id, companyId, date, startAt: step.startAt, endAt: step.endAt }, now });
  }
  await completeFinishedBookings(db);
}
