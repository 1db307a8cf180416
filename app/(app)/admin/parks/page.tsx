import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { listParks } from '@/lib/parks/parks';
import { CreateParkForm } from './create-park-form';

export default async function AdminParks() {
  const { actor, db } = await adminContext();
  const parks = await listParks(db, { actor });
  const t = await getTranslations('admin');
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
        ]}
      />
      <SectionCard title={t('createPark')} className="max-w-2xl">
        <CreateParkForm />
      </SectionCard>
    </div>
  );
}
