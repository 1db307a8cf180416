import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { DataTable } from '@/app/_components/ui/data-table';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { SectionCard } from '@/app/_components/ui/section-card';
import { parkContext } from '@/app/_server/park-context';
import { can } from '@/lib/auth/permissions';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listResources } from '@/lib/services/bookings';
import { listServices } from '@/lib/services/catalogue';
import { clockOf } from '@/lib/validation/clock';
import { BookingNoticeForm, ResourceForm } from './resource-forms';

export default async function BookableResourcesPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'serviceRequest.read');
  const { resources, noticeHours: notice } = await listResources(db, { actor, parkId: park.id });
  const manages = can(actor, 'service.manage', park.id);
  const hourly = manages ? (await listServices(db, { actor, parkId: park.id })).filter((s) => s.active && s.unit === 'hour' && (s.kind === 'room' || s.kind === 'equipment')) : [];
  const t = await getTranslations('bookings');
  const desk = await getTranslations('serviceDesk');
  const locale = (await getLocale()) as Locale;
  const days = (weekdays: number[]) => weekdays.map((d) => t(`weekdays.${d}`)).join(', ');

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/p/${slug}/services`} className="text-sm text-muted-foreground hover:underline">
        ← {desk('desk.back')}
      </Link>
      <PageHeader title={t('resources.title')} description={t('resources.subtitle', { park: park.name })} />
      <DataTable
        aria-label={t('resources.title')}
        rows={resources}
        rowKey={(r) => r.id}
        empty={t('resources.empty')}
        columns={[
          { header: t('resources.name'), rowHeader: true, className: 'min-w-48', cell: (r) => <Link className="font-medium text-primary hover:underline" href={`/p/${slug}/services/resources/${r.id}`}>{r.name}</Link> },
          { header: t('resources.service'), cell: (r) => `${r.serviceName} · ${t('perHour', { price: formatRub(r.residentPriceRub, locale) })}` },
          { header: t('resources.openOn'), cell: (r) => `${days(r.weekdays)} · ${t('hours', { opens: clockOf(r.opensMinute), closes: clockOf(r.closesMinute) })}` },
          { header: t('resources.slotMinutes'), className: 'whitespace-nowrap', cell: (r) => t('slot', { minutes: r.slotMinutes }) },
          { header: t('resources.status'), cell: (r) => (r.active ? <Badge variant="success">{t('resources.active')}</Badge> : <Badge variant="secondary">{t('resources.inactive')}</Badge>) },
        ]}
      />
      {manages && (
        <div className="grid gap-6 lg:grid-cols-3">
          <SectionCard title={t('resources.add')} className="lg:col-span-2">
            {hourly.length ? <ResourceForm parkId={park.id} services={hourly.map((s) => ({ id: s.id, name: s.name }))} /> : <EmptyState>{t('resources.noServices')}</EmptyState>}
          </SectionCard>
          <SectionCard title={t('resources.notice.title')}>
            <BookingNoticeForm parkId={park.id} hours={notice} />
          </SectionCard>
        </div>
      )}
    </div>
  );
}
