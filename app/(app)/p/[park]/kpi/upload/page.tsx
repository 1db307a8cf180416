import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Alert } from '@/app/_components/ui/alert';
import { todayIso } from '@/lib/dates';
import { KPI_UPLOAD_MAX_BYTES } from '@/lib/validation/kpi';
import { KpiUploadForm } from './kpi-upload-form';

export default async function KpiUploadPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { park } = await parkContext(slug, 'kpi.bulkUpload');
  const t = await getTranslations('kpi');
  const lastYear = Number(todayIso(park.timeZone).slice(0, 4)) - 1;
  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/p/${slug}/kpi`} className="text-sm text-muted-foreground hover:underline">
        ← {t('back')}
      </Link>
      <PageHeader title={t('uploadTitle')} description={t('uploadSubtitle')} />
      <Alert>{t('uploadSemantics')}</Alert>
      <KpiUploadForm parkId={park.id} parkSlug={slug} defaultYear={lastYear} years={Array.from({ length: 25 }, (_, i) => lastYear + 1 - i)} maxBytes={KPI_UPLOAD_MAX_BYTES} />
    </div>
  );
}
