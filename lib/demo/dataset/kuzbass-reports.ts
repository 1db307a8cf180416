import type { DatasetKpiReport } from '@/lib/validation/dataset';
import { toCompany, type Pin, type ResidentPlan } from './kuzbass-residents';
import { allocate, allocateCapped, amount, millions, pad, rub, yearOf, type Random } from './random';

/** Per year: investment, capital investment, income, taxes (M RUB), new jobs. */
const KUZBASS_YEARS: Record<number, { inv: number; cap: number; income: number; taxes: number; jobs: number }> = {
  2008: { inv: 180, cap: 140, income: 150, taxes: 12, jobs: 25 },
  2009: { inv: 420, cap: 330, income: 350, taxes: 28, jobs: 40 },
  2010: { inv: 600, cap: 450, income: 900, taxes: 95, jobs: 60 },
  2011: { inv: 900, cap: 700, income: 1300, taxes: 140, jobs: 85 },
  2012: { inv: 1200, cap: 950, income: 1700, taxes: 205, jobs: 95 },
  2013: { inv: 1500, cap: 1200, income: 2000, taxes: 270, jobs: 110 },
  2014: { inv: 2200, cap: 1750, income: 2900, taxes: 610, jobs: 140 },
  2015: { inv: 2500, cap: 2000, income: 3400, taxes: 860, jobs: 155 },
  2016: { inv: 2100, cap: 1650, income: 2300, taxes: 420, jobs: 1060 },
  2017: { inv: 1800, cap: 1350, income: 2700, taxes: 480, jobs: 240 },
  2018: { inv: 1500, cap: 1100, income: 2400, taxes: 450, jobs: 180 },
};

/**
 * Annual reports for every year a resident was in the park, 2008–2018. In
 * each year the accepted ones share KUZBASS_YEARS exactly; the rest
 * (submitted, returned, quarterly) carry figures of their own that no
 * summary may count.
 */
export function kuzbassReports(random: Random, plans: ResidentPlan[], pins: Pin[]): DatasetKpiReport[] {
  type Slot = { company: string; plan: ResidentPlan; year: number };
  const slots: Slot[] = [];
  for (const plan of plans) {
    for (let year = 2008; year <= 2018; year++) {
      const resident = plan.stays.some((stay) => stay.start <= `${year}-12-31` && (stay.end === null || stay.end >= `${year}-01-01`));
      if (resident) slots.push({ company: toCompany(plan.key), plan, year });
    }
  }

  // Which yearly reports are not accepted: in 2010–2016 a few missing,
  // pending and returned; in 2017 a few; in 2018 reporting is under way.
  const pinned = new Set(pins.map((pin) => `${pin.company} ${pin.year}`));
  const status = new Map<Slot, DatasetKpiReport['status'] | 'missing'>();
  const choose = (year: (y: number) => boolean, counts: [DatasetKpiReport['status'] | 'missing', number][]) => {
    const pool = slots.filter((slot) => year(slot.year) && !pinned.has(`${slot.company} ${slot.year}`) && !status.has(slot));
    for (const [value, count] of counts) {
      for (let n = 0; n < count; n++) {
        const slot = pool.splice(random.int(0, pool.length - 1), 1)[0];
        status.set(slot, value);
      }
    }
  };
  choose((y) => y >= 2010 && y <= 2016, [['missing', 5], ['submitted', 3], ['returned', 3]]);
  choose((y) => y === 2017, [['missing', 2], ['submitted', 3], ['returned', 1]]);
  const in2018 = slots.filter((slot) => slot.year === 2018).length;
  choose((y) => y === 2018, [['missing', Math.round(in2018 * 0.2)], ['submitted', Math.round(in2018 * 0.4)]]);

  type Figures = { inv: bigint; cap: bigint; income: bigint; taxes: bigint; jobs: number };
  const figures = new Map<Slot, Figures>();
  const weightOf = (slot: Slot) => {
    const since = slot.year - yearOf(slot.plan.stays[0].start);
    return slot.plan.size * Math.min(1 + 0.35 * since, 3) * random.between(0.75, 1.25);
  };

  for (const [yearText, total] of Object.entries(KUZBASS_YEARS)) {
    const year = Number(yearText);
    const accepted = slots.filter((slot) => slot.year === year && (status.get(slot) ?? 'accepted') === 'accepted');
    const base = accepted.map(weightOf);
    const split = (metric: Pin['metric'], sum: bigint): bigint[] => {
      const fixed = new Map<number, bigint>();
      for (const pin of pins.filter((p) => p.year === year && p.metric === metric)) {
        const index = accepted.findIndex((slot) => slot.company === pin.company);
        if (index < 0) throw new Error(`pinned report ${pin.company} ${year} is not accepted`);
        fixed.set(index, (sum * BigInt(Math.round(pin.share * 1000))) / 1000n);
      }
      const rest = sum - [...fixed.values()].reduce((a, b) => a + b, 0n);
      const others = accepted.map((_, i) => i).filter((i) => !fixed.has(i));
      const shares = allocate(
        rest,
        others.map((i) => base[i] * random.between(0.85, 1.15)),
      );
      const parts = accepted.map((_, i) => fixed.get(i) ?? 0n);
      others.forEach((i, n) => (parts[i] = shares[n]));
      return parts;
    };
    const inv = split('inv', millions(total.inv));
    const cap = allocateCapped(
      millions(total.cap),
      inv.map((part) => Number(part) * random.between(0.7, 1)),
      inv,
    );
    const income = split('income', millions(total.income));
    const taxes = split('taxes', millions(total.taxes));
    const jobs = split('jobs', BigInt(total.jobs));
    accepted.forEach((slot, i) => figures.set(slot, { inv: inv[i], cap: cap[i], income: income[i], taxes: taxes[i], jobs: Number(jobs[i]) }));

    // Reports nobody accepted: figures in the same range, counted nowhere.
    const perReport = (m: number) => (m * 1_000_000) / Math.max(accepted.length, 1);
    for (const slot of slots.filter((s) => s.year === year && !figures.has(s))) {
      const scale = weightOf(slot) / (base.reduce((a, b) => a + b, 0) / Math.max(base.length, 1) || 1);
      const invRub = Math.round(perReport(total.inv) * scale * random.between(0.5, 1.5));
      figures.set(slot, {
        inv: rub(invRub),
        cap: rub(Math.round(invRub * random.between(0.5, 0.9))),
        income: rub(Math.round(perReport(total.income) * scale * random.between(0.5, 1.5))),
        taxes: rub(Math.round(perReport(total.taxes) * scale * random.between(0.5, 1.5))),
        jobs: random.int(0, 6),
      });
    }
  }

  // Headcount: a founding team plus the jobs created so far (slots run year by year per company).
  const headcount = new Map<Slot, number>();
  const staffSoFar = new Map<string, number>();
  for (const slot of slots) {
    const staff = (staffSoFar.get(slot.company) ?? random.int(4, 25)) + figures.get(slot)!.jobs;
    staffSoFar.set(slot.company, staff);
    headcount.set(slot, staff);
  }

  const reports: DatasetKpiReport[] = [];
  let seq = 0;
  const push = (slot: Slot, quarter: DatasetKpiReport['quarter'], state: DatasetKpiReport['status'], f: Figures) => {
    const staff = headcount.get(slot)!;
    const research = !slot.plan.manufacturing && random.next() < 0.7;
    reports.push({
      key: `k-${pad(++seq, 4)}`,
      company: slot.company,
      year: slot.year,
      quarter,
      status: state,
      jobsCreated: f.jobs,
      headcount: staff,
      investmentRub: amount(f.inv),
      capitalInvestmentRub: amount(f.cap),
      incomeRub: amount(f.income),
      taxesPaidRub: amount(f.taxes),
      rndSpendRub: research ? amount((f.income * BigInt(random.int(3, 12))) / 100n) : null,
    });
  };
  for (const slot of slots) {
    const state = status.get(slot) ?? 'accepted';
    if (state !== 'missing') push(slot, null, state, figures.get(slot)!);
  }

  // Quarterly reports of a few residents: accepted, yet never in the annual sums.
  const quarterly = slots.filter((slot) => (slot.year === 2016 || slot.year === 2017) && slot.plan.stays.some((stay) => stay.end === null));
  for (const slot of quarterly.filter((_, i) => i % 9 === 0)) {
    const annual = figures.get(slot)!;
    for (const quarter of [1, 2, 3] as const) {
      if (slot.year === 2017 && quarter > 1) break;
      const part = (value: bigint) => (value * BigInt(random.int(18, 30))) / 100n;
      const inv = part(annual.inv);
      push(slot, quarter, slot.year === 2017 ? 'submitted' : 'accepted', {
        inv,
        cap: (inv * 3n) / 4n,
        income: part(annual.income),
        taxes: part(annual.taxes),
        jobs: Math.floor(annual.jobs / 4),
      });
    }
  }
  return reports;
}
