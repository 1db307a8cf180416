import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { DataTable } from '@/app/_components/ui/data-table';
import { SectionCard } from '@/app/_components/ui/section-card';
import { parkContext } from '@/app/_server/park-context';
import { formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { can } from '@/lib/auth/permissions';
import { SERVICE_IMPORT_MAX_BYTES } from '@/lib/services/bulk-import';
import { listServices } from '@/lib/services/catalogue';
import { DeactivateServiceButton, ServiceForm } from './service-forms';
import { ServiceImportForm } from './import-form';

export default async function ServiceCataloguePage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'service.manage');
  const services = await listServices(db, { actor, parkId: park.id });
  const t = await getTranslations('serviceDesk');
  const locale = (await getLocale()) as Locale;

  return (
    <div className="max-w-6xl space-y-6">
      <Link href={`/p/${slug}/services`} className="text-sm text-muted-foreground hover:underline">
        ← {t('desk.back')}
      </Link>
      <PageHeader title={t('catalogue.title')} description={t('catalogue.subtitle', { park: park.name })} />
      <DataTable
        aria-label={t('catalogue.title')}
        rows={services}
        rowKey={(s) => s.id}
        empty={t('catalogue.empty')}
        columns={[
          { header: t('fields.service'), rowHeader: true, className: 'min-w-56', cell: (s) => s.name },
          { header: t('fields.kind'), cell: (s) => t(`kinds.${s.kind}`) },
          { header: t('fields.unit'), cell: (s) => t(`units.${s.unit}`) },
          { header: t('fields.marketPrice'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (s) => formatRub(s.marketPriceRub, locale) },
          { header: t('fields.residentPrice'), align: 'right', className: 'whitespace-nowrap tabular-nums', cell: (s) => formatRub(s.residentPriceRub, locale) },
          { header: t('fields.active'), cell: (s) => (s.active ? <Badge variant="success">{t('catalogue.active')}</Badge> : <Badge variant="secondary">{t('catalogue.inactive')}</Badge>) },
          {
            header: <span className="sr-only">{t('catalogue.actions')}</span>,
            className: 'min-w-64',
            cell: (s) => (
              <div className="flex flex-wrap items-start gap-2">
                <details className="group w-full">
                  <summary className="cursor-pointer text-sm font-medium text-primary hover:underline">{t('catalogue.edit')}</summary>
                  <div className="mt-3 rounded-md border p-3">
                    <ServiceForm parkId={park.id} service={s} />
                  </div>
                </details>
                {s.active && <DeactivateServiceButton parkId={park.id} serviceId={s.id} name={s.name} />}
              </div>
            ),
          },
        ]}
      />
      <SectionCard title={t('catalogue.add')}>
        <ServiceForm parkId={park.id} />
      </SectionCard>
      {can(actor, 'serviceRequest.handle', park.id) && (
        <SectionCard title={t('import.title')} description={t('import.description')}>
          <ServiceImportForm parkId={park.id} parkSlug={slug} maxBytes={SERVICE_IMPORT_MAX_BYTES} />
        </SectionCard>
      )}
    </div>
  );
}
