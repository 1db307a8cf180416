import { Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { getCouncilRules, getRubric } from '@/lib/council/rubric';
import { CouncilRulesForm } from './council-rules-form';
import { RubricForm } from './rubric-form';
import { ServiceTargetForm } from './service-target-form';

export default async function ParkSettingsPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  // Managers keep the council's rubric and rules here; an admin, who runs the installation but not the council, the park's own settings.
  const { actor, db, park } = await parkContext(slug, 'park.update');
  const council = can(actor, 'rubric.manage', park.id)
    ? await Promise.all([getRubric(db, { actor, parkId: park.id }), getCouncilRules(db, { actor, parkId: park.id })]).then(([rubric, rules]) => ({ rubric, rules }))
    : null;
  const t = await getTranslations('rubric');
  const ta = await getTranslations('admin');
  const ts = await getTranslations('serviceDesk');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t(council ? 'subtitle' : 'subtitleParkOnly', { park: park.name })} />
      {council && (
        <>
          <Card>
            <CardHeader>
              <CardTitle>{t('rubric')}</CardTitle>
              {!council.rubric.saved && <p className="text-sm text-amber-700 dark:text-amber-400">{t('unsaved')}</p>}
            </CardHeader>
            <CardContent>
              <RubricForm
                initial={{
                  parkId: park.id,
                  criteria: council.rubric.criteria.map((c) => ({ code: c.code, nameEn: c.nameEn, nameRu: c.nameRu, weight: c.weight, active: c.active })),
                }}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('rules')}</CardTitle>
            </CardHeader>
            <CardContent>
              <CouncilRulesForm parkId={park.id} minReviews={council.rules.minReviews} />
            </CardContent>
          </Card>
        </>
      )}
      <SectionCard title={ts('settings.title')} description={ts('settings.description')}>
        <ServiceTargetForm parkId={park.id} serviceTargetDays={park.serviceTargetDays} />
      </SectionCard>
      {can(actor, 'dataset.export', park.id) && (
        <SectionCard title={ta('datasetTitle')} description={ta('datasetHint')}>
          <Button asChild variant="outline">
            <a href={`/p/${slug}/dataset`} download>
              <Download aria-hidden />
              {ta('downloadDataset')}
            </a>
          </Button>
        </SectionCard>
      )}
    </div>
  );
}
