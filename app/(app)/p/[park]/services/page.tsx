import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { Badge } from '@/app/_components/ui/badge';
import { cn } from '@/app/_components/ui/cn';
import { DataTable } from '@/app/_components/ui/data-table';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { ServiceStatusBadge } from '@/app/(app)/_services/service-status-badge';
import { can } from '@/lib/auth/permissions';
import { formatQuantity, formatDate, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listParkServiceRequests } from '@/lib/services/requests';
import { SERVICE_REQUEST_STATUSES, type ServiceRequestFilter } from '@/lib/validation/services';

/** The desk's views: every request, the overdue ones, or one status. */
const VIEWS = ['all', 'overdue', ...SERVICE_REQUEST_STATUSES] as const;
type View = (typeof VIEWS)[number];

export default async function ServiceDeskPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const query = searchValues(await searchParams);
  const { actor, db, park } = await parkContext(slug, 'serviceRequest.read');
  const t = await getTranslations('serviceDesk');
  const locale = (await getLocale()) as Locale;
  const view: View = (VIEWS as readonly string[]).includes(query.view ?? '') ? (query.view as View) : 'all';
  const filter: ServiceRequestFilter = view === 'all' ? {} : view === 'overdue' ? { overdue: true } : { status: view };
  const rows = await listParkServiceRequests(db, { actor, parkId: park.id, filter });
  const base = `/p/${slug}/services`;
  const bookingWords = await getTranslations('bookings');

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('desk.title')}
        description={t('desk.subtitle', { park: park.name })}
        actions={
          <>
            <ButtonLink variant="outline" href={`${base}/resources`}>
              {bookingWords('resources.link')}
            </ButtonLink>
            {can(actor, 'service.manage', park.id) && <ButtonLink variant="outline" href={`${base}/catalogue`}>{t('catalogue.title')}</ButtonLink>}
          </>
        }
      />
      <nav aria-label={t('desk.views')} className="flex flex-wrap gap-1 rounded-lg bg-muted p-1">
        {VIEWS.map((name) => (
          <Link
            key={name}
            href={name === 'all' ? base : `${base}?view=${name}`}
            aria-current={view === name ? 'page' : undefined}
            className={cn(
              'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
              view === name && 'bg-background text-foreground shadow-sm',
            )}
          >
            {name === 'all' ? t('desk.all') : name === 'overdue' ? t('overdue') : t(`statuses.${name}`)}
          </Link>
        ))}
      </nav>
      {view === 'overdue' && <p className="text-sm text-muted-foreground">{t('desk.overdueHint', { days: park.serviceTargetDays })}</p>}
      <DataTable
        aria-label={t('desk.title')}
        rows={rows}
        rowKey={(r) => r.id}
        empty={view === 'overdue' ? t('desk.noOverdue') : t('desk.empty')}
        columns={[
          { header: t('fields.requestedOn'), className: 'whitespace-nowrap tabular-nums', cell: (r) => formatDate(r.requestedOn, locale) },
          {
            header: t('fields.company'),
            className: 'min-w-48 font-medium text-primary',
            rowHeader: true,
            href: (r) => `${base}/requests/${r.id}`,
            cell: (r) => r.companyName,
          },
          { header: t('fields.service'), className: 'min-w-56', cell: (r) => r.serviceName },
          { header: t('fields.quantity'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (r) => `${formatQuantity(r.quantity, locale)} ${t(`unitShort.${r.unit}`)}` },
          { header: t('fields.support'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (r) => formatRub(r.supportRub, locale) },
          { header: t('fields.assignee'), cell: (r) => r.assigneeName ?? <span className="text-muted-foreground">{t('unassigned')}</span> },
          {
            header: t('fields.status'),
            cell: (r) => (
              <span className="inline-flex flex-wrap gap-1.5">
                <ServiceStatusBadge status={r.status} label={t(`statuses.${r.status}`)} />
                {r.overdue && <Badge variant="destructive">{t('overdue')}</Badge>}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
