import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import { listParks } from '@/lib/parks/parks';

export default async function ComparePage() {
  const actor = await requireActor();
  if (!can(actor, 'report.compare')) notFound();
  const parks = await listParks(await getDb(), { actor, action: 'report.read' });
  const t = await getTranslations('compareHome');
  const ta = await getTranslations('admin');
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('subtitle')} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{ta('name')}</TableHead>
            <TableHead>{ta('region')}</TableHead>
            <TableHead>{ta('type')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {parks.map((p) => (
            <TableRow key={p.id}>
              <TableCell className="font-medium">
                <Link className="hover:underline" href={`/p/${p.slug}/reports`}>
                  {p.name}
                </Link>
              </TableCell>
              <TableCell>{p.region}</TableCell>
              <TableCell>{ta(`parkTypes.${p.type}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
