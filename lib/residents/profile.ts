import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { companies, companyMembers, parks, residencies } from '@/db/schema';
import type { KpiStatus } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertCan } from '@/lib/auth/permissions';
import { companyDetailsColumns, representsCompany, type CompanyDetails } from '@/lib/companies/companies';
import { parkZoneSql } from '@/lib/parks/clock';
import { notFound } from '@/lib/errors';
import type { IncentiveDto } from '@/lib/incentives/incentives';
import type { KpiFiguresDto } from '@/lib/kpi/common';
import { querySupportByYear, type SupportYear } from '@/lib/reports/support';
import { isUuid } from '@/lib/validation/uuid';
import { residencyColumns, type ResidencyDto } from './residents';

export type TimelineEvent = {
  /** `YYYY-MM-DD`; for a report filed before the product kept timestamps, the end of its year. */
  date: string;
  approximate?: boolean;
  kind:
    | 'applicationSubmitted'
    | 'screened'
    | 'councilDecision'
    | 'admitted'
    | 'leaseStarted'
    | 'leaseEnded'
    | 'incentiveGranted'
    | 'incentiveRevoked'
    | 'kpiReport'
    | 'exited';
  params: Record<string, string | number>;
};

export type ProfileLease = {
  id: string;
  premisesId: string;
  unitName: string;
  buildingName: string;
  kind: string;
  areaM2: string;
  startOn: string;
  endOn: string | null;
  active: boolean;
};

/** A grant as the profile lists it: the register's fields, and whether it is in force today (active, started, not expired). */
export type ProfileIncentive = Omit<IncentiveDto, 'companyId' | 'residencyId'> & { inForce: boolean };

/** An annual report's figures, by year. */
export type ProfileKpiYear = KpiFiguresDto & { year: number; status: KpiStatus };

export type ProfileResidency = Omit<ResidencyDto, 'parkId' | 'companyId' | 'applicationId'> & {
  /** Not ended and no exit recorded: the one a manager may end, lease to or grant to. */
  open: boolean;
  activeToday: boolean;
};

export type ResidentProfileDto = {
  park: { id: string; slug: string; name: string };
  company: CompanyDetails;
  residencies: ProfileResidency[];
  openResidency: ProfileResidency | null;
  leases: ProfileLease[];
  incentives: ProfileIncentive[];
  kpi: ProfileKpiYear[];
  timeline: TimelineEvent[];
  /** Rent and services support received in this park, by year (the years with any). */
  support: SupportYear[];
};

/**
 * Who may read a company's residency record in a park: the park's staff who may read residents, and the
 * company's own representatives (read-only). Anyone else is told it does not exist.
 */
async function assertMayRead(db: DbOrTx, actor: Actor, parkId: string, companyId: string): Promise<'staff' | 'representative'> {
  const representative = actingUser(actor, 'resident.readOwn');
  if (representative) {
    if (!(await representsCompany(db, representative.userId, companyId))) throw notFound('resident');
    return 'representative';
  }
  assertCan(actor, 'resident.read', parkId);
  return 'staff';
}

/** A company's residency record in one park: details, residencies, leases, incentives, KPI by year, timeline. */
export async function getResidentProfile(
  db: DbOrTx,
  { actor, parkId, companyId, today }: { actor: Actor; parkId: string; companyId: string; today: string },
): Promise<ResidentProfileDto> {
  if (!isUuid(companyId)) throw notFound('resident');
  const viewer = await assertMayRead(db, actor, parkId, companyId);
  const [park] = await db.select({ id: parks.id, slug: parks.slug, name: parks.name }).from(parks).where(eq(parks.id, parkId));
  if (!park) throw notFound('park');
  const resRows = await db
    .select(residencyColumns)
    .from(residencies)
    .where(and(eq(residencies.parkId, parkId), eq(residencies.companyId, companyId)))
    .orderBy(asc(residencies.startOn));
  // A company that was never a resident of this park has no profile here.
  if (!resRows.length) throw notFound('resident');
  const [company] = await db.select(companyDetailsColumns).from(companies).where(eq(companies.id, companyId));

  const residencyList: ProfileResidency[] = resRows.map(({ parkId: _park, companyId: _company, applicationId: _application, ...r }) => ({
    ...r,
    // Internal notes on an exit are the park's, not the company's.
    exitNote: viewer === 'staff' ? r.exitNote : null,
    open: r.exitReason === null && (r.endOn === null || r.endOn >= today),
    activeToday: r.startOn <= today && (r.endOn === null || r.endOn >= today),
  }));

  const firstYear = Number(resRows[0].startOn.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const [leaseRows, incentiveRows, kpiRows, appEvents, support] = await Promise.all([
    queryRows<ProfileLease>(
    db,
    sql`
    SELECT l.id, p.id AS "premisesId", p.name AS "unitName", b.name AS "buildingName", p.kind::text AS kind, p.area_m2::text AS "areaM2",
           l.start_on::text AS "startOn", l.end_on::text AS "endOn",
           (l.start_on <= ${today}::date AND (l.end_on IS NULL OR l.end_on >= ${today}::date)) AS active
    FROM leases l JOIN premises p ON p.id = l.premises_id JOIN buildings b ON b.id = p.building_id
    WHERE l.park_id = ${parkId} AND l.company_id = ${companyId}
    ORDER BY l.start_on DESC, p.name`,
    ),
    queryRows<ProfileIncentive>(
    db,
    sql`
    SELECT id, kind::text AS kind, legal_basis AS "legalBasis", decision_number AS "decisionNumber", granted_on::text AS "grantedOn",
           valid_from::text AS "validFrom", valid_to::text AS "validTo", conditions, status::text AS status,
           revoked_on::text AS "revokedOn", revoke_reason AS "revokeReason",
           (status = 'active' AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date)) AS "inForce"
    FROM tax_incentives WHERE park_id = ${parkId} AND company_id = ${companyId}
    ORDER BY granted_on DESC, created_at DESC`,
    ),
    queryRows<ProfileKpiYear & { submittedOn: string | null }>(
    db,
    sql`
    SELECT year, status::text AS status, jobs_created AS "jobsCreated", headcount, investment_rub::text AS "investmentRub",
           capital_investment_rub::text AS "capitalInvestmentRub", income_rub::text AS "incomeRub", taxes_paid_rub::text AS "taxesPaidRub",
           rnd_spend_rub::text AS "rndSpendRub", (submitted_at AT TIME ZONE ${parkZoneSql(parkId)})::date::text AS "submittedOn"
    FROM kpi_reports WHERE park_id = ${parkId} AND company_id = ${companyId} AND quarter IS NULL
    ORDER BY year`,
    ),
    queryRows<{ date: string; kind: 'applicationSubmitted' | 'screened' | 'councilDecision'; title: string; outcome: string }>(
    db,
    sql`
    SELECT a.submitted_on::text AS date, 'applicationSubmitted' AS kind, a.title, '' AS outcome
      FROM applications a WHERE a.park_id = ${parkId} AND a.company_id = ${companyId} AND a.submitted_on IS NOT NULL
    UNION ALL
    SELECT s.decided_on::text, 'screened', a.title, s.outcome::text
      FROM screening_decisions s JOIN applications a ON a.id = s.application_id WHERE a.park_id = ${parkId} AND a.company_id = ${companyId}
    UNION ALL
    SELECT d.decided_on::text, 'councilDecision', a.title, d.decision::text
      FROM council_decisions d JOIN applications a ON a.id = d.application_id WHERE a.park_id = ${parkId} AND a.company_id = ${companyId}`,
    ),
    // The support it received in this park, by year from its first residency to this year (lib/reports/support.ts).
    thisYear >= firstYear ? querySupportByYear(db, { parkId, companyId, from: firstYear, to: thisYear }) : Promise.resolve([]),
  ]);

  const timeline: TimelineEvent[] = [
    ...appEvents.map((e) => ({ date: e.date, kind: e.kind, params: { title: e.title, outcome: e.outcome } })),
    ...residencyList.map((r) => ({ date: r.startOn, kind: 'admitted' as const, params: { agreement: r.agreementNumber ?? '', placement: r.placement } })),
    ...residencyList
      .filter((r) => r.exitReason !== null && r.endOn !== null)
      .map((r) => ({ date: r.endOn!, kind: 'exited' as const, params: { reason: r.exitReason! } })),
    ...leaseRows.map((l) => ({ date: l.startOn, kind: 'leaseStarted' as const, params: { unit: l.unitName, building: l.buildingName } })),
    ...leaseRows
      .filter((l) => l.endOn !== null && l.endOn <= today)
      .map((l) => ({ date: l.endOn!, kind: 'leaseEnded' as const, params: { unit: l.unitName, building: l.buildingName } })),
    ...incentiveRows.map((i) => ({ date: i.grantedOn, kind: 'incentiveGranted' as const, params: { incentiveKind: i.kind, decision: i.decisionNumber ?? '' } })),
    ...incentiveRows
      .filter((i) => i.revokedOn !== null)
      .map((i) => ({ date: i.revokedOn!, kind: 'incentiveRevoked' as const, params: { incentiveKind: i.kind } })),
    ...kpiRows
      .filter((k) => k.status !== 'draft')
      .map((k) => ({
        date: k.submittedOn ?? `${k.year}-12-31`,
        approximate: k.submittedOn === null,
        kind: 'kpiReport' as const,
        params: { year: k.year, status: k.status },
      })),
  ];
  const order: TimelineEvent['kind'][] = ['applicationSubmitted', 'screened', 'councilDecision', 'admitted', 'leaseStarted', 'incentiveGranted', 'kpiReport', 'incentiveRevoked', 'leaseEnded', 'exited'];
  timeline.sort((a, b) => (a.date === b.date ? order.indexOf(a.kind) - order.indexOf(b.kind) : a.date < b.date ? 1 : -1));

  const openResidency = [...residencyList].reverse().find((r) => r.open) ?? null;
  return {
    park,
    company,
    residencies: residencyList.reverse(),
    openResidency,
    leases: leaseRows.map((l) => ({ ...l, active: Boolean(l.active) })),
    incentives: incentiveRows.map((i) => ({ ...i, inForce: Boolean(i.inForce) })),
    kpi: kpiRows.map(({ submittedOn: _, ...k }) => ({ ...k, year: Number(k.year), jobsCreated: Number(k.jobsCreated), headcount: k.headcount === null ? null : Number(k.headcount) })),
    timeline,
    support,
  };
}

/** The parks in which a company the actor represents holds or held a residency (for the representative's own view). */
export async function listRepresentedResidencyParks(
  db: DbOrTx,
  { actor, companyId }: { actor: Actor; companyId: string },
): Promise<{ parkId: string; parkName: string; companyName: string }[]> {
  if (actor.type !== 'user' || actor.kind !== 'applicant' || !isUuid(companyId)) throw notFound('resident');
  const rows = await db
    .selectDistinct({ parkId: parks.id, parkName: parks.name, companyName: companies.name })
    .from(residencies)
    .innerJoin(parks, eq(parks.id, residencies.parkId))
    .innerJoin(companies, eq(companies.id, residencies.companyId))
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, residencies.companyId), eq(companyMembers.userId, actor.userId)))
    .where(eq(residencies.companyId, companyId))
    .orderBy(asc(parks.name));
  if (!rows.length) throw notFound('resident');
  return rows;
}
