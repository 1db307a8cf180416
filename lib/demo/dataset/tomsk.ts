import type { Dataset, DatasetApplication, DatasetCompany, DatasetKpiReport, DatasetLease, DatasetPremises, DatasetProgramme, DatasetResidency, DatasetTaxIncentive } from '@/lib/validation/dataset';
import { companyFactory, projectTitle } from './names';
import { amount, createRandom, pad, rub } from './random';

/** The ITC Tomsk concept's indicators (docs/reports.md, "Reference figures"): 2014–2016 actuals and the 2020 targets. */
const TOMSK_INDICATORS: readonly [string, string, string, (number | null)[], number][] = [
  ['high-productivity-jobs', 'High-productivity jobs', 'thousand', [120.6, 124.1, 114.8], 160],
  ['rnd-spending', 'Domestic R&D spending', '% of gross regional product', [2.3, 2.46, 2.08], 2.4],
  ['fixed-investment', 'Investment in fixed assets', '% of gross regional product', [22.7, 22.8, 20.1], 27],
  ['manufacturing-index', 'Manufacturing production index', '% of previous year', [102.2, 100.6, 101.8], 103.1],
  ['publications', 'Publications per 100 researchers (Web of Science)', 'per 100 researchers', [21, 60, 75], 24],
  ['sez-private-investment', 'Private investment of SEZ residents', 'bn RUB', [1.25, 1.9, 2.2], 5],
  ['sez-goods', 'Goods and services produced by SEZ residents', 'bn RUB', [0.7, 2.24, 2.7], 9.7],
  ['public-space-projects', 'Public-space projects realised in Tomsk', 'projects', [null, 2, 13], 15],
];

/** A second, small park with the ITC Tomsk indicator programme. */
export function tomskDataset(): Dataset {
  const random = createRandom(70_2020);
  const makeCompany = companyFactory(random, '70', ['17', '18', '19', '20', '24']);
  const companies: DatasetCompany[] = [
    makeCompany({ key: 'c-t1', sme: 'small', name: 'ООО «Томские микросистемы»', manufacturing: true }),
    makeCompany({ key: 'c-t2', sme: 'micro', name: 'ООО «Сибирская биоинформатика»' }),
    makeCompany({ key: 'c-t3', sme: 'small', name: 'ООО «НПП Томлазер»', manufacturing: true }),
    makeCompany({ key: 'c-t4', sme: 'medium', name: 'АО «Томские радиосистемы»', manufacturing: true }),
    makeCompany({ key: 'c-t5', sme: 'micro', name: 'ООО «Кедр Софт»' }),
    makeCompany({ key: 'c-t6', sme: 'micro', name: 'ООО «Нанокерамика Томск»' }),
  ];
  const approved = (company: string, submittedOn: string, screenedOn: string, decidedOn: string, meetingNumber: number): DatasetApplication => ({
    key: `a-${company.slice(2)}`,
    company,
    title: projectTitle(random),
    submittedOn,
    screening: { decidedOn: screenedOn, outcome: 'accepted' },
    council: { decidedOn, decision: 'approved', meetingNumber, votesFor: 7, votesAgainst: 0, votesAbstain: 1 },
  });
  const applications: DatasetApplication[] = [
    approved('c-t1', '2013-10-07', '2013-10-21', '2013-11-28', 1),
    approved('c-t2', '2013-10-14', '2013-10-28', '2013-11-28', 1),
    approved('c-t3', '2014-03-03', '2014-03-17', '2014-04-24', 3),
    approved('c-t4', '2014-09-08', '2014-09-22', '2014-10-30', 5),
    approved('c-t5', '2015-02-02', '2015-02-16', '2015-03-26', 7),
    {
      key: 'a-t6',
      company: 'c-t6',
      title: projectTitle(random),
      submittedOn: '2015-06-01',
      screening: { decidedOn: '2015-06-15', outcome: 'accepted' },
      council: { decidedOn: '2015-06-25', decision: 'rejected', meetingNumber: 9, votesFor: 2, votesAgainst: 5, votesAbstain: 1 },
    },
    {
      key: 'a-t6-2',
      company: 'c-t6',
      title: projectTitle(random),
      submittedOn: '2016-11-14',
      screening: { decidedOn: '2016-11-28', outcome: 'returned' },
      council: null,
    },
    { key: 'a-t5-2', company: 'c-t5', title: projectTitle(random), submittedOn: null, screening: null, council: null },
  ];
  const residency = (company: string, startOn: string, endOn: string | null, placement: DatasetResidency['placement'], n: number): DatasetResidency => ({
    key: `r-${company.slice(2)}`,
    company,
    application: `a-${company.slice(2)}`,
    agreementNumber: `ИТЦ-${startOn.slice(0, 4)}/${pad(n, 2)}`,
    startOn,
    endOn,
    placement,
  });
  const residencies = [
    residency('c-t1', '2014-01-13', null, 'on_site', 1),
    residency('c-t2', '2014-01-20', '2016-06-30', 'extraterritorial', 2),
    residency('c-t3', '2014-05-12', null, 'on_site', 3),
    residency('c-t4', '2014-11-17', null, 'on_site', 4),
    residency('c-t5', '2015-04-06', null, 'extraterritorial', 1),
  ];
  const premises: DatasetPremises[] = [
    { key: 'ic-1', building: 'ic', name: 'Office 1', kind: 'office', areaM2: '64.20', availableFrom: '2013-09-01', availableTo: null },
    { key: 'ic-2', building: 'ic', name: 'Office 2', kind: 'office', areaM2: '48.50', availableFrom: '2013-09-01', availableTo: null },
    { key: 'ic-3', building: 'ic', name: 'Coworking', kind: 'coworking', areaM2: '210.00', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-1', building: 'lb', name: 'Clean room', kind: 'laboratory', areaM2: '180.40', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-2', building: 'lb', name: 'Laser laboratory', kind: 'laboratory', areaM2: '126.70', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-3', building: 'lb', name: 'Assembly shop', kind: 'production', areaM2: '342.00', availableFrom: '2014-06-01', availableTo: null },
  ];
  const leases: DatasetLease[] = [
    { key: 'l-1', company: 'c-t1', premises: 'lb-1', startOn: '2014-02-01', endOn: null, rateRubPerM2Month: null, marketRateRubPerM2Month: null },
    { key: 'l-2', company: 'c-t3', premises: 'lb-2', startOn: '2014-06-02', endOn: null, rateRubPerM2Month: null, marketRateRubPerM2Month: null },
    { key: 'l-3', company: 'c-t4', premises: 'lb-3', startOn: '2014-12-01', endOn: '2016-11-30', rateRubPerM2Month: null, marketRateRubPerM2Month: null },
    { key: 'l-4', company: 'c-t4', premises: 'ic-1', startOn: '2016-12-01', endOn: null, rateRubPerM2Month: null, marketRateRubPerM2Month: null },
  ];
  const taxIncentives: DatasetTaxIncentive[] = [
    { key: 't-1', company: 'c-t1', kind: 'property_tax', legalBasis: 'Закон Томской области о налоговых льготах для резидентов технопарков', grantedOn: '2014-04-10', validFrom: '2014-04-10', validTo: '2019-04-09' },
    { key: 't-2', company: 'c-t4', kind: 'profit_tax', legalBasis: 'Закон Томской области о налоговых льготах для резидентов технопарков', grantedOn: '2015-02-19', validFrom: '2015-03-01', validTo: null },
  ];
  const kpiReports: DatasetKpiReport[] = [];
  for (const r of residencies) {
    for (let year = 2014; year <= 2016; year++) {
      if (r.startOn > `${year}-12-31` || (r.endOn !== null && r.endOn < `${year}-01-01`)) continue;
      const inv = rub(random.int(2, 40) * 250_000);
      kpiReports.push({
        key: `k-${r.company.slice(2)}-${year}`,
        company: r.company,
        year,
        quarter: null,
        status: r.company === 'c-t5' && year === 2016 ? 'submitted' : 'accepted',
        jobsCreated: random.int(1, 12),
        headcount: random.int(8, 60),
        investmentRub: amount(inv),
        capitalInvestmentRub: amount((inv * BigInt(random.int(40, 90))) / 100n),
        incomeRub: amount(rub(random.int(4, 120) * 500_000)),
        taxesPaidRub: amount(rub(random.int(3, 60) * 100_000)),
        rndSpendRub: amount(rub(random.int(1, 20) * 150_000)),
      });
    }
  }
  const programme: DatasetProgramme = {
    key: 'itc-tomsk-2020',
    name: 'ITC Tomsk concept 2020',
    indicators: TOMSK_INDICATORS.map(([key, name, unit, actuals, target]) => ({
      key,
      name,
      unit,
      direction: 'higher',
      values: [
        ...actuals.flatMap((value, i) => (value === null ? [] : [{ year: 2014 + i, kind: 'actual' as const, value }])),
        { year: 2020, kind: 'target' as const, value: target },
      ],
    })),
  };

  return {
    format: 'technopark-dataset/1',
    park: { slug: 'itc-tomsk', name: 'ITC Tomsk', region: 'Tomsk Region', type: 'high_tech', landAreaHa: null, foundedOn: null },
    buildings: [
      { key: 'ic', name: 'Innovation centre' },
      { key: 'lb', name: 'Laboratory building' },
    ],
    premises,
    companies,
    applications,
    residencies,
    leases,
    taxIncentives,
    kpiReports,
    budgetFunding: [
      { key: 'bf-2014-regional', year: 2014, source: 'regional', amountRub: '42500000.00' },
      { key: 'bf-2015-regional', year: 2015, source: 'regional', amountRub: '38200000.00' },
      { key: 'bf-2015-federal', year: 2015, source: 'federal', amountRub: '60000000.00' },
      { key: 'bf-2016-regional', year: 2016, source: 'regional', amountRub: '35750000.00' },
    ],
    programmes: [programme],
    services: [],
    serviceRequests: [],
  };
}
