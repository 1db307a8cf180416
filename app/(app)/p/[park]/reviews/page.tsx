import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { DataTable } from '@/app/_components/ui/data-table';
import { can } from '@/lib/auth/permissions';
import { listMyAssignments } from '@/lib/council/my-assignments';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

export default async function MyReviews({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug);
  if (!can(actor, 'review.submit', park.id)) notFound();
  const items = await listMyAssignments(db, { actor, parkId: park.id });
  const t = await getTranslations('reviewsHome');
  const locale = (await getLocale()) as Locale;
  const today = todayIso(park.timeZone);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('subtitle', { park: park.name })} />
      <DataTable
        rows={items.map((a) => ({ ...a, overdue: a.status === 'assigned' && a.dueOn < today }))}
        rowKey={(a) => a.id}
        empty={t('empty')}
        columns={[
          { header: t('application'), className: 'font-medium', href: (a) => `/p/${slug}/reviews/${a.id}`, cell: (a) => a.title },
          { header: t('company'), cell: (a) => a.company },
          { header: t('due'), cell: (a) => formatDate(a.dueOn, locale), cellProps: (a) => ({ className: a.overdue ? 'font-medium text-destructive' : undefined }) },
          {
            header: t('status'),
            cell: (a) => <Badge variant={a.overdue ? 'destructive' : a.status === 'reviewed' ? 'success' : 'secondary'}>{a.overdue ? t('overdue') : t(`statuses.${a.status}`)}</Badge>,
          },
        ]}
      />
    </div>
  );
}
