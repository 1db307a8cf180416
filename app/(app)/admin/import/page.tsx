import { getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { DATASET_UPLOAD_MAX_BYTES } from '@/lib/admin/dataset-upload';
import { DATASET_LISTS } from '@/lib/dataset/import';
import { ImportForm } from './import-form';

export default async function AdminImportPage() {
  await adminContext();
  const t = await getTranslations('adminImport');
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t('title')} description={t('subtitle')} />
      <ImportForm maxBytes={DATASET_UPLOAD_MAX_BYTES} lists={[...DATASET_LISTS]} />
    </div>
  );
}
