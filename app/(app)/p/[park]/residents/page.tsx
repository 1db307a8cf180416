import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { FilterActions, FilterForm, FilterSearch, FilterSelect } from '@/app/_components/ui/filter';
import { DataTable } from '@/app/_components/ui/data-table';
import { PageLinks } from '@/app/_components/ui/page-links';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatArea, formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { countResidents, listResidentIndustries, listResidentsPage } from '@/lib/residents/directory';
import { PLACEMENTS, RESIDENT_SORTS, residentPageQuerySchema, SME_CATEGORIES, type ResidentPageQuery } from '@/lib/validation/residents';


/** The directory's query string with some parameters changed (undefined removes one). */
function query(filters: ResidentPageQuery, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function ResidentsPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const filters = residentPageQuerySchema.parse(searchValues(await searchParams));
  const today = todayIso(park.timeZone);
  const [page, counts, industries] = await Promise.all([
    listResidentsPage(db, { actor, parkId: park.id, today, query: filters }),
    countResidents(db, { actor, parkId: park.id, today }),
    listResidentIndustries(db, { actor, parkId: park.id }),
  ]);
  const t = await getTranslations('residents');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}/residents`;
  /** A sortable column: its header and how the list is sorted by it. */
  const sorted = (column: (typeof RESIDENT_SORTS)[number], label: string) => {
    const active = (filters.sort ?? 'name') === column;
    return {
      header: label,
      sort: {
        href: `${base}${query(filters, { sort: column, dir: active && filters.dir !== 'desc' ? 'desc' : 'asc', after: undefined, before: undefined })}`,
        sortLabel: t('sortBy', { column: label }),
        direction: active ? (filters.dir === 'desc' ? 'desc' : 'asc') : undefined,
      } as const,
    };
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle', { park: park.name })}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/export${query(filters, { sort: undefined, dir: undefined, after: undefined, before: undefined, format: 'csv' })}`} download>
                {t('exportCsv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/export${query(filters, { sort: undefined, dir: undefined, after: undefined, before: undefined, format: 'xlsx' })}`} download>
                {t('exportXlsx')}
              </a>
            </Button>
            {can(actor, 'resident.admit', park.id) && (
              <ButtonLink size="sm" href={`${base}/admit`}>{t('admit')}</ButtonLink>
            )}
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t('countNow')} value={counts.now} />
        <StatCard label={t('countSme')} value={counts.sme} />
        <StatCard label={t('countOnSite')} value={counts.onSite} />
      </div>
      <FilterForm action={base} className="lg:grid-cols-4">
        <FilterSearch label={t('search')} value={filters.q} placeholder={t('searchPlaceholder')} className="sm:col-span-2" />
        <FilterSelect
          name="status"
          label={t('statusFilter')}
          value={filters.status ?? 'current'}
          options={(['current', 'former', 'all'] as const).map((s) => ({ value: s, label: t(`statusFilters.${s}`) }))}
        />
        <FilterSelect name="placement" label={t('placementFilter')} value={filters.placement} any={t('any')} options={PLACEMENTS.map((p) => ({ value: p, label: t(`placement.${p}`) }))} />
        <FilterSelect name="sme" label={t('smeFilter')} value={filters.sme} any={t('any')} options={SME_CATEGORIES.map((s) => ({ value: s, label: t(`sme.${s}`) }))} />
        <FilterSelect name="industry" label={t('industryFilter')} value={filters.industry} any={t('any')} options={industries.map((i) => ({ value: i, label: i }))} />
        <FilterSelect
          name="incentive"
          label={t('incentiveFilter')}
          value={filters.incentive}
          any={t('any')}
          options={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`incentiveFilters.${v}`) }))}
        />
        <FilterSelect
          name="overdue"
          label={t('overdueFilter')}
          value={filters.overdue}
          any={t('any')}
          options={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`overdueFilters.${v}`) }))}
        />
        {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
        <FilterActions apply={t('apply')} reset={{ href: base, label: t('reset') }} status={t('total', { count: page.total })} className="sm:col-span-2 lg:col-span-4" />
      </FilterForm>
      <DataTable
        rows={page.rows}
        rowKey={(r) => r.residencyId}
        empty={t('empty')}
        columns={[
          {
            ...sorted('name', t('columns.company')),
            className: 'min-w-56 max-w-80',
            cell: (r) => (
              <>
                <Link href={`${base}/${r.companyId}`} className="font-medium hover:underline">
                  {r.companyName}
                </Link>
                {(r.inn || r.industry) && <span className="block text-xs text-muted-foreground">{[r.inn, r.industry].filter(Boolean).join(' · ')}</span>}
              </>
            ),
          },
          {
            ...sorted('sme', t('columns.smePlacement')),
            className: 'whitespace-nowrap',
            cell: (r) => (
              <>
                {t(`sme.${r.smeCategory}`)}
                <span className="block text-xs text-muted-foreground">{t(`placement.${r.placement}`)}</span>
              </>
            ),
          },
          {
            ...sorted('start', t('columns.period')),
            className: 'whitespace-nowrap text-xs',
            cell: (r) => (
              <>
                {formatDate(r.startOn, locale)} –{' '}{r.endOn ? formatDate(r.endOn, locale) : <span className="text-muted-foreground">{t('openEnded')}</span>}
                {r.status === 'former' ? (
                  <span className="mt-1 flex items-center gap-1">
                    <Badge variant="secondary">{t('status.former')}</Badge>
                    {r.exitReason && <span className="text-muted-foreground">{t(`exitReason.${r.exitReason}`)}</span>}
                  </span>
                ) : (
                  r.startOn > today && (
                    <Badge variant="outline" className="mt-1 block w-fit">
                      {t('status.upcoming', { date: formatDate(r.startOn, locale) })}
                    </Badge>
                  )
                )}
              </>
            ),
          },
          {
            ...sorted('area', t('columns.leased')),
            align: 'right',
            className: 'whitespace-nowrap tabular-nums',
            cell: (r) => (Number(r.leasedM2) > 0 ? formatArea(r.leasedM2, locale) : '—'),
          },
          { header: t('columns.incentiveShort'), cell: (r) => (r.hasIncentive ? <Badge variant="info">{t('incentiveYes')}</Badge> : '—') },
          {
            header: t('columns.reporting'),
            cell: (r) => (r.overdueYears > 0 ? <Badge variant="warning">{t('overdue', { count: r.overdueYears })}</Badge> : <span className="text-muted-foreground">{t('upToDate')}</span>),
          },
        ]}
      />
      <PageLinks
        label={t('pages')}
        previous={{ label: t('previous'), href: page.previous && `${base}${query(filters, { after: undefined, before: page.previous })}` }}
        next={{ label: t('next'), href: page.next && `${base}${query(filters, { after: page.next, before: undefined })}` }}
      />
    </div>
  );
}
