import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { DataTable } from '@/app/_components/ui/data-table';
import { getDb } from '@/db/client';
import { listMyApplications } from '@/lib/applications/applications';
import { requireActor } from '@/app/_server/session';
import { zoneOr } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { StatusBadge } from '../../_applications/status-badge';

export default async function MyApplicationsPage() {
  const actor = await requireActor();
  const zone = zoneOr(actor.timeZone);
  const rows = await listMyApplications(await getDb(), { actor });
  const t = await getTranslations('applications');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          <ButtonLink href="/my/applications/new">{t('new')}</ButtonLink>
        }
      />
      <DataTable
        rows={rows}
        rowKey={(a) => a.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.title'), className: 'max-w-96 font-medium', href: (a) => `/my/applications/${a.id}`, cell: (a) => a.title || t('untitled') },
          { header: t('columns.company'), cell: (a) => a.companyName },
          { header: t('columns.park'), cell: (a) => a.parkName },
          { header: t('columns.status'), cell: (a) => <StatusBadge status={a.status} /> },
          { header: t('columns.submitted'), className: 'whitespace-nowrap', cell: (a) => formatDate(a.submittedOn, locale) },
          { header: t('columns.updated'), className: 'whitespace-nowrap text-muted-foreground', cell: (a) => formatDateTime(a.updatedAt, locale, zone) },
        ]}
      />
    </div>
  );
}
