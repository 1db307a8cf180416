import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, StatCard } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { Badge } from '@/app/_components/ui/badge';
import { Button, ButtonLink } from '@/app/_components/ui/button';
import { SectionCard } from '@/app/_components/ui/section-card';
import { cn } from '@/app/_components/ui/cn';
import { FilterField } from '@/app/_components/ui/filter';
import { Input } from '@/app/_components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { isRealDate, todayIso } from '@/lib/dates';
import { formatAmount, formatArea, formatDate, formatPct } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listLeases } from '@/lib/premises/leases';
import { getOccupancy, type UnitState } from '@/lib/premises/occupancy';
import { listBuildings } from '@/lib/premises/premises';
import { AddBuildingForm, AddUnitForm, BuildingRow } from './building-forms';

const TILE: Record<UnitState, string> = {
  leased: 'border-sky-400 bg-sky-100 dark:border-sky-700 dark:bg-sky-950',
  free: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/60',
  unavailable: 'border-dashed border-muted-foreground/30 bg-muted/60 text-muted-foreground',
};
const DOT: Record<UnitState, string> = { leased: 'bg-sky-500', free: 'bg-emerald-500', unavailable: 'bg-muted-foreground/40' };

export default async function PremisesPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<{ at?: string }> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'premises.manage');
  const today = todayIso(park.timeZone);
  const requested = (await searchParams).at;
  const at = typeof requested === 'string' && isRealDate(requested) ? requested : today;
  const [occupancy, ending, inForce, buildings] = await Promise.all([
    getOccupancy(db, { actor, parkId: park.id, at }),
    listLeases(db, { actor, parkId: park.id, endingFrom: today, days: 90 }),
    listLeases(db, { actor, parkId: park.id, at }),
    listBuildings(db, { actor, parkId: park.id }),
  ]);
  const t = await getTranslations('premises');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}`;
  const units = occupancy.buildings.flatMap((b) => b.units);
  const count = (s: UnitState) => units.filter((u) => u.state === s).length;
  const rule = occupancy.manufacturingRule;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          <ButtonLink size="sm" href={`${base}/premises/leases/new`}>{t('newLease')}</ButtonLink>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t('on')}>
        <FilterField label={t('on')}>
          <Input name="at" type="date" defaultValue={at} className="w-44" />
        </FilterField>
        <Button type="submit" size="sm" variant="outline">
          {t('show')}
        </Button>
        {at !== today && (
          <ButtonLink size="sm" variant="ghost" href={`${base}/premises`}>{t('today')}</ButtonLink>
        )}
      </form>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <StatCard
          label={`${t('areaInUse')} · ${formatDate(at, locale)}`}
          value={formatPct(occupancy.usePct, locale)}
          hint={t('areaHint', { leased: formatArea(occupancy.leasedM2, locale), available: formatArea(occupancy.availableM2, locale) })}
        />
        <StatCard label={t('units')} value={units.length} hint={t('unitsHint', { leased: count('leased'), free: count('free'), unavailable: count('unavailable') })} />
        {rule.applies ? (
          <StatCard
            label={t('ruleTitle')}
            value={
              <span className="flex flex-wrap items-center gap-2">
                {formatPct(occupancy.manufacturingSharePct, locale)}
                {rule.met === null ? (
                  <Badge variant="secondary">{t('ruleNothingLeased')}</Badge>
                ) : rule.met ? (
                  <Badge variant="success">{t('ruleMet')}</Badge>
                ) : (
                  <Badge variant="destructive">{t('ruleBelow')}</Badge>
                )}
              </span>
            }
            hint={t('ruleHint', { area: formatArea(occupancy.manufacturingLeasedM2, locale) })}
            tone={rule.met === false ? 'warning' : 'default'}
          />
        ) : (
          <StatCard label={t('ruleTitle')} value={formatPct(occupancy.manufacturingSharePct, locale)} hint={t('ruleInfo', { pct: formatPct(occupancy.manufacturingSharePct, locale) })} />
        )}
      </div>

      <div className="flex flex-wrap items-center gap-4 text-sm" aria-label={t('legend')}>
        {(['leased', 'free', 'unavailable'] as const).map((s) => (
          <span key={s} className="flex items-center gap-1.5">
            <span className={cn('size-3 rounded-sm', DOT[s])} aria-hidden />
            {t(`states.${s}`)}
          </span>
        ))}
      </div>

      {occupancy.buildings.length === 0 && <p className="text-sm text-muted-foreground">{t('noBuildings')}</p>}
      {occupancy.buildings.map((b) => (
        <section key={b.id} aria-labelledby={`building-${b.id}`} className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`building-${b.id}`} className="text-lg font-semibold">
              {b.name}
            </h2>
            <p className="text-sm text-muted-foreground">
              {t('buildingSummary', { leased: formatArea(b.leasedM2, locale), available: formatArea(b.availableM2, locale), pct: formatPct(b.usePct, locale) })}
            </p>
          </div>
          {b.units.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('noUnits')}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 2xl:grid-cols-6">
              {b.units.map((u) => (
                <li key={u.id}>
                  <Link
                    href={`${base}/premises/units/${u.id}`}
                    data-state={u.state}
                    className={cn('flex h-full flex-col gap-0.5 rounded-lg border p-2.5 text-xs transition-shadow hover:shadow-md', TILE[u.state])}
                  >
                    <span className="flex items-start justify-between gap-1">
                      <span className="truncate text-sm font-medium text-foreground" title={u.name}>
                        {u.name}
                        <span className="sr-only">,</span>
                      </span>
                      <span className={cn('mt-1 size-2 shrink-0 rounded-full', DOT[u.state])} aria-hidden />
                    </span>
                    <span className="text-muted-foreground">
                      {t(`kinds.${u.kind}`)} · {formatArea(u.areaM2, locale)}
                    </span>
                    {u.state === 'leased' && u.tenant ? (
                      <>
                        <span className="sr-only">{t('states.leased')}:</span>
                        <span className="truncate font-medium text-foreground" title={u.tenant.companyName}>
                          {u.tenant.companyName}
                        </span>
                        <span className="text-muted-foreground">{u.tenant.leaseEndOn ? t('until', { date: formatDate(u.tenant.leaseEndOn, locale) }) : t('openEnded')}</span>
                        {u.tenant.rateRubPerM2Month !== null && u.tenant.marketRateRubPerM2Month !== null && (
                          <span className="text-muted-foreground tabular-nums" data-testid="lease-rates">
                            {t('rateValue', { rate: formatAmount(u.tenant.rateRubPerM2Month, locale), market: formatAmount(u.tenant.marketRateRubPerM2Month, locale) })}
                          </span>
                        )}
                      </>
                    ) : u.state === 'unavailable' ? (
                      <span>{u.availableFrom && u.availableFrom > at ? t('availableFrom', { date: formatDate(u.availableFrom, locale) }) : t('retiredOn', { date: formatDate(u.availableTo, locale) })}</span>
                    ) : (
                      <span className="text-emerald-700 dark:text-emerald-300">{t('states.free')}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <div className="grid gap-6">
        <SectionCard title={t('endingSoon')}>
          {ending.length === 0 ? <p className="text-sm text-muted-foreground">{t('endingSoonEmpty')}</p> : <LeaseTable label={t('endingSoon')} leases={ending} base={base} period="end" />}
        </SectionCard>
        <SectionCard title={t('leasesOn', { date: formatDate(at, locale) })}>
          {inForce.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('leasesEmpty')}</p>
          ) : (
            <div className="max-h-96 overflow-y-auto">
              <LeaseTable label={t('leasesOn', { date: formatDate(at, locale) })} leases={inForce} base={base} period="whole" />
            </div>
          )}
        </SectionCard>
      </div>

      <div className="grid gap-6 xl:grid-cols-2">
        <SectionCard title={t('buildings')} contentClassName="space-y-4">
          <ul className="divide-y">
            {buildings.map((b) => (
              <BuildingRow key={b.id} parkId={park.id} id={b.id} name={b.name} units={Number(b.units)} />
            ))}
          </ul>
          <AddBuildingForm parkId={park.id} />
        </SectionCard>
        <SectionCard title={t('addUnit')} description={t('addUnitHint')}>
          <AddUnitForm parkId={park.id} buildings={buildings.map((b) => ({ id: b.id, name: b.name }))} />
        </SectionCard>
      </div>
    </div>
  );
}

/**
 * Leases, a row each: the tenant (marked when it manufactures, for the whole-period list), the unit
 * and its building, the area, then when the lease ends or its whole period.
 */
async function LeaseTable({ label, leases, base, period }: { label: string; leases: Awaited<ReturnType<typeof listLeases>>; base: string; period: 'end' | 'whole' }) {
  const t = await getTranslations('premises');
  const locale = (await getLocale()) as Locale;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>{t('tenant')}</TableHead>
          <TableHead>{t('unit')}</TableHead>
          <TableHead className="text-right">{t('area')}</TableHead>
          <TableHead className="text-right">{t('ratesShort')}</TableHead>
          <TableHead>{period === 'end' ? t('ends') : t('leasePeriodShort')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {leases.map((l) => (
          <TableRow key={l.id}>
            <TableCell>
              <Link className="hover:underline" href={`${base}/residents/${l.companyId}`}>
                {l.companyName}
              </Link>
              {period === 'whole' && l.manufacturing && <span className="block text-xs text-muted-foreground">{t('manufacturing')}</span>}
            </TableCell>
            <TableCell>
              <Link className="hover:underline" href={`${base}/premises/units/${l.premisesId}`}>
                {l.unitName}
              </Link>
              <span className="block text-xs text-muted-foreground">{l.buildingName}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatArea(l.areaM2, locale)}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">
              {l.rateRubPerM2Month !== null && l.marketRateRubPerM2Month !== null ? (
                t('rateValueShort', { rate: formatAmount(l.rateRubPerM2Month, locale), market: formatAmount(l.marketRateRubPerM2Month, locale) })
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TableCell>
            {period === 'end' ? (
              <TableCell className="whitespace-nowrap">{formatDate(l.endOn, locale)}</TableCell>
            ) : (
              <TableCell className="whitespace-nowrap text-xs">
                {formatDate(l.startOn, locale)} – {l.endOn ? formatDate(l.endOn, locale) : t('openEnded')}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
