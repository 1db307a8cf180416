import type { Db } from '@/db/client';
import {
  applications,
  budgetFunding,
  buildings,
  companies,
  councilDecisions,
  indicators,
  indicatorValues,
  kpiReports,
  leases,
  parks,
  premises,
  programmes,
  residencies,
  screeningDecisions,
  serviceRequests,
  services,
  taxIncentives,
} from '@/db/schema';
import { figuresOf } from '@/lib/kpi/common';
import type { Dataset } from '@/lib/validation/dataset';

/**
 * Writes a data set with plain inserts, for report tests: no validation, no audit, no upsert.
 * Tests of the reports use it to build exact fixtures (and the demo parks) without depending on the
 * import's code paths; the records must already satisfy the database's own rules.
 * Returns the new park's id.
 */
export async function insertDataset(db: Db, data: Dataset): Promise<string> {
  return db.transaction(async (tx) => {
    const [park] = await tx
      .insert(parks)
      .values({
        slug: data.park.slug,
        name: data.park.name,
        region: data.park.region,
        type: data.park.type,
        landAreaHa: data.park.landAreaHa,
        foundedOn: data.park.foundedOn,
      })
      .returning({ id: parks.id });
    const parkId = park.id;
    const ids = async <T extends { key: string }>(rows: T[], insert: (chunk: T[]) => Promise<{ id: string; key: string | null }[]>) => {
      const map = new Map<string, string>();
      for (let i = 0; i < rows.length; i += 500) for (const r of await insert(rows.slice(i, i + 500))) map.set(r.key!, r.id);
      return map;
    };
    const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
    };

    const buildingIds = await ids(data.buildings, (chunk) =>
      tx.insert(buildings).values(chunk.map((b) => ({ parkId, key: b.key, name: b.name }))).returning({ id: buildings.id, key: buildings.key }),
    );
    const premisesIds = await ids(data.premises, (chunk) =>
      tx
        .insert(premises)
        .values(
          chunk.map((p) => ({
            parkId,
            buildingId: buildingIds.get(p.building)!,
            key: p.key,
            name: p.name,
            kind: p.kind,
            areaM2: p.areaM2,
            availableFrom: p.availableFrom,
            availableTo: p.availableTo,
          })),
        )
        .returning({ id: premises.id, key: premises.key }),
    );
    const companyIds = await ids(data.companies, (chunk) =>
      tx
        .insert(companies)
        .values(
          chunk.map((company) => ({ parkId, ...company })),
        )
        .returning({ id: companies.id, key: companies.key }),
    );
    const statusOf = (a: Dataset['applications'][number]) => {
      if (a.submittedOn === null) return 'draft' as const;
      if (a.council) return a.council.decision === 'approved' ? ('approved' as const) : a.council.decision === 'rejected' ? ('rejected' as const) : ('returned' as const);
      if (a.screening) return a.screening.outcome === 'accepted' ? ('in_review' as const) : a.screening.outcome === 'rejected' ? ('rejected' as const) : ('returned' as const);
      return 'submitted' as const;
    };
    const applicationIds = await ids(data.applications, (chunk) =>
      tx
        .insert(applications)
        .values(
          chunk.map((a) => ({
            parkId,
            companyId: companyIds.get(a.company)!,
            key: a.key,
            title: a.title,
            status: statusOf(a),
            submittedOn: a.submittedOn,
          })),
        )
        .returning({ id: applications.id, key: applications.key }),
    );
    const screened = data.applications.filter((a) => a.screening);
    await chunked(screened, (chunk) =>
      tx.insert(screeningDecisions).values(
        chunk.map((a) => ({ applicationId: applicationIds.get(a.key)!, outcome: a.screening!.outcome, decidedOn: a.screening!.decidedOn })),
      ),
    );
    const decided = data.applications.filter((a) => a.council);
    await chunked(decided, (chunk) =>
      tx.insert(councilDecisions).values(
        chunk.map((a) => ({
          parkId,
          applicationId: applicationIds.get(a.key)!,
          decision: a.council!.decision,
          decidedOn: a.council!.decidedOn,
          meetingNumber: a.council!.meetingNumber,
          votesFor: a.council!.votesFor,
          votesAgainst: a.council!.votesAgainst,
          votesAbstain: a.council!.votesAbstain,
        })),
      ),
    );
    const residencyIds = await ids(data.residencies, (chunk) =>
      tx
        .insert(residencies)
        .values(
          chunk.map((r) => ({
            parkId,
            companyId: companyIds.get(r.company)!,
            applicationId: r.application ? applicationIds.get(r.application)! : null,
            key: r.key,
            agreementNumber: r.agreementNumber,
            startOn: r.startOn,
            endOn: r.endOn,
            placement: r.placement,
          })),
        )
        .returning({ id: residencies.id, key: residencies.key }),
    );
    const residencyFor = (company: string, day: string) => {
      const r = data.residencies.find((x) => x.company === company && x.startOn <= day && (x.endOn === null || x.endOn >= day));
      if (!r) throw new Error(`no residency of ${company} on ${day}`);
      return residencyIds.get(r.key)!;
    };
    await chunked(data.leases, (chunk) =>
      tx.insert(leases).values(
        chunk.map((l) => ({
          parkId,
          residencyId: residencyFor(l.company, l.startOn),
          companyId: companyIds.get(l.company)!,
          premisesId: premisesIds.get(l.premises)!,
          key: l.key,
          startOn: l.startOn,
          endOn: l.endOn,
          rateRubPerM2Month: l.rateRubPerM2Month,
          marketRateRubPerM2Month: l.marketRateRubPerM2Month,
        })),
      ),
    );
    await chunked(data.taxIncentives, (chunk) =>
      tx.insert(taxIncentives).values(
        chunk.map((t) => ({
          parkId,
          companyId: companyIds.get(t.company)!,
          key: t.key,
          kind: t.kind,
          legalBasis: t.legalBasis,
          grantedOn: t.grantedOn,
          validFrom: t.validFrom,
          validTo: t.validTo,
        })),
      ),
    );
    await chunked(data.kpiReports, (chunk) =>
      tx.insert(kpiReports).values(
        chunk.map((k) => ({
          parkId,
          companyId: companyIds.get(k.company)!,
          key: k.key,
          year: k.year,
          quarter: k.quarter,
          status: k.status,
          ...figuresOf(k),
        })),
      ),
    );
    await chunked(data.budgetFunding, (chunk) =>
      tx.insert(budgetFunding).values(chunk.map((b) => ({ parkId, key: b.key, year: b.year, source: b.source, amountRub: b.amountRub }))),
    );
    for (const programme of data.programmes) {
      const [p] = await tx.insert(programmes).values({ parkId, key: programme.key, name: programme.name }).returning({ id: programmes.id });
      for (const [position, indicator] of programme.indicators.entries()) {
        const [i] = await tx
          .insert(indicators)
          .values({ programmeId: p.id, key: indicator.key, name: indicator.name, unit: indicator.unit, direction: indicator.direction, position })
          .returning({ id: indicators.id });
        if (indicator.values.length)
          await tx.insert(indicatorValues).values(indicator.values.map((v) => ({ indicatorId: i.id, year: v.year, kind: v.kind, value: String(v.value) })));
      }
    }
    const serviceIds = new Map<string, string>();
    for (const s of data.services) {
      const [row] = await tx
        .insert(services)
        .values({ parkId, key: s.key, name: s.name, kind: s.kind, unit: s.unit, marketPriceRub: s.marketPriceRub, residentPriceRub: s.residentPriceRub })
        .returning({ id: services.id });
      serviceIds.set(s.key, row.id);
    }
    await chunked(data.serviceRequests, (chunk) =>
      tx.insert(serviceRequests).values(
        chunk.map((r) => ({
          parkId,
          key: r.key,
          companyId: companyIds.get(r.company)!,
          serviceId: serviceIds.get(r.service)!,
          requestedOn: r.requestedOn,
          status: r.status,
          doneOn: r.doneOn,
          quantity: r.quantity,
          unitPriceRub: r.unitPriceRub,
          unitMarketPriceRub: r.unitMarketPriceRub,
        })),
      ),
    );
    return parkId;
  });
}

/** Loads a data set through the real import (lib/dataset/import.ts), as the demo parks are loaded; returns the park's id. */
export async function importDemoPark(db: Db, data: Dataset): Promise<string> {
  const { importDataset } = await import('@/lib/dataset/import');
  const { systemActor } = await import('@/lib/auth/actor');
  const { eq } = await import('drizzle-orm');
  await importDataset(db, { actor: systemActor('import'), input: data });
  const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, data.park.slug));
  return park.id;
}
