import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { FilterSelect } from '@/app/_components/ui/filter';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { VersionChange } from '@/lib/applications/diff';
import type { VersionDto } from '@/lib/applications/history';
import { formatArea, formatDateTime, formatNumber, formatRub } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';

/** The two versions to compare, from the URL (`?from=1&to=2`); by default the last two. */
export function pickVersions(versions: VersionDto[], search: { from?: string; to?: string }): { from: number; to: number } | null {
  if (versions.length < 2) return null;
  const numbers = versions.map((v) => v.version);
  const last = numbers[numbers.length - 1];
  const from = Number(search.from);
  const to = Number(search.to);
  return {
    from: numbers.includes(from) ? from : numbers[numbers.length - 2],
    to: numbers.includes(to) ? to : last,
  };
}

/** Every submitted version, and what changed between the two chosen. */
export async function VersionCompare({
  versions,
  selected,
  changes,
  action,
  zone,
}: {
  versions: VersionDto[];
  zone: string;
  selected: { from: number; to: number } | null;
  changes: VersionChange[] | null;
  action: string;
}) {
  const t = await getTranslations('applications');
  const locale = (await getLocale()) as Locale;
  const versionOptions = versions.map((v) => ({ value: String(v.version), label: String(v.version) }));
  const yesNo = (v: string | null) => (v === 'true' ? t('yes') : v === 'false' ? t('no') : v);
  const show = (c: VersionChange, v: string | null) => {
    if (v === null) return <span className="text-muted-foreground">—</span>;
    if (c.field === 'wantsPremises' || c.field === 'wantsTaxIncentives') return yesNo(v);
    if (c.field.endsWith('Rub')) return formatRub(v, locale);
    if (c.field === 'plan.newJobs') return formatNumber(v, locale);
    if (c.field === 'premisesAreaM2') return formatArea(v, locale);
    if (c.field === 'services') return v.split(', ').map((s) => (t.has(`serviceNames.${s}`) ? t(`serviceNames.${s}`) : s)).join(', ');
    return <span className="whitespace-pre-line">{v}</span>;
  };
  return (
    <section aria-labelledby="versions-heading" className="space-y-3">
      <h2 id="versions-heading" className="text-base font-semibold">
        {t('versions.title')}
      </h2>
      <ul className="text-sm text-muted-foreground">
        {versions.map((v) => (
          <li key={v.version}>
            {t('versions.version', { version: v.version })} · {t('versions.submittedAt', { date: formatDateTime(v.submittedAt, locale, zone) })}
          </li>
        ))}
      </ul>
      {!selected ? (
        <p className="text-sm text-muted-foreground">{t('versions.only')}</p>
      ) : (
        <>
          <form method="get" action={action} className="flex flex-wrap items-end gap-3">
            <FilterSelect name="from" label={t('versions.from')} value={String(selected.from)} options={versionOptions} selectClassName="w-28" />
            <FilterSelect name="to" label={t('versions.to')} value={String(selected.to)} options={versionOptions} selectClassName="w-28" />
            <Button type="submit" variant="outline" size="sm">
              {t('versions.compare')}
            </Button>
          </form>
          {changes && changes.length === 0 && <p className="text-sm text-muted-foreground">{t('versions.noChanges')}</p>}
          {changes && changes.length > 0 && (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('versions.field')}</TableHead>
                  <TableHead>{t('versions.before')}</TableHead>
                  <TableHead>{t('versions.after')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {changes.map((c, i) => (
                  <TableRow key={i}>
                    <TableCell className="font-medium">{t(`fields.${c.field.replace('.', '_')}`, { year: c.year ?? '' })}</TableCell>
                    <TableCell className="max-w-xs bg-red-50/60 align-top text-sm dark:bg-red-950/20">{show(c, c.before)}</TableCell>
                    <TableCell className="max-w-xs bg-emerald-50/60 align-top text-sm dark:bg-emerald-950/20">{show(c, c.after)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
