import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { ReviewSummary } from '@/lib/council/reviews';
import { dateOf } from '@/lib/dates';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

/** Staff only: the scores by criterion (mean, spread), the weighted mean, and each expert's review. */
export async function ReviewSummaryView({ summary, zone, showExperts = true }: { summary: ReviewSummary; zone: string; showExperts?: boolean }) {
  const t = await getTranslations('applicationStaff.summary');
  const locale = (await getLocale()) as Locale;
  if (summary.reviews === 0) return <p className="text-sm text-muted-foreground">{t('none')}</p>;
  const name = (c: { nameEn: string; nameRu: string }) => (locale === 'ru' ? c.nameRu : c.nameEn);
  const criterionOf = new Map(summary.criteria.map((c) => [c.criterionId, c]));
  return (
    <div className="space-y-4">
      <p className="text-xs text-muted-foreground">{t('hint')}</p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('criterion')}</TableHead>
            <TableHead className="text-right">{t('weight')}</TableHead>
            <TableHead className="text-right">{t('mean')}</TableHead>
            <TableHead className="text-right">{t('spread')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.criteria.map((c) => (
            <TableRow key={c.criterionId}>
              <TableCell>{name(c)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(c.weight, locale, 0)}</TableCell>
              <TableCell className="text-right tabular-nums">{c.mean === null ? '—' : formatNumber(c.mean, locale, 2)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {c.spread === null ? '—' : c.spread}
                {c.min !== null && c.max !== null && <span className="ml-1 text-xs text-muted-foreground">({t('range', { min: c.min, max: c.max })})</span>}
                {c.divergent && (
                  <Badge variant="warning" className="ml-2">
                    {t('divergent')}
                  </Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
          <TableRow className="bg-muted/40 font-semibold">
            <TableHead scope="row" className="h-auto py-2 font-semibold text-foreground">
              {t('overall')}
            </TableHead>
            <TableCell />
            <TableCell className="text-right tabular-nums">
              {summary.overall.weightedMean === null ? '—' : formatNumber(summary.overall.weightedMean, locale, 2)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{summary.overall.spread === null ? '—' : formatNumber(summary.overall.spread, locale, 2)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {summary.overall.minTotal !== null && (
        <p className="text-sm text-muted-foreground">
          {t('totals', {
            min: formatNumber(summary.overall.minTotal, locale, 2),
            max: formatNumber(summary.overall.maxTotal, locale, 2),
            spread: formatNumber(summary.overall.spread, locale, 2),
          })}
        </p>
      )}
      {showExperts && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{t('experts')}</h3>
          {summary.experts.map((e) => (
            <details key={e.assignmentId} className="rounded-lg border px-3 py-2 text-sm">
              <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                <span className="font-medium">{e.expertName}</span>
                {e.recommendation && <Badge variant={e.recommendation === 'approve' ? 'success' : e.recommendation === 'reject' ? 'destructive' : 'warning'}>{t(`recommendations.${e.recommendation}`)}</Badge>}
                <span className="text-muted-foreground">
                  {t('total')}: {e.total === null ? '—' : formatNumber(e.total, locale, 2)} · {formatDate(e.submittedAt && dateOf(e.submittedAt, zone), locale)}
                </span>
              </summary>
              <ul className="mt-2 space-y-1">
                {e.scores.map((s) => {
                  const c = criterionOf.get(s.criterionId);
                  return (
                    <li key={s.criterionId}>
                      <span className="tabular-nums font-medium">{s.score}</span> — {c ? name(c) : ''}
                      {s.outlier && (
                        <Badge variant="warning" className="ml-2">
                          {t('outlier')}
                        </Badge>
                      )}
                      {s.comment && <span className="text-muted-foreground">: {s.comment}</span>}
                    </li>
                  );
                })}
              </ul>
              {e.comment && <p className="mt-2 whitespace-pre-line text-muted-foreground">{e.comment}</p>}
            </details>
          ))}
        </div>
      )}
    </div>
  );
}
