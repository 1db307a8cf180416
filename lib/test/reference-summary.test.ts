import { describe, expect, it } from 'vitest';

import { referenceSummary } from '@/lib/test/reference-summary';
import { summaryBudget } from '@/lib/test/kuzbass-summary';
import { parseDataset } from '@/lib/dataset/parse';
import type { Dataset } from '@/lib/validation/dataset';

function dataset(input: Record<string, unknown>): Dataset {
  const result = parseDataset({
    format: 'technopark-dataset/1',
    park: { slug: 'tiny', name: 'Tiny park', region: 'R', type: 'industrial' },
    ...input,
  });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const report = (key: string, company: string, year: number, status: string, taxesPaidRub = '0', quarter: number | null = null) => ({
  key,
  company,
  year,
  quarter,
  status,
  jobsCreated: 1,
  investmentRub: '10',
  capitalInvestmentRub: '5',
  incomeRub: '100',
  taxesPaidRub,
});

describe('referenceSummary', () => {
  const data = dataset({
    buildings: [{ key: 'b', name: 'B' }],
    premises: [
      { key: 'u1', building: 'b', name: 'U1', kind: 'office', areaM2: '1.00' },
      { key: 'u2', building: 'b', name: 'U2', kind: 'office', areaM2: '15.00' },
      // Retired before the last day: neither total nor leased area.
      { key: 'u3', building: 'b', name: 'U3', kind: 'office', areaM2: '100.00', availableTo: '2016-06-30' },
    ],
    companies: [
      { key: 'c1', name: 'C1', smeCategory: 'small' },
      { key: 'c2', name: 'C2', smeCategory: 'none' },
      { key: 'c3', name: 'C3', smeCategory: 'micro' },
    ],
    applications: [
      { key: 'a1', company: 'c1', title: 'T', submittedOn: '2015-03-01', council: { decidedOn: '2016-01-28', decision: 'approved' } },
      { key: 'a2', company: 'c2', title: 'T', submittedOn: '2014-12-31', council: { decidedOn: '2015-01-29', decision: 'approved' } },
      { key: 'a3', company: 'c3', title: 'T', submittedOn: '2016-12-01', council: { decidedOn: '2017-01-26', decision: 'approved' } },
      { key: 'a4', company: 'c3', title: 'T', submittedOn: '2015-05-05', council: { decidedOn: '2015-06-25', decision: 'rejected' } },
      { key: 'a5', company: 'c3', title: 'T', submittedOn: null },
    ],
    residencies: [
      { key: 'r1', company: 'c1', startOn: '2015-06-01', endOn: null, placement: 'on_site' },
      { key: 'r2', company: 'c2', startOn: '2014-01-01', endOn: '2015-12-31', placement: 'extraterritorial' },
      { key: 'r3', company: 'c3', startOn: '2016-12-31', endOn: null, placement: 'extraterritorial' },
    ],
    leases: [
      { key: 'l1', company: 'c1', premises: 'u1', startOn: '2015-07-01', endOn: null },
      { key: 'l2', company: 'c1', premises: 'u3', startOn: '2015-07-01', endOn: '2016-06-30' },
    ],
    taxIncentives: [{ key: 't1', company: 'c1', kind: 'profit_tax', grantedOn: '2016-02-01', validFrom: '2016-02-01' }],
    kpiReports: [
      report('k1', 'c1', 2015, 'accepted', '0.50'),
      report('k2', 'c1', 2016, 'submitted', '99.00'),
      report('k3', 'c2', 2014, 'accepted', '0.50'),
      report('k4', 'c2', 2015, 'returned', '99.00'),
      report('k5', 'c1', 2016, 'accepted', '99.00', 1),
    ],
    budgetFunding: [
      { key: 'f1', year: 2014, source: 'federal', amountRub: '5.00' },
      { key: 'f2', year: 2015, source: 'regional', amountRub: '3.00' },
      { key: 'f3', year: 2017, source: 'municipal', amountRub: '1000.00' },
    ],
  });

  it('follows the summary’s definitions (docs/reports.md)', () => {
    expect(referenceSummary(data, 2015, 2016)).toEqual({
      format: 'technopark-summary/1',
      park: { slug: 'tiny', name: 'Tiny park' },
      period: { from: 2015, to: 2016 },
      requests: 3,
      passedCouncil: 2,
      taxIncentiveResidents: 1,
      residentsSupported: 3,
      residentsSupportedOnSite: 1,
      residentsAtEnd: 2,
      smeResidentsAtEnd: 2,
      // 1 ÷ 16 = 6.25% → 6.3, half away from zero.
      area: { totalM2: '16.00', leasedM2: '1.00', usePct: 6.3 },
      totals: { investmentRub: '10.00', capitalInvestmentRub: '5.00', jobsCreated: 1, incomeRub: '100.00', taxesPaidRub: '0.50' },
      lastYear: { year: 2016, investmentRub: '0.00', capitalInvestmentRub: '0.00', jobsCreated: 0, incomeRub: '0.00', taxesPaidRub: '0.00' },
      budget: summaryBudget('8.00', { federal: { amountRub: '5.00', sharePct: 62.5 }, regional: { amountRub: '3.00', sharePct: 37.5 } }),
      // Taxes of all years up to 2016: 1.00 ÷ 8.00 = 0.125 → 0.13; never reached the funding.
      payback: { taxesPerBudgetRub: 0.13, paybackYear: null },
      // c1 2015 accepted, c1 2016 pending, c2 2015 returned (missing), c3 2016 missing.
      reporting: { expected: 4, accepted: 1, pending: 1, missing: 2 },
      // No lease carries rates and no service was delivered: no support, and no ratio to it.
      support: { rentRub: '0.00', servicesRub: '0.00', totalRub: '0.00', taxesPerSupportRub: null },
    });
  });

  it('has no ratio without budget funding, and finds the payback year', () => {
    const unfunded = { ...data, budgetFunding: [] };
    expect(referenceSummary(unfunded, 2015, 2016).payback).toEqual({ taxesPerBudgetRub: null, paybackYear: null });
    const paidBack = {
      ...data,
      budgetFunding: [{ key: 'f1', year: 2014, source: 'federal' as const, amountRub: '0.50' }],
    };
    expect(referenceSummary(paidBack, 2015, 2016).payback).toEqual({ taxesPerBudgetRub: 2, paybackYear: 2014 });
  });
});
