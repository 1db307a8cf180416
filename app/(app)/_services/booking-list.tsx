import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/app/_server/action';
import { DataTable } from '@/app/_components/ui/data-table';
import { ServiceStatusBadge } from '@/app/(app)/_services/service-status-badge';
import { localMoment } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ResourceCalendarDto } from '@/lib/services/bookings';
import { CancelBookingButton } from './cancel-booking-button';

type Row = ResourceCalendarDto['bookings'][number];

/**
 * The bookings of the calendar's period as a table: when, whose (for those the reader may see), the
 * request's status, and a cancel button for those not started yet. The domain function still decides
 * (the company's notice, the park's managers any time before the start).
 */
export async function BookingList({
  calendar,
  hrefOf,
  cancel,
  now = new Date(),
}: {
  calendar: ResourceCalendarDto;
  hrefOf: (b: Row) => string | null;
  cancel?: (input: { bookingId: string }) => Promise<ActionResult<null>>;
  now?: Date;
}) {
  const t = await getTranslations('bookings');
  const locale = (await getLocale()) as Locale;
  const zone = calendar.resource.timeZone;
  const desk = await getTranslations('serviceDesk');
  // On the park's clock; a booking's end may be midnight, which reads 24:00 rather than the next day's 00:00.
  const when = (b: Row) => {
    const start = localMoment(b.startsAt, zone);
    const end = localMoment(b.endsAt, zone);
    return `${formatDate(start.slice(0, 10), locale)} ${start.slice(11)}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : '24:00'}`;
  };
  const rows = calendar.bookings.filter((b) => b.id);
  return (
    <DataTable
      aria-label={t('calendar.list')}
      rows={rows}
      rowKey={(b) => b.id!}
      empty={t('calendar.empty')}
      columns={[
        {
          header: t('calendar.when'),
          rowHeader: true,
          className: 'whitespace-nowrap tabular-nums',
          cell: (b) => {
            const href = hrefOf(b);
            return href ? <Link href={href} className="text-primary hover:underline">{when(b)}</Link> : when(b);
          },
        },
        { header: t('calendar.company'), cell: (b) => b.companyName },
        { header: t('calendar.status'), cell: (b) => (b.requestStatus ? <ServiceStatusBadge status={b.requestStatus} label={desk(`statuses.${b.requestStatus}`)} /> : null) },
        {
          header: <span className="sr-only">{t('calendar.cancel')}</span>,
          cell: (b) => (cancel && b.startsAt.getTime() > now.getTime() && b.requestStatus !== 'done' ? <CancelBookingButton bookingId={b.id!} when={when(b)} action={cancel} /> : null),
        },
      ]}
    />
  );
}
