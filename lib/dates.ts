/*
 * Calendar dates travel as `YYYY-MM-DD` strings, and "today" and every moment shown are read in one
 * time zone: the installation's. No imports, so the Playwright config can read the zone too.
 */

/** The installation's time zone: the parks' working day, and every moment shown or written in a message. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
/** How a one-line message names that zone after a time ("2026-03-01 14:05 MSK"). */
export const DEFAULT_TIME_ZONE_LABEL = 'MSK';

/** Today's calendar date in the installation's time zone as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A moment as a datetime field shows it, `YYYY-MM-DDTHH:MM` on the installation's clock (the reverse of how forms' local moments are stored). */
export function localMoment(moment: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Is `s` a calendar date `YYYY-MM-DD` that exists in the Gregorian calendar (no 31 February, no
 * 29 February 2023)? The one date check: the forms' `dateSchema`, the data set and the CLI use it.
 */
export function isRealDate(s: string): boolean {
  const match = ISO_DATE.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

/** The calendar date `days` after `iso` (before, when negative), as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
