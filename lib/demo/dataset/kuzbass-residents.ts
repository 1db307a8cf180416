import { addDays } from '@/lib/dates';
import type { DatasetCompany, DatasetResidency } from '@/lib/validation/dataset';
import { minDate, randomDate, type Random } from './random';

/** A resident plan's key `r-…` names its company `c-…`. */
export const toCompany = (planKey: string) => planKey.replace(/^r-/, 'c-');

/** One residency of a resident plan. */
export type Stay = {
  start: string;
  end: string | null;
  placement: DatasetResidency['placement'];
  /** 'own': admitted on its own approved application; 'none': no application (a transfer). */
  application: 'own' | 'none';
  /** Earliest and latest day its admission application may be submitted. */
  submitWindow?: [string, string];
};

/** A premises unit to lease: from (default: shortly after the stay starts) to (default: the stay's end). */
export type LeasePlan = { premises: string; from?: string; to?: string | null };

export type ResidentPlan = {
  key: string;
  sme: DatasetCompany['smeCategory'];
  manufacturing?: boolean;
  name?: string;
  industry?: string;
  stays: Stay[];
  /** Fixed leases; an on-site stay without one gets a free unit picked for it. */
  leases?: LeasePlan[];
  /** Tax incentives: 'period' = at least one grant dated 2010–2016, 'early' = only before 2010. */
  incentives: 'period' | 'early' | 'none';
  /** Relative size of its figures. */
  size: number;
};

/** Shares of a year's totals pinned to one resident (the rest is spread over the others). */
export type Pin = { company: string; year: number; metric: 'inv' | 'income' | 'taxes' | 'jobs'; share: number };

/**
 * The residents: 3 only before 2010, 12 admitted 2008–2009 who stay into the
 * period, 48 admitted 2010–2016, 4 admitted 2017–2018.
 */
export function kuzbassResidents(random: Random): { plans: ResidentPlan[]; pins: Pin[] } {
  const plans: ResidentPlan[] = [
    // Residents whose residency ended before 2010: never counted for 2010–2016.
    { key: 'r-er1', sme: 'micro', stays: [{ start: '2008-03-03', end: '2009-12-31', placement: 'on_site', application: 'own' }], leases: [{ premises: 'bi-01' }], incentives: 'early', size: 0.4 },
    { key: 'r-er2', sme: 'small', stays: [{ start: '2008-06-02', end: '2009-09-30', placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.5 },
    { key: 'r-er3', sme: 'micro', stays: [{ start: '2008-10-06', end: '2009-06-30', placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.3 },

    // Admitted 2008–2009. e1 is the park's largest taxpayer until it leaves at
    // the end of 2015, hence the drop in taxes in 2016.
    {
      key: 'r-e01',
      name: 'АО «Кузбасский завод горно-шахтного оборудования»',
      industry: 'машиностроение',
      sme: 'none',
      manufacturing: true,
      stays: [{ start: '2008-04-01', end: '2015-12-31', placement: 'on_site', application: 'own' }],
      leases: [
        { premises: 'ec-402', from: '2008-04-15', to: '2009-05-31' },
        { premises: 'plb-p1', from: '2009-06-01' },
      ],
      incentives: 'period',
      size: 6,
    },
    {
      key: 'r-e02',
      name: 'АО «Сибирский центр углехимии»',
      industry: 'углехимия',
      sme: 'none',
      manufacturing: true,
      stays: [{ start: '2008-06-16', end: null, placement: 'on_site', application: 'own' }],
      leases: [
        { premises: 'ec-302', from: '2008-07-01', to: '2009-05-31' },
        { premises: 'plb-p2', from: '2009-06-01' },
        { premises: 'plb-l14', from: '2012-03-01' },
      ],
      incentives: 'period',
      size: 4,
    },
    {
      // On site before 2010 only, then extraterritorial: not counted on site for 2010–2016.
      key: 'r-e03',
      sme: 'small',
      stays: [
        { start: '2008-09-01', end: '2009-12-31', placement: 'on_site', application: 'own' },
        { start: '2010-01-01', end: '2016-06-30', placement: 'extraterritorial', application: 'own', submitWindow: ['2009-08-03', '2009-09-15'] },
      ],
      leases: [{ premises: 'bi-02' }],
      incentives: 'early',
      size: 1,
    },
    { key: 'r-e04', sme: 'small', stays: [{ start: '2008-11-10', end: null, placement: 'on_site', application: 'own' }], leases: [{ premises: 'ec-401', from: '2009-01-12' }], incentives: 'period', size: 2 },
    { key: 'r-e05', sme: 'medium', manufacturing: true, stays: [{ start: '2009-02-02', end: '2018-12-31', placement: 'on_site', application: 'own' }], leases: [{ premises: 'plb-p4', from: '2009-07-01' }], incentives: 'period', size: 2.5 },
    { key: 'r-e06', sme: 'small', stays: [{ start: '2009-03-16', end: '2013-06-30', placement: 'on_site', application: 'own' }], leases: [{ premises: 'ec-302', from: '2009-06-15' }], incentives: 'period', size: 1.2 },
    // Ends on 2016-12-31 itself: still a resident on the period's last day.
    { key: 'r-e07', sme: 'small', stays: [{ start: '2009-04-20', end: '2016-12-31', placement: 'extraterritorial', application: 'own' }], incentives: 'early', size: 1 },
    { key: 'r-e08', sme: 'micro', stays: [{ start: '2009-05-18', end: '2011-12-31', placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.5 },
    { key: 'r-e09', sme: 'small', stays: [{ start: '2009-07-01', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 1.1 },
    { key: 'r-e10', sme: 'micro', stays: [{ start: '2009-09-14', end: '2012-09-30', placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.6 },
    { key: 'r-e11', sme: 'medium', stays: [{ start: '2009-10-05', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 1.5 },
    { key: 'r-e12', sme: 'micro', stays: [{ start: '2009-12-01', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.7 },
  ];

  // Admitted 2010–2016: by year of admission, how many are still residents on
  // 2016-12-31, and the special cases among them.
  const intake: Record<number, { count: number; atEnd: number }> = {
    2010: { count: 7, atEnd: 0 },
    2011: { count: 8, atEnd: 1 },
    2012: { count: 7, atEnd: 2 },
    2013: { count: 7, atEnd: 3 },
    2014: { count: 7, atEnd: 4 },
    2015: { count: 6, atEnd: 5 },
    2016: { count: 6, atEnd: 6 },
  };
  /** At-end residents on site and the units they lease on 2016-12-31 (with e02, e04, e05, m2011-1: 5,608.40 m²). */
  const onSiteAtEnd: Record<number, LeasePlan[][]> = {
    2013: [[{ premises: 'ec-303' }], [{ premises: 'ec-301' }]],
    2014: [[{ premises: 'ec-204' }], [{ premises: 'yic-3', from: '2014-09-15' }, { premises: 'cw-3', from: '2015-02-02' }]],
    2015: [[{ premises: 'plb-l12', from: '2016-03-01' }], [{ premises: 'ec-305' }, { premises: 'bi-05' }]],
    2016: [[{ premises: 'plb-p3' }]],
  };
  /** Residents who left during the period that had been on site. */
  const onSiteEnded: Record<number, number> = { 2010: 2, 2011: 2, 2012: 1, 2013: 1, 2014: 1 };
  /** Residents admitted in the period that never received a tax incentive. */
  const withoutIncentive = new Set(['r-m2010-7', 'r-m2011-8', 'r-m2012-7', 'r-m2013-6', 'r-m2014-7']);

  for (const year of [2010, 2011, 2012, 2013, 2014, 2015, 2016]) {
    const { count, atEnd } = intake[year];
    const siteLeases = [...(onSiteAtEnd[year] ?? [])];
    let siteEnded = onSiteEnded[year] ?? 0;
    for (let n = 1; n <= count; n++) {
      const key = `r-m${year}-${n}`;
      const stillThere = n <= atEnd;
      const earliest = year === 2010 ? '2010-05-01' : `${year}-01-20`;
      const start = randomDate(random, earliest, `${year}-10-31`);
      const end = stillThere
        ? random.next() < 0.7
          ? null
          : `${random.int(2017, 2020)}-12-31`
        : minDate(addDays(start, random.int(420, 1500)), '2016-11-30');
      const plan: ResidentPlan = {
        key,
        sme: random.pick(['micro', 'micro', 'small', 'small', 'small', 'medium'] as const),
        stays: [{ start, end, placement: 'extraterritorial', application: 'own' }],
        incentives: withoutIncentive.has(key) ? 'none' : 'period',
        size: random.between(0.3, 1.6),
      };
      if (stillThere && siteLeases.length > 0) {
        plan.stays[0].placement = 'on_site';
        plan.leases = siteLeases.shift();
        plan.size *= 1.5;
      } else if (!stillThere && siteEnded > 0) {
        plan.stays[0].placement = 'on_site';
        siteEnded--;
      }
      plans.push(plan);
    }
  }

  const find = (key: string) => plans.find((plan) => plan.key === key)!;

  // The first resident of 2010 applied in 2009: its council decision (January
  // 2010) counts in the period, its request does not.
  const first = find('r-m2010-1');
  first.stays[0] = { ...first.stays[0], start: '2010-02-15', submitWindow: ['2009-11-16', '2009-12-01'] };

  // Admitted extraterritorial in 2011, on site from 2014 on a new project.
  const movedIn = find('r-m2011-1');
  movedIn.stays = [
    { start: '2011-03-14', end: '2013-12-31', placement: 'extraterritorial', application: 'own' },
    { start: '2014-01-01', end: null, placement: 'on_site', application: 'own', submitWindow: ['2013-08-01', '2013-08-30'] },
  ];
  movedIn.leases = [
    { premises: 'bi-08', from: '2014-01-13', to: '2015-12-31' },
    { premises: 'ec-201', from: '2016-01-11' },
  ];
  movedIn.size = 1.4;

  // On site 2012–mid 2014, then extraterritorial (a transfer, no new application).
  const movedOut = find('r-m2012-1');
  movedOut.stays = [
    { start: '2012-04-02', end: '2014-06-30', placement: 'on_site', application: 'own' },
    { start: '2014-07-01', end: null, placement: 'extraterritorial', application: 'none' },
  ];
  movedOut.leases = [{ premises: 'ec-104', from: '2012-04-16' }];

  // Left on 2016-12-30: not a resident on the last day.
  const leftDayBefore = find('r-m2014-5');
  leftDayBefore.stays[0].end = '2016-12-30';

  // The 2016 production launch behind most of 2016's new jobs: a large company.
  const launch = find('r-m2016-1');
  launch.name = 'ООО «Кузбасский завод углеродных материалов»';
  launch.industry = 'новые материалы';
  launch.sme = 'none';
  launch.manufacturing = true;
  launch.size = 3;
  launch.stays[0].start = '2016-02-01';

  // Moved from an incubator cell into a laboratory.
  const grown = find('r-m2015-1');
  grown.stays[0].start = '2015-03-02';
  grown.leases = [{ premises: 'bi-11', from: '2015-03-16', to: '2016-02-29' }, ...(grown.leases ?? [])];

  // Admitted after the period.
  plans.push(
    { key: 'r-n1', sme: 'small', manufacturing: true, stays: [{ start: '2017-03-01', end: null, placement: 'on_site', application: 'own', submitWindow: ['2016-10-24', '2016-11-25'] }], leases: [{ premises: 'plb-p1', from: '2017-03-15' }], incentives: 'none', size: 1.5 },
    { key: 'r-n2', sme: 'micro', stays: [{ start: '2017-05-15', end: null, placement: 'extraterritorial', application: 'own', submitWindow: ['2016-11-14', '2016-11-30'] }], incentives: 'none', size: 0.6 },
    { key: 'r-n3', sme: 'small', stays: [{ start: '2018-02-05', end: null, placement: 'on_site', application: 'own' }], leases: [{ premises: 'plb-p6', from: '2018-02-19' }], incentives: 'none', size: 1 },
    { key: 'r-n4', sme: 'micro', stays: [{ start: '2018-06-04', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.5 },
  );

  const pins: Pin[] = [
    { company: 'c-e01', year: 2013, metric: 'taxes', share: 0.3 },
    { company: 'c-e01', year: 2014, metric: 'taxes', share: 0.55 },
    { company: 'c-e01', year: 2015, metric: 'taxes', share: 0.6 },
    { company: 'c-e01', year: 2013, metric: 'income', share: 0.25 },
    { company: 'c-e01', year: 2014, metric: 'income', share: 0.38 },
    { company: 'c-e01', year: 2015, metric: 'income', share: 0.44 },
    { company: 'c-e01', year: 2014, metric: 'inv', share: 0.3 },
    { company: 'c-e01', year: 2015, metric: 'inv', share: 0.32 },
    { company: 'c-m2016-1', year: 2016, metric: 'jobs', share: 0.55 },
    { company: 'c-m2016-1', year: 2016, metric: 'inv', share: 0.35 },
  ];
  return { plans, pins };
}
