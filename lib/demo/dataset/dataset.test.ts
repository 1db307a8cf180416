import { afterEach, describe, expect, it, vi } from 'vitest';

import { kuzbassDataset, tomskDataset } from '@/lib/demo/dataset';
import { KUZBASS_PUBLISHED } from '@/lib/test/kuzbass-summary';
import { referenceSummary } from '@/lib/test/reference-summary';
import { parseDataset } from '@/lib/dataset/parse';
import type { Dataset } from '@/lib/validation/dataset';
import { isValidInn } from '@/lib/validation/inn';

function parsed(data: Dataset): Dataset {
  const result = parseDataset(data);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const covers = (start: string | null, end: string | null, day: string) =>
  (start === null || start <= day) && (end === null || day <= end);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kuzbassDataset', () => {
  const data = kuzbassDataset();

  it('is a valid data set, already in canonical form', () => {
    expect(parsed(data)).toEqual(data);
  });

  it('reproduces every figure of the published 2010–2016 summary', () => {
    expect(referenceSummary(data, 2010, 2016)).toMatchObject(KUZBASS_PUBLISHED);
  });

  it('pays back in 2014', () => {
    expect(referenceSummary(data, 2010, 2016).payback).toEqual({ taxesPerBudgetRub: 2.87, paybackYear: 2014 });
    // Up to 2013 the residents' taxes (750 M) had not yet reached the funding (825 M).
    expect(referenceSummary(data, 2010, 2013).payback.paybackYear).toBeNull();
  });

  it('has noise around the period that the definitions leave out', () => {
    expect(data.applications.filter((a) => a.submittedOn === null).length).toBeGreaterThan(0);
    expect(data.applications.some((a) => a.submittedOn !== null && a.submittedOn < '2010-01-01')).toBe(true);
    expect(data.applications.some((a) => a.submittedOn !== null && a.submittedOn > '2016-12-31')).toBe(true);
    expect(
      data.applications.some(
        (a) => a.submittedOn !== null && a.submittedOn <= '2016-12-31' && a.council?.decision === 'approved' && a.council.decidedOn > '2016-12-31',
      ),
    ).toBe(true);
    expect(data.kpiReports.some((r) => r.quarter !== null && r.status === 'accepted' && r.year <= 2016)).toBe(true);
    expect(data.kpiReports.some((r) => r.quarter === null && r.status === 'submitted' && r.year <= 2016)).toBe(true);
    expect(data.kpiReports.some((r) => r.quarter === null && r.status === 'returned' && r.year <= 2016)).toBe(true);
    expect(data.kpiReports.some((r) => r.year === 2017 && r.status === 'accepted')).toBe(true);
    expect(data.residencies.some((r) => r.startOn >= '2017-01-01')).toBe(true);
    expect(data.premises.some((p) => p.availableTo !== null && p.availableTo < '2016-12-31')).toBe(true);
    expect(data.premises.some((p) => p.availableFrom !== null && p.availableFrom > '2016-12-31')).toBe(true);
    expect(data.budgetFunding.some((f) => f.year > 2016)).toBe(true);
  });

  it('gives every company a valid INN of the Kemerovo region, or none', () => {
    for (const company of data.companies) {
      if (company.inn === null) continue;
      expect(isValidInn(company.inn), company.key).toBe(true);
      expect(company.inn.slice(0, 2)).toBe('42');
    }
    expect(new Set(data.companies.map((c) => c.inn).filter(Boolean)).size).toBe(data.companies.filter((c) => c.inn).length);
    expect(new Set(data.companies.map((c) => c.name)).size).toBe(data.companies.length);
  });

  it('files KPI reports only for years the company was a resident', () => {
    for (const report of data.kpiReports) {
      const resident = data.residencies.some(
        (r) => r.company === report.company && r.startOn <= `${report.year}-12-31` && (r.endOn === null || r.endOn >= `${report.year}-01-01`),
      );
      expect(resident, report.key).toBe(true);
    }
  });

  it('leases only within an on-site residency and the premises availability', () => {
    for (const lease of data.leases) {
      const unit = data.premises.find((p) => p.key === lease.premises)!;
      expect(covers(unit.availableFrom, unit.availableTo, lease.startOn), lease.key).toBe(true);
      if (lease.endOn !== null) expect(covers(unit.availableFrom, unit.availableTo, lease.endOn), lease.key).toBe(true);
      else expect(unit.availableTo, lease.key).toBeNull();
      const residency = data.residencies.find(
        (r) => r.company === lease.company && r.placement === 'on_site' && covers(r.startOn, r.endOn, lease.startOn),
      );
      expect(residency, lease.key).toBeDefined();
      if (residency!.endOn !== null) expect(lease.endOn !== null && lease.endOn <= residency!.endOn, lease.key).toBe(true);
    }
  });

  it('admits residents on approved applications decided before admission', () => {
    const byKey = new Map(data.applications.map((a) => [a.key, a]));
    const residents = new Set(data.residencies.map((r) => r.company));
    for (const company of residents) {
      const approved = data.applications.filter((a) => a.company === company && a.council?.decision === 'approved');
      expect(approved.length, company).toBeGreaterThan(0);
    }
    for (const residency of data.residencies.filter((r) => r.application !== null)) {
      const application = byKey.get(residency.application!)!;
      expect(application.council?.decision, residency.key).toBe('approved');
      expect(application.council!.decidedOn < residency.startOn, residency.key).toBe(true);
    }
  });

  it('numbers council meetings consistently with their dates', () => {
    const dateOf = new Map<number, string>();
    for (const application of data.applications) {
      const council = application.council;
      if (!council || council.meetingNumber === null) continue;
      const seen = dateOf.get(council.meetingNumber);
      if (seen !== undefined) expect(council.decidedOn, application.key).toBe(seen);
      dateOf.set(council.meetingNumber, council.decidedOn);
    }
    const meetings = [...dateOf].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < meetings.length; i++) expect(meetings[i][1] > meetings[i - 1][1]).toBe(true);
  });

  it('grants tax incentives within a residency', () => {
    for (const incentive of data.taxIncentives) {
      const residency = data.residencies.some((r) => r.company === incentive.company && covers(r.startOn, r.endOn, incentive.grantedOn));
      expect(residency, incentive.key).toBe(true);
    }
  });

  it('is deterministic and uses neither Math.random nor the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const again = JSON.stringify(kuzbassDataset());
    expect(again).toBe(JSON.stringify(data));
    expect(JSON.stringify(tomskDataset())).toBe(JSON.stringify(tomskDataset()));
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it('is generated quickly', () => {
    const start = performance.now();
    kuzbassDataset();
    tomskDataset();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('tomskDataset', () => {
  const data = tomskDataset();

  it('is a valid data set, already in canonical form', () => {
    expect(parsed(data)).toEqual(data);
    expect(data.park).toMatchObject({ slug: 'itc-tomsk', name: 'ITC Tomsk', type: 'high_tech' });
  });

  it('holds the ITC Tomsk concept 2020 with its eight indicators', () => {
    expect(data.programmes).toHaveLength(1);
    const [programme] = data.programmes;
    expect(programme).toMatchObject({ key: 'itc-tomsk-2020', name: 'ITC Tomsk concept 2020' });
    expect(programme.indicators).toHaveLength(8);
    expect(programme.indicators.every((i) => i.direction === 'higher' && i.unit.length > 0)).toBe(true);
    const series = Object.fromEntries(
      programme.indicators.map((i) => [i.key, i.values.map((v) => `${v.year} ${v.kind} ${v.value}`)]),
    );
    expect(series['high-productivity-jobs']).toEqual(['2014 actual 120.6', '2015 actual 124.1', '2016 actual 114.8', '2020 target 160']);
    expect(series['rnd-spending']).toEqual(['2014 actual 2.3', '2015 actual 2.46', '2016 actual 2.08', '2020 target 2.4']);
    expect(series['fixed-investment']).toEqual(['2014 actual 22.7', '2015 actual 22.8', '2016 actual 20.1', '2020 target 27']);
    expect(series['manufacturing-index']).toEqual(['2014 actual 102.2', '2015 actual 100.6', '2016 actual 101.8', '2020 target 103.1']);
    expect(series['publications']).toEqual(['2014 actual 21', '2015 actual 60', '2016 actual 75', '2020 target 24']);
    expect(series['sez-private-investment']).toEqual(['2014 actual 1.25', '2015 actual 1.9', '2016 actual 2.2', '2020 target 5']);
    expect(series['sez-goods']).toEqual(['2014 actual 0.7', '2015 actual 2.24', '2016 actual 2.7', '2020 target 9.7']);
    expect(series['public-space-projects']).toEqual(['2015 actual 2', '2016 actual 13', '2020 target 15']);
  });

  it('gives its companies valid INNs of the Tomsk region', () => {
    for (const company of data.companies) {
      expect(isValidInn(company.inn!), company.key).toBe(true);
      expect(company.inn!.slice(0, 2)).toBe('70');
    }
  });
});
