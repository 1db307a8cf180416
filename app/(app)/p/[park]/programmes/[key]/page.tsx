import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { routeSegment } from '@/app/_server/search-params';
import { orNotFound } from '@/app/_server/not-found';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { getProgrammeGrid } from '@/lib/programmes/programmes';
import { AddIndicatorForm } from './add-indicator-form';
import { ProgrammeGrid } from './programme-grid';

export default async function ProgrammePage({ params }: { params: Promise<{ park: string; key: string }> }) {
  const { park: slug, key } = await params;
  const { actor, db, park } = await parkContext(slug, 'report.read');
  const grid = await orNotFound(getProgrammeGrid(db, { actor, parkId: park.id, key: routeSegment(key) }));
  const t = await getTranslations('programmes');
  const canEdit = can(actor, 'programme.manage', park.id);
  const rows = grid.indicators.map((i) => ({
    id: i.id,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    values: i.values,
    status: i.status,
    requiredGrowthPct: i.requiredGrowthPct,
    growthSoFarPct: i.growthSoFarPct,
  }));
  // The grid keeps its own state while typing; a saved change re-mounts it with the stored values.
  const version = JSON.stringify([grid.years, rows.map((r) => r.values)]);
  return (
    <div className="space-y-6">
      <Link href={`/p/${slug}/programmes`} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <PageHeader title={grid.name} description={canEdit ? t('gridHelp') : undefined} />
      {rows.length === 0 ? (
        <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t('noIndicators')}</p>
      ) : (
        <ProgrammeGrid key={version} parkId={park.id} programmeId={grid.id} years={grid.years} rows={rows} canEdit={canEdit} />
      )}
      {canEdit && (
        <SectionCard title={t('addIndicator')}>
          <AddIndicatorForm parkId={park.id} programmeId={grid.id} />
        </SectionCard>
      )}
    </div>
  );
}
