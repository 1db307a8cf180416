import type { Dataset } from '@/lib/validation/dataset';

/**
 * A small park whose summary for 2015–2016 is worked out by hand in summary.test.ts.
 * Every record sits on a boundary the definitions must get right; the comments say which.
 */
export function fixtureDataset(slug: string): Dataset {
  const company = (key: string, smeCategory: 'micro' | 'small' | 'medium' | 'none', manufacturing = false) => ({
    key,
    name: `Company ${key}`,
    inn: null,
    smeCategory,
    industry: null,
    manufacturing,
  });
  const app = (
    key: string,
    companyKey: string,
    submittedOn: string | null,
    screening: { decidedOn: string; outcome: 'accepted' | 'returned' | 'rejected' } | null,
    council: { decidedOn: string; decision: 'approved' | 'rejected' | 'revision' } | null,
  ) => ({
    key,
    company: companyKey,
    title: `Project ${key}`,
    submittedOn,
    screening,
    council: council && { ...council, meetingNumber: null, votesFor: null, votesAgainst: null, votesAbstain: null },
  });
  const kpi = (
    key: string,
    companyKey: string,
    year: number,
    quarter: 1 | 2 | 3 | 4 | null,
    status: 'submitted' | 'accepted' | 'returned',
    [investmentRub, capitalInvestmentRub, jobsCreated, incomeRub, taxesPaidRub]: [string, string, number, string, string],
  ) => ({
    key,
    company: companyKey,
    year,
    quarter,
    status,
    jobsCreated,
    headcount: null,
    investmentRub,
    capitalInvestmentRub,
    incomeRub,
    taxesPaidRub,
    rndSpendRub: null,
  });
  return {
    format: 'technopark-dataset/1',
    park: { slug, name: `Fixture ${slug}`, region: 'Test region', type: 'industrial', landAreaHa: null, foundedOn: '2012-05-01' },
    buildings: [
      { key: 'b1', name: 'Main building' },
      { key: 'b2', name: 'Workshop' },
    ],
    premises: [
      { key: 'p1', building: 'b1', name: 'Office 1', kind: 'office', areaM2: '30.20', availableFrom: '2014-01-01', availableTo: null },
      { key: 'p2', building: 'b1', name: 'Lab', kind: 'laboratory', areaM2: '200.00', availableFrom: null, availableTo: null },
      // Retired before the period's end: not in the total area.
      { key: 'p3', building: 'b2', name: 'Old shop', kind: 'production', areaM2: '200.00', availableFrom: null, availableTo: '2016-06-30' },
      // Available only after the period.
      { key: 'p4', building: 'b1', name: 'Coworking', kind: 'coworking', areaM2: '75.25', availableFrom: '2017-01-01', availableTo: null },
      { key: 'p5', building: 'b2', name: 'Shop', kind: 'production', areaM2: '20.00', availableFrom: null, availableTo: null },
      { key: 'p6', building: 'b1', name: 'Incubator', kind: 'incubator', areaM2: '149.80', availableFrom: null, availableTo: null },
    ],
    companies: [
      company('A', 'small', true),
      company('B', 'micro'),
      company('C', 'none'),
      company('D', 'medium'),
      company('E', 'none'),
      company('F', 'small', true),
      company('G', 'micro'),
      company('H', 'none'),
    ],
    applications: [
      // Submitted in December 2014, approved in January 2015: a request of 2014, passed council in 2015.
      app('a1', 'A', '2014-12-15', { decidedOn: '2014-12-20', outcome: 'accepted' }, { decidedOn: '2015-01-20', decision: 'approved' }),
      app('a2', 'B', '2015-03-01', { decidedOn: '2015-03-10', outcome: 'accepted' }, { decidedOn: '2015-04-01', decision: 'approved' }),
      app('a3', 'C', '2016-06-01', { decidedOn: '2016-06-08', outcome: 'rejected' }, null),
      // A draft never counts.
      app('a4', 'D', null, null, null),
      // Submitted on the last day; the council returns it in the next year.
      app('a5', 'E', '2016-12-31', { decidedOn: '2017-01-05', outcome: 'accepted' }, { decidedOn: '2017-01-15', decision: 'revision' }),
      // Submitted on the first day.
      app('a6', 'F', '2015-01-01', { decidedOn: '2015-01-10', outcome: 'accepted' }, { decidedOn: '2015-02-01', decision: 'rejected' }),
      // Approved on the last day.
      app('a7', 'D', '2015-05-05', { decidedOn: '2015-05-20', outcome: 'accepted' }, { decidedOn: '2016-12-31', decision: 'approved' }),
      app('a8', 'G', '2017-01-01', null, null),
    ],
    residencies: [
      { key: 'rA', company: 'A', application: 'a1', agreementNumber: null, startOn: '2015-02-01', endOn: null, placement: 'on_site' },
      // Ends exactly on the last day: a resident at the end.
      { key: 'rB', company: 'B', application: 'a2', agreementNumber: null, startOn: '2015-05-01', endOn: '2016-12-31', placement: 'extraterritorial' },
      // Ends the day before: supported, not at the end.
      { key: 'rC', company: 'C', application: null, agreementNumber: null, startOn: '2014-01-01', endOn: '2016-12-30', placement: 'on_site' },
      // Starts on the last day.
      { key: 'rD', company: 'D', application: 'a7', agreementNumber: null, startOn: '2016-12-31', endOn: null, placement: 'extraterritorial' },
      // Starts after the period.
      { key: 'rE', company: 'E', application: null, agreementNumber: null, startOn: '2017-01-01', endOn: null, placement: 'on_site' },
      // Two residencies of one company: counted once.
      { key: 'rF1', company: 'F', application: null, agreementNumber: null, startOn: '2013-01-01', endOn: '2015-06-30', placement: 'extraterritorial' },
      { key: 'rF2', company: 'F', application: null, agreementNumber: null, startOn: '2015-07-01', endOn: null, placement: 'on_site' },
      // Ends the day before the period.
      { key: 'rG', company: 'G', application: null, agreementNumber: null, startOn: '2012-01-01', endOn: '2014-12-31', placement: 'on_site' },
      { key: 'rH', company: 'H', application: null, agreementNumber: null, startOn: '2016-01-01', endOn: null, placement: 'extraterritorial' },
    ],
    leases: [
      { key: 'l1', company: 'A', premises: 'p1', startOn: '2015-03-01', endOn: null, rateRubPerM2Month: '350.00', marketRateRubPerM2Month: '612.35' },
      { key: 'l2', company: 'A', premises: 'p3', startOn: '2015-03-01', endOn: '2016-06-30', rateRubPerM2Month: '500.00', marketRateRubPerM2Month: '450.00' },
      // Ends the day before the last day: not leased at the end.
      { key: 'l3', company: 'C', premises: 'p2', startOn: '2014-02-01', endOn: '2016-12-30', rateRubPerM2Month: '0.00', marketRateRubPerM2Month: '100.01' },
      // Ends on the last day: leased at the end.
      { key: 'l4', company: 'F', premises: 'p5', startOn: '2015-07-01', endOn: '2016-12-31', rateRubPerM2Month: null, marketRateRubPerM2Month: null },
      { key: 'l5', company: 'E', premises: 'p4', startOn: '2017-01-01', endOn: null, rateRubPerM2Month: null, marketRateRubPerM2Month: null },
    ],
    taxIncentives: [
      { key: 't1', company: 'A', kind: 'property_tax', legalBasis: null, grantedOn: '2015-03-01', validFrom: '2015-03-01', validTo: null },
      { key: 't2', company: 'A', kind: 'profit_tax', legalBasis: null, grantedOn: '2016-03-01', validFrom: '2016-03-01', validTo: null },
      { key: 't3', company: 'B', kind: 'land_tax', legalBasis: null, grantedOn: '2014-12-31', validFrom: '2015-01-01', validTo: null },
      { key: 't4', company: 'F', kind: 'other', legalBasis: null, grantedOn: '2016-12-31', validFrom: '2017-01-01', validTo: null },
      { key: 't5', company: 'C', kind: 'property_tax', legalBasis: null, grantedOn: '2017-01-01', validFrom: '2017-01-01', validTo: null },
    ],
    kpiReports: [
      kpi('kA15', 'A', 2015, null, 'accepted', ['1000.00', '400.00', 5, '2000.00', '150.00']),
      // Quarterly: never counts, even accepted.
      kpi('kA15q1', 'A', 2015, 1, 'accepted', ['999.99', '999.99', 99, '999.99', '999.99']),
      kpi('kA16', 'A', 2016, null, 'accepted', ['2000.50', '1000.25', 7, '3000.75', '250.10']),
      kpi('kA16q4', 'A', 2016, 4, 'submitted', ['1.00', '1.00', 1, '1.00', '1.00']),
      // Submitted: pending, not counted.
      kpi('kB15', 'B', 2015, null, 'submitted', ['5000.00', '1000.00', 50, '7000.00', '500.00']),
      // Returned: missing, not counted.
      kpi('kB16', 'B', 2016, null, 'returned', ['6000.00', '1000.00', 60, '8000.00', '600.00']),
      kpi('kC14', 'C', 2014, null, 'accepted', ['10.00', '10.00', 1, '100.00', '90.00']),
      kpi('kC15', 'C', 2015, null, 'accepted', ['300.00', '300.00', 1, '500.00', '60.00']),
      kpi('kF15', 'F', 2015, null, 'accepted', ['10.01', '0.00', 0, '20.02', '0.99']),
      kpi('kF16', 'F', 2016, null, 'submitted', ['20.00', '0.00', 3, '30.00', '3.00']),
      kpi('kH16', 'H', 2016, null, 'accepted', ['100.00', '50.00', 2, '400.00', '40.00']),
      kpi('kG14', 'G', 2014, null, 'accepted', ['0.00', '0.00', 0, '300.00', '100.00']),
      kpi('kE17', 'E', 2017, null, 'accepted', ['0.00', '0.00', 9, '50000.00', '10000.00']),
    ],
    budgetFunding: [
      { key: 'bf13', year: 2013, source: 'federal', amountRub: '100.00' },
      { key: 'bf14', year: 2014, source: 'regional', amountRub: '300.00' },
      { key: 'bf16', year: 2016, source: 'municipal', amountRub: '1200.00' },
      { key: 'bf17', year: 2017, source: 'federal', amountRub: '5000.00' },
    ],
    programmes: [],
    services: [
      { key: 's1', name: 'Consulting', kind: 'consulting', unit: 'hour', marketPriceRub: '3000.00', residentPriceRub: '1200.00' },
      { key: 's2', name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '8000.00', residentPriceRub: '0.00' },
    ],
    serviceRequests: [
      // Done in the period: (3000 − 1200) × 2.5 = 4500.
      { key: 'q1', company: 'A', service: 's1', requestedOn: '2015-02-10', status: 'done', doneOn: '2015-02-12', quantity: '2.50', unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00' },
      // Done on the last day, at the prices of its day (not today's catalogue): (7000.33 − 0.01) × 1 = 7000.32.
      { key: 'q2', company: 'F', service: 's2', requestedOn: '2016-12-01', status: 'done', doneOn: '2016-12-31', quantity: '1.00', unitPriceRub: '0.01', unitMarketPriceRub: '7000.33' },
      // Requested in the period, done after it: not counted.
      { key: 'q3', company: 'A', service: 's1', requestedOn: '2016-12-20', status: 'done', doneOn: '2017-01-09', quantity: '1.00', unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00' },
      // Done before the period: not counted.
      { key: 'q4', company: 'C', service: 's1', requestedOn: '2014-05-05', status: 'done', doneOn: '2014-12-31', quantity: '3.00', unitPriceRub: '1200.00', unitMarketPriceRub: '3000.00' },
      // Never done: not counted.
      { key: 'q5', company: 'B', service: 's2', requestedOn: '2016-03-03', status: 'refused', doneOn: null, quantity: '1.00', unitPriceRub: '0.00', unitMarketPriceRub: '8000.00' },
      { key: 'q6', company: 'H', service: 's1', requestedOn: '2016-04-04', status: 'in_progress', doneOn: null, quantity: '1.00', unitPriceRub: null, unitMarketPriceRub: null },
    ],
  };
}
