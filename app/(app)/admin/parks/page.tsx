import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { DEFAULT_TIME_ZONE, timeZoneOptions, zoneLabel } from '@/lib/dates';
import { listParks } from '@/lib/parks/parks';
import { CreateParkForm } from './create-park-form';
import { ParkTimeZoneForm } from './park-time-zone-form';

export default async function AdminParks() {
  const { actor, db } = await adminContext();
  const parks = await listParks(db, { actor });
  const t = await getTranslations('admin');
  const zones = timeZoneOptions();
  return (
    <div className="space-y-6">
      <PageHeader title={t('parks')} />
      <DataTable
        rows={parks}
        rowKey={(p) => p.id}
        columns={[
          {
            header: t('name'),
            className: 'font-medium',
            cell: (p) => (
              <a className="hover:underline" href={`/p/${p.slug}/reports`}>
                {p.name}
              </a>
            ),
          },
          { header: t('slug'), cell: (p) => <code>{p.slug}</code> },
          { header: t('region'), cell: (p) => p.region },
          { header: t('type'), cell: (p) => t(`parkTypes.${p.type}`) },
          { header: t('timeZone'), className: 'whitespace-nowrap', cell: (p) => `${p.timeZone} (${zoneLabel(p.timeZone)})` },
          {
            header: t('dataset'),
            cell: (p) => (
              <a className="text-primary hover:underline" href={`/p/${p.slug}/dataset`} download aria-label={t('downloadDatasetOf', { park: p.name })}>
                {t('downloadDataset')}
              </a>
            ),
          },
        ]}
      />
      {parks.length > 0 && (
        <SectionCard title={t('parkTimeZone')} className="max-w-2xl">
          <ParkTimeZoneForm parks={parks.map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone }))} zones={zones} />
        </SectionCard>
      )}
      <SectionCard title={t('createPark')} className="max-w-2xl">
        <CreateParkForm zones={zones} defaultZone={DEFAULT_TIME_ZONE} />
      </SectionCard>
    </div>
  );
}
