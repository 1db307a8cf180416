import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatArea, formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { countResidents, listResidentIndustries, listResidents } from '@/lib/residents/directory';
import { PLACEMENTS, RESIDENT_SORTS, residentFiltersSchema, SME_CATEGORIES, type ResidentFilters } from '@/lib/validation/residents';


/** The directory's query string with some parameters changed (undefined removes one). */
function query(filters: ResidentFilters, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function ResidentsPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const filters = residentFiltersSchema.parse(searchValues(await searchParams));
  const today = todayIso();
  const [rows, counts, industries] = await Promise.all([
    listResidents(db, { actor, parkId: park.id, today, filters }),
    countResidents(db, { actor, parkId: park.id, today }),
    listResidentIndustries(db, { actor, parkId: park.id }),
  ]);
  const t = await getTranslations('residents');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}/residents`;
  const sortHeader = (column: (typeof RESIDENT_SORTS)[number], label: string) => {
    const active = (filters.sort ?? 'name') === column;
    const dir = active && filters.dir !== 'desc' ? 'desc' : 'asc';
    return (
      <Link href={`${base}${query(filters, { sort: column, dir })}`} className="inline-flex items-center gap-1 hover:text-foreground" aria-label={t('sortBy', { column: label })}>
        {label}
        {active && <span aria-hidden>{filters.dir === 'desc' ? '↓' : '↑'}</span>}
      </Link>
    );
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle', { park: park.name })}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/export${query(filters, { sort: undefined, dir: undefined, format: 'csv' })}`} download>
                {t('exportCsv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/export${query(filters, { sort: undefined, dir: undefined, format: 'xlsx' })}`} download>
                {t('exportXlsx')}
              </a>
            </Button>
            {can(actor, 'resident.admit', park.id) && (
              <Button asChild size="sm">
                <Link href={`${base}/admit`}>{t('admit')}</Link>
              </Button>
            )}
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t('countNow')} value={counts.now} />
        <StatCard label={t('countSme')} value={counts.sme} />
        <StatCard label={t('countOnSite')} value={counts.onSite} />
      </div>
      <form method="get" action={base} className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4" role="search">
        <div className="space-y-1.5 sm:col-span-2">
          <Label htmlFor="q">{t('search')}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="status">{t('statusFilter')}</Label>
          <NativeSelect id="status" name="status" defaultValue={filters.status ?? 'current'}>
            {(['current', 'former', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statusFilters.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="placement">{t('placementFilter')}</Label>
          <NativeSelect id="placement" name="placement" defaultValue={filters.placement ?? ''}>
            <option value="">{t('any')}</option>
            {PLACEMENTS.map((p) => (
              <option key={p} value={p}>
                {t(`placement.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="sme">{t('smeFilter')}</Label>
          <NativeSelect id="sme" name="sme" defaultValue={filters.sme ?? ''}>
            <option value="">{t('any')}</option>
            {SME_CATEGORIES.map((s) => (
              <option key={s} value={s}>
                {t(`sme.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="industry">{t('industryFilter')}</Label>
          <NativeSelect id="industry" name="industry" defaultValue={filters.industry ?? ''}>
            <option value="">{t('any')}</option>
            {industries.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="incentive">{t('incentiveFilter')}</Label>
          <NativeSelect id="incentive" name="incentive" defaultValue={filters.incentive ?? ''}>
            <option value="">{t('any')}</option>
            <option value="yes">{t('incentiveFilters.yes')}</option>
            <option value="no">{t('incentiveFilters.no')}</option>
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="overdue">{t('overdueFilter')}</Label>
          <NativeSelect id="overdue" name="overdue" defaultValue={filters.overdue ?? ''}>
            <option value="">{t('any')}</option>
            <option value="yes">{t('overdueFilters.yes')}</option>
            <option value="no">{t('overdueFilters.no')}</option>
          </NativeSelect>
        </div>
        {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" size="sm">
            {t('apply')}
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href={base}>{t('reset')}</Link>
          </Button>
          <p className="ml-auto text-sm text-muted-foreground" aria-live="polite">
            {t('shown', { count: rows.length })}
          </p>
        </div>
      </form>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{sortHeader('name', t('columns.company'))}</TableHead>
            <TableHead>{sortHeader('sme', t('columns.smePlacement'))}</TableHead>
            <TableHead>{sortHeader('start', t('columns.period'))}</TableHead>
            <TableHead className="text-right">{sortHeader('area', t('columns.leased'))}</TableHead>
            <TableHead>{t('columns.incentiveShort')}</TableHead>
            <TableHead>{t('columns.reporting')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="py-8 text-center text-muted-foreground">
                {t('empty')}
              </TableCell>
            </TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={r.residencyId}>
              <TableCell className="min-w-56 max-w-80">
                <Link href={`${base}/${r.companyId}`} className="font-medium hover:underline">
                  {r.companyName}
                </Link>
                {(r.inn || r.industry) && <span className="block text-xs text-muted-foreground">{[r.inn, r.industry].filter(Boolean).join(' · ')}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {t(`sme.${r.smeCategory}`)}
                <span className="block text-xs text-muted-foreground">{t(`placement.${r.placement}`)}</span>
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
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
              </TableCell>
              <TableCell className="whitespace-nowrap text-right tabular-nums">{Number(r.leasedM2) > 0 ? formatArea(r.leasedM2, locale) : '—'}</TableCell>
              <TableCell>{r.hasIncentive ? <Badge variant="info">{t('incentiveYes')}</Badge> : '—'}</TableCell>
              <TableCell>{r.overdueYears > 0 ? <Badge variant="warning">{t('overdue', { count: r.overdueYears })}</Badge> : <span className="text-muted-foreground">{t('upToDate')}</span>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
