import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { getReviewContext, type ReviewDto } from '@/lib/council/reviews';
import { todayIso, dateOf } from '@/lib/dates';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { ApplicationView } from '../../../../_applications/application-view';
import { DeclarationForm } from './declaration-form';
import { ReviewForm } from './review-form';

export default async function ReviewPage({ params }: { params: Promise<{ park: string; assignmentId: string }> }) {
  const { park: slug, assignmentId } = await params;
  const { actor, db, park } = await parkContext(slug, 'review.submit');
  if (!isUuid(assignmentId)) notFound();
  const ctx = await orNotFound(getReviewContext(db, { actor, assignmentId, today: todayIso(park.timeZone) }));
  if (ctx.assignment.parkId !== park.id) notFound();
  const t = await getTranslations('review');
  const ts = await getTranslations('applicationStaff.summary');
  const tr = await getTranslations('reviewsHome');
  const locale = (await getLocale()) as Locale;
  const { assignment, declaration, application, criteria, review, others } = ctx;
  const nameOf = new Map(criteria.map((c) => [c.id, locale === 'ru' ? c.nameRu : c.nameEn]));
  const back = (
    <ButtonLink variant="outline" size="sm" href={`/p/${slug}/reviews`}>← {tr('title')}</ButtonLink>
  );
  const scoresOf = (r: Pick<ReviewDto, 'scores'>) => (
    <ul className="space-y-1 text-sm">
      {r.scores.map((s) => (
        <li key={s.criterionId}>
          <span className="font-semibold tabular-nums">{s.score}</span> — {nameOf.get(s.criterionId) ?? ''}
          {s.comment && <span className="text-muted-foreground">: {s.comment}</span>}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title', { title: assignment.title })}
        description={
          assignment.overdue ? (
            <span className="font-medium text-destructive">{t('overdue', { date: formatDate(assignment.dueOn, locale) })}</span>
          ) : (
            t('due', { date: formatDate(assignment.dueOn, locale) })
          )
        }
        actions={back}
      />

      {assignment.status === 'withdrawn' && <p className="rounded-lg border bg-muted/50 p-4 text-sm">{t('withdrawn')}</p>}

      {assignment.status !== 'withdrawn' && (
        <SectionCard title={t('declaration.title')} contentClassName="space-y-2 text-sm">
          {!declaration && ctx.open && assignment.status === 'assigned' && (
            <>
              <p className="text-muted-foreground">{t('declaration.intro')}</p>
              <DeclarationForm assignmentId={assignment.id} />
            </>
          )}
          {!declaration && !ctx.open && <p className="text-muted-foreground">{t('closed')}</p>}
          {declaration && !declaration.hasConflict && <p>{t('declaration.declaredNone', { date: formatDate(dateOf(declaration.declaredAt, park.timeZone), locale) })}</p>}
          {declaration?.hasConflict && (
            <>
              <p>{t('declaration.declaredConflict', { date: formatDate(dateOf(declaration.declaredAt, park.timeZone), locale), reason: declaration.reason ?? '' })}</p>
              <p className="text-muted-foreground">{t('declaration.removed')}</p>
            </>
          )}
        </SectionCard>
      )}

      {declaration && !declaration.hasConflict && application && (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <Card>
            <CardHeader>
              <CardTitle>{t('application')}</CardTitle>
              <p className="text-sm text-muted-foreground">
                {application.companyName} · {formatDate(application.submittedOn, locale)}
              </p>
            </CardHeader>
            <CardContent>
              <ApplicationView zone={park.timeZone} app={application} />
            </CardContent>
          </Card>
          <div className="space-y-6">
            <SectionCard title={t('scoring.title')}>
              {review?.status === 'submitted' ? (
                <div className="space-y-3">
                  <p className="text-sm text-muted-foreground">{t('scoring.submittedOn', { date: formatDate(review.submittedAt && dateOf(review.submittedAt, park.timeZone), locale) })}</p>
                  {scoresOf(review)}
                  {review.recommendation && <Badge variant="outline">{t(`scoring.recommendations.${review.recommendation}`)}</Badge>}
                  {review.comment && <p className="whitespace-pre-line text-sm">{review.comment}</p>}
                </div>
              ) : !ctx.open ? (
                <p className="text-sm text-muted-foreground">{t('closed')}</p>
              ) : (
                <ReviewForm
                  assignmentId={assignment.id}
                  criteria={criteria.map((c) => ({ id: c.id!, nameEn: c.nameEn, nameRu: c.nameRu, weight: c.weight }))}
                  initial={{
                    scores: criteria.map((c) => {
                      const s = review?.scores.find((x) => x.criterionId === c.id);
                      return { criterionId: c.id!, score: s ? String(s.score) : '', comment: s?.comment ?? '' };
                    }),
                    recommendation: review?.recommendation ?? '',
                    comment: review?.comment ?? '',
                  }}
                />
              )}
            </SectionCard>
            <SectionCard title={t('others.title')} contentClassName="space-y-3">
              {review?.status !== 'submitted' ? (
                <p className="text-sm text-muted-foreground">{t('others.hidden')}</p>
              ) : others.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('others.none')}</p>
              ) : (
                others.map((o) => (
                  <div key={o.expertName} className="space-y-2 rounded-lg border p-3">
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="font-medium">{o.expertName}</span>
                      {o.recommendation && <Badge variant="outline">{ts(`recommendations.${o.recommendation}`)}</Badge>}
                      {o.total && <span className="text-muted-foreground">{t('others.total', { total: formatNumber(o.total, locale, 2) })}</span>}
                    </p>
                    {scoresOf(o)}
                    {o.comment && <p className="whitespace-pre-line text-sm text-muted-foreground">{o.comment}</p>}
                  </div>
                ))
              )}
            </SectionCard>
          </div>
        </div>
      )}
    </div>
  );
}
