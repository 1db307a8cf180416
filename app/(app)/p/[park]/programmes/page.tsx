import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { can } from '@/lib/auth/permissions';
import { listParkProgrammes } from '@/lib/programmes/programmes';
import { CreateProgrammeForm } from './create-programme-form';

export default async function ProgrammesPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'report.read');
  const programmes = await listParkProgrammes(db, { actor, parkId: park.id });
  const t = await getTranslations('programmes');
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t('title')} description={t('subtitle')} />
      {programmes.length === 0 ? (
        <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <DataTable
          aria-label={t('title')}
          rows={programmes}
          rowKey={(p) => p.id}
          columns={[
            { header: t('name'), className: 'font-medium text-primary', href: (p) => `/p/${slug}/programmes/${p.key}`, cell: (p) => p.name },
            { header: t('key'), cell: (p) => <code className="text-xs">{p.key}</code> },
            { header: t('indicators'), align: 'right', className: 'tabular-nums', cell: (p) => p.indicatorCount },
          ]}
        />
      )}
      {can(actor, 'programme.manage', park.id) && (
        <SectionCard title={t('createTitle')}>
          <CreateProgrammeForm parkId={park.id} parkSlug={slug} />
        </SectionCard>
      )}
    </div>
  );
}
