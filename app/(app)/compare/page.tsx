import { Download } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ParksByYearChart } from '@/app/(app)/_reports/lazy-charts';
import { openingPeriod, periodLabel, periodPresets, pickerYears, readPeriod } from '@/app/(app)/_reports/period';
import { PeriodAlert } from '@/app/(app)/_reports/period-alert';
import { PeriodPicker } from '@/app/(app)/_reports/period-picker';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { PageSection } from '@/app/_components/ui/page-section';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { SectionCard } from '@/app/_components/ui/section-card';
import { FilterSelect } from '@/app/_components/ui/filter';
import { SortableTableHead, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { getReportDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { firstValue, type SearchParams } from '@/app/_server/search-params';
import { requireActor } from '@/app/_server/session';
import { todayIso, zoneOr } from '@/lib/dates';
import { formatNumber, formatPct, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { compareParks } from '@/lib/reports/analytics/comparison';
import { parkProfile, placeInRange, REFERENCE_RANGES, type Placement, type ReferenceRange } from '@/lib/reports/reference-ranges';
import { getComparisonYears } from '@/lib/reports/report-years';
import { readSort, sortParks, type CompareSort } from './sort';


const PLACEMENT_VARIANT: Record<Placement, 'info' | 'success' | 'warning'> = { below: 'warning', within: 'success', above: 'info' };

/** The analyst's view: the parks the actor may compare, side by side, by year, and against the ranges abroad. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, 'report.compare')) notFound();
  const search = await searchParams;
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('compareReport');
  const currentYear = Number(todayIso(zoneOr(actor.timeZone)).slice(0, 4));
  const reports = await getReportDb();
  const years = await getComparisonYears(reports, { actor });
  const { period, invalid } = readPeriod(search, openingPeriod(currentYear, years));
  const { sort, dir } = readSort(search);
  const report = await compareParks(reports, { actor, ...period });
  const parks = sortParks(report.parks, sort, dir, locale);
  const chosen = report.parks.find((p) => p.slug === firstValue(search.park)) ?? parks[0];
  const label = periodLabel(period);
  const keep = { sort: sort === 'name' ? undefined : sort, dir: dir === 'asc' ? undefined : dir, park: firstValue(search.park) };
  const query = (change: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ from: String(period.from), to: String(period.to), ...keep, ...change })) if (v) params.set(k, v);
    return `?${params.toString()}`;
  };
  /** A sum of the residents' reports where the period has none: unknown, not zero. */
  const unknown = (
    <span className="text-muted-foreground" title={t('noReports')}>
      —<span className="sr-only"> {t('noReports')}</span>
    </span>
  );
  const money = (value: string) => <span title={formatRub(value, locale)}>{formatRub(value, locale, { compact: true })}</span>;

  const columns: { sort: CompareSort; label: string }[] = [
    { sort: 'residentsSupported', label: t('columns.residentsSupported') },
    { sort: 'residentsAtEnd', label: t('columns.residentsAtEnd', { year: period.to }) },
    { sort: 'smeResidentsAtEnd', label: t('columns.smeResidentsAtEnd') },
    { sort: 'areaUsePct', label: t('columns.areaUsePct') },
    { sort: 'jobsCreated', label: t('columns.jobsCreated') },
    { sort: 'incomeRub', label: t('columns.incomeRub') },
    { sort: 'taxesPaidRub', label: t('columns.taxesPaidRub') },
    { sort: 'taxesPerBudgetRub', label: t('columns.taxesPerBudgetRub') },
    { sort: 'paybackYear', label: t('columns.paybackYear') },
  ];
  const header = (column: CompareSort, text: string, align: 'left' | 'right') => {
    const active = sort === column;
    const next = active && dir === 'asc' ? 'desc' : active ? 'asc' : column === 'name' ? 'asc' : 'desc';
    return (
      <SortableTableHead
        key={column}
        href={query({ sort: column === 'name' && next === 'asc' ? undefined : column, dir: next === 'asc' ? undefined : 'desc' })}
        label={text}
        sortLabel={t('sortBy', { column: text })}
        direction={active ? dir : undefined}
        className={`whitespace-normal ${align === 'right' ? 'text-right' : ''}`}
      />
    );
  };

  const profile = chosen ? parkProfile(chosen) : null;
  const range = (r: ReferenceRange | null, unit: string) =>
    r === null
      ? t('reference.noBreakEven')
      : r.approx
        ? t('reference.about', { value: formatNumber(r.min, locale, r.min % 1 ? 1 : 0), unit })
        : `${formatNumber(r.min, locale, r.min % 1 ? 1 : 0)}–${formatNumber(r.max, locale, r.max % 1 ? 1 : 0)}${unit ? ` ${unit}` : ''}`;
  const place = (value: number | null, r: ReferenceRange | null, kind: 'size' | 'payback') => {
    const p = placeInRange(value, r);
    if (p === null) return null;
    return (
      <Badge variant={kind === 'payback' ? (p === 'above' ? 'warning' : 'success') : PLACEMENT_VARIANT[p]} className="ml-2">
        {t(`reference.${kind === 'payback' ? 'paybackPlace' : 'sizePlace'}.${p}`)}
      </Badge>
    );
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title={t('title')}
        description={t('subtitle', { period: label, count: report.parks.length })}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`/compare/export${query({ park: undefined, format: 'xlsx' })}`} download>
                <Download aria-hidden />
                {t('download.xlsx')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`/compare/export${query({ park: undefined, format: 'csv' })}`} download>
                {t('download.csv')}
              </a>
            </Button>
          </>
        }
      />
      <PeriodPicker action="/compare" period={period} years={pickerYears(currentYear, period, years)} presets={periodPresets(currentYear, years)} keep={keep} />
      <PeriodAlert problem={invalid} period={period} />

      <PageSection title={t('tableTitle', { period: label })}>
        {parks.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <Table aria-label={t('tableTitle', { period: label })}>
            <TableHeader>
              <TableRow>
                {header('name', t('columns.park'), 'left')}
                {columns.slice(0, 4).map((c) => header(c.sort, c.label, 'right'))}
                <TableHead className="whitespace-normal text-right">{t('columns.reportsAccepted')}</TableHead>
                {columns.slice(4).map((c) => header(c.sort, c.label, 'right'))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {parks.map((p) => (
                <TableRow key={p.slug}>
                  <TableCell className="min-w-44">
                    <Link href={`/p/${p.slug}/reports?from=${period.from}&to=${period.to}`} className="font-medium hover:underline">
                      {p.name}
                    </Link>
                    <span className="block text-xs text-muted-foreground">{p.region}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(p.residentsSupported, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(p.residentsAtEnd, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(p.smeResidentsAtEnd, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatPct(p.area.usePct, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(p.reportsAccepted, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{p.reportsAccepted === 0 ? unknown : formatNumber(p.jobsCreated, locale)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{p.reportsAccepted === 0 ? unknown : money(p.incomeRub)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{p.reportsAccepted === 0 ? unknown : money(p.taxesPaidRub)}</TableCell>
                  <TableCell className="text-right tabular-nums">{p.taxesPerBudgetRub === null ? '—' : formatNumber(p.taxesPerBudgetRub, locale, 2)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{p.paybackYear ?? t('notReached')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <p className="text-xs text-muted-foreground">{t('tableNote', { year: period.to })}</p>
      </PageSection>

      {parks.length > 0 && (
        <PageSection title={t('support.title', { period: label })}>
          <Table aria-label={t('support.title', { period: label })}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('columns.park')}</TableHead>
                <TableHead className="whitespace-normal text-right">{t('support.rent')}</TableHead>
                <TableHead className="whitespace-normal text-right">{t('support.services')}</TableHead>
                <TableHead className="whitespace-normal text-right">{t('support.total')}</TableHead>
                <TableHead className="whitespace-normal text-right">{t('columns.taxesPaidRub')}</TableHead>
                <TableHead className="whitespace-normal text-right">{t('support.taxesPerSupport')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {parks.map((p) => (
                <TableRow key={p.slug}>
                  <TableCell className="min-w-44 font-medium">{p.name}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{money(p.support.rentRub)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{money(p.support.servicesRub)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right font-medium tabular-nums">{money(p.support.totalRub)}</TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">{p.reportsAccepted === 0 ? unknown : money(p.taxesPaidRub)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {p.support.taxesPerSupportRub === null || p.reportsAccepted === 0 ? '—' : formatNumber(p.support.taxesPerSupportRub, locale, 2)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="text-xs text-muted-foreground">{t('support.note')}</p>
        </PageSection>
      )}

      <div className="space-y-4">
        <SectionCard title={t('reference.title')} description={t('reference.description')} contentClassName="space-y-4">
          {chosen && profile ? (
            <>
              <form method="get" action="/compare" className="no-print flex flex-wrap items-end gap-2" aria-label={t('reference.formLabel')}>
                <input type="hidden" name="from" value={period.from} />
                <input type="hidden" name="to" value={period.to} />
                {keep.sort && <input type="hidden" name="sort" value={keep.sort} />}
                {keep.dir && <input type="hidden" name="dir" value={keep.dir} />}
                <FilterSelect name="park" label={t('reference.park')} value={chosen.slug} options={parks.map((p) => ({ value: p.slug, label: p.name }))} selectClassName="w-64" />
                <Button type="submit" variant="outline">
                  {t('reference.show')}
                </Button>
              </form>
              <dl className="grid grid-cols-3 gap-3 text-sm">
                <div className="rounded-lg border p-3">
                  <dt className="text-xs text-muted-foreground">{t('reference.residents', { year: period.to })}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatNumber(profile.residents, locale)}</dd>
                </div>
                <div className="rounded-lg border p-3">
                  <dt className="text-xs text-muted-foreground">{t('reference.area')}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{t('reference.thousandM2', { value: formatNumber(profile.areaThousandM2, locale, 1) })}</dd>
                </div>
                <div className="rounded-lg border p-3">
                  <dt className="text-xs text-muted-foreground">{t('reference.payback')}</dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {profile.paybackYears !== null
                      ? t('reference.years', { n: profile.paybackYears })
                      : chosen.paybackYear !== null
                        ? String(chosen.paybackYear)
                        : t('notReached')}
                  </dd>
                  <dd className="text-xs text-muted-foreground">
                    {chosen.foundedOn ? t('reference.foundedIn', { year: chosen.foundedOn.slice(0, 4) }) : t('reference.noFounding')}
                  </dd>
                </div>
              </dl>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('reference.country')}</TableHead>
                    <TableHead className="text-right">{t('reference.parks')}</TableHead>
                    <TableHead className="whitespace-normal">{t('reference.residentsPerPark')}</TableHead>
                    <TableHead className="whitespace-normal">{t('reference.areaPerPark')}</TableHead>
                    <TableHead className="whitespace-normal">{t('reference.paybackYears')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {REFERENCE_RANGES.map((r) => (
                    <TableRow key={r.country}>
                      <TableCell className="font-medium">{t(`reference.countries.${r.country}`)}</TableCell>
                      <TableCell className="text-right tabular-nums">{r.parks}</TableCell>
                      <TableCell className="whitespace-nowrap tabular-nums">
                        {range(r.residentsPerPark, '')}
                        {place(profile.residents, r.residentsPerPark, 'size')}
                      </TableCell>
                      <TableCell className="whitespace-nowrap tabular-nums">
                        {range(r.areaPerParkThousandM2, t('reference.thousandM2Unit'))}
                        {place(profile.areaThousandM2, r.areaPerParkThousandM2, 'size')}
                      </TableCell>
                      <TableCell className="tabular-nums">
                        {range(r.paybackYears, t('reference.yearsUnit'))}
                        {place(profile.paybackYears, r.paybackYears, 'payback')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <p className="text-xs text-muted-foreground">{t('reference.note')}</p>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">{t('empty')}</p>
          )}
        </SectionCard>
        <SectionCard title={t('byYear.title')} description={t('byYear.description', { period: label })} contentClassName="space-y-3">
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <figure aria-label={t('byYear.title')}>
              <ParksByYearChart years={report.byYear} />
            </figure>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('byYear.year')}</TableHead>
                  <TableHead className="text-right">{t('byYear.founded')}</TableHead>
                  <TableHead className="text-right">{t('byYear.closed')}</TableHead>
                  <TableHead className="text-right">{t('byYear.operating')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.byYear.map((y) => (
                  <TableRow key={y.year}>
                    <TableCell>{y.year}</TableCell>
                    <TableCell className="text-right tabular-nums">{y.founded}</TableCell>
                    <TableCell className="text-right tabular-nums">{y.closed}</TableCell>
                    <TableCell className="text-right tabular-nums">{y.operating}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {report.undatedParks > 0 && <p className="text-xs text-muted-foreground">{t('byYear.undated', { count: report.undatedParks })}</p>}
          <p className="text-xs text-muted-foreground">{t('byYear.russia')}</p>
        </SectionCard>
      </div>
    </div>
  );
}
