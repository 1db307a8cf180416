import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { orNotFound } from '@/app/_server/not-found';
import { requireActor } from '@/app/_server/session';
import { BookingCalendar } from '@/app/(app)/_services/booking-calendar';
import { BookingList } from '@/app/(app)/_services/booking-list';
import { getDb } from '@/db/client';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getResourceCalendar } from '@/lib/services/bookings';
import { calendarQuerySchema } from '@/lib/validation/bookings';
import { clockOf } from '@/lib/validation/clock';
import { cancelMyBookingAction } from '../actions';
import { BookingForm } from './booking-form';

export default async function BookResourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor();
  const query = calendarQuerySchema.parse(await searchParams);
  const calendar = await orNotFound(getResourceCalendar(await getDb(), { actor, resourceId: id, view: query.view, date: query.date }));
  const { resource } = calendar;
  const t = await getTranslations('bookings');
  const locale = (await getLocale()) as Locale;
  const hrefOf = (b: { serviceRequestId: string | null; mine: boolean }) => (b.mine && b.serviceRequestId ? `/my/services/${b.serviceRequestId}` : null);
  // Without a day asked for (or with a past one), the form offers the first day and slot still free.
  const date = query.date && query.date >= calendar.today ? query.date : (calendar.firstFree?.date ?? calendar.today);
  const start = calendar.firstFree?.date === date ? calendar.firstFree.startMinute : undefined;

  return (
    <div className="max-w-6xl space-y-6">
      <Link href="/my/services/book" className="text-sm text-muted-foreground hover:underline">
        ← {t('book.back')}
      </Link>
      <PageHeader
        title={resource.name}
        description={t('calendar.subtitle', { park: resource.parkName, service: resource.serviceName, price: formatRub(resource.residentPriceRub, locale), market: formatRub(resource.marketPriceRub, locale) })}
      />
      {resource.active && calendar.companies.length > 0 && (
        <SectionCard
          title={t('book.form')}
          description={t('book.rules', {
            hours: t('hours', { opens: clockOf(resource.opensMinute), closes: clockOf(resource.closesMinute) }),
            days: resource.weekdays.map((d) => t(`weekdays.${d}`)).join(', '),
            minutes: resource.slotMinutes,
            notice: resource.noticeHours,
          })}
        >
          <BookingForm
            resource={{ id: resource.id, opensMinute: resource.opensMinute, closesMinute: resource.closesMinute, slotMinutes: resource.slotMinutes }}
            companies={calendar.companies}
            date={date}
            start={start}
          />
          <p className="mt-3 text-sm text-muted-foreground">{t('book.support')}</p>
        </SectionCard>
      )}
      <BookingCalendar calendar={calendar} base={`/my/services/book/${resource.id}`} hrefOf={hrefOf} />
      <SectionCard title={t('calendar.list')}>
        <BookingList calendar={calendar} hrefOf={hrefOf} cancel={cancelMyBookingAction} />
      </SectionCard>
    </div>
  );
}
