/*
 * Calendar dates travel as `YYYY-MM-DD` strings. "Which zone, and what time is it there" is answered
 * here and only here: a park's pages, jobs and messages read its own zone (`parks.time_zone`), the
 * pages outside a park the reader's (`users.time_zone`), and both fall back to the installation's.
 * No imports, so the Playwright config can read the zone too.
 */

/** The installation's time zone: a park's or a person's when they have none of their own. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

let zones: Set<string> | null = null;

/**
 * Is `value` an IANA time zone this runtime knows (`Asia/Tomsk`)? The one zone check: the forms'
 * schemas, the data layer and the CLI use it. `UTC` is accepted though some engines leave it off the list.
 */
export function isTimeZone(value: unknown): value is string {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return typeof value === 'string' && zones.has(value);
}

/** Every zone a person may choose, for the pickers. */
export function timeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
}

/** The first zone given (a park's, then a person's), else the installation's. */
export function zoneOr(...candidates: (string | null | undefined)[]): string {
  return candidates.find((zone): zone is string => Boolean(zone)) ?? DEFAULT_TIME_ZONE;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment's wall-clock parts in `zone`. */
function partsIn(moment: Date, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    partFormats.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(moment).map((x) => [x.type, x.value])) as ReturnType<typeof partsIn>;
}

/** The calendar date `YYYY-MM-DD` a moment falls on in `zone`. */
export function dateOf(moment: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const p = partsIn(moment, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's calendar date in `zone` as `YYYY-MM-DD`. */
export function todayIso(zone: string = DEFAULT_TIME_ZONE, now = new Date()): string {
  return dateOf(now, zone);
}

/** A moment as a datetime field shows it, `YYYY-MM-DDTHH:MM` on `zone`'s clock (the reverse of zonedMoment). */
export function localMoment(moment: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const p = partsIn(moment, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** How far `zone`'s clock is ahead of UTC at `moment`, in milliseconds. */
function offsetAt(moment: Date, zone: string): number {
  const p = partsIn(moment, zone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(moment.getTime() / 1000) * 1000;
}

const LOCAL_MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The moment a wall-clock time `YYYY-MM-DDTHH:MM` names in `zone` (what a datetime field means in a
 * park). Around a clock change (none in Russia since 2014) a skipped or repeated time reads one side of it.
 */
export function zonedMoment(local: string, zone: string): Date {
  const match = LOCAL_MOMENT.exec(local);
  if (!match) throw new RangeError(`not a local moment: ${local}`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  const first = wall - offsetAt(new Date(wall), zone);
  return new Date(wall - offsetAt(new Date(first), zone));
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at `moment` as people read it after a time: `GMT+7`, `GMT+3`, `UTC`. */
export function zoneLabel(zone: string, moment = new Date()): string {
  let format = labelFormats.get(zone);
  if (!format) labelFormats.set(zone, (format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })));
  return format.formatToParts(moment).find((x) => x.type === 'timeZoneName')?.value ?? zone;
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

/** The zones to choose from, each named with its offset now ("Asia/Tomsk (GMT+7)"): built on the server, so the browser's own list never differs. */
export function timeZoneOptions(now = new Date()): { value: string; label: string }[] {
  return timeZones().map((zone) => ({ value: zone, label: `${zone} (${zoneLabel(zone, now)})` }));
}
