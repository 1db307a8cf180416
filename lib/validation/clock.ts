/*
 * Times of day and weekdays of the bookings' calendars, free of zod so client forms and server pages
 * share them without shipping a schema.
 */

/** `HH:MM` of minutes from midnight (1440 is `24:00`). */
export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date `YYYY-MM-DD`. */
export const isoWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;

/** The start times (minutes) a resource offers on its grid, and the end times. */
export function slotTimes({ opensMinute, closesMinute, slotMinutes }: { opensMinute: number; closesMinute: number; slotMinutes: number }) {
  const starts: number[] = [];
  for (let m = opensMinute; m < closesMinute; m += slotMinutes) starts.push(m);
  return { starts, ends: starts.map((m) => m + slotMinutes) };
}
