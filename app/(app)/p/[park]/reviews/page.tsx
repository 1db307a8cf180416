import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableEmptyRow } from '@/app/_components/ui/table';
import { can } from '@/lib/auth/permissions';
import { sendDueReminders } from '@/lib/council/assignments';
import { listMyAssignments } from '@/lib/council/my-assignments';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

export default async function MyReviews({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug);
  if (!can(actor, 'review.submit', park.id)) notFound();
  // Reminders of reviews due soon are sent at the latest when the expert looks at the list (also by `cli reminders`).
  await sendDueReminders(db, { expertId: actor.userId });
  const items = await listMyAssignments(db, { actor, parkId: park.id });
  const t = await getTranslations('reviewsHome');
  const locale = (await getLocale()) as Locale;
  const today = todayIso();
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('subtitle', { park: park.name })} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('application')}</TableHead>
            <TableHead>{t('company')}</TableHead>
            <TableHead>{t('due')}</TableHead>
            <TableHead>{t('status')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.length === 0 && <TableEmptyRow colSpan={4}>{t('empty')}</TableEmptyRow>}
          {items.map((a) => {
            const overdue = a.status === 'assigned' && a.dueOn < today;
            return (
              <TableRow key={a.id}>
                <TableCell className="font-medium">
                  <Link className="hover:underline" href={`/p/${slug}/reviews/${a.id}`}>
                    {a.title}
                  </Link>
                </TableCell>
                <TableCell>{a.company}</TableCell>
                <TableCell className={overdue ? 'font-medium text-destructive' : undefined}>{formatDate(a.dueOn, locale)}</TableCell>
                <TableCell>
                  <Badge variant={overdue ? 'destructive' : a.status === 'reviewed' ? 'success' : 'secondary'}>{overdue ? t('overdue') : t(`statuses.${a.status}`)}</Badge>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
