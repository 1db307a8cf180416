import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { todayIso } from '@/lib/dates';
import { formatArea, formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listClosedApprovals } from '@/lib/applications/closure';
import { getAdmittableApplication, listAdmittableApplications } from '@/lib/residents/residents';
import { AdmitForm } from './admit-form';

export default async function AdmitPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<{ application?: string; view?: string }> }) {
  const { park: slug } = await params;
  const { application, view } = await searchParams;
  const { actor, db, park } = await parkContext(slug, 'resident.admit');
  const today = todayIso(park.timeZone);
  const t = await getTranslations('admission');
  const tr = await getTranslations('residents');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}/residents/admit`;

  if (typeof application === 'string') {
    const app = await orNotFound(getAdmittableApplication(db, { actor, parkId: park.id, today, applicationId: application }));
    return (
      <div className="max-w-3xl space-y-6">
        <PageHeader
          title={t('formTitle', { company: app.companyName })}
          description={t('formSubtitle', { project: app.title, date: formatDate(app.approvedOn, locale) })}
          actions={
            <ButtonLink variant="ghost" size="sm" href={base}>{t('back')}</ButtonLink>
          }
        />
        {app.currentResident && <Alert variant="warning">{t('currentWarning', { date: app.currentResidencyEndOn ? formatDate(app.currentResidencyEndOn, locale) : tr('openEnded') })}</Alert>}
        <SectionCard title={t('title')}>
          <AdmitForm parkId={park.id} slug={slug} applicationId={app.applicationId} today={today} wantsPremises={app.wantsPremises} />
        </SectionCard>
      </div>
    );
  }

  const tc = await getTranslations('closure');
  const views = (
    <nav aria-label={t('views')} className="flex flex-wrap gap-2">
      <ButtonLink size="sm" variant={view === 'closed' ? 'ghost' : 'secondary'} href={base} aria-current={view === 'closed' ? undefined : 'page'}>
        {t('viewLive')}
      </ButtonLink>
      <ButtonLink size="sm" variant={view === 'closed' ? 'secondary' : 'ghost'} href={`${base}?view=closed`} aria-current={view === 'closed' ? 'page' : undefined}>
        {t('viewClosed')}
      </ButtonLink>
    </nav>
  );

  if (view === 'closed') {
    const closed = await listClosedApprovals(db, { actor, parkId: park.id });
    return (
      <div className="space-y-6">
        <PageHeader title={t('title')} description={t('closedSubtitle')} />
        {views}
        <DataTable
          rows={closed}
          rowKey={(r) => r.applicationId}
          empty={t('closedEmpty')}
          columns={[
            {
              header: t('company'),
              className: 'min-w-56',
              cell: (r) => (
                <>
                  <span className="font-medium">{r.companyName}</span>
                  {r.inn && <span className="block text-xs text-muted-foreground">{r.inn}</span>}
                </>
              ),
            },
            { header: t('project'), className: 'max-w-md', href: (r) => `/p/${slug}/applications/${r.applicationId}`, cell: (r) => r.title },
            { header: t('outcome'), className: 'whitespace-nowrap', cell: (r) => <Badge variant="secondary">{tc(`outcomes.${r.outcome}`)}</Badge> },
            { header: t('reason'), className: 'min-w-56 max-w-md whitespace-pre-line text-sm', cell: (r) => r.reason },
            {
              header: t('closedBy'),
              className: 'whitespace-nowrap text-sm',
              cell: (r) => (
                <>
                  {r.closedByName ?? '—'}
                  <span className="block text-xs text-muted-foreground">{formatDateTime(r.closedAt, locale, park.timeZone)}</span>
                </>
              ),
            },
          ]}
        />
      </div>
    );
  }

  const rows = await listAdmittableApplications(db, { actor, parkId: park.id, today });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('subtitle')} />
      {views}
      <DataTable
        rows={rows}
        rowKey={(r) => r.applicationId}
        empty={t('empty')}
        columns={[
          {
            header: t('company'),
            className: 'min-w-56',
            cell: (r) => (
              <>
                <span className="font-medium">{r.companyName}</span>
                <span className="block text-xs text-muted-foreground">
                  {[r.inn, tr(`sme.${r.smeCategory}`), r.industry].filter(Boolean).join(' · ')}
                </span>
                {r.currentResident && (
                  <Badge variant="secondary" className="mt-1">
                    {r.currentResidencyEndOn ? t('alreadyResidentUntil', { date: formatDate(r.currentResidencyEndOn, locale) }) : t('alreadyResident')}
                  </Badge>
                )}
              </>
            ),
          },
          { header: t('project'), className: 'max-w-md', cell: (r) => r.title },
          { header: t('approvedOn'), className: 'whitespace-nowrap', cell: (r) => formatDate(r.approvedOn, locale) },
          {
            header: t('asked'),
            className: 'whitespace-nowrap text-sm',
            cell: (r) => (r.wantsPremises ? t('askedPremises', { area: formatArea(r.premisesAreaM2, locale) }) : t('askedNoPremises')),
          },
          {
            header: null,
            className: 'text-right',
            cell: (r) => (
              <span className="inline-flex flex-wrap justify-end gap-2">
                <Button asChild size="sm" variant={r.currentResident ? 'outline' : 'default'}>
                  <Link href={`${base}?application=${r.applicationId}`} aria-label={`${t('admit')}: ${r.companyName}`}>
                    {t('admit')}
                  </Link>
                </Button>
                <Button asChild size="sm" variant="ghost">
                  <Link href={`/p/${slug}/applications/${r.applicationId}#close`} aria-label={`${t('close')}: ${r.companyName}`}>
                    {t('close')}
                  </Link>
                </Button>
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
