import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiStatusBadge } from '@/app/_components/kpi-status-badge';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { FilterSelect } from '@/app/_components/ui/filter';
import { DataTable } from '@/app/_components/ui/data-table';
import { PageLinks } from '@/app/_components/ui/page-links';
import { todayIso } from '@/lib/dates';
import { formatDate, formatDateTime, formatNumber, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { deadlineOf } from '@/lib/kpi/common';
import { countMissingKpiReports, getKpiSettings, listMissingKpiReports, REMINDER_DAYS_BEFORE } from '@/lib/kpi/deadlines';
import { countKpiReports, listKpiReports, type KpiListFilter } from '@/lib/kpi/list';
import { SendRemindersButton } from './send-reminders';

const TABS = ['submitted', 'returned', 'accepted', 'missing'] as const;
type Tab = (typeof TABS)[number];

type Search = Promise<SearchParams>;

export default async function KpiReviewPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Search }) {
  const { park: slug } = await params;
  const query = searchValues(await searchParams);
  const { actor, db, park } = await parkContext(slug, 'kpi.review');
  const [t, tc] = await Promise.all([getTranslations('kpi'), getTranslations('common')]);
  const locale = (await getLocale()) as Locale;
  const today = todayIso(park.timeZone);
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? '') ? (query.tab as Tab) : 'submitted';
  const yearText = query.year ?? '';
  const lastYear = Number(today.slice(0, 4)) - 1;
  // The missing list opens on the year whose reports are due next (it can run to hundreds of rows over all years).
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : yearText === '' && tab === 'missing' ? lastYear : null;

  const [settings, counts, missingCount, page, missingShown] = await Promise.all([
    getKpiSettings(db, { actor, parkId: park.id }),
    countKpiReports(db, { actor, parkId: park.id }),
    countMissingKpiReports(db, { actor, parkId: park.id, today }),
    tab === 'missing' ? null : listKpiReports(db, { actor, parkId: park.id, status: tab as KpiListFilter, year, page: { after: query.after, before: query.before } }),
    tab === 'missing' ? listMissingKpiReports(db, { actor, parkId: park.id, today, year }) : [],
  ]);
  const rows = page?.rows ?? [];
  const base = `/p/${slug}/kpi`;
  const href = (next: Tab) => `${base}?tab=${next}${yearText ? `&year=${yearText}` : ''}`;
  const pageHref = (cursor: string | null, side: 'after' | 'before') => (cursor ? `${href(tab)}&${side}=${cursor}` : null);
  const years = Array.from({ length: 25 }, (_, i) => lastYear + 1 - i);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('deadlineNote', { year: lastYear, deadline: formatDate(deadlineOf(lastYear, { kpiDeadlineMonth: settings.deadlineMonth, kpiDeadlineDay: settings.deadlineDay }), locale) })}
        actions={
          <>
            <ButtonLink variant="outline" href={`${base}/settings`}>{t('settings')}</ButtonLink>
            <ButtonLink href={`${base}/upload`}>{t('bulkUpload')}</ButtonLink>
          </>
        }
      />
      <section className="flex flex-wrap items-center justify-between gap-3 rounded-lg border p-3">
        <p className="text-sm text-muted-foreground">{t('remindersNote')}</p>
        <SendRemindersButton parkId={park.id} />
      </section>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label={t('tabs.label')} className="flex flex-wrap gap-1 rounded-lg bg-muted p-1">
          {TABS.map((name) => {
            const n = name === 'missing' ? missingCount : counts[name];
            return (
              <Link
                key={name}
                href={href(name)}
                aria-current={tab === name ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground',
                  tab === name && 'bg-background text-foreground shadow-sm',
                )}
              >
                {t(`tabs.${name}`)}
                <span className={cn('rounded-full px-1.5 text-xs tabular-nums', n && (name === 'submitted' || name === 'missing') ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' : 'bg-muted-foreground/10')}>{n}</span>
              </Link>
            );
          })}
        </nav>
        <form method="get" className="flex items-end gap-2">
          <input type="hidden" name="tab" value={tab} />
          <FilterSelect
            name="year"
            label={t('year')}
            value={year ? String(year) : 'all'}
            options={[{ value: 'all', label: t('allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
            selectClassName="w-36"
          />
          <Button type="submit" variant="outline">
            {t('show')}
          </Button>
        </form>
      </div>

      {tab === 'missing' ? (
        <section aria-label={t('tabs.missing')} className="space-y-3">
          <p className="text-sm text-muted-foreground">{t('missingHint', { days: REMINDER_DAYS_BEFORE })}</p>
          {missingShown.length === 0 ? (
            <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t('noMissing')}</p>
          ) : (
            <DataTable
              rows={missingShown}
              rowKey={(m) => `${m.companyId}-${m.year}`}
              columns={[
                { header: t('company'), className: 'font-medium', cell: (m) => m.companyName },
                { header: t('inn'), className: 'tabular-nums', cell: (m) => m.companyInn ?? '—' },
                { header: t('year'), className: 'tabular-nums', cell: (m) => m.year },
                {
                  header: t('deadline'),
                  className: 'whitespace-nowrap',
                  cell: (m) => (
                    <>
                      {formatDate(m.deadline, locale)}
                      {m.overdue && (
                        <Badge variant="destructive" className="ml-2">
                          {t('overdue')}
                        </Badge>
                      )}
                    </>
                  ),
                },
                { header: t('state'), cell: (m) => t(`states.${m.state}`) },
                { header: t('representatives'), className: 'tabular-nums', cell: (m) => (m.representatives > 0 ? m.representatives : <span className="text-muted-foreground">{t('noRepresentative')}</span>) },
              ]}
            />
          )}
        </section>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t('noReports')}</p>
      ) : (
        <DataTable
          aria-label={t(`tabs.${tab}`)}
          rows={rows.map((r) => ({ ...r, period: t('periodLabel', { year: r.year, quarter: r.quarter ?? 0 }) }))}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('company'),
              className: 'min-w-56',
              cell: (r) => (
                <Link href={`${base}/${r.id}`} className="font-medium text-primary hover:underline" aria-label={`${r.companyName}, ${r.period}`}>
                  {r.companyName}
                </Link>
              ),
            },
            {
              header: t('period'),
              className: 'whitespace-nowrap tabular-nums',
              cell: (r) => (
                <>
                  {r.period}
                  {r.version > 1 && <span className="ml-1.5 text-xs text-muted-foreground">{t('versionN', { version: r.version })}</span>}
                </>
              ),
            },
            { header: t('fields.jobsCreated'), align: 'right', className: 'tabular-nums', cell: (r) => formatNumber(r.figures.jobsCreated, locale) },
            { header: t('fields.incomeRub'), align: 'right', className: 'tabular-nums whitespace-nowrap', cell: (r) => formatRub(r.figures.incomeRub, locale, { compact: true }) },
            { header: t('fields.taxesPaidRub'), align: 'right', className: 'tabular-nums whitespace-nowrap', cell: (r) => formatRub(r.figures.taxesPaidRub, locale, { compact: true }) },
            {
              header: tab === 'submitted' ? t('submittedAt') : t('reviewedAt'),
              className: 'whitespace-nowrap text-muted-foreground',
              cell: (r) => formatDateTime(tab === 'submitted' ? r.submittedAt : r.reviewedAt, locale, park.timeZone),
            },
            { header: t('status'), cell: (r) => <KpiStatusBadge status={r.status} label={t(`statuses.${r.status}`)} /> },
          ]}
        />
      )}
      {page && (
        <PageLinks
          label={t(`tabs.${tab}`)}
          previous={{ label: tc('previous'), href: pageHref(page.previous, 'before') }}
          next={{ label: tc('next'), href: pageHref(page.next, 'after') }}
        />
      )}
    </div>
  );
}
