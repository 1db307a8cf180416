import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { FilterActions, FilterCheckbox, FilterForm, FilterSearch, FilterSelect } from '@/app/_components/ui/filter';
import { DataTable } from '@/app/_components/ui/data-table';
import { PageLinks } from '@/app/_components/ui/page-links';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listIncentivesPage } from '@/lib/incentives/incentives';
import { INCENTIVE_KINDS, incentiveFiltersSchema, type IncentiveFilters } from '@/lib/validation/incentives';
import { IncentiveState } from './state-badge';

function query(filters: IncentiveFilters, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function IncentivesPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const search = searchValues(await searchParams);
  const filters = incentiveFiltersSchema.parse(search);
  const today = todayIso(park.timeZone);
  const [page, t, tc] = await Promise.all([
    listIncentivesPage(db, { actor, parkId: park.id, today, filters, page: { after: search.after, before: search.before } }),
    getTranslations('incentives'),
    getTranslations('common'),
  ]);
  const { rows } = page;
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/incentives/export${query(filters, { format: 'csv' })}`} download>
                {t('exportCsv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/incentives/export${query(filters, { format: 'xlsx' })}`} download>
                {t('exportXlsx')}
              </a>
            </Button>
            {can(actor, 'incentive.grant', park.id) && (
              <ButtonLink size="sm" href={`${base}/incentives/new`}>{t('grant')}</ButtonLink>
            )}
          </>
        }
      />
      <FilterForm action={`${base}/incentives`} className="lg:grid-cols-4">
        <FilterSearch label={t('search')} value={filters.q} placeholder={t('searchPlaceholder')} className="sm:col-span-2" />
        <FilterSelect
          name="status"
          label={t('stateFilter')}
          value={filters.status ?? 'all'}
          options={(['all', 'active', 'expired', 'revoked'] as const).map((s) => ({ value: s, label: t(`stateFilters.${s}`) }))}
        />
        <FilterSelect name="kind" label={t('kindFilter')} value={filters.kind} any={t('any')} options={INCENTIVE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <FilterCheckbox name="expiring" label={t('expiringFilter')} checked={filters.expiring === '1'} className="sm:col-span-2" />
        <FilterActions apply={t('apply')} reset={{ href: `${base}/incentives`, label: t('reset') }} status={t('total', { count: page.total })} className="sm:col-span-2" />
      </FilterForm>
      <DataTable
        aria-label={t('title')}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.company'), className: 'min-w-56 font-medium', href: (r) => `${base}/residents/${r.companyId}`, cell: (r) => r.companyName },
          {
            header: t('columns.kind'),
            className: 'max-w-xs',
            cell: (r) => (
              <>
                <Link href={`${base}/incentives/${r.id}`} className="hover:underline">
                  {t(`kinds.${r.kind}`)}
                </Link>
                {r.legalBasis && <span className="block truncate text-xs text-muted-foreground" title={r.legalBasis}>{r.legalBasis}</span>}
              </>
            ),
          },
          {
            header: t('columns.decision'),
            className: 'whitespace-nowrap',
            cell: (r) => (
              <>
                {r.decisionNumber && <span className="block">{r.decisionNumber}</span>}
                <span className={r.decisionNumber ? 'text-xs text-muted-foreground' : undefined}>{formatDate(r.grantedOn, locale)}</span>
              </>
            ),
          },
          {
            header: t('columns.validity'),
            className: 'whitespace-nowrap text-xs',
            cell: (r) => (
              <>
                {formatDate(r.validFrom, locale)} –
                <span className="block">{r.validTo ? formatDate(r.validTo, locale) : t('openEnded')}</span>
              </>
            ),
          },
          { header: t('columns.state'), cell: (r) => <IncentiveState row={r} /> },
        ]}
      />
      <PageLinks
        label={t('title')}
        previous={{ label: tc('previous'), href: page.previous && `${base}/incentives${query(filters, { before: page.previous })}` }}
        next={{ label: tc('next'), href: page.next && `${base}/incentives${query(filters, { after: page.next })}` }}
      />
    </div>
  );
}
