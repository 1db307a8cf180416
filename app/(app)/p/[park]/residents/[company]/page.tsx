import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { Badge } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getResidentProfile } from '@/lib/residents/profile';
import { ExitForm } from './exit-form';
import { ResidentProfileSections } from './profile-sections';

export default async function ResidentProfilePage({ params }: { params: Promise<{ park: string; company: string }> }) {
  const { park: slug, company } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const today = todayIso(park.timeZone);
  const profile = await orNotFound(getResidentProfile(db, { actor, parkId: park.id, companyId: company, today }));
  const t = await getTranslations('profile');
  const locale = (await getLocale()) as Locale;
  const open = profile.openResidency;
  const base = `/p/${slug}`;
  // On its last day an ended residency is still in force: the resident is current until the day is over.
  const status = profile.residencies.some((r) => r.activeToday) ? (
    <Badge variant="success">{t('statusCurrent')}</Badge>
  ) : open ? (
    <Badge variant="outline">{t('statusUpcoming', { date: formatDate(open.startOn, locale) })}</Badge>
  ) : (
    <Badge variant="secondary">{t('statusFormer')}</Badge>
  );
  const canExit = open && can(actor, 'resident.exit', park.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title={profile.company.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {status}
            {profile.company.inn && <span>{t('inn')} {profile.company.inn}</span>}
          </span>
        }
        actions={
          open && (
            <>
              {open.placement === 'on_site' && can(actor, 'lease.manage', park.id) && (
                <ButtonLink variant="outline" size="sm" href={`${base}/premises/leases/new?residency=${open.id}`}>{t('leasePremises')}</ButtonLink>
              )}
              {can(actor, 'incentive.grant', park.id) && (
                <ButtonLink variant="outline" size="sm" href={`${base}/incentives/new?residency=${open.id}`}>{t('grantIncentive')}</ButtonLink>
              )}
            </>
          )
        }
      />
      <ResidentProfileSections
        profile={profile}
        locale={locale}
        today={today}
        incentiveHref={(id) => `${base}/incentives/${id}`}
        unitHref={can(actor, 'premises.manage', park.id) ? (id) => `${base}/premises/units/${id}` : undefined}
        aside={
          canExit && (
            <SectionCard title={t('exitTitle')} description={t('exitSubtitle')} className="border-destructive/30">
              <ExitForm parkId={park.id} residencyId={open.id} defaultEndOn={open.endOn && open.endOn < today ? open.endOn : today < open.startOn ? open.startOn : today} />
            </SectionCard>
          )
        }
      />
    </div>
  );
}
