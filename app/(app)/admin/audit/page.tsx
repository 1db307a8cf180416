import { getLocale, getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { Button } from '@/app/_components/ui/button';
import { DataTable } from '@/app/_components/ui/data-table';
import { listAuditEntries } from '@/lib/admin/admin';
import { zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

const PAGE = 100;

function summarize(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const { actor, db } = await adminContext();
  const zone = zoneOr(actor.timeZone);
  const before = Number((await searchParams).before);
  const entries = await listAuditEntries(db, { actor, beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined, limit: PAGE });
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-4">
      <PageHeader title={t('auditTitle')} description={t('auditSubtitle')} />
      <DataTable
        rows={entries}
        rowKey={(e) => e.id}
        empty={t('empty')}
        columns={[
          { header: t('at'), className: 'whitespace-nowrap', cell: (e) => formatDateTime(e.at, locale, zone) },
          { header: t('actor'), cell: (e) => e.actor },
          {
            header: t('action'),
            cell: (e) => (
              <>
                <code className="text-xs">{e.action}</code>
                {e.park && <span className="ml-1 text-xs text-muted-foreground">· {e.park}</span>}
              </>
            ),
          },
          {
            header: t('entity'),
            className: 'text-xs',
            cell: (e) => (
              <>
                {e.entity}
                {e.entityId && <span className="block text-muted-foreground">{e.entityId.slice(0, 8)}</span>}
              </>
            ),
          },
          {
            header: t('change'),
            className: 'max-w-md font-mono text-xs text-muted-foreground',
            cell: (e) => (
              <>
                {e.before != null && <div>− {summarize(e.before)}</div>}
                {e.after != null && <div>+ {summarize(e.after)}</div>}
              </>
            ),
          },
        ]}
      />
      {entries.length === PAGE && (
        <Button asChild variant="outline">
          <a href={`/admin/audit?before=${entries[entries.length - 1].id}`}>{tc('next')}</a>
        </Button>
      )}
    </div>
  );
}
