import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { orNotFound } from '@/app/_server/not-found';
import { parkContext } from '@/app/_server/park-context';
import { BookingCalendar } from '@/app/(app)/_services/booking-calendar';
import { BookingList } from '@/app/(app)/_services/booking-list';
import { can } from '@/lib/auth/permissions';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getResourceCalendar } from '@/lib/services/bookings';
import { listServices } from '@/lib/services/catalogue';
import { calendarQuerySchema } from '@/lib/validation/bookings';
import { cancelBookingByParkAction } from '../actions';
import { ResourceForm } from '../resource-forms';

export default async function ResourceCalendarPage({ params, searchParams }: { params: Promise<{ park: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'serviceRequest.read');
  const query = calendarQuerySchema.parse(await searchParams);
  const calendar = await orNotFound(getResourceCalendar(db, { actor, resourceId: id, view: query.view, date: query.date }));
  const { resource } = calendar;
  // A resource of another park the reader also works in is still not this park's page.
  if (resource.parkId !== park.id) notFound();
  const manages = can(actor, 'service.manage', park.id);
  const handles = can(actor, 'serviceRequest.handle', park.id);
  const services = manages ? (await listServices(db, { actor, parkId: park.id })).filter((s) => s.unit === 'hour' && (s.kind === 'room' || s.kind === 'equipment')) : [];
  const t = await getTranslations('bookings');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}/services/resources/${resource.id}`;
  const hrefOf = (b: { serviceRequestId: string | null }) => (b.serviceRequestId ? `/p/${slug}/services/requests/${b.serviceRequestId}` : null);

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/p/${slug}/services/resources`} className="text-sm text-muted-foreground hover:underline">
        ← {t('resources.back')}
      </Link>
      <PageHeader
        title={resource.name}
        description={t('calendar.subtitle', { park: park.name, service: resource.serviceName, price: formatRub(resource.residentPriceRub, locale), market: formatRub(resource.marketPriceRub, locale) })}
      />
      <BookingCalendar calendar={calendar} base={base} hrefOf={hrefOf} />
      <SectionCard title={t('calendar.list')}>
        <BookingList calendar={calendar} hrefOf={hrefOf} cancel={handles ? cancelBookingByParkAction : undefined} />
      </SectionCard>
      {manages && (
        <SectionCard title={t('resources.edit')}>
          <ResourceForm parkId={park.id} services={services.map((s) => ({ id: s.id, name: s.name }))} resource={resource} />
        </SectionCard>
      )}
    </div>
  );
}
