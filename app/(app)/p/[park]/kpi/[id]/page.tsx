import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiStatusBadge } from '@/app/_components/kpi-status-badge';
import { PageHeader } from '@/app/_components/page-header';
import { Thread } from '@/app/_components/thread';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Alert } from '@/app/_components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageSection } from '@/app/_components/ui/page-section';
import { SectionCard } from '@/app/_components/ui/section-card';
import { cn } from '@/app/_components/ui/cn';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { formatChange, formatDateTime, formatNumber, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { FIGURE_KEYS, sameFigures, type KpiFiguresDto } from '@/lib/kpi/common';
import type { ComparedFigures, FigureDifference } from '@/lib/kpi/comparison';
import { getKpiReportForReview } from '@/lib/kpi/review';
import { isUuid } from '@/lib/validation/uuid';
import { ReviewActions } from './review-actions';

const sameValue = (a: string | number | null, b: string | number | null) => (a === null || b === null ? a === b : Number(a) === Number(b));

export default async function KpiReportReviewPage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'kpi.review');
  if (!isUuid(id)) notFound();
  const report = await orNotFound(getKpiReportForReview(db, { actor, parkId: park.id, reportId: id }));
  const t = await getTranslations('kpi');
  const locale = (await getLocale()) as Locale;
  const period = t('periodLabel', { year: report.year, quarter: report.quarter ?? 0 });
  const show = (field: (typeof FIGURE_KEYS)[number], figures: KpiFiguresDto | ComparedFigures) =>
    field.endsWith('Rub') ? formatRub(figures[field] as string | null, locale) : formatNumber(figures[field], locale);
  const { previous, plan } = report.comparison;
  /** A difference as the reviewer reads it: the amount, and the percentage of the base under it. */
  const change = (field: (typeof FIGURE_KEYS)[number], d: FigureDifference | undefined) =>
    !d || d.absolute === null ? (
      <span className="text-muted-foreground">—</span>
    ) : (
      <>
        <span className="block">{formatChange(d.absolute, locale, field.endsWith('Rub') ? 'rub' : 'number')}</span>
        <span className="block text-xs text-muted-foreground">{d.pct === null ? '—' : formatChange(d.pct, locale, 'pct')}</span>
      </>
    );
  const planNote =
    report.quarter !== null
      ? t('compare.planYearly')
      : !plan
        ? t('compare.noPlan')
        : !plan.figures
          ? t('compare.noPlanYear', { title: plan.title, year: report.year })
          : t('compare.planFrom', { title: plan.title });

  // Columns: the report as it stands, then each submitted version (newest first) unless the newest equals it.
  const versions = report.versions;
  const currentIsLatest = versions.length > 0 && sameFigures(versions[0].figures, report.figures);
  const columns: { label: string; sub: string | null; figures: KpiFiguresDto; older: KpiFiguresDto | null }[] = [];
  if (!currentIsLatest) columns.push({ label: t('current'), sub: null, figures: report.figures, older: versions[0]?.figures ?? null });
  versions.forEach((v, i) =>
    columns.push({
      label: t('versionN', { version: v.version }),
      sub: `${formatDateTime(v.submittedAt, locale, park.timeZone)}${v.submittedByName ? ` · ${v.submittedByName}` : ''}`,
      figures: v.figures,
      older: versions[i + 1]?.figures ?? null,
    }),
  );

  return (
    <div className="max-w-5xl space-y-6">
      <Link href={`/p/${slug}/kpi`} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <PageHeader
        title={t('reviewTitle', { company: report.companyName, period })}
        description={t('reviewSubtitle', { company: report.companyName, inn: report.companyInn ?? '—', park: park.name })}
        actions={<KpiStatusBadge status={report.status} label={t(`statuses.${report.status}`)} />}
      />
      {report.status !== 'submitted' && report.reviewedAt && (
        <p className="text-sm text-muted-foreground">{t('reviewedBy', { name: report.reviewedByName ?? '—', at: formatDateTime(report.reviewedAt, locale, park.timeZone) })}</p>
      )}
      {report.status === 'returned' && report.reviewComment && (
        <Alert variant="warning" role="status">
          <p className="font-medium">{t('lastComment')}</p>
          <p className="mt-1 whitespace-pre-line">{report.reviewComment}</p>
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{versions.length > 1 ? t('versionsTitle') : t('figures')}</CardTitle>
          {versions.length > 1 && <CardDescription>{t('versionsHint')}</CardDescription>}
        </CardHeader>
        <CardContent>
          <Table aria-label={t('figures')}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-64">
                  <span className="sr-only">{t('figures')}</span>
                </TableHead>
                {columns.map((c) => (
                  <TableHead key={c.label} className="text-right align-bottom">
                    <span className="block text-foreground">{c.label}</span>
                    {c.sub && <span className="block text-xs font-normal">{c.sub}</span>}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {FIGURE_KEYS.map((field) => (
                <TableRow key={field}>
                  <TableCell className={cn('text-muted-foreground', field === 'capitalInvestmentRub' && 'pl-6')}>{t(`fields.${field}`)}</TableCell>
                  {columns.map((c) => {
                    const changed = c.older !== null && !sameValue(c.figures[field], c.older[field]);
                    return (
                      <TableCell key={c.label} className={cn('text-right tabular-nums whitespace-nowrap', changed && 'bg-amber-100 font-semibold dark:bg-amber-900/40')}>
                        {show(field, c.figures)}
                        {changed && <span className="sr-only"> ({t('changed')})</span>}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('compare.title')}</CardTitle>
          <CardDescription>{t('compare.hint')}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <Table aria-label={t('compare.title')}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-56">
                  <span className="sr-only">{t('figures')}</span>
                </TableHead>
                <TableHead className="text-right align-bottom text-foreground">{t('compare.thisReport', { period })}</TableHead>
                <TableHead className="text-right align-bottom">
                  <span className="block text-foreground">{t('compare.previous', { year: report.year - 1 })}</span>
                  <span className="block text-xs font-normal">{t('compare.accepted')}</span>
                </TableHead>
                <TableHead className="text-right align-bottom">{t('compare.difference')}</TableHead>
                <TableHead className="text-right align-bottom">
                  <span className="block text-foreground">{t('compare.plan', { year: report.year })}</span>
                  <span className="block text-xs font-normal">{t('compare.fromApplication')}</span>
                </TableHead>
                <TableHead className="text-right align-bottom">{t('compare.difference')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {FIGURE_KEYS.map((field) => (
                <TableRow key={field}>
                  <TableCell className={cn('text-muted-foreground', field === 'capitalInvestmentRub' && 'pl-6')}>{t(`fields.${field}`)}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap font-medium">{show(field, report.figures)}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">{previous ? show(field, previous.figures) : '—'}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">{change(field, previous?.differences[field])}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">{plan?.figures ? show(field, plan.figures) : '—'}</TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">{change(field, plan?.differences?.[field])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ul className="space-y-1 text-xs text-muted-foreground">
            {!previous && <li>{t('compare.noPrevious', { year: report.year - 1 })}</li>}
            <li>
              {plan ? (
                <>
                  {planNote}{' '}
                  <Link className="text-primary underline underline-offset-2" href={`/p/${slug}/applications/${plan.applicationId}`}>
                    {t('compare.openApplication')}
                  </Link>
                </>
              ) : (
                planNote
              )}
            </li>
          </ul>
        </CardContent>
      </Card>

      {report.status === 'submitted' && (
        <SectionCard title={t('review')}>
          <ReviewActions reportId={report.id} />
        </SectionCard>
      )}

      <Thread db={db} actor={actor} subject="kpiReport" subjectId={report.id} zone={park.timeZone} />

      {report.history.length > 0 && (
        <PageSection title={t('history')}>
          <ol className="space-y-3 border-l pl-4">
            {report.history.map((h, i) => (
              <li key={i} className="text-sm">
                <p>
                  <span className="font-medium">{t(`historyActions.${h.action.replace('kpi.', '')}`)}</span>
                  {h.version ? ` · ${t('versionN', { version: h.version })}` : ''}
                  {h.actorName ? ` · ${t('by', { name: h.actorName })}` : ''}
                </p>
                <p className="text-xs text-muted-foreground">{formatDateTime(h.at, locale, park.timeZone)}</p>
                {h.comment && <p className="mt-1 whitespace-pre-line rounded-md bg-muted px-3 py-2">{h.comment}</p>}
              </li>
            ))}
          </ol>
        </PageSection>
      )}
    </div>
  );
}
