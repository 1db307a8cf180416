import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { ButtonLink } from '@/app/_components/ui/button';
import { DataTable } from '@/app/_components/ui/data-table';
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
        <DataTable
          rows={programmes}
          rowKey={(p) => p.key}
          columns={[
            { header: t('programme'), className: 'font-medium', href: (p) => `${base}/${encodeURIComponent(p.key)}`, cell: (p) => p.name },
            { header: t('key'), className: 'font-mono text-xs', cell: (p) => p.key },
            { header: t('indicatorCount'), align: 'right', className: 'tabular-nums', cell: (p) => p.indicatorCount },
          ]}
        />
      )}
    </div>
  );
}
