import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import { DataTable } from '@/app/_components/ui/data-table';
import { listMeetings, nextMeetingNumber } from '@/lib/council/meetings';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { CreateMeetingForm } from './create-meeting-form';

export default async function CouncilPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'council.meet');
  const [meetings, next] = await Promise.all([listMeetings(db, { actor, parkId: park.id }), nextMeetingNumber(db, { actor, parkId: park.id })]);
  const t = await getTranslations('council');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('subtitle', { park: park.name })} />
      <SectionCard title={t('create.title')}>
        <CreateMeetingForm parkId={park.id} parkSlug={slug} nextNumber={next} today={todayIso(park.timeZone)} />
      </SectionCard>
      <DataTable
        rows={meetings}
        rowKey={(m) => m.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.number'), className: 'font-medium', href: (m) => `/p/${slug}/council/${m.id}`, cell: (m) => t('meetingTitle', { number: m.number }) },
          { header: t('columns.date'), className: 'whitespace-nowrap', cell: (m) => formatDate(m.heldOn, locale) },
          { header: t('columns.status'), cell: (m) => <Badge variant={m.status === 'held' ? 'success' : 'secondary'}>{t(`statuses.${m.status}`)}</Badge> },
          { header: t('columns.items'), align: 'right', className: 'tabular-nums', cell: (m) => m.items },
          { header: t('columns.decided'), align: 'right', className: 'tabular-nums', cell: (m) => m.decided },
          { header: t('columns.present'), align: 'right', className: 'tabular-nums', cell: (m) => m.present },
          {
            header: null,
            className: 'text-right',
            cell: (m) => (
              <Link href={`/p/${slug}/council/${m.id}/minutes`} className="text-sm text-primary hover:underline">
                {t('minutes')}
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
