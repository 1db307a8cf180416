import type { Dataset } from '@/lib/validation/dataset';
import { BUDGET_SOURCES, SUMMARY_FORMAT, type BudgetSource, type ParkSummary } from '@/lib/reports/types';

/**
 * An independent, deliberately plain computation of `technopark-summary/1`
 * from a data set, read straight from docs/reports.md ("Summary definitions").
 * Tests compare the SQL report against it, so it shares no code with the
 * report: money is summed as bigint kopecks here, never as floats.
 */
export type ReferenceSummary = Omit<ParkSummary, 'narrative'>;

export function referenceSummary(data: Dataset, from: number, to: number): ReferenceSummary {
  const firstDay = `${from}-01-01`;
  const lastDay = `${to}-12-31`;
  const inPeriod = (date: string | null) => date !== null && date >= firstDay && date <= lastDay;
  const activeOn = (start: string | null, end: string | null, day: string) =>
    (start === null || start <= day) && (end === null || end >= day);
  const overlapsPeriod = (start: string, end: string | null) => start <= lastDay && (end === null || end >= firstDay);

  const requests = data.applications.filter((application) => inPeriod(application.submittedOn)).length;
  const passedCouncil = data.applications.filter(
    (application) => application.council?.decision === 'approved' && inPeriod(application.council.decidedOn),
  ).length;
  const taxIncentiveResidents = new Set(
    data.taxIncentives.filter((incentive) => inPeriod(incentive.grantedOn)).map((incentive) => incentive.company),
  ).size;

  const supported = data.residencies.filter((residency) => overlapsPeriod(residency.startOn, residency.endOn));
  const residentsSupported = new Set(supported.map((residency) => residency.company)).size;
  const residentsSupportedOnSite = new Set(
    supported.filter((residency) => residency.placement === 'on_site').map((residency) => residency.company),
  ).size;
  const atEnd = new Set(
    data.residencies
      .filter((residency) => activeOn(residency.startOn, residency.endOn, lastDay))
      .map((residency) => residency.company),
  );
  const smeResidentsAtEnd = data.companies.filter(
    (company) => atEnd.has(company.key) && company.smeCategory !== 'none',
  ).length;

  const available = data.premises.filter((premises) => activeOn(premises.availableFrom, premises.availableTo, lastDay));
  const leasedKeys = new Set(
    data.leases.filter((lease) => activeOn(lease.startOn, lease.endOn, lastDay)).map((lease) => lease.premises),
  );
  const totalArea = sum(available.map((premises) => premises.areaM2));
  const leasedArea = sum(available.filter((premises) => leasedKeys.has(premises.key)).map((premises) => premises.areaM2));

  const annualAccepted = data.kpiReports.filter((report) => report.quarter === null && report.status === 'accepted');
  const kpiSums = (years: (year: number) => boolean) => {
    const reports = annualAccepted.filter((report) => years(report.year));
    return {
      investmentRub: money(sum(reports.map((report) => report.investmentRub))),
      capitalInvestmentRub: money(sum(reports.map((report) => report.capitalInvestmentRub))),
      jobsCreated: reports.reduce((total, report) => total + report.jobsCreated, 0),
      incomeRub: money(sum(reports.map((report) => report.incomeRub))),
      taxesPaidRub: money(sum(reports.map((report) => report.taxesPaidRub))),
    };
  };

  const funding = data.budgetFunding.filter((entry) => entry.year <= to);
  const budgetTotal = sum(funding.map((entry) => entry.amountRub));
  const bySource = {} as Record<BudgetSource, { amountRub: string; sharePct: number }>;
  for (const source of BUDGET_SOURCES) {
    const amount = sum(funding.filter((entry) => entry.source === source).map((entry) => entry.amountRub));
    bySource[source] = { amountRub: money(amount), sharePct: percent(amount, budgetTotal) };
  }

  const taxesUpTo = (year: number) =>
    sum(annualAccepted.filter((report) => report.year <= year).map((report) => report.taxesPaidRub));
  const fundingUpTo = (year: number) =>
    sum(data.budgetFunding.filter((entry) => entry.year <= year).map((entry) => entry.amountRub));
  let paybackYear: number | null = null;
  // Cumulative sums only change in years that have a record, so the first year
  // that qualifies is one of those.
  const years = [...new Set([...annualAccepted.map((r) => r.year), ...data.budgetFunding.map((f) => f.year)])]
    .filter((year) => year <= to)
    .sort((a, b) => a - b);
  for (const year of years) {
    const budget = fundingUpTo(year);
    if (budget > 0n && taxesUpTo(year) >= budget) {
      paybackYear = year;
      break;
    }
  }

  let expected = 0;
  let accepted = 0;
  let pending = 0;
  for (const company of data.companies) {
    for (let year = from; year <= to; year++) {
      const resident = data.residencies.some(
        (residency) =>
          residency.company === company.key &&
          residency.startOn <= `${year}-12-31` &&
          (residency.endOn === null || residency.endOn >= `${year}-01-01`),
      );
      if (!resident) continue;
      expected++;
      const annual = data.kpiReports.filter(
        (report) => report.company === company.key && report.year === year && report.quarter === null,
      );
      if (annual.some((report) => report.status === 'accepted')) accepted++;
      else if (annual.some((report) => report.status === 'submitted')) pending++;
    }
  }

  return {
    format: SUMMARY_FORMAT,
    park: { slug: data.park.slug, name: data.park.name },
    period: { from, to },
    requests,
    passedCouncil,
    taxIncentiveResidents,
    residentsSupported,
    residentsSupportedOnSite,
    residentsAtEnd: atEnd.size,
    smeResidentsAtEnd,
    area: { totalM2: money(totalArea), leasedM2: money(leasedArea), usePct: percent(leasedArea, totalArea) },
    totals: kpiSums((year) => year >= from && year <= to),
    lastYear: { year: to, ...kpiSums((year) => year === to) },
    budget: { totalRub: money(budgetTotal), bySource },
    payback: {
      taxesPerBudgetRub: budgetTotal > 0n ? roundedQuotient(taxesUpTo(to) * 100n, budgetTotal) / 100 : null,
      paybackYear,
    },
    reporting: { expected, accepted, pending, missing: expected - accepted - pending },
    support: referenceSupport(data, firstDay, lastDay, kpiSums((year) => year >= from && year <= to).taxesPaidRub),
  };
}

/**
 * The support block read from the contract (docs/reports.md, "Resident support"), as exact fractions:
 * every amount is numerator ÷ denominator in kopecks, rounded once at the end.
 */
function referenceSupport(data: Dataset, firstDay: string, lastDay: string, taxesRub: string): ReferenceSummary['support'] {
  const area = new Map(data.premises.map((premises) => [premises.key, kopecks(premises.areaM2)]));
  const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  // Σ max(0, market − rate) [kopecks] × area [m² × 100] × days; × 12 / 365 / 100 gives kopecks.
  let rentNumerator = 0n;
  for (const lease of data.leases) {
    if (lease.rateRubPerM2Month === null || lease.marketRateRubPerM2Month === null) continue;
    const start = lease.startOn > firstDay ? lease.startOn : firstDay;
    const end = lease.endOn === null || lease.endOn > lastDay ? lastDay : lease.endOn;
    if (end < start) continue;
    const days = BigInt(dayNumber(end) - dayNumber(start) + 1);
    const gap = kopecks(lease.marketRateRubPerM2Month) - kopecks(lease.rateRubPerM2Month);
    if (gap > 0n) rentNumerator += gap * area.get(lease.premises)! * days * 12n;
  }
  const rentDenominator = 365n * 100n;
  // Σ (market − price) [kopecks] × quantity [× 100]; ÷ 100 gives kopecks.
  let servicesNumerator = 0n;
  for (const request of data.serviceRequests) {
    if (request.status !== 'done' || request.doneOn === null || request.doneOn < firstDay || request.doneOn > lastDay) continue;
    servicesNumerator += (kopecks(request.unitMarketPriceRub!) - kopecks(request.unitPriceRub!)) * kopecks(request.quantity);
  }
  // Over the common denominator 36 500.
  const totalNumerator = rentNumerator + servicesNumerator * 365n;
  return {
    rentRub: signedMoney(rentNumerator, rentDenominator),
    servicesRub: signedMoney(servicesNumerator, 100n),
    totalRub: signedMoney(totalNumerator, rentDenominator),
    // taxes [kopecks] ÷ (total / 36 500) [kopecks], × 100 for two decimals.
    taxesPerSupportRub:
      totalNumerator === 0n ? null : signedQuotient(kopecks(taxesRub) * rentDenominator * 100n, totalNumerator) / 100,
  };
}

/** numerator ÷ denominator kopecks, rounded half away from zero, as a decimal string. */
function signedMoney(numerator: bigint, denominator: bigint): string {
  const k = BigInt(signedQuotient(numerator, denominator));
  return k < 0n ? `-${money(-k)}` : money(k);
}

/** numerator ÷ denominator (denominator positive or negative) rounded half away from zero. */
function signedQuotient(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = roundedQuotient(n, d);
  return negative && q !== 0 ? -q : q;
}

/** "5610.50" → 561050n. */
function kopecks(amount: string): bigint {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a normalised amount: ${amount}`);
  return BigInt(match[1]) * 100n + BigInt(match[2]);
}

function sum(amounts: string[]): bigint {
  return amounts.reduce((total, amount) => total + kopecks(amount), 0n);
}

function money(total: bigint): string {
  return `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
}

/** numerator ÷ denominator rounded half away from zero (both non-negative). */
function roundedQuotient(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** Percent with one decimal; 0 when there is nothing to share. */
function percent(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : roundedQuotient(part * 1000n, whole) / 10;
}
