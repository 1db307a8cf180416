import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Card, CardContent } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { getDb } from '@/db/client';
import { requireActor } from '@/app/_server/session';
import { orNotFound } from '@/app/_server/not-found';
import { getCompany } from '@/lib/companies/companies';
import { listCompanyInvitations } from '@/lib/companies/invitations';
import { isUuid } from '@/lib/validation/uuid';
import { CompanyForm } from '../company-form';
import { RepresentativeForm } from '../representative-form';

export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const company = await orNotFound(getCompany(db, { actor, companyId: id }));
  if (!company.mine) notFound();
  const invited = await listCompanyInvitations(db, { actor, companyId: id });
  const t = await getTranslations('companies');
  return (
    <div className="space-y-6">
      <PageHeader title={company.name} description={t('editTitle')} />
      <Card>
        <CardContent className="pt-5">
          <CompanyForm
            initial={{
              companyId: company.id,
              name: company.name,
              inn: company.inn ?? '',
              ogrn: company.ogrn ?? '',
              smeCategory: company.smeCategory,
              industry: company.industry ?? '',
              manufacturing: company.manufacturing,
              contactEmail: company.contactEmail ?? '',
              contactPhone: company.contactPhone ?? '',
              address: company.address ?? '',
            }}
          />
        </CardContent>
      </Card>
      <SectionCard title={t('representatives')} description={t('representativesHint')} contentClassName="space-y-4">
        <ul className="divide-y rounded-lg border text-sm">
          {company.representatives.map((r) => (
            <li key={r.email} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <span className="font-medium">{r.name}</span>
              <span className="text-muted-foreground">{r.email}</span>
            </li>
          ))}
        </ul>
        {invited.length > 0 && (
          <div className="space-y-1 text-sm">
            <p className="text-muted-foreground">{t('invitedWaiting')}</p>
            <ul className="divide-y rounded-lg border">
              {invited.map((email) => (
                <li key={email} className="px-3 py-2 text-muted-foreground">
                  {email}
                </li>
              ))}
            </ul>
          </div>
        )}
        <RepresentativeForm companyId={company.id} />
      </SectionCard>
    </div>
  );
}
