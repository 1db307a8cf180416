import { getLocale, getTranslations } from 'next-intl/server';
import { formatNumber, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { KpiFiguresDto } from '@/lib/kpi/common';

const FIELDS = ['jobsCreated', 'headcount', 'investmentRub', 'capitalInvestmentRub', 'incomeRub', 'taxesPaidRub', 'rndSpendRub'] as const;

/** A KPI report's figures, read-only, money per the reader's locale. */
export async function KpiFigures({ figures }: { figures: KpiFiguresDto }) {
  const t = await getTranslations('kpi');
  const locale = (await getLocale()) as Locale;
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {FIELDS.map((f) => (
        <div key={f} className="flex items-baseline justify-between gap-4 border-b pb-2">
          <dt className={f === 'capitalInvestmentRub' ? 'pl-4 text-sm text-muted-foreground' : 'text-sm text-muted-foreground'}>{t(`fields.${f}`)}</dt>
          <dd className="text-right font-medium tabular-nums">{f.endsWith('Rub') ? formatRub(figures[f] as string | null, locale) : formatNumber(figures[f], locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
