import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { SectionCard } from '@/app/_components/ui/section-card';
import { requireActor } from '@/app/_server/session';
import { DEFAULT_TIME_ZONE, timeZoneOptions, zoneLabel, zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { TimeZoneForm } from './time-zone-form';

/** The person's own settings: the time zone of their pages outside a park. */
export default async function AccountPage() {
  const actor = await requireActor();
  const t = await getTranslations('auth');
  const locale = (await getLocale()) as Locale;
  const zone = zoneOr(actor.timeZone);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t('accountTitle')} description={t('accountSubtitle')} />
      <SectionCard title={t('myTimeZoneCard')} description={t('myTimeZoneNow', { time: formatDateTime(new Date(), locale, zone) })}>
        <TimeZoneForm
          current={actor.timeZone ?? null}
          zones={timeZoneOptions()}
          defaultLabel={t('myTimeZoneDefault', { zone: `${DEFAULT_TIME_ZONE}, ${zoneLabel(DEFAULT_TIME_ZONE)}` })}
        />
      </SectionCard>
    </div>
  );
}
