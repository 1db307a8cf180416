import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Card, CardContent } from '@/app/_components/ui/card';
import { requireActor } from '@/app/_server/session';
import { CompanyForm } from '../company-form';

/** Only paths inside the app are followed after creating the company. */
const safeNext = (next: string | undefined) => (next && next.startsWith('/my/') && !next.startsWith('//') ? next : undefined);

export default async function NewCompanyPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await requireActor();
  const { next } = await searchParams;
  const t = await getTranslations('companies');
  return (
    <div className="space-y-4">
      <PageHeader title={t('newTitle')} description={t('newSubtitle')} />
      <Card>
        <CardContent className="pt-5">
          <CompanyForm next={safeNext(next)} />
        </CardContent>
      </Card>
    </div>
  );
}
