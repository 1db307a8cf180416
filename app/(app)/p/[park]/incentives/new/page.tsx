import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Alert } from '@/app/_components/ui/alert';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { todayIso } from '@/lib/dates';
import { listGrantableResidencies } from '@/lib/incentives/incentives';
import { GrantForm } from './grant-form';

export default async function GrantIncentivePage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<{ residency?: string }> }) {
  const { park: slug } = await params;
  const { residency } = await searchParams;
  const { actor, db, park } = await parkContext(slug, 'incentive.grant');
  const today = todayIso(park.timeZone);
  const residencies = await listGrantableResidencies(db, { actor, parkId: park.id, today });
  const t = await getTranslations('incentives');
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={t('formTitle')}
        description={t('formSubtitle')}
        actions={
          <ButtonLink variant="ghost" size="sm" href={`/p/${slug}/incentives`}>{t('back')}</ButtonLink>
        }
      />
      {residencies.length === 0 && <Alert variant="warning">{t('noResidents')}</Alert>}
      <Card>
        <CardContent className="pt-5">
          <GrantForm
            parkId={park.id}
            slug={slug}
            today={today}
            residencies={residencies.map((r) => ({ id: r.id, label: r.companyName }))}
            residencyId={residencies.some((r) => r.id === residency) ? residency! : ''}
          />
        </CardContent>
      </Card>
    </div>
  );
}
