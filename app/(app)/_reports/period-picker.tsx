import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { NativeSelect } from '@/app/_components/ui/input';
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
  const href = (p: Period) => `${action}?${new URLSearchParams([...kept, ['from', String(p.from)], ['to', String(p.to)]]).toString()}`;
  return (
    <div className="no-print flex flex-wrap items-end gap-x-6 gap-y-3 rounded-xl border bg-card p-4">
      <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t('label')}>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="space-y-1 text-sm">
          <span className="block text-muted-foreground">{t('from')}</span>
          <NativeSelect name="from" defaultValue={String(period.from)} className="w-28">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-muted-foreground">{t('to')}</span>
          <NativeSelect name="to" defaultValue={String(period.to)} className="w-28">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </NativeSelect>
        </label>
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
