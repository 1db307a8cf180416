import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { DatasetInput } from '@/lib/validation/dataset';

/**
 * A small hand-written park data set with one record of each kind the format knows, in key order.
 * Amounts are given partly as numbers and partly as strings, as an import file may.
 */
export function smallDataset(slug: string) {
  return {
    format: 'technopark-dataset/1',
    park: { slug, name: 'Test Technopark', region: 'Kemerovo Region', type: 'industrial', landAreaHa: '12.50', foundedOn: '2015-03-01' },
    buildings: [{ key: 'b-1', name: 'Main building' }],
    premises: [
      { key: 'p-1', building: 'b-1', name: 'Office 101', kind: 'office', areaM2: '120.50', availableFrom: '2015-01-01', availableTo: null },
      { key: 'p-2', building: 'b-1', name: 'Lab 102', kind: 'laboratory', areaM2: 80, availableFrom: null, availableTo: '2030-12-31' },
    ],
    companies: [
      { key: 'c-1', name: 'ООО «Альфа»', inn: '7707083893', smeCategory: 'small', industry: 'IT', manufacturing: false },
      { key: 'c-2', name: 'ООО «Бета»', inn: null, smeCategory: 'micro', industry: null, manufacturing: true },
      { key: 'c-3', name: 'ООО «Гамма»', inn: null, smeCategory: 'none', industry: null, manufacturing: false },
    ],
    applications: [
      {
        key: 'a-1',
        company: 'c-1',
        title: 'Methane monitoring',
        submittedOn: '2019-10-01',
        screening: { decidedOn: '2019-10-15', outcome: 'accepted' },
        council: { decidedOn: '2019-11-28', decision: 'approved', meetingNumber: 3, votesFor: 7, votesAgainst: 1, votesAbstain: 0 },
      },
      {
        key: 'a-2',
        company: 'c-2',
        title: 'Carbon sorbents',
        submittedOn: '2019-10-05',
        screening: { decidedOn: '2019-10-20', outcome: 'accepted' },
        council: { decidedOn: '2019-11-28', decision: 'approved', meetingNumber: 3, votesFor: 6, votesAgainst: 0, votesAbstain: 2 },
      },
      { key: 'a-3', company: 'c-3', title: 'Drone survey', submittedOn: '2020-01-10', screening: { decidedOn: '2020-01-20', outcome: 'accepted' }, council: null },
      { key: 'a-4', company: 'c-3', title: 'Mine lighting', submittedOn: '2020-02-01', screening: null, council: null },
      { key: 'a-5', company: 'c-3', title: 'Draft idea', submittedOn: null, screening: null, council: null },
      { key: 'a-6', company: 'c-2', title: 'Early attempt', submittedOn: '2018-05-01', screening: { decidedOn: '2018-05-10', outcome: 'returned' }, council: null },
    ],
    residencies: [
      { key: 'r-1', company: 'c-1', application: 'a-1', agreementNumber: 'TP-2020/01', startOn: '2020-01-09', endOn: '2022-12-31', placement: 'on_site' },
      { key: 'r-2', company: 'c-2', application: 'a-2', agreementNumber: 'TP-2020/02', startOn: '2020-01-15', endOn: null, placement: 'extraterritorial' },
    ],
    leases: [{ key: 'l-1', company: 'c-1', premises: 'p-1', startOn: '2020-02-01', endOn: '2022-12-31', rateRubPerM2Month: 350, marketRateRubPerM2Month: '700.50' }],
    taxIncentives: [
      { key: 't-1', company: 'c-1', kind: 'property_tax', legalBasis: 'Regional law 123-OZ', grantedOn: '2020-03-01', validFrom: '2020-03-01', validTo: '2025-02-28' },
    ],
    kpiReports: [
      {
        key: 'k-1',
        company: 'c-1',
        year: 2020,
        quarter: null,
        status: 'accepted',
        jobsCreated: 5,
        headcount: 12,
        investmentRub: '1000000.00',
        capitalInvestmentRub: '400000.50',
        incomeRub: 2500000,
        taxesPaidRub: '310000.1',
        rndSpendRub: null,
      },
      {
        key: 'k-2',
        company: 'c-2',
        year: 2020,
        quarter: 1,
        status: 'submitted',
        jobsCreated: 0,
        headcount: null,
        investmentRub: 0,
        capitalInvestmentRub: 0,
        incomeRub: '50000.00',
        taxesPaidRub: '6000.00',
        rndSpendRub: '1000.00',
      },
    ],
    budgetFunding: [{ key: 'bf-1', year: 2020, source: 'regional', amountRub: '15000000.00' }],
    programmes: [
      {
        key: 'prog-1',
        name: 'Regional programme',
        indicators: [
          {
            key: 'jobs',
            name: 'High-productivity jobs',
            unit: 'thousand',
            direction: 'higher',
            values: [
              { year: 2019, kind: 'actual', value: 120.6 },
              { year: 2020, kind: 'actual', value: 124.1 },
              { year: 2025, kind: 'target', value: 160 },
            ],
          },
          { key: 'costs', name: 'Energy costs', unit: '% of income', direction: 'lower', values: [{ year: 2020, kind: 'actual', value: 2.46 }] },
        ],
      },
    ],
    services: [
      { key: 's-1', name: 'Business consulting', kind: 'consulting', unit: 'hour', marketPriceRub: '3000.00', residentPriceRub: 1500 },
      { key: 's-2', name: 'Patent application support', kind: 'ip', unit: 'item', marketPriceRub: 25000, residentPriceRub: '12500.50' },
    ],
    serviceRequests: [
      { key: 'sr-1', company: 'c-1', service: 's-1', requestedOn: '2020-03-02', status: 'done', doneOn: '2020-03-10', quantity: 2.5, unitPriceRub: 1500, unitMarketPriceRub: '3000.00' },
      { key: 'sr-2', company: 'c-2', service: 's-2', requestedOn: '2021-05-05', status: 'requested', doneOn: null, quantity: '1', unitPriceRub: null, unitMarketPriceRub: null },
    ],
  } satisfies DatasetInput;
}

/** smallDataset as an export writes it: amounts as strings with two decimals. */
export function smallDatasetExported(slug: string) {
  const out = editable(slug);
  out.premises[1].areaM2 = '80.00';
  out.kpiReports[0].incomeRub = '2500000.00';
  out.kpiReports[0].taxesPaidRub = '310000.10';
  out.kpiReports[1].investmentRub = '0.00';
  out.kpiReports[1].capitalInvestmentRub = '0.00';
  out.leases[0].rateRubPerM2Month = '350.00';
  out.services[0].residentPriceRub = '1500.00';
  out.services[1].marketPriceRub = '25000.00';
  out.serviceRequests[0].quantity = '2.50';
  out.serviceRequests[0].unitPriceRub = '1500.00';
  out.serviceRequests[1].quantity = '1.00';
  return out;
}

/** A deep copy to edit in a test. */
export function editable(slug: string) {
  return JSON.parse(JSON.stringify(smallDataset(slug)));
}

export const DOMAIN_TABLES = [
  'parks',
  'buildings',
  'premises',
  'companies',
  'applications',
  'screening_decisions',
  'council_decisions',
  'residencies',
  'leases',
  'tax_incentives',
  'kpi_reports',
  'budget_funding',
  'programmes',
  'indicators',
  'indicator_values',
  'services',
  'service_requests',
  'audit_log',
] as const;

/** Row counts of every table an import writes. */
export async function rowCounts(db: DbOrTx): Promise<Record<(typeof DOMAIN_TABLES)[number], number>> {
  const parts = DOMAIN_TABLES.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(', ');
  const [row] = await queryRows<Record<(typeof DOMAIN_TABLES)[number], number>>(db, sql.raw(`SELECT ${parts}`));
  return row;
}
