'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FundingSource } from '@/db/schema/values';

/*
 * The report charts. They receive plain, already scaled numbers from the server page (money in the
 * unit the page chose, e.g. bn RUB) and only draw them; colours are the theme's --chart-1..5, so
 * light and dark both read. Animations are off: a chart printed or captured right after loading is
 * complete.
 */

const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];
const AXIS = { tick: { fill: 'var(--muted-foreground)', fontSize: 12 }, stroke: 'var(--border)', tickLine: false } as const;
const GRID = { stroke: 'var(--border)', strokeDasharray: '3 3' } as const;
const TOOLTIP = {
  contentStyle: {
    background: 'var(--popover)',
    border: '1px solid var(--border)',
    borderRadius: 8,
    color: 'var(--popover-foreground)',
    fontSize: 12,
  },
  labelStyle: { color: 'var(--popover-foreground)', fontWeight: 600 },
  itemStyle: { color: 'var(--popover-foreground)' },
  cursor: { fill: 'var(--muted)', opacity: 0.5 },
} as const;
const LEGEND = { wrapperStyle: { fontSize: 12, color: 'var(--muted-foreground)' } } as const;
const SIZE = (height: number) => ({ width: '100%', height });

/**
 * Axis ticks from 0 in steps of 1, 2, 2.5 or 5 times a power of ten, so a money axis reads
 * 0, 1, 2, 3, 4 rather than recharts' 0, 0.85, 1.7, 2.55, 3.4.
 */
function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const axisTicks = (max: number) => {
  const ticks = niceTicks(max);
  return { ticks, domain: [0, ticks.at(-1)!] as [number, number] };
};

/** Nice ticks around values that need not start at zero (an indicator at 100.6–103.1). */
function rangeTicks(values: number[], count = 5): { ticks: number[]; domain: [number, number] } {
  if (values.length === 0) return { ticks: [0, 1], domain: [0, 1] };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  const rough = span / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const n = Math.max(1, Math.round((hi - lo) / step));
  const ticks = Array.from({ length: n + 1 }, (_, i) => Number((lo + i * step).toPrecision(12)));
  return { ticks, domain: [ticks[0], ticks.at(-1)!] };
}

function useNumber(digits = 1) {
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits });
  return (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? nf.format(value) : String(value ?? '—'));
}

// ------------------------------------------------------------------ summary

export type FunnelDatum = { label: string; count: number };

/** The application funnel as horizontal bars, the count at each bar's end. */
export function FunnelChart({ steps }: { steps: FunnelDatum[] }) {
  const t = useTranslations('reports.charts');
  const num = useNumber(0);
  return (
    <BarChart responsive style={SIZE(240)} data={steps} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
      <CartesianGrid {...GRID} horizontal={false} />
      <XAxis type="number" {...AXIS} tickFormatter={num} allowDecimals={false} />
      <YAxis type="category" dataKey="label" {...AXIS} width={150} />
      <Tooltip {...TOOLTIP} formatter={(v) => [num(v), t('applications')]} />
      <Bar dataKey="count" name={t('applications')} fill={COLORS[0]} radius={[0, 4, 4, 0]} isAnimationActive={false}>
        <LabelList dataKey="count" position="right" fill="var(--foreground)" fontSize={12} formatter={num} />
      </Bar>
    </BarChart>
  );
}

export type KpiDatum = { year: number; investment: number; capitalInvestment: number; income: number; taxes: number; jobs: number };

/** Money by year as lines on the left axis (in `unit`), new jobs as bars on the right. */
export function KpiDynamicsChart({ years, unit }: { years: KpiDatum[]; unit: string }) {
  const t = useTranslations('reports.charts');
  const num = useNumber(2);
  const count = useNumber(0);
  const money = [
    { key: 'investment', color: COLORS[0] },
    { key: 'capitalInvestment', color: COLORS[4] },
    { key: 'income', color: COLORS[1] },
    { key: 'taxes', color: COLORS[3] },
  ] as const;
  const moneyAxis = axisTicks(Math.max(0, ...years.flatMap((y) => money.map((m) => y[m.key]))));
  return (
    <ComposedChart responsive style={SIZE(300)} data={years} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="year" {...AXIS} />
      <YAxis yAxisId="money" {...AXIS} {...moneyAxis} tickFormatter={num} width={56} label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--muted-foreground)', fontSize: 11, dy: 40 }} />
      <YAxis yAxisId="jobs" orientation="right" {...AXIS} tickFormatter={count} allowDecimals={false} width={48} />
      <Tooltip {...TOOLTIP} formatter={(v, _name, item) => (item.dataKey === 'jobs' ? count(v) : `${num(v)} ${unit}`)} />
      <Legend {...LEGEND} />
      <Bar yAxisId="jobs" dataKey="jobs" name={t('jobs')} fill={COLORS[2]} opacity={0.55} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      {money.map((s) => (
        <Line key={s.key} yAxisId="money" type="monotone" dataKey={s.key} name={t(s.key)} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      ))}
    </ComposedChart>
  );
}

export type OccupancyDatum = { month: string; usePct: number; manufacturingSharePct?: number };

/** Area in use at each month's end, percent; for an industrial park the manufacturing share against the 50% rule. */
export function OccupancyChart({ months, manufacturing }: { months: OccupancyDatum[]; manufacturing: boolean }) {
  const t = useTranslations('reports.charts');
  const num = useNumber(1);
  return (
    <LineChart responsive style={SIZE(260)} data={months} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="month" {...AXIS} minTickGap={24} />
      <YAxis {...AXIS} domain={[0, 100]} tickFormatter={(v) => `${v}%`} width={48} />
      <Tooltip {...TOOLTIP} formatter={(v) => `${num(v)}%`} />
      <Legend {...LEGEND} />
      <Line type="stepAfter" dataKey="usePct" name={t('areaInUse')} stroke={COLORS[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
      {manufacturing && (
        <>
          <Line type="stepAfter" dataKey="manufacturingSharePct" name={t('manufacturingShare')} stroke={COLORS[3]} strokeWidth={2} dot={false} isAnimationActive={false} />
          <ReferenceLine y={50} stroke={COLORS[3]} strokeDasharray="4 4" label={{ value: t('rule50'), position: 'insideTopRight', fill: 'var(--muted-foreground)', fontSize: 11 }} />
        </>
      )}
    </LineChart>
  );
}

export type FundingDatum = { year: number } & Partial<Record<FundingSource, number>>;
export type StackedDatum = { year: number } & Partial<Record<string, number>>;

/** Budget funding by year, stacked by source (in `unit`). */
export function FundingChart({ years, sources, unit }: { years: FundingDatum[]; sources: { key: string; label: string }[]; unit: string }) {
  return <StackedByYearChart years={years} series={sources} unit={unit} stackId="funding" />;
}

/** Resident support by year, stacked by kind: rent and each kind of service (in `unit`). */
export function SupportChart({ years, kinds, unit }: { years: StackedDatum[]; kinds: { key: string; label: string; colorIndex?: number }[]; unit: string }) {
  return <StackedByYearChart years={years} series={kinds} unit={unit} stackId="support" />;
}

/** Up to eleven series (the support kinds): the theme's five colours, then five more that read in both themes. */
const STACK_COLORS = [...COLORS, '#0ea5e9', '#a855f7', '#f97316', '#14b8a6', '#e11d48', '#84cc16'];

function StackedByYearChart({ years, series, unit, stackId }: { years: StackedDatum[]; series: { key: string; label: string; colorIndex?: number }[]; unit: string; stackId: string }) {
  const num = useNumber(1);
  const axis = axisTicks(Math.max(0, ...years.map((y) => series.reduce((sum, s) => sum + (y[s.key] ?? 0), 0))));
  return (
    <BarChart responsive style={SIZE(260)} data={years} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="year" {...AXIS} />
      <YAxis {...AXIS} {...axis} tickFormatter={num} width={56} label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--muted-foreground)', fontSize: 11, dy: 40 }} />
      <Tooltip {...TOOLTIP} formatter={(v) => `${num(v)} ${unit}`} />
      <Legend {...LEGEND} />
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stackId} fill={STACK_COLORS[(s.colorIndex ?? i) % STACK_COLORS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

export type PaybackDatum = { year: number; taxes: number; budget: number };

/** Residents' cumulative taxes against cumulative budget funding, the payback year marked. */
export function PaybackChart({ years, paybackYear, unit }: { years: PaybackDatum[]; paybackYear: number | null; unit: string }) {
  const t = useTranslations('reports.charts');
  const num = useNumber(2);
  const axis = axisTicks(Math.max(0, ...years.flatMap((y) => [y.taxes, y.budget])));
  return (
    <LineChart responsive style={SIZE(260)} data={years} margin={{ top: 16, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="year" {...AXIS} />
      <YAxis {...AXIS} {...axis} tickFormatter={num} width={56} label={{ value: unit, angle: -90, position: 'insideLeft', fill: 'var(--muted-foreground)', fontSize: 11, dy: 40 }} />
      <Tooltip {...TOOLTIP} formatter={(v) => `${num(v)} ${unit}`} />
      <Legend {...LEGEND} />
      {paybackYear !== null && (
        <ReferenceLine
          x={paybackYear}
          stroke="var(--foreground)"
          strokeDasharray="4 4"
          label={{ value: t('paybackAt', { year: paybackYear }), position: 'insideTopLeft', fill: 'var(--foreground)', fontSize: 12 }}
        />
      )}
      <Line type="monotone" dataKey="taxes" name={t('cumulativeTaxes')} stroke={COLORS[1]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      <Line type="monotone" dataKey="budget" name={t('cumulativeBudget')} stroke={COLORS[0]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
    </LineChart>
  );
}

// ------------------------------------------------------------------ indicators

export type IndicatorDatum = { year: number; actual?: number; target?: number };

/** An indicator's actual values by year and its targets, the latest target marked by a line. */
export function IndicatorChart({ points, target, unit }: { points: IndicatorDatum[]; target: { year: number; value: number } | null; unit: string }) {
  const t = useTranslations('reports.charts');
  const num = useNumber(2);
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => typeof v === 'number');
  const axis = rangeTicks(target ? [...values, target.value] : values);
  return (
    <LineChart responsive style={SIZE(180)} data={points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="year" {...AXIS} type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickCount={Math.min(points.length, 8)} />
      <YAxis {...AXIS} {...axis} tickFormatter={num} width={48} />
      <Tooltip {...TOOLTIP} formatter={(v) => `${num(v)} ${unit}`} />
      {target && (
        <ReferenceLine
          y={target.value}
          stroke={COLORS[3]}
          strokeDasharray="4 4"
          label={{ value: t('targetLine', { year: target.year, value: num(target.value) }), position: 'insideTopRight', fill: 'var(--muted-foreground)', fontSize: 11 }}
        />
      )}
      <Line type="linear" dataKey="actual" name={t('actual')} stroke={COLORS[0]} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      <Line type="linear" dataKey="target" name={t('target')} stroke={COLORS[3]} strokeWidth={0} dot={{ r: 5, fill: COLORS[3] }} isAnimationActive={false} />
    </LineChart>
  );
}

// ------------------------------------------------------------------ across parks

export type ParksByYearDatum = { year: number; founded: number; closed: number; operating: number };

/** Parks operating at each year's end (bars) and those founded or closed in the year. */
export function ParksByYearChart({ years }: { years: ParksByYearDatum[] }) {
  const t = useTranslations('reports.charts');
  const count = useNumber(0);
  return (
    <BarChart responsive style={SIZE(220)} data={years} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid {...GRID} vertical={false} />
      <XAxis dataKey="year" {...AXIS} />
      <YAxis {...AXIS} allowDecimals={false} tickFormatter={count} width={40} />
      <Tooltip {...TOOLTIP} formatter={count} />
      <Legend {...LEGEND} />
      <Bar dataKey="operating" name={t('operating')} fill={COLORS[0]} isAnimationActive={false} />
      <Bar dataKey="founded" name={t('founded')} fill={COLORS[1]} isAnimationActive={false} />
      <Bar dataKey="closed" name={t('closed')} fill={COLORS[3]} isAnimationActive={false} />
    </BarChart>
  );
}
