import { toKopecks } from '@/lib/reports/money';
import { capitalWithinInvestment } from '@/lib/validation/amounts';
import type { Dataset, DatasetLease, DatasetResidency } from '@/lib/validation/dataset';

/**
 * The rules of `technopark-dataset/1` that span records: unique keys,
 * references, date order, lease overlaps and placement, KPI report
 * uniqueness. Runs on a data set whose shape zod has already accepted, and
 * returns every problem as one line naming the record, in document order.
 */
export function checkDataset(data: Dataset): string[] {
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(`${path}: ${message}`);

  // Every reference points to an earlier list, so all key sets are known before the records are checked.
  const keysOf = (records: readonly { key: string }[]) => new Set(records.map((record) => record.key));
  const buildingKeys = keysOf(data.buildings);
  const premisesKeys = keysOf(data.premises);
  const companyKeys = keysOf(data.companies);
  const applicationKeys = keysOf(data.applications);

  /** Reports a key seen before in the same list; call once per record, in order. */
  const uniqueKeys = (list: string) => {
    const seen = new Set<string>();
    return (index: number, key: string) => {
      if (seen.has(key)) report(`${list}[${index}].key`, `duplicate key "${key}"`);
      seen.add(key);
    };
  };
  const requireKey = (path: string, keys: Set<string>, what: string, key: string) => {
    if (!keys.has(key)) report(path, `no ${what} with key "${key}"`);
  };
  const requireOrder = (path: string, start: string, end: string | null, startName: string) => {
    if (end !== null && end < start) report(path, `${end} is before ${startName} ${start}`);
  };

  const buildingKey = uniqueKeys('buildings');
  data.buildings.forEach((building, index) => buildingKey(index, building.key));

  const premisesKey = uniqueKeys('premises');
  data.premises.forEach((premises, index) => {
    const path = `premises[${index}]`;
    premisesKey(index, premises.key);
    requireKey(`${path}.building`, buildingKeys, 'building', premises.building);
    if (premises.availableFrom !== null) {
      requireOrder(`${path}.availableTo`, premises.availableFrom, premises.availableTo, 'availableFrom');
    }
  });

  const companyKey = uniqueKeys('companies');
  data.companies.forEach((company, index) => companyKey(index, company.key));

  const applicationKey = uniqueKeys('applications');
  const applicationCompany = new Map(data.applications.map((application) => [application.key, application.company]));
  data.applications.forEach((application, index) => {
    const path = `applications[${index}]`;
    applicationKey(index, application.key);
    requireKey(`${path}.company`, companyKeys, 'company', application.company);
    for (const step of ['screening', 'council'] as const) {
      const decision = application[step];
      if (decision === null) continue;
      if (application.submittedOn === null) report(`${path}.${step}`, 'a draft (submittedOn null) has no decision');
      else requireOrder(`${path}.${step}.decidedOn`, application.submittedOn, decision.decidedOn, 'submittedOn');
    }
  });

  const residencyKey = uniqueKeys('residencies');
  const residenciesByCompany = new Map<string, DatasetResidency[]>();
  data.residencies.forEach((residency, index) => {
    const path = `residencies[${index}]`;
    residencyKey(index, residency.key);
    requireKey(`${path}.company`, companyKeys, 'company', residency.company);
    if (residency.application !== null) {
      requireKey(`${path}.application`, applicationKeys, 'application', residency.application);
      const owner = applicationCompany.get(residency.application);
      if (owner !== undefined && owner !== residency.company) {
        report(`${path}.application`, `application "${residency.application}" is of company "${owner}"`);
      }
    }
    requireOrder(`${path}.endOn`, residency.startOn, residency.endOn, 'startOn');
    const list = residenciesByCompany.get(residency.company) ?? [];
    list.push(residency);
    residenciesByCompany.set(residency.company, list);
  });

  const leaseKey = uniqueKeys('leases');
  const leasesByPremises = new Map<string, DatasetLease[]>();
  data.leases.forEach((lease, index) => {
    const path = `leases[${index}]`;
    leaseKey(index, lease.key);
    requireKey(`${path}.company`, companyKeys, 'company', lease.company);
    requireKey(`${path}.premises`, premisesKeys, 'premises', lease.premises);
    requireOrder(`${path}.endOn`, lease.startOn, lease.endOn, 'startOn');
    if (lease.rateRubPerM2Month !== null && lease.marketRateRubPerM2Month === null) {
      report(`${path}.marketRateRubPerM2Month`, 'missing: rateRubPerM2Month needs the market rate beside it');
    } else if (lease.rateRubPerM2Month === null && lease.marketRateRubPerM2Month !== null) {
      report(`${path}.rateRubPerM2Month`, 'missing: marketRateRubPerM2Month needs the resident’s rate beside it');
    }

    // Only on-site residents lease premises; the residency in force when the lease starts decides.
    const covering = (residenciesByCompany.get(lease.company) ?? []).filter((residency) =>
      covers(residency.startOn, residency.endOn, lease.startOn),
    );
    if (companyKeys.has(lease.company) && !covering.some((residency) => residency.placement === 'on_site')) {
      const extraterritorial = covering[0];
      report(
        `${path}.company`,
        extraterritorial
          ? `no on-site residency covering ${lease.startOn} (residency "${extraterritorial.key}" is extraterritorial)`
          : `no on-site residency covering ${lease.startOn}`,
      );
    }

    // One premises unit has at most one lease at a time; end dates are inclusive, null is open.
    const earlier = leasesByPremises.get(lease.premises) ?? [];
    const clash = earlier.find((other) => overlaps(other.startOn, other.endOn, lease.startOn, lease.endOn));
    if (clash) {
      report(
        `${path}.premises`,
        `premises "${lease.premises}" is already leased by lease "${clash.key}" (${clash.startOn}..${clash.endOn ?? 'open'})`,
      );
    }
    earlier.push(lease);
    leasesByPremises.set(lease.premises, earlier);
  });

  const incentiveKey = uniqueKeys('taxIncentives');
  data.taxIncentives.forEach((incentive, index) => {
    const path = `taxIncentives[${index}]`;
    incentiveKey(index, incentive.key);
    requireKey(`${path}.company`, companyKeys, 'company', incentive.company);
    requireOrder(`${path}.validTo`, incentive.validFrom, incentive.validTo, 'validFrom');
  });

  const kpiKey = uniqueKeys('kpiReports');
  const reportKeys = new Map<string, string>();
  data.kpiReports.forEach((kpi, index) => {
    const path = `kpiReports[${index}]`;
    kpiKey(index, kpi.key);
    requireKey(`${path}.company`, companyKeys, 'company', kpi.company);
    if (!capitalWithinInvestment(kpi.capitalInvestmentRub, kpi.investmentRub)) {
      report(`${path}.capitalInvestmentRub`, `${kpi.capitalInvestmentRub} is larger than investmentRub ${kpi.investmentRub}`);
    }
    const period = kpi.quarter === null ? `${kpi.year}` : `${kpi.year} Q${kpi.quarter}`;
    const identity = `${kpi.company}\u0000${period}`;
    const first = reportKeys.get(identity);
    if (first !== undefined) {
      report(`${path}.year`, `company "${kpi.company}" already has report "${first}" for ${period}`);
    } else {
      reportKeys.set(identity, kpi.key);
    }
  });

  // A year may bring several entries from one source (tranches): the budget pages record them so,
  // and their export must import again.
  const fundingKey = uniqueKeys('budgetFunding');
  data.budgetFunding.forEach((funding, index) => fundingKey(index, funding.key));

  const programmeKey = uniqueKeys('programmes');
  data.programmes.forEach((programme, programmeIndex) => {
    const programmePath = `programmes[${programmeIndex}]`;
    programmeKey(programmeIndex, programme.key);
    const indicatorKey = uniqueKeys(`${programmePath}.indicators`);
    programme.indicators.forEach((indicator, indicatorIndex) => {
      indicatorKey(indicatorIndex, indicator.key);
      const seen = new Set<string>();
      indicator.values.forEach((value, valueIndex) => {
        const identity = `${value.year} ${value.kind}`;
        if (seen.has(identity)) {
          report(
            `${programmePath}.indicators[${indicatorIndex}].values[${valueIndex}].year`,
            `duplicate ${value.kind} value for ${value.year}`,
          );
        }
        seen.add(identity);
      });
    });
  });

  const serviceKey = uniqueKeys('services');
  data.services.forEach((service, index) => {
    serviceKey(index, service.key);
    if (toKopecks(service.residentPriceRub) > toKopecks(service.marketPriceRub)) {
      report(`services[${index}].residentPriceRub`, `${service.residentPriceRub} is above marketPriceRub ${service.marketPriceRub}`);
    }
  });

  const serviceKeys = keysOf(data.services);
  const requestKey = uniqueKeys('serviceRequests');
  data.serviceRequests.forEach((request, index) => {
    const path = `serviceRequests[${index}]`;
    requestKey(index, request.key);
    requireKey(`${path}.company`, companyKeys, 'company', request.company);
    requireKey(`${path}.service`, serviceKeys, 'service', request.service);
    // That the company was a resident on requestedOn is checked on import, against the park's residencies
    // in the database as the file leaves them (requestResidencies): the file need not list them all.
    if (request.status === 'done') {
      if (request.doneOn === null) report(`${path}.doneOn`, 'missing: a done request has its doneOn');
      else requireOrder(`${path}.doneOn`, request.requestedOn, request.doneOn, 'requestedOn');
      if (request.unitPriceRub === null) report(`${path}.unitPriceRub`, 'missing: a done request has both unit prices');
      if (request.unitMarketPriceRub === null) report(`${path}.unitMarketPriceRub`, 'missing: a done request has both unit prices');
    } else if (request.doneOn !== null) {
      report(`${path}.doneOn`, `only a done request has a doneOn (status is "${request.status}")`);
    }
  });

  return problems;
}

/** True if the period [start, end] (inclusive, null end = open) contains the day. */
function covers(start: string, end: string | null, day: string): boolean {
  return start <= day && (end === null || day <= end);
}

function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (aEnd === null || bStart <= aEnd) && (bEnd === null || aStart <= bEnd);
}
