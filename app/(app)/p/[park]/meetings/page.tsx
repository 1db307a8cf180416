import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { DataTable } from '@/app/_components/ui/data-table';
import { listMemberMeetings } from '@/lib/council/member-meetings';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

/** A council member's meetings: every meeting of the park's council, newest first. */
export default async function MemberMeetingsPage({ params }: { params: Promise<{ park: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'council.vote');
  const meetings = await listMemberMeetings(db, { actor, parkId: park.id });
  const t = await getTranslations('council');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <PageHeader title={t('member.title')} description={t('member.subtitle', { park: park.name })} />
      <DataTable
        rows={meetings}
        rowKey={(m) => m.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.number'), className: 'font-medium', href: (m) => `/p/${slug}/meetings/${m.id}`, cell: (m) => t('meetingTitle', { number: m.number }) },
          { header: t('member.starts'), className: 'whitespace-nowrap', cell: (m) => formatDateTime(m.startsAt, locale, park.timeZone) },
          { header: t('member.place'), cell: (m) => m.place ?? '—' },
          { header: t('columns.status'), cell: (m) => <Badge variant={m.status === 'held' ? 'success' : 'secondary'}>{t(`statuses.${m.status}`)}</Badge> },
          { header: t('columns.items'), align: 'right', className: 'tabular-nums', cell: (m) => m.items },
          { header: t('member.myVotes'), align: 'right', className: 'tabular-nums', cell: (m) => m.myVotes },
        ]}
      />
    </div>
  );
}
