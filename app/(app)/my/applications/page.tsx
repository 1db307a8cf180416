import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { ButtonLink } from '@/app/_components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableEmptyRow } from '@/app/_components/ui/table';
import { getDb } from '@/db/client';
import { listMyApplications } from '@/lib/applications/applications';
import { requireActor } from '@/app/_server/session';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { StatusBadge } from '../../_applications/status-badge';

export default async function MyApplicationsPage() {
  const actor = await requireActor();
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
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('columns.title')}</TableHead>
            <TableHead>{t('columns.company')}</TableHead>
            <TableHead>{t('columns.park')}</TableHead>
            <TableHead>{t('columns.status')}</TableHead>
            <TableHead>{t('columns.submitted')}</TableHead>
            <TableHead>{t('columns.updated')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && <TableEmptyRow colSpan={6}>{t('empty')}</TableEmptyRow>}
          {rows.map((a) => (
            <TableRow key={a.id}>
              <TableCell className="max-w-96 font-medium">
                <Link className="hover:underline" href={`/my/applications/${a.id}`}>
                  {a.title || t('untitled')}
                </Link>
              </TableCell>
              <TableCell>{a.companyName}</TableCell>
              <TableCell>{a.parkName}</TableCell>
              <TableCell>
                <StatusBadge status={a.status} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(a.submittedOn, locale)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.updatedAt, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
