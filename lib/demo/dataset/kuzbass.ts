import { addDays } from '@/lib/dates';
import type {
  Dataset,
  DatasetApplication,
  DatasetBudgetFunding,
  DatasetCompany,
  DatasetCouncil,
  DatasetLease,
  DatasetPremises,
  DatasetResidency,
  DatasetTaxIncentive,
} from '@/lib/validation/dataset';
import { councilCalendar, councilDecision, type Meeting } from './council';
import { KUZBASS_BUILDINGS, kuzbassPremises } from './kuzbass-premises';
import { kuzbassReports } from './kuzbass-reports';
import { kuzbassResidents, toCompany, type ResidentPlan } from './kuzbass-residents';
import { companyFactory, projectTitle } from './names';
import { addYears, amount, createRandom, maxDate, millions, minDate, pad, randomDate, shuffle, yearOf } from './random';

/*
 * kuzbassDataset() reproduces, from raw records, every figure of the
 * published Kuzbass Technopark summary for 2010–2016 (docs/reports.md, "Reference figures"):
 * 356 requests, 173 passed the council, 53 with tax incentives, 60 residents
 * supported (21 on site), 28 at the end (26 SMEs), 34.0% of 16,500 m² in
 * use, 11 / 8.7 / 14.5 / 2.6 bn RUB and 1,705 jobs, 2016: 2.3 / 0.42 bn and
 * 1,060 jobs, budget 920.3 M RUB (federal 412.9, regional 507.4). Around
 * them lies noise that the definitions must leave out: drafts, applications
 * of 2009 and 2017–2018, decisions dated 2017, quarterly and unaccepted
 * reports, a retired and a future premises unit, residents before 2010 and
 * after 2016.
 *
 * Fiscal payback: residents' cumulative taxes (accepted annual reports,
 * 2008 onwards) first reach the cumulative budget funding in 2014
 * (1,360 M against 875 M RUB; in 2013 it was 750 M against 825 M).
 * taxesPerBudgetRub up to 2016 is 2,640 / 920.3 = 2.87.
 */

const PERIOD_START = '2010-01-01';
const PERIOD_END = '2016-12-31';

/** Budget funding (M RUB) by year: federal, regional; up to 2016 412.9 + 507.4 = 920.3. */
const KUZBASS_FUNDING: readonly [number, DatasetBudgetFunding['source'], number][] = [
  [2008, 'federal', 60],
  [2008, 'regional', 75],
  [2009, 'federal', 80],
  [2009, 'regional', 90],
  [2010, 'federal', 75],
  [2010, 'regional', 85],
  [2011, 'federal', 70],
  [2011, 'regional', 80],
  [2012, 'federal', 55],
  [2012, 'regional', 65],
  [2013, 'federal', 40],
  [2013, 'regional', 50],
  [2014, 'federal', 20],
  [2014, 'regional', 30],
  [2015, 'federal', 12.9],
  [2015, 'regional', 20],
  [2016, 'regional', 12.4],
  [2017, 'regional', 45],
  [2017, 'municipal', 5.2],
  [2018, 'regional', 38.5],
  [2018, 'extrabudgetary', 12],
];

/** The demo park: the Kuzbass Technopark, 2008–2018, reproducing the published 2010–2016 summary. */
export function kuzbassDataset(): Dataset {
  const random = createRandom(20_161_231);
  const { plans, pins } = kuzbassResidents(random);
  const makeCompany = companyFactory(random, '42', ['05', '12', '17', '22', '23', '50', '53']);
  const meetings = councilCalendar(2007, 10, 2018);

  const premises = kuzbassPremises();

  const companies: DatasetCompany[] = [];
  const applications: DatasetApplication[] = [];
  const residencies: DatasetResidency[] = [];
  const leases: DatasetLease[] = [];
  const taxIncentives: DatasetTaxIncentive[] = [];

  const lastMeetingBefore = (date: string) => [...meetings].reverse().find((meeting) => meeting.date <= date)!;
  const firstMeetingFrom = (date: string) => meetings.find((meeting) => meeting.date >= date)!;

  let applicationSeq = 0;
  const addApplication = (application: Omit<DatasetApplication, 'key'>): string => {
    const key = `a-${pad(++applicationSeq, 4)}`;
    applications.push({ key, ...application });
    return key;
  };

  /** An application decided at a given meeting: screened 2–5 weeks before it, submitted 1–3 weeks before that. */
  const decidedAt = (company: string, meeting: Meeting, decision: DatasetCouncil['decision'], submitWindow?: [string, string]) => {
    let submittedOn: string;
    let screenedOn: string;
    if (submitWindow) {
      submittedOn = randomDate(random, submitWindow[0], submitWindow[1]);
      screenedOn = addDays(submittedOn, random.int(5, 14));
    } else {
      screenedOn = addDays(meeting.date, -random.int(14, 35));
      submittedOn = addDays(screenedOn, -random.int(5, 20));
    }
    return addApplication({
      company,
      title: projectTitle(random),
      submittedOn,
      screening: { decidedOn: screenedOn, outcome: 'accepted' },
      council: councilDecision(random, meeting, decision),
    });
  };

  /** An application submitted on a day, taken as far as `stage`. */
  const submitted = (
    company: string,
    submittedOn: string,
    stage: 'unscreened' | 'screen-returned' | 'screen-rejected' | 'awaiting-council' | DatasetCouncil['decision'],
    councilFrom?: string,
  ) => {
    const screenedOn = addDays(submittedOn, random.int(5, 20));
    const screening =
      stage === 'unscreened'
        ? null
        : {
            decidedOn: screenedOn,
            outcome:
              stage === 'screen-returned' ? ('returned' as const) : stage === 'screen-rejected' ? ('rejected' as const) : ('accepted' as const),
          };
    const council =
      stage === 'approved' || stage === 'rejected' || stage === 'revision'
        ? councilDecision(random, firstMeetingFrom(maxDate(addDays(screenedOn, 14), councilFrom ?? screenedOn)), stage)
        : null;
    return addApplication({ company, title: projectTitle(random), submittedOn, screening, council });
  };

  // Residents: company, admission applications, residencies.
  const agreementSeq = new Map<number, number>();
  for (const plan of plans) {
    const company = toCompany(plan.key);
    companies.push(makeCompany({ key: company, sme: plan.sme, manufacturing: plan.manufacturing, name: plan.name, industry: plan.industry }));
    plan.stays.forEach((stay, index) => {
      let application: string | null = null;
      if (stay.application === 'own') {
        const meeting = stay.submitWindow
          ? firstMeetingFrom(addDays(stay.submitWindow[1], 40))
          : lastMeetingBefore(addDays(stay.start, -10));
        if (meeting.date >= stay.start) throw new Error(`${plan.key}: council after admission`);
        application = decidedAt(company, meeting, 'approved', stay.submitWindow);
      }
      const year = yearOf(stay.start);
      const seq = (agreementSeq.get(year) ?? 0) + 1;
      agreementSeq.set(year, seq);
      residencies.push({
        key: index === 0 ? plan.key : `${plan.key}-${index + 1}`,
        company,
        application,
        agreementNumber: `КТ-${year}/${pad(seq, 3)}`,
        startOn: stay.start,
        endOn: stay.end,
        placement: stay.placement,
      });
    });
  }

  // Leases: the planned ones, then a free unit for every other on-site stay.
  const premisesByKey = new Map(premises.map((unit) => [unit.key, unit]));
  const isFree = (unit: DatasetPremises, from: string, to: string | null) =>
    (unit.availableFrom === null || unit.availableFrom <= from) &&
    (unit.availableTo === null || (to !== null && to <= unit.availableTo)) &&
    !leases.some(
      (lease) => lease.premises === unit.key && (lease.endOn === null || from <= lease.endOn) && (to === null || lease.startOn <= to),
    );
  let leaseSeq = 0;
  const addLease = (company: string, unit: string, startOn: string, endOn: string | null) => {
    if (!isFree(premisesByKey.get(unit)!, startOn, endOn)) throw new Error(`lease of ${unit} from ${startOn} clashes`);
    leases.push({ key: `l-${pad(++leaseSeq, 3)}`, company, premises: unit, startOn, endOn, rateRubPerM2Month: null, marketRateRubPerM2Month: null });
  };
  const siteStaysOf = (plan: ResidentPlan) => plan.stays.filter((stay) => stay.placement === 'on_site');
  for (const plan of plans.filter((p) => p.leases)) {
    const stays = siteStaysOf(plan);
    for (const lease of plan.leases!) {
      // The on-site stay the lease falls in (a lease never outlives it).
      const owner =
        stays.find((stay) => lease.from !== undefined && stay.start <= lease.from && (stay.end === null || lease.from <= stay.end)) ??
        stays[0];
      const startOn = lease.from === undefined ? addDays(owner.start, 14) : maxDate(lease.from, owner.start);
      addLease(toCompany(plan.key), lease.premises, startOn, lease.to !== undefined ? lease.to : owner.end);
    }
  }
  // Small units for the on-site residents without planned leases.
  const pickable = premises.filter(
    (unit) => ['office', 'laboratory', 'incubator'].includes(unit.kind) && Number(unit.areaM2) < 250,
  );
  for (const plan of plans.filter((p) => !p.leases)) {
    for (const stay of siteStaysOf(plan)) {
      const startOn = addDays(stay.start, random.int(7, 21));
      const unit = shuffle(random, pickable).find((candidate) => isFree(candidate, startOn, stay.end));
      if (!unit) throw new Error(`${plan.key}: no free premises`);
      addLease(toCompany(plan.key), unit.key, startOn, stay.end);
    }
  }

  // Tax incentives.
  let incentiveSeq = 0;
  const grant = (company: string, kind: DatasetTaxIncentive['kind'], grantedOn: string, stayEnd: string | null) => {
    const fiveYears = addDays(addYears(grantedOn, 5), -1);
    taxIncentives.push({
      key: `t-${pad(++incentiveSeq, 3)}`,
      company,
      kind,
      legalBasis:
        kind === 'profit_tax'
          ? 'Закон Кемеровской области о льготах по налогу на прибыль для резидентов технопарков'
          : kind === 'property_tax'
            ? 'Закон Кемеровской области о льготах по налогу на имущество организаций'
            : kind === 'land_tax'
              ? 'Решение Кемеровского городского Совета о льготах по земельному налогу'
              : null,
      grantedOn,
      validFrom: grantedOn,
      validTo: stayEnd === null ? fiveYears : minDate(stayEnd, fiveYears),
    });
  };
  for (const plan of plans) {
    const company = toCompany(plan.key);
    const stay = plan.stays[plan.stays.length - 1];
    const firstStart = plan.stays[0].start;
    const lastDay = minDate(stay.end ?? '2099-12-31', PERIOD_END);
    if (yearOf(firstStart) < 2010) {
      const early = addDays(firstStart, random.int(30, 90));
      if (plan.incentives !== 'none') grant(company, 'profit_tax', minDate(early, '2009-12-28'), plan.stays[0].end);
      if (plan.incentives === 'period') {
        const renewal = minDate(randomDate(random, '2010-02-01', '2012-06-30'), addDays(lastDay, -20));
        grant(company, plan.manufacturing ? 'property_tax' : 'profit_tax', renewal, stay.end);
      }
    } else if (yearOf(firstStart) <= 2016 && plan.incentives === 'period') {
      const grantedOn = minDate(addDays(firstStart, random.int(20, 90)), minDate(addDays(lastDay, -1), '2016-12-28'));
      grant(company, 'profit_tax', grantedOn, stay.end);
      if (plan.manufacturing || (plan.leases && random.next() < 0.5)) {
        const second = addDays(grantedOn, random.int(200, 500));
        if (second <= lastDay) grant(company, 'property_tax', second, stay.end);
      }
    }
  }
  grant('c-e02', 'land_tax', '2011-04-14', null);
  // After the period: grants of 2017–2018, outside any 2010–2016 count.
  grant('c-n1', 'profit_tax', '2017-04-20', null);
  grant('c-n2', 'profit_tax', '2017-07-03', null);
  grant('c-m2016-1', 'property_tax', '2017-02-16', null);
  grant('c-n3', 'other', '2018-03-22', null);

  // Applications beyond the residents' admissions.
  const residentCompanies = plans.map((plan) => toCompany(plan.key));
  const applicants: string[] = [];
  for (let n = 1; n <= 190; n++) {
    const key = `c-a${pad(n, 3)}`;
    companies.push(
      makeCompany({
        key,
        sme: random.pick(['micro', 'micro', 'micro', 'small', 'small', 'medium', 'none'] as const),
        withInn: n % 37 !== 0,
      }),
    );
    applicants.push(key);
  }
  let applicantTurn = 0;
  // Every applicant company applies at least once; some several times.
  const nextApplicant = () => (applicantTurn < applicants.length ? applicants[applicantTurn++] : random.pick(applicants));
  const residentDuring = (from: string, to: string) =>
    toCompany(
      random.pick(plans.filter((plan) => plan.stays.some((stay) => stay.start <= from && (stay.end === null || stay.end >= to))))
        .key,
    );

  // Approved in the period: 30 further projects of residents, 94 of other companies
  // (with the admissions above: 173 council approvals dated 2010–2016).
  for (let n = 0; n < 30; n++) {
    const submittedOn = randomDate(random, '2010-03-01', '2016-09-30');
    submitted(residentDuring(submittedOn, addDays(submittedOn, 120)), submittedOn, 'approved');
  }
  for (let n = 0; n < 94; n++) submitted(nextApplicant(), randomDate(random, PERIOD_START, '2016-09-30'), 'approved');
  // Submitted in the period and not approved in it: 181 + one approved only in 2017.
  const outcomes: [number, Parameters<typeof submitted>[2], string][] = [
    [62, 'rejected', '2016-09-30'],
    [24, 'revision', '2016-09-30'],
    [41, 'screen-rejected', '2016-12-15'],
    [33, 'screen-returned', '2016-12-15'],
  ];
  for (const [count, stage, latest] of outcomes) {
    for (let n = 0; n < count; n++) submitted(nextApplicant(), randomDate(random, PERIOD_START, latest), stage);
  }
  for (let n = 0; n < 12; n++) submitted(nextApplicant(), randomDate(random, '2016-09-01', '2016-11-20'), 'awaiting-council', '2017-01-01');
  for (let n = 0; n < 9; n++) submitted(nextApplicant(), randomDate(random, '2016-11-21', '2016-12-29'), 'unscreened');
  submitted(nextApplicant(), '2016-11-28', 'approved', '2017-01-01');
  // Before the period: rejected projects of 2008–2009.
  for (let n = 0; n < 6; n++) submitted(nextApplicant(), randomDate(random, '2008-02-01', '2009-10-31'), 'rejected');
  // After the period.
  for (const stage of ['approved', 'approved', 'approved', 'approved', 'rejected', 'rejected', 'rejected', 'screen-returned', 'screen-returned', 'awaiting-council'] as const) {
    submitted(nextApplicant(), randomDate(random, '2017-01-09', '2018-10-31'), stage);
  }
  // Drafts: never submitted, never counted.
  for (let n = 0; n < 5; n++) {
    addApplication({ company: n < 3 ? nextApplicant() : residentCompanies[10 + n], title: projectTitle(random), submittedOn: null, screening: null, council: null });
  }

  const kpiReports = kuzbassReports(random, plans, pins);

  const budgetFunding: DatasetBudgetFunding[] = KUZBASS_FUNDING.map(([year, source, m]) => ({
    key: `bf-${year}-${source}`,
    year,
    source,
    amountRub: amount(millions(m)),
  }));

  return {
    format: 'technopark-dataset/1',
    park: {
      slug: 'kuzbass',
      name: 'Kuzbass Technopark',
      region: 'Kemerovo Region — Kuzbass',
      type: 'mixed',
      landAreaHa: '23.30',
      foundedOn: '2007-06-27',
    },
    buildings: KUZBASS_BUILDINGS.map((building) => ({ ...building })),
    premises,
    companies,
    applications,
    residencies,
    leases,
    taxIncentives,
    kpiReports,
    budgetFunding,
    programmes: [],
    services: [],
    serviceRequests: [],
  };
}
