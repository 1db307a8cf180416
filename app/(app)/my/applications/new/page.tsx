import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { getDb } from '@/db/client';
import { listParksOpenForApplications } from '@/lib/applications/applications';
import { requireActor } from '@/app/_server/session';
import { listMyCompanies } from '@/lib/companies/my-companies';
import { todayIso, zoneOr } from '@/lib/dates';
import { ApplicationForm } from '../application-form';

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ company?: string; park?: string; step?: string }> }) {
  const actor = await requireActor();
  const db = await getDb();
  const search = await searchParams;
  const [companies, parks] = await Promise.all([listMyCompanies(db, { actor, today: todayIso(zoneOr(actor.timeZone)) }), listParksOpenForApplications(db)]);
  const t = await getTranslations('applications');
  if (companies.length === 0) {
    return (
      <div className="space-y-4">
        <PageHeader title={t('newTitle')} />
        <Card>
          <CardContent className="flex flex-wrap items-center justify-between gap-3 pt-5 text-sm">
            <span>{t('needCompany')}</span>
            <ButtonLink href="/my/companies/new?next=/my/applications/new">{t('addCompany')}</ButtonLink>
          </CardContent>
        </Card>
      </div>
    );
  }
  const companyId = companies.find((c) => c.id === search.company)?.id ?? (companies.length === 1 ? companies[0].id : '');
  const parkId = parks.find((p) => p.slug === search.park)?.id ?? (parks.length === 1 ? parks[0].id : '');
  const step = Math.min(Math.max(Number(search.step) || 1, 1), 6) - 1;
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={t('newTitle')} />
      <ApplicationForm
        applicationId={null}
        initial={{ parkId, companyId, title: '', description: '', industry: '', wantsPremises: false, premisesAreaM2: '', wantsTaxIncentives: false, services: [], plan: [] }}
        companies={companies.map((c) => ({ id: c.id, name: c.name }))}
        parks={parks.map((p) => ({ id: p.id, name: p.name }))}
        attachments={[]}
        status="draft"
        initialStep={step}
      />
    </div>
  );
}
