import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { parkContext } from '@/app/_server/park-context';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatArea, formatDate, formatPct } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listExpiringIncentives } from '@/lib/incentives/incentives';
import { getParkDashboard } from '@/lib/parks/dashboard';
import { pct, toKopecks } from '@/lib/reports/money';

export default async function ParkHome({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug);
  if (!can(actor, 'application.readPark', park.id)) {
    redirect(can(actor, 'review.submit', park.id) ? `/p/${slug}/reviews` : `/p/${slug}/reports`);
  }
  const today = todayIso(park.timeZone);
  const [d, expiring] = await Promise.all([
    getParkDashboard(db, { actor, parkId: park.id, today }),
    can(actor, 'resident.read', park.id) ? listExpiringIncentives(db, { actor, parkId: park.id, today }) : Promise.resolve([]),
  ]);
  const t = await getTranslations('dashboard');
  const ti = await getTranslations('incentives');
  const locale = (await getLocale()) as Locale;
  const usePct = pct(toKopecks(d.leasedAreaM2), toKopecks(d.totalAreaM2));
  const base = `/p/${slug}`;
  return (
    <div>
      <PageHeader title={park.name} description={t('subtitle', { region: park.region })} />
      <section aria-labelledby="pipeline" className="mb-8">
        <h2 id="pipeline" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted-foreground">
          {t('pipeline')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t('awaitingScreening')} value={d.awaitingScreening} href={`${base}/applications?status=submitted`} tone={d.awaitingScreening ? 'warning' : 'default'} />
          <StatCard label={t('inReview')} value={d.inReview} href={`${base}/applications?status=in_review`} />
          <StatCard label={t('approvedNotAdmitted')} value={d.approvedNotAdmitted} href={`${base}/residents/admit`} />
          <StatCard label={t('kpiAwaitingReview')} value={d.kpiAwaitingReview} href={`${base}/kpi`} tone={d.kpiAwaitingReview ? 'warning' : 'default'} />
        </div>
      </section>
      <section aria-labelledby="residents" className="mb-8">
        <h2 id="residents" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted-foreground">
          {t('residentsToday')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t('residentsNow')} value={d.residentsNow} hint={t('residentsHint', { onSite: d.residentsOnSite, sme: d.residentsSme })} href={`${base}/residents`} />
          <StatCard label={t('areaInUse')} value={formatPct(usePct, locale)} hint={t('areaHint', { leased: formatArea(d.leasedAreaM2, locale), total: formatArea(d.totalAreaM2, locale) })} href={`${base}/premises`} />
          <StatCard label={t('incentivesExpiring')} value={d.incentivesExpiring} href={`${base}/incentives?expiring=1`} tone={d.incentivesExpiring ? 'warning' : 'default'} />
          <StatCard label={t('reports')} value={t('openReports')} href={`${base}/reports`} />
        </div>
      </section>
      <section aria-labelledby="expiring" className="mb-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="expiring" className="text-sm font-semibold uppercase tracking-wide text-muted-foreground">
            {t('expiringTitle')}
          </h2>
          {expiring.length > 0 && (
            <a href={`${base}/incentives?expiring=1`} className="text-sm text-primary hover:underline">
              {t('expiringAll')}
            </a>
          )}
        </div>
        {expiring.length === 0 ? (
          <p className="rounded-xl border bg-card p-4 text-sm text-muted-foreground">{t('expiringEmpty')}</p>
        ) : (
          <ul className="divide-y rounded-xl border bg-card">
            {expiring.slice(0, 8).map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <span className="min-w-0">
                  <a href={`${base}/incentives/${i.id}`} className="font-medium hover:underline">
                    {i.companyName}
                  </a>
                  <span className="block text-xs text-muted-foreground">{ti(`kinds.${i.kind}`)}</span>
                </span>
                <span className="flex items-center gap-2">
                  <span className="text-muted-foreground">{formatDate(i.validTo, locale)}</span>
                  <Badge variant="warning">{ti('expiresIn', { days: i.expiresInDays ?? 0 })}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
