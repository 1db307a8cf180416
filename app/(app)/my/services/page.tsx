import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { DataTable } from '@/app/_components/ui/data-table';
import { requireActor } from '@/app/_server/session';
import { ServiceStatusBadge } from '@/app/(app)/_services/service-status-badge';
import { getDb } from '@/db/client';
import { formatQuantity, formatDate, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listMyServiceRequests } from '@/lib/services/requests';

export default async function MyServiceRequestsPage() {
  const actor = await requireActor();
  const requests = await listMyServiceRequests(await getDb(), { actor });
  const t = await getTranslations('serviceDesk');
  const bookingWords = await getTranslations('bookings');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <PageHeader title={t('my.title')} description={t('my.subtitle')} actions={
          <>
            <ButtonLink variant="outline" href="/my/services/book">
              {bookingWords('book.link')}
            </ButtonLink>
            <ButtonLink href="/my/services/new">{t('my.new')}</ButtonLink>
          </>
        } />
      <DataTable
        aria-label={t('my.title')}
        rows={requests}
        rowKey={(r) => r.id}
        empty={t('my.empty')}
        columns={[
          { header: t('fields.requestedOn'), className: 'whitespace-nowrap tabular-nums', cell: (r) => formatDate(r.requestedOn, locale) },
          { header: t('fields.service'), rowHeader: true, className: 'min-w-56 font-medium text-primary', href: (r) => `/my/services/${r.id}`, cell: (r) => r.serviceName },
          { header: t('fields.company'), cell: (r) => r.companyName },
          { header: t('fields.quantity'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (r) => `${formatQuantity(r.quantity, locale)} ${t(`unitShort.${r.unit}`)}` },
          { header: t('fields.support'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (r) => formatRub(r.supportRub, locale) },
          { header: t('fields.status'), cell: (r) => <ServiceStatusBadge status={r.status} label={t(`statuses.${r.status}`)} /> },
        ]}
      />
    </div>
  );
}
