import { getLocale, getTranslations } from 'next-intl/server';
import { ResidentProfileSections } from '@/app/(app)/p/[park]/residents/[company]/profile-sections';
import { PageHeader } from '@/app/_components/page-header';
import { Alert } from '@/app/_components/ui/alert';
import { getDb } from '@/db/client';
import { orNotFound } from '@/app/_server/not-found';
import { requireActor } from '@/app/_server/session';
import { todayIso, zoneOr } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { getResidentProfile, listRepresentedResidencyParks } from '@/lib/residents/profile';

/** A company's own, read-only view of its residency, leases and incentives in every park it was admitted to. */
export default async function MyResidencyPage({ params }: { params: Promise<{ company: string }> }) {
  const { company } = await params;
  const actor = await requireActor();
  const db = await getDb();
  const today = todayIso(zoneOr(actor.timeZone));
  const profiles = await orNotFound(async () => {
    const parks = await listRepresentedResidencyParks(db, { actor, companyId: company });
    return Promise.all(parks.map((p) => getResidentProfile(db, { actor, parkId: p.parkId, companyId: company, today })));
  });
  const t = await getTranslations('myResidency');
  const tp = await getTranslations('profile');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-8">
      <PageHeader title={t('title', { company: profiles[0].company.name })} description={t('subtitle')} />
      <Alert>{tp('readOnly')}</Alert>
      {profiles.map((p) => (
        <section key={p.park.id} aria-labelledby={`park-${p.park.id}`} className="space-y-4">
          <h2 id={`park-${p.park.id}`} className="text-xl font-semibold">
            {p.park.name}
          </h2>
          <ResidentProfileSections profile={p} locale={locale} today={today} />
        </section>
      ))}
    </div>
  );
}
