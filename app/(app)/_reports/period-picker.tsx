import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { FilterSelect } from '@/app/_components/ui/filter';
import { periodLabel, type Period, type Preset } from './period';

/**
 * The whole-year period of a report page, in the URL (`?from=&to=`), so a period can be bookmarked
 * and shared. A plain GET form: works without JavaScript; presets are links.
 */
export async function PeriodPicker({
  action,
  period,
  years,
  presets,
  keep = {},
}: {
  action: string;
  period: Period;
  years: number[];
  presets: Preset[];
  /** Other query parameters the page keeps when the period changes (sorting, a chosen park). */
  keep?: Record<string, string | undefined>;
}) {
  const t = await getTranslations('reports.period');
  const kept = Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1]));
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const href = (p: Period) => `${action}?${new URLSearchParams([...kept, ['from', String(p.from)], ['to', String(p.to)]]).toString()}`;
  return (
    <div className="no-print flex flex-wrap items-end gap-x-6 gap-y-3 rounded-xl border bg-card p-4">
      <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t('label')}>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FilterSelect name="from" label={t('from')} value={String(period.from)} options={yearOptions} selectClassName="w-28" />
        <FilterSelect name="to" label={t('to')} value={String(period.to)} options={yearOptions} selectClassName="w-28" />
        <Button type="submit">{t('show')}</Button>
      </form>
      <nav aria-label={t('presets')} className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">{t('presets')}:</span>
        {presets.map((p) => {
          const active = p.from === period.from && p.to === period.to;
          return (
            <Link
              key={p.key}
              href={href(p)}
              aria-current={active ? 'true' : undefined}
              className={cn(
                'rounded-full border px-3 py-1 text-xs font-medium transition-colors hover:bg-accent',
                active && 'border-primary bg-primary text-primary-foreground hover:bg-primary/90',
              )}
            >
              {t(`preset.${p.key}`, { period: periodLabel(p) })}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
