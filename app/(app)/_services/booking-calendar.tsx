import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/button';
import { addDays, localMoment } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ResourceCalendarDto } from '@/lib/services/bookings';
import { clockOf, isoWeekday } from '@/lib/validation/clock';

/** Height of one hour on the grid, in rem. */
const HOUR_REM = 3;

/** Minutes from midnight of a moment on the park's clock, on `day` (a booking never crosses midnight, but its end may be midnight). */
function minuteOn(moment: Date, day: string, zone: string): number {
  const local = localMoment(moment, zone);
  const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  return local.slice(0, 10) === day ? minute : 1440;
}

/**
 * A resource's day or week as a grid drawn on the server (CSS grid, no client code): a column per day
 * from the opening to the closing time, each booking a block at its time on the park's clock. `hrefOf`
 * links a booking the reader may open (its request); the others show as busy. Links move by day or week.
 */
export async function BookingCalendar({ calendar, base, hrefOf }: { calendar: ResourceCalendarDto; base: string; hrefOf: (b: ResourceCalendarDto['bookings'][number]) => string | null }) {
  const t = await getTranslations('bookings');
  const locale = (await getLocale()) as Locale;
  const { resource, days, view, today } = calendar;
  const zone = resource.timeZone;
  const anchor = days[view === 'day' ? 0 : 0];
  const step = view === 'day' ? 1 : 7;
  const query = (v: string, date: string) => `${base}?view=${v}&date=${date}`;
  const from = Math.floor(resource.opensMinute / 60) * 60;
  const to = Math.ceil(resource.closesMinute / 60) * 60;
  const hours = Array.from({ length: (to - from) / 60 }, (_, i) => from + i * 60);
  const height = `${((to - from) / 60) * HOUR_REM}rem`;
  const top = (minute: number) => `${((minute - from) / 60) * HOUR_REM}rem`;

  return (
    <section aria-label={t('calendar.grid', { resource: resource.name })} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t('calendar.views')} className="flex flex-wrap gap-2">
          <ButtonLink size="sm" variant="outline" href={query(view, addDays(anchor, -step))}>
            ← {t('calendar.previous')}
          </ButtonLink>
          <ButtonLink size="sm" variant="outline" href={query(view, today)}>
            {t('calendar.today')}
          </ButtonLink>
          <ButtonLink size="sm" variant="outline" href={query(view, addDays(anchor, step))}>
            {t('calendar.next')} →
          </ButtonLink>
        </nav>
        <div className="flex gap-2">
          <ButtonLink size="sm" variant={view === 'day' ? 'default' : 'outline'} href={query('day', view === 'day' ? anchor : days.includes(today) ? today : anchor)} aria-current={view === 'day' ? 'page' : undefined}>
            {t('calendar.day')}
          </ButtonLink>
          <ButtonLink size="sm" variant={view === 'week' ? 'default' : 'outline'} href={query('week', anchor)} aria-current={view === 'week' ? 'page' : undefined}>
            {t('calendar.week')}
          </ButtonLink>
        </div>
      </div>
      <p className="text-xs text-muted-foreground">{t('calendar.timesIn', { zone })}</p>
      <div className="overflow-x-auto rounded-lg border bg-card">
        <div className="grid min-w-[40rem]" style={{ gridTemplateColumns: `3.5rem repeat(${days.length}, minmax(0, 1fr))` }}>
          <div className="border-b" />
          {days.map((day) => (
            <div key={day} className={`border-b border-l px-2 py-1 text-center text-sm font-medium ${day === today ? 'bg-primary/10' : ''}`}>
              <span className="block">{t(`weekdays.${isoWeekday(day)}`)}</span>
              <span className="block text-xs text-muted-foreground">{formatDate(day, locale)}</span>
            </div>
          ))}
          <div className="relative" style={{ height }} aria-hidden="true">
            {hours.map((h) => (
              <span key={h} className="absolute right-1 -translate-y-1/2 text-[0.7rem] tabular-nums text-muted-foreground first:translate-y-0" style={{ top: top(h) }}>
                {clockOf(h)}
              </span>
            ))}
          </div>
          {days.map((day) => {
            const open = resource.weekdays.includes(isoWeekday(day));
            const items = calendar.bookings.filter((b) => localMoment(b.startsAt, zone).slice(0, 10) === day);
            return (
              <div key={day} className="relative border-l" style={{ height }}>
                {hours.map((h) => (
                  <div key={h} className="absolute inset-x-0 border-t border-dashed border-border/70" style={{ top: top(h) }} aria-hidden="true" />
                ))}
                {open ? (
                  <>
                    <div className="absolute inset-x-0 bg-muted/60" style={{ top: 0, height: top(resource.opensMinute) }} aria-hidden="true" />
                    <div className="absolute inset-x-0 bottom-0 bg-muted/60" style={{ top: top(resource.closesMinute) }} aria-hidden="true" />
                  </>
                ) : (
                  <div className="absolute inset-0 flex items-start justify-center bg-muted/60 pt-2 text-xs text-muted-foreground">{t('calendar.closed')}</div>
                )}
                <ul aria-label={formatDate(day, locale)} className="absolute inset-0">
                  {items.map((b, i) => {
                    const start = minuteOn(b.startsAt, day, zone);
                    const end = minuteOn(b.endsAt, day, zone);
                    const href = hrefOf(b);
                    const done = b.requestStatus === 'done';
                    const label = b.companyName ?? (b.mine ? t('calendar.yours') : t('calendar.busy'));
                    const time = `${clockOf(start)}–${clockOf(end)}`;
                    const tone = b.mine ? 'border-primary bg-primary/15' : b.id ? 'border-sky-600 bg-sky-100 dark:bg-sky-950' : 'border-border bg-muted';
                    const body = (
                      <>
                        <span className="block font-medium tabular-nums">{time}</span>
                        <span className="block truncate">{label}</span>
                        {done && <span className="block truncate italic">{t('calendar.done')}</span>}
                      </>
                    );
                    return (
                      <li
                        key={b.id ?? `${day}-${i}`}
                        className={`absolute inset-x-1 overflow-hidden rounded border-l-4 px-1.5 py-0.5 text-xs leading-tight text-foreground ${tone}`}
                        // A short booking still gets a line for its time.
                        style={{ top: top(start), height: `max(calc(${top(end)} - ${top(start)} - 2px), 1.25rem)` }}
                      >
                        {href ? (
                          <Link href={href} className="block h-full hover:underline">
                            {body}
                          </Link>
                        ) : (
                          body
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
