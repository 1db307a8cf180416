import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { ButtonLink } from '@/app/_components/ui/button';
import { DetailItem, DetailList } from '@/app/_components/ui/detail-list';
import { SectionCard } from '@/app/_components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getIncentive } from '@/lib/incentives/incentives';
import { IncentiveState } from '../state-badge';
import { RevokeForm } from './revoke-form';

export default async function IncentivePage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const today = todayIso(park.timeZone);
  const row = await orNotFound(getIncentive(db, { actor, parkId: park.id, today, incentiveId: id }));
  const t = await getTranslations('incentives');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}`;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={`${t(`kinds.${row.kind}`)} · ${row.companyName}`}
        description={<IncentiveState row={row} />}
        actions={
          <>
            <ButtonLink variant="ghost" size="sm" href={`${base}/incentives`}>{t('back')}</ButtonLink>
            <ButtonLink variant="outline" size="sm" href={`${base}/residents/${row.companyId}`}>{t('profile')}</ButtonLink>
          </>
        }
      />
      <SectionCard title={t('details')}>
        <DetailList>
          <DetailItem label={t('columns.company')}>{row.companyName}</DetailItem>
          <DetailItem label={t('columns.kind')}>{t(`kinds.${row.kind}`)}</DetailItem>
          <DetailItem label={t('columns.legalBasis')}>{row.legalBasis ?? '—'}</DetailItem>
          <DetailItem label={t('columns.decision')}>{row.decisionNumber ? t('decisionOf', { number: row.decisionNumber, date: formatDate(row.grantedOn, locale) }) : formatDate(row.grantedOn, locale)}</DetailItem>
          <DetailItem label={t('columns.validity')}>
            {formatDate(row.validFrom, locale)} – {row.validTo ? formatDate(row.validTo, locale) : t('openEnded')}
          </DetailItem>
          <DetailItem label={t('columns.conditions')}>{row.conditions ?? '—'}</DetailItem>
          {row.revokedOn && <DetailItem label={t('columns.revokedOn')}>{t('revokedInfo', { date: formatDate(row.revokedOn, locale), reason: row.revokeReason ?? '' })}</DetailItem>}
        </DetailList>
      </SectionCard>
      {row.status === 'active' && can(actor, 'incentive.revoke', park.id) && (
        <SectionCard title={t('revokeTitle')} description={t('revokeHint')} className="border-destructive/30">
          <RevokeForm parkId={park.id} incentiveId={row.id} today={today < row.grantedOn ? row.grantedOn : today} />
        </SectionCard>
      )}
    </div>
  );
}
