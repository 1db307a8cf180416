import { BUDGET_SOURCES, type BudgetSourceShare, type ParkSummary, type SummaryBudget } from '@/lib/reports/types';

/**
 * The published Kuzbass Technopark summary for 2010–2016 (docs/reports.md, "Reference figures"), the standard the
 * demo data set reproduces, with the regional share corrected to 55.1 % (the study prints 50.1 %, a
 * misprint: 507.4 ÷ 920.3). Every test that checks these figures, whatever computed them, compares
 * with this one copy: `expect(summary).toMatchObject(KUZBASS_PUBLISHED)`.
 */
export const KUZBASS_PUBLISHED = {
  park: { slug: 'kuzbass', name: 'Kuzbass Technopark' },
  period: { from: 2010, to: 2016 },
  requests: 356,
  passedCouncil: 173,
  taxIncentiveResidents: 53,
  residentsSupported: 60,
  residentsSupportedOnSite: 21,
  residentsAtEnd: 28,
  smeResidentsAtEnd: 26,
  area: { totalM2: '16500.00', usePct: 34 },
  totals: {
    investmentRub: '11000000000.00',
    capitalInvestmentRub: '8700000000.00',
    jobsCreated: 1705,
    incomeRub: '14500000000.00',
    taxesPaidRub: '2600000000.00',
  },
  lastYear: { year: 2016, incomeRub: '2300000000.00', taxesPaidRub: '420000000.00', jobsCreated: 1060 },
  budget: {
    totalRub: '920300000.00',
    bySource: {
      federal: { amountRub: '412900000.00', sharePct: 44.9 },
      regional: { amountRub: '507400000.00', sharePct: 55.1 },
    },
  },
} as const;

/**
 * A whole summary around the published figures, for the exports and the narrative: what was not
 * published (the leased area, the last year's investment, payback, reporting counts) holds plausible
 * test values, not the demo data set's. A fresh object on every call, so a test may change it.
 */
export function kuzbassSummary(): ParkSummary {
  const { area, lastYear, budget } = KUZBASS_PUBLISHED;
  return {
    format: 'technopark-summary/1',
    ...KUZBASS_PUBLISHED,
    park: { ...KUZBASS_PUBLISHED.park },
    period: { ...KUZBASS_PUBLISHED.period },
    area: { totalM2: area.totalM2, leasedM2: '5610.00', usePct: area.usePct },
    totals: { ...KUZBASS_PUBLISHED.totals },
    lastYear: { year: lastYear.year, investmentRub: '1200000000.00', capitalInvestmentRub: '900000000.00', jobsCreated: lastYear.jobsCreated, incomeRub: lastYear.incomeRub, taxesPaidRub: lastYear.taxesPaidRub },
    budget: summaryBudget(budget.totalRub, { federal: { ...budget.bySource.federal }, regional: { ...budget.bySource.regional } }),
    payback: { taxesPerBudgetRub: 2.83, paybackYear: 2014 },
    reporting: { expected: 176, accepted: 168, pending: 3, missing: 5 },
    support: { rentRub: '0.00', servicesRub: '0.00', totalRub: '0.00', taxesPerSupportRub: null },
    narrative: '',
  };
}

/** A summary's budget: the sources named, and nothing (0.00, 0 %) from every other one. */
export function summaryBudget(totalRub: string, funded: Partial<SummaryBudget['bySource']> = {}): SummaryBudget {
  const nothing = (): BudgetSourceShare => ({ amountRub: '0.00', sharePct: 0 });
  return {
    totalRub,
    bySource: Object.fromEntries(BUDGET_SOURCES.map((source) => [source, funded[source] ?? nothing()])) as SummaryBudget['bySource'],
  };
}

/** The summary of a park with no premises and no budget funding, hence no payback either. */
export function withoutFundingOrPremises(summary: ParkSummary): ParkSummary {
  return {
    ...summary,
    area: { totalM2: '0.00', leasedM2: '0.00', usePct: 0 },
    budget: summaryBudget('0.00'),
    payback: { taxesPerBudgetRub: null, paybackYear: null },
  };
}
