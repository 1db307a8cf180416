import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { listParks } from '@/lib/parks/parks';
import { CreateParkForm } from './create-park-form';

export default async function AdminParks() {
  const { actor, db } = await adminContext();
  const parks = await listParks(db, { actor });
  const t = await getTranslations('admin');
  return (
    <div className="space-y-6">
      <PageHeader title={t('parks')} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('name')}</TableHead>
            <TableHead>{t('slug')}</TableHead>
            <TableHead>{t('region')}</TableHead>
            <TableHead>{t('type')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {parks.map((p) => (
            <TableRow key={p.id}>
              <TableCell className="font-medium">
                <a className="hover:underline" href={`/p/${p.slug}/reports`}>
                  {p.name}
                </a>
              </TableCell>
              <TableCell>
                <code>{p.slug}</code>
              </TableCell>
              <TableCell>{p.region}</TableCell>
              <TableCell>{t(`parkTypes.${p.type}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SectionCard title={t('createPark')} className="max-w-2xl">
        <CreateParkForm />
      </SectionCard>
    </div>
  );
}
