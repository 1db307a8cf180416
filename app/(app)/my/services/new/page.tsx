import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { SectionCard } from '@/app/_components/ui/section-card';
import { requireActor } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { listRequestableServices } from '@/lib/services/catalogue';
import { RequestServiceForm } from './request-form';

export default async function NewServiceRequestPage() {
  const actor = await requireActor();
  const parks = await listRequestableServices(await getDb(), { actor });
  const t = await getTranslations('serviceDesk');
  // The form needs only names, units and prices: what the person chooses between.
  const choices = parks.map((p) => ({
    parkId: p.parkId,
    parkName: p.parkName,
    companies: p.companies,
    services: p.services.map((s) => ({ id: s.id, name: s.name, unit: s.unit, residentPriceRub: s.residentPriceRub, marketPriceRub: s.marketPriceRub })),
  }));
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/my/services" className="text-sm text-muted-foreground hover:underline">
        ← {t('my.back')}
      </Link>
      <PageHeader title={t('my.newTitle')} description={t('my.newSubtitle')} />
      {choices.length === 0 ? (
        <EmptyState>{t('my.notResident')}</EmptyState>
      ) : (
        <SectionCard title={t('request.details')}>
          <RequestServiceForm parks={choices} />
        </SectionCard>
      )}
    </div>
  );
}
