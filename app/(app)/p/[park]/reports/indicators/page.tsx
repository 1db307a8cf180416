import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { ButtonLink } from '@/app/_components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { can } from '@/lib/auth/permissions';
import { listProgrammes } from '@/lib/reports/indicators';

/** The park's indicator programmes, each opening its status report. */
export default async function IndicatorProgrammesPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'report.read');
  const programmes = await listProgrammes(db, { actor, parkSlug: slug });
  const t = await getTranslations('indicatorReport');
  const base = `/p/${slug}/reports/indicators`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('listTitle')}
        description={t('listSubtitle', { park: park.name })}
        actions={
          <>
            <ButtonLink variant="outline" size="sm" href={`/p/${slug}/reports`}>{t('toSummary')}</ButtonLink>
            {can(actor, 'programme.manage', park.id) && (
              <ButtonLink variant="outline" size="sm" href={`/p/${slug}/programmes`}>{t('toDataEntry')}</ButtonLink>
            )}
          </>
        }
      />
      {programmes.length === 0 ? (
        <div className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          <p>{t('empty')}</p>
          <p className="mt-2">
            <Link href={`/p/${slug}/programmes`} className="font-medium text-primary underline underline-offset-2">
              {t('emptyAction')}
            </Link>
          </p>
        </div>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('programme')}</TableHead>
              <TableHead>{t('key')}</TableHead>
              <TableHead className="text-right">{t('indicatorCount')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {programmes.map((p) => (
              <TableRow key={p.key}>
                <TableCell className="font-medium">
                  <Link href={`${base}/${encodeURIComponent(p.key)}`} className="hover:underline">
                    {p.name}
                  </Link>
                </TableCell>
                <TableCell className="font-mono text-xs">{p.key}</TableCell>
                <TableCell className="text-right tabular-nums">{p.indicatorCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
