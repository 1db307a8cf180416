import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { PageSection } from '@/app/_components/ui/page-section';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { DataTable } from '@/app/_components/ui/data-table';
import { TableCell, TableRow } from '@/app/_components/ui/table';
import { budgetTotals, listBudgetFunding } from '@/lib/budget/budget';
import { todayIso } from '@/lib/dates';
import { formatPct, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { pct, toKopecks } from '@/lib/reports/money';
import { FUNDING_SOURCES } from '@/lib/validation/kpi';
import { BudgetEntryForm } from './budget-entry-form';
import { DeleteEntryButton } from './delete-entry-button';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function BudgetPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Search }) {
  const { park: slug } = await params;
  const { edit } = await searchParams;
  const { actor, db, park } = await parkContext(slug, 'budget.manage');
  const [entries, totals] = await Promise.all([listBudgetFunding(db, { actor, parkId: park.id }), budgetTotals(db, { actor, parkId: park.id })]);
  const t = await getTranslations('budget');
  const locale = (await getLocale()) as Locale;
  const editing = typeof edit === 'string' ? entries.find((e) => e.id === edit) : undefined;
  const total = toKopecks(totals.totalRub);
  const bySource = new Map(totals.bySource.map((s) => [s.source, s.amountRub]));
  const money = (v: string | undefined | null) => (v ? formatRub(v, locale) : '—');

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('subtitle')} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard label={t('total')} value={formatRub(totals.totalRub, locale, { compact: true })} hint={formatRub(totals.totalRub, locale)} />
        {FUNDING_SOURCES.map((s) => {
          const amount = bySource.get(s) ?? '0';
          return <StatCard key={s} label={t(`sources.${s}`)} value={formatRub(amount, locale, { compact: true })} hint={t('share', { pct: formatPct(pct(toKopecks(amount), total), locale) })} />;
        })}
      </div>

      <Card id="entry-form">
        <CardHeader>
          <CardTitle>{editing ? t('editTitle') : t('addTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          <BudgetEntryForm key={editing?.id ?? 'new'} parkId={park.id} parkSlug={slug} entry={editing} defaultYear={Number(todayIso(park.timeZone).slice(0, 4))} />
        </CardContent>
      </Card>

      {totals.byYear.length > 0 && (
        <PageSection title={t('byYear')}>
          <DataTable
            aria-label={t('byYear')}
            rows={totals.byYear}
            rowKey={(y) => y.year}
            columns={[
              { header: t('year'), className: 'font-medium tabular-nums', cell: (y) => y.year },
              ...FUNDING_SOURCES.map((s) => ({ header: t(`sources.${s}`), align: 'right' as const, className: 'tabular-nums whitespace-nowrap', cell: (y: (typeof totals.byYear)[number]) => money(y.bySource[s]) })),
              { header: t('yearTotal'), align: 'right', className: 'font-medium tabular-nums whitespace-nowrap', cell: (y) => money(y.totalRub) },
            ]}
            footer={
              <TableRow className="bg-muted/40 font-semibold">
                <TableCell>{t('total')}</TableCell>
                {FUNDING_SOURCES.map((s) => (
                  <TableCell key={s} className="text-right tabular-nums whitespace-nowrap">
                    {money(bySource.get(s))}
                  </TableCell>
                ))}
                <TableCell className="text-right tabular-nums whitespace-nowrap">{money(totals.totalRub)}</TableCell>
              </TableRow>
            }
          />
        </PageSection>
      )}

      <PageSection title={t('entries')}>
        {entries.length === 0 ? (
          <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t('empty')}</p>
        ) : (
          <DataTable
            aria-label={t('entries')}
            rows={entries.map((e) => ({ ...e, label: `${e.year}, ${t(`sources.${e.source}`)}, ${formatRub(e.amountRub, locale)}` }))}
            rowKey={(e) => e.id}
            rowProps={(e) => ({ 'aria-current': editing?.id === e.id ? 'true' : undefined })}
            columns={[
              { header: t('year'), className: 'tabular-nums', cell: (e) => e.year },
              { header: t('source'), cell: (e) => t(`sources.${e.source}`) },
              { header: t('amount'), align: 'right', className: 'tabular-nums whitespace-nowrap', cell: (e) => formatRub(e.amountRub, locale) },
              { header: t('document'), className: 'max-w-md text-muted-foreground', cell: (e) => e.document ?? '—' },
              {
                header: <span className="sr-only">{t('edit')}</span>,
                className: 'whitespace-nowrap text-right',
                cell: (e) => (
                  <>
                    <ButtonLink size="sm" variant="ghost" href={`/p/${slug}/budget?edit=${e.id}#entry-form`} aria-label={`${t('edit')}: ${e.label}`}>
                      {t('edit')}
                    </ButtonLink>
                    <DeleteEntryButton parkId={park.id} id={e.id} label={e.label} />
                  </>
                ),
              },
            ]}
          />
        )}
      </PageSection>
    </div>
  );
}
