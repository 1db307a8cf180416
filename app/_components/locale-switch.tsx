'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { locales } from '@/lib/i18n/locales';
import { setLocaleAction } from '@/app/_server/locale-actions';

/** The language choice of the signed-out pages; its icon comes from the frame (drawn on the server where the frame is). */
export function LocaleSwitch({ icon }: { icon?: React.ReactNode }) {
  const locale = useLocale();
  const t = useTranslations('common');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-muted-foreground">
      {icon}
      <span className="sr-only">{t('language')}</span>
      <select
        aria-label={t('language')}
        className="rounded-md border border-input bg-background px-2 py-1 text-sm text-foreground"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {l === 'ru' ? 'Русский' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}
