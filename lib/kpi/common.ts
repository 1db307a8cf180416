import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { residencies } from '@/db/schema';
import { KPI_FIGURES } from '@/lib/validation/kpi';

/** The figures of a report, as exact strings for money. */
export type KpiFiguresDto = {
  jobsCreated: number;
  headcount: number | null;
  investmentRub: string;
  capitalInvestmentRub: string;
  incomeRub: string;
  taxesPaidRub: string;
  rndSpendRub: string | null;
};

export const FIGURE_KEYS = KPI_FIGURES;

export function figuresOf(row: KpiFiguresDto): KpiFiguresDto {
  return {
    jobsCreated: row.jobsCreated,
    headcount: row.headcount,
    investmentRub: row.investmentRub,
    capitalInvestmentRub: row.capitalInvestmentRub,
    incomeRub: row.incomeRub,
    taxesPaidRub: row.taxesPaidRub,
    rndSpendRub: row.rndSpendRub,
  };
}

/** Figures equal by value ("5.00" and "5.0" are the same amount). */
export function sameFigures(a: KpiFiguresDto, b: KpiFiguresDto): boolean {
  const money = (v: string | null) => (v === null ? null : normaliseMoney(v));
  return (
    a.jobsCreated === b.jobsCreated &&
    a.headcount === b.headcount &&
    money(a.investmentRub) === money(b.investmentRub) &&
    money(a.capitalInvestmentRub) === money(b.capitalInvestmentRub) &&
    money(a.incomeRub) === money(b.incomeRub) &&
    money(a.taxesPaidRub) === money(b.taxesPaidRub) &&
    money(a.rndSpendRub) === money(b.rndSpendRub)
  );
}

function normaliseMoney(v: string): string {
  const [whole, fraction = ''] = v.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

/** The first and last day of a report's period: the year, or one of its quarters. */
export function periodBounds(year: number, quarter: number | null): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(lastMonth)}-${lastDay}` };
}

/** The annual report of year `year` is due on the park's deadline day in the following year. */
export function deadlineOf(year: number, settings: { kpiDeadlineMonth: number; kpiDeadlineDay: number }): string {
  return `${year + 1}-${String(settings.kpiDeadlineMonth).padStart(2, '0')}-${String(settings.kpiDeadlineDay).padStart(2, '0')}`;
}

/** Does one of the company's residencies in the park overlap the days from..to? */
export async function residencyOverlaps(db: DbOrTx, parkId: string, companyId: string, from: string, to: string): Promise<boolean> {
  const [row] = await db
    .select({ id: residencies.id })
    .from(residencies)
    .where(
      and(
        eq(residencies.parkId, parkId),
        eq(residencies.companyId, companyId),
        sql`${residencies.startOn} <= ${to}::date`,
        sql`(${residencies.endOn} IS NULL OR ${residencies.endOn} >= ${from}::date)`,
      ),
    )
    .limit(1);
  return !!row;
}

/** The link a representative follows to a report of its company. */
export function myReportHref(parkSlug: string, companyId: string, year: number, quarter: number | null): string {
  return `/my/kpi/report?park=${encodeURIComponent(parkSlug)}&company=${companyId}&year=${year}${quarter ? `&quarter=${quarter}` : ''}`;
}
