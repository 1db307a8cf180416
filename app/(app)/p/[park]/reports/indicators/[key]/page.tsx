import { Download } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { IndicatorChart } from '@/app/(app)/_reports/lazy-charts';
import { PrintButton } from '@/app/(app)/_reports/print-button';
import { PageHeader } from '@/app/_components/page-header';
import { routeSegment } from '@/app/_server/search-params';
import { orNotFound } from '@/app/_server/not-found';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { INDICATOR_VALUE_KINDS } from '@/db/schema/values';
import { can } from '@/lib/auth/permissions';
import { numberFormat } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getProgrammeGrid } from '@/lib/programmes/programmes';
import { getIndicatorReport } from '@/lib/reports/indicators';
import { shownIndicatorStatus, type ShownIndicatorStatus } from '@/lib/reports/indicator-status';
import { todayIso } from '@/lib/dates';
import { getReportDb } from '@/db/client';

const STATUS_VARIANT: Record<ShownIndicatorStatus, 'success' | 'info' | 'destructive' | 'secondary' | 'warning'> = {
  achieved: 'success',
  on_track: 'info',
  off_track: 'destructive',
  target_year_no_data: 'warning',
  no_data: 'secondary',
};
const STATUS_ORDER: ShownIndicatorStatus[] = ['achieved', 'on_track', 'off_track', 'target_year_no_data', 'no_data'];

/** One programme's status per indicator (technopark-indicators/1) with its series and a chart each. */
export default async function IndicatorReportPage({ params }: { params: Promise<{ park: string; key: string }> }) {
  const { park: slug, key: rawKey } = await params;
  const key = routeSegment(rawKey);
  const { actor, db, park } = await parkContext(slug, 'report.read');
  const { report, grid } = await orNotFound(async () => ({
    report: await getIndicatorReport(await getReportDb(), { actor, parkSlug: slug, programmeKey: key }),
    grid: await getProgrammeGrid(db, { actor, parkId: park.id, key }),
  }));
  const t = await getTranslations('indicatorReport');
  const locale = (await getLocale()) as Locale;
  const intl = locale === 'ru' ? 'ru-RU' : 'en-GB';
  const plain = (n: number) => numberFormat(intl, { maximumFractionDigits: 6 }).format(n);
  const growth = (n: number | null) =>
    n === null ? '—' : `${numberFormat(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n)}%`;
  const series = new Map(grid.indicators.map((i) => [i.key, i.values]));
  const currentYear = Number(todayIso(park.timeZone).slice(0, 4));
  const shown = new Map(report.indicators.map((i) => [i.key, shownIndicatorStatus(i, currentYear)]));
  const counts = STATUS_ORDER.map((s) => ({ status: s, n: report.indicators.filter((i) => shown.get(i.key) === s).length })).filter((c) => c.n > 0);
  const exportBase = `/p/${slug}/reports/indicators/${encodeURIComponent(key)}/export`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={report.programme.name}
        description={t('subtitle', { park: park.name })}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${exportBase}?format=xlsx`} download>
                <Download aria-hidden />
                {t('download.xlsx')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${exportBase}?format=csv`} download>
                {t('download.csv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${exportBase}?format=json`} download>
                {t('download.json')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${exportBase}?format=pdf`} download>
                {t('download.pdf')}
              </a>
            </Button>
            <PrintButton label={t('print')} />
          </>
        }
      />
      <div className="no-print flex flex-wrap gap-2">
        <ButtonLink variant="ghost" size="sm" href={`/p/${slug}/reports/indicators`}>{t('allProgrammes')}</ButtonLink>
        {can(actor, 'programme.manage', park.id) && (
          <ButtonLink variant="ghost" size="sm" href={`/p/${slug}/programmes/${encodeURIComponent(key)}`}>{t('toDataEntry')}</ButtonLink>
        )}
      </div>

      <section aria-label={t('statusSummary')} className="flex flex-wrap items-center gap-2">
        {counts.map((c) => (
          <Badge key={c.status} variant={STATUS_VARIANT[c.status]} className="px-2.5 py-1 text-sm">
            {t('statusCount', { n: c.n, status: c.status === 'target_year_no_data' ? t('targetYearNoDataShort') : t(`statuses.${c.status}`) })}
          </Badge>
        ))}
      </section>
      <details className="rounded-lg border bg-card p-4 text-sm text-muted-foreground print:hidden">
        <summary className="cursor-pointer font-medium text-foreground">{t('ruleTitle')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t('ruleAchieved')}</li>
          <li>{t('ruleGrowth')}</li>
          <li>{t('ruleNoData')}</li>
          <li>{t('ruleTargetYearNoData')}</li>
        </ul>
      </details>

      {report.indicators.length === 0 ? (
        <EmptyState>{t('noIndicators')}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
          {report.indicators.map((indicator) => {
            const values = series.get(indicator.key) ?? {};
            const years = [...new Set(Object.keys(values).map((k) => Number(k.split(':')[0])))].sort((a, b) => a - b);
            const points = years.map((year) => ({
              year,
              ...(values[`${year}:actual`] !== undefined ? { actual: Number(values[`${year}:actual`]) } : {}),
              ...(values[`${year}:target`] !== undefined ? { target: Number(values[`${year}:target`]) } : {}),
            }));
            return (
              <Card key={indicator.key} role="article" aria-labelledby={`ind-${indicator.key}`} className="break-inside-avoid">
                <CardHeader className="flex-row items-start justify-between gap-3">
                  <div className="space-y-1">
                    <CardTitle id={`ind-${indicator.key}`}>{indicator.name}</CardTitle>
                    <p className="text-sm text-muted-foreground">
                      {indicator.unit} · {t(`directions.${indicator.direction}`)}
                    </p>
                  </div>
                  <div className="flex flex-col items-end gap-1 text-right">
                    <Badge variant={STATUS_VARIANT[shown.get(indicator.key)!]}>
                      {shown.get(indicator.key) === 'target_year_no_data'
                        ? t('targetYearNoData', { year: indicator.target!.year })
                        : t(`statuses.${indicator.status}`)}
                    </Badge>
                    {shown.get(indicator.key) === 'target_year_no_data' ? (
                      <span className="text-xs text-muted-foreground">{t('trendWas', { status: t(`statuses.${indicator.status}`), year: indicator.latest!.year })}</span>
                    ) : null}
                  </div>
                </CardHeader>
                <CardContent className="space-y-3">
                  <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
                    <Fact label={indicator.latest ? t('latestIn', { year: indicator.latest.year }) : t('latest')} value={indicator.latest ? plain(indicator.latest.value) : '—'} />
                    <Fact label={indicator.target ? t('targetIn', { year: indicator.target.year }) : t('target')} value={indicator.target ? plain(indicator.target.value) : '—'} />
                    <Fact label={t('requiredGrowth')} value={growth(indicator.requiredGrowthPct)} />
                    <Fact label={t('growthSoFar')} value={growth(indicator.growthSoFarPct)} />
                  </dl>
                  {points.length > 0 && (
                    <figure aria-label={t('chartLabel', { name: indicator.name })}>
                      <IndicatorChart points={points} target={indicator.target} unit={indicator.unit} />
                    </figure>
                  )}
                  {years.length > 0 && (
                    <Table bare className="text-xs tabular-nums">
                      <caption className="sr-only">{t('seriesCaption', { name: indicator.name })}</caption>
                      <TableHeader className="bg-transparent [&_tr]:border-b-0">
                        <TableRow className="hover:bg-transparent">
                          <TableHead scope="col" className="h-auto py-1 pl-0 pr-2">
                            {t('year')}
                          </TableHead>
                          {years.map((y) => (
                            <TableHead key={y} scope="col" className="h-auto px-1.5 py-1 text-right">
                              {y}
                            </TableHead>
                          ))}
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {INDICATOR_VALUE_KINDS.map((kind) => (
                          <TableRow key={kind} className="border-b-0 border-t hover:bg-transparent">
                            <TableHead scope="row" className="h-auto py-1 pl-0 pr-2">
                              {t(`kinds.${kind}`)}
                            </TableHead>
                            {years.map((y) => {
                              const v = values[`${y}:${kind}`];
                              return (
                                <TableCell key={y} className="px-1.5 py-1 text-right">
                                  {v === undefined ? '' : plain(Number(v))}
                                </TableCell>
                              );
                            })}
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
