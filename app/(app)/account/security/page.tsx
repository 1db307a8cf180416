import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { SecondFactorManage, SecondFactorSetup } from '@/app/_components/second-factor';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import { requireActor } from '@/app/_server/session';
import { getDb } from '@/db/client';
import { zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getSecondFactorStatus, startTotpEnrolment } from '@/lib/users/second-factor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('securityTitle') };
}

/** The person's sign-in security: two-factor sign-in on or off, its recovery codes. */
export default async function AccountSecurityPage() {
  const actor = await requireActor();
  const [t, locale, status] = await Promise.all([getTranslations('account'), getLocale(), getSecondFactorStatus(await getDb(), { actor })]);
  const enrolment = status.enabled ? null : await startTotpEnrolment({ actor });
  return (
    <div className="space-y-6">
      <PageHeader title={t('securityTitle')} description={actor.email} />
      <SectionCard
        title={t('twoFactorTitle')}
        description={t('twoFactorHint')}
        actions={status.enabled ? <Badge variant="success">{t('on')}</Badge> : <Badge variant="secondary">{t('off')}</Badge>}
        className="max-w-2xl"
      >
        {status.enabled ? (
          <div className="space-y-4">
            <p className="text-sm">
              {t('onSince', { when: formatDateTime(status.enabledAt!, locale as Locale, zoneOr(actor.timeZone)) })} {t('codesLeft', { count: status.recoveryCodesLeft })}
            </p>
            {status.required ? <p className="text-sm text-muted-foreground">{t('requiredForRole')}</p> : null}
            <SecondFactorManage canDisable={!status.required} />
          </div>
        ) : (
          <SecondFactorSetup enrolment={{ enrolment: enrolment!.enrolment, qrSvg: enrolment!.qrSvg, secret: enrolment!.secret }} continueHref="/account/security" />
        )}
      </SectionCard>
    </div>
  );
}
