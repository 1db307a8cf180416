import { getLocale, getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { Button } from '@/app/_components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableEmptyRow } from '@/app/_components/ui/table';
import { listAuditEntries } from '@/lib/admin/admin';
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
  const before = Number((await searchParams).before);
  const entries = await listAuditEntries(db, { actor, beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined, limit: PAGE });
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-4">
      <PageHeader title={t('auditTitle')} description={t('auditSubtitle')} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('at')}</TableHead>
            <TableHead>{t('actor')}</TableHead>
            <TableHead>{t('action')}</TableHead>
            <TableHead>{t('entity')}</TableHead>
            <TableHead>{t('change')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.length === 0 && <TableEmptyRow colSpan={5}>{t('empty')}</TableEmptyRow>}
          {entries.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="whitespace-nowrap">{formatDateTime(e.at, locale)}</TableCell>
              <TableCell>{e.actor}</TableCell>
              <TableCell>
                <code className="text-xs">{e.action}</code>
                {e.park && <span className="ml-1 text-xs text-muted-foreground">· {e.park}</span>}
              </TableCell>
              <TableCell className="text-xs">
                {e.entity}
                {e.entityId && <span className="block text-muted-foreground">{e.entityId.slice(0, 8)}</span>}
              </TableCell>
              <TableCell className="max-w-md font-mono text-xs text-muted-foreground">
                {e.before != null && <div>− {summarize(e.before)}</div>}
                {e.after != null && <div>+ {summarize(e.after)}</div>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {entries.length === PAGE && (
        <Button asChild variant="outline">
          <a href={`/admin/audit?before=${entries[entries.length - 1].id}`}>{tc('next')}</a>
        </Button>
      )}
    </div>
  );
}
