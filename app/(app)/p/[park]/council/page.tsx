import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableEmptyRow } from '@/app/_components/ui/table';
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
        <CreateMeetingForm parkId={park.id} parkSlug={slug} nextNumber={next} today={todayIso()} />
      </SectionCard>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t('columns.number')}</TableHead>
            <TableHead>{t('columns.date')}</TableHead>
            <TableHead>{t('columns.status')}</TableHead>
            <TableHead className="text-right">{t('columns.items')}</TableHead>
            <TableHead className="text-right">{t('columns.decided')}</TableHead>
            <TableHead className="text-right">{t('columns.present')}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {meetings.length === 0 && <TableEmptyRow colSpan={7}>{t('empty')}</TableEmptyRow>}
          {meetings.map((m) => (
            <TableRow key={m.id}>
              <TableCell className="font-medium">
                <Link href={`/p/${slug}/council/${m.id}`} className="hover:underline">
                  {t('meetingTitle', { number: m.number })}
                </Link>
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(m.heldOn, locale)}</TableCell>
              <TableCell>
                <Badge variant={m.status === 'held' ? 'success' : 'secondary'}>{t(`statuses.${m.status}`)}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{m.items}</TableCell>
              <TableCell className="text-right tabular-nums">{m.decided}</TableCell>
              <TableCell className="text-right tabular-nums">{m.present}</TableCell>
              <TableCell className="text-right">
                <Link href={`/p/${slug}/council/${m.id}/minutes`} className="text-sm text-primary hover:underline">
                  {t('minutes')}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
