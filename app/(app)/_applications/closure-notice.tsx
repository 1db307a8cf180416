import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import type { ClosureDto } from '@/lib/applications/closure';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

/** Why the park closed an application, by whom and when: on the staff's and the applicant's page alike. */
export async function ClosureNotice({ closure, zone }: { closure: ClosureDto; zone: string }) {
  const t = await getTranslations('closure');
  const locale = (await getLocale()) as Locale;
  return (
    <Alert data-testid="closure">
      <AlertTitle>{t('title')}</AlertTitle>
      <AlertDescription>
        <p className="font-medium">{t('outcome', { outcome: t(`outcomes.${closure.outcome}`) })}</p>
        <p className="whitespace-pre-line">{t('reason', { reason: closure.reason })}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          {closure.closedByName
            ? t('byAt', { who: closure.closedByName, at: formatDateTime(closure.closedAt, locale, zone) })
            : t('at', { at: formatDateTime(closure.closedAt, locale, zone) })}
        </p>
      </AlertDescription>
    </Alert>
  );
}
