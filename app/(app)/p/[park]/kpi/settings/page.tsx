import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Card, CardContent } from '@/app/_components/ui/card';
import { getKpiSettings } from '@/lib/kpi/deadlines';
import { KpiSettingsForm } from './kpi-settings-form';

export default async function KpiSettingsPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'park.update');
  const settings = await getKpiSettings(db, { actor, parkId: park.id });
  const t = await getTranslations('kpi');
  return (
    <div className="max-w-2xl space-y-6">
      <Link href={`/p/${slug}/kpi`} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <PageHeader title={t('settingsTitle')} description={t('settingsSubtitle')} />
      <Card>
        <CardContent className="pt-5">
          <KpiSettingsForm parkId={park.id} settings={settings} />
        </CardContent>
      </Card>
    </div>
  );
}
