import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, councilDecisions, leases, parks, residencies, taxIncentives } from '@/db/schema';
import type { SmeCategory } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { notFound, refusal } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import type { RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { isUuid } from '@/lib/validation/uuid';
import { admitResidentSchema, exitResidentSchema, type AdmitResidentInput, type ExitResidentInput } from '@/lib/validation/residents';

export type AdmittableApplicationDto = {
  applicationId: string;
  title: string;
  companyId: string;
  companyName: string;
  inn: string | null;
  smeCategory: SmeCategory;
  industry: string | null;
  wantsPremises: boolean;
  premisesAreaM2: string | null;
  approvedOn: string | null;
  /** The company's residency in this park that has not ended by `today`, if any: a new one must start after it. */
  currentResidencyEndOn: string | null;
  currentResident: boolean;
};

/**
 * Applications the council approved whose company has not been admitted on them yet, newest decision first.
 * Admission starts from one of these.
 */
export async function listAdmittableApplications(
  db: DbOrTx,
  { actor, parkId, today, applicationId }: { actor: Actor; parkId: string; today: string; applicationId?: string },
): Promise<AdmittableApplicationDto[]> {
  assertCan(actor, 'resident.admit', parkId);
  const rows = await queryRows<{
    applicationId: string;
    title: string;
    companyId: string;
    companyName: string;
    inn: string | null;
    smeCategory: AdmittableApplicationDto['smeCategory'];
    industry: string | null;
    wantsPremises: boolean;
    premisesAreaM2: string | null;
    approvedOn: string | null;
    currentResident: boolean;
    currentResidencyEndOn: string | null;
  }>(
    db,
    sql`
    SELECT a.id AS "applicationId", a.title, c.id AS "companyId", c.name AS "companyName", c.inn,
           c.sme_category AS "smeCategory", coalesce(a.industry, c.industry) AS industry,
           a.wants_premises AS "wantsPremises", a.premises_area_m2::text AS "premisesAreaM2",
           (SELECT max(d.decided_on)::text FROM council_decisions d WHERE d.application_id = a.id AND d.decision = 'approved') AS "approvedOn",
           cur.id IS NOT NULL AS "currentResident", cur.end_on::text AS "currentResidencyEndOn"
    FROM applications a
    JOIN companies c ON c.id = a.company_id
    LEFT JOIN LATERAL (
      SELECT r.id, r.end_on FROM residencies r
      WHERE r.park_id = a.park_id AND r.company_id = a.company_id AND (r.end_on IS NULL OR r.end_on >= ${today}::date)
      ORDER BY r.start_on DESC LIMIT 1
    ) cur ON true
    WHERE a.park_id = ${parkId} AND a.status = 'approved'
      AND NOT EXISTS (SELECT 1 FROM residencies r WHERE r.application_id = a.id)
      ${applicationId ? sql`AND a.id = ${applicationId}` : sql``}
    ORDER BY "approvedOn" DESC NULLS LAST, c.name, a.id`,
  );
  return rows.map((r) => ({ ...r, currentResident: Boolean(r.currentResident) }));
}

/** One admittable application, or "not found" (also for another park's, or one already admitted or not approved). */
export async function getAdmittableApplication(
  db: DbOrTx,
  { actor, parkId, today, applicationId }: { actor: Actor; parkId: string; today: string; applicationId: string },
): Promise<AdmittableApplicationDto> {
  if (!isUuid(applicationId)) throw notFound('application');
  const [row] = await listAdmittableApplications(db, { actor, parkId, today, applicationId });
  if (!row) throw notFound('application');
  return row;
}

export const residencyColumns = {
  id: residencies.id,
  parkId: residencies.parkId,
  companyId: residencies.companyId,
  applicationId: residencies.applicationId,
  agreementNumber: residencies.agreementNumber,
  agreementDate: residencies.agreementDate,
  startOn: residencies.startOn,
  endOn: residencies.endOn,
  placement: residencies.placement,
  exitReason: residencies.exitReason,
  exitNote: residencies.exitNote,
};

export type ResidencyDto = RowOf<typeof residencyColumns>;

/**
 * Admits the company of an application the council approved as a resident of the park. The application
 * row is locked, so two managers admitting it at once produce one residency; the database refuses a second
 * residency of the company overlapping an existing one (residencies_no_overlap).
 */
export async function admitResident(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: AdmitResidentInput }): Promise<ResidencyDto> {
  assertCan(actor, 'resident.admit', parkId);
  const data = parseInput(admitResidentSchema, input);
  return inTransaction(db, async (tx) => {
    const application = await lockParkRow(
      tx,
      applications,
      { id: applications.id, companyId: applications.companyId, status: applications.status, title: applications.title },
      { id: data.applicationId, parkId },
      'application',
    );
    if (application.status !== 'approved')
      throw refusal('INVALID_TRANSITION', 'applicationNotApproved', `application ${application.id} is not approved by the council (status ${application.status})`);
    const [already] = await tx.select({ id: residencies.id }).from(residencies).where(eq(residencies.applicationId, application.id));
    if (already) throw refusal('CONFLICT', 'alreadyAdmitted', `application ${application.id} has already been admitted`);
    const [decision] = await tx
      .select({ decidedOn: councilDecisions.decidedOn })
      .from(councilDecisions)
      .where(and(eq(councilDecisions.applicationId, application.id), eq(councilDecisions.decision, 'approved')))
      .orderBy(desc(councilDecisions.decidedOn))
      .limit(1);
    // A residency follows the council's approval; it cannot begin before it.
    if (decision && data.startOn < decision.decidedOn)
      throw refusal('VALIDATION', 'startBeforeApproval', `startOn: ${data.startOn} is before the council's approval on ${decision.decidedOn}`, 'startOn');
    const [residency] = await tx
      .insert(residencies)
      .values({
        parkId,
        companyId: application.companyId,
        applicationId: application.id,
        agreementNumber: data.agreementNumber,
        agreementDate: data.agreementDate,
        startOn: data.startOn,
        endOn: data.endOn,
        placement: data.placement,
      })
      .returning(residencyColumns);
    await writeAudit(tx, { actor, parkId, action: 'resident.admit', entity: 'residency', entityId: residency.id, after: residency });
    const [park] = await tx.select({ name: parks.name, slug: parks.slug }).from(parks).where(eq(parks.id, parkId));
    await notify(tx, {
      userIds: await representativesOf(tx, application.companyId),
      parkId,
      kind: 'residentAdmitted',
      params: { park: park.name, startOn: data.startOn },
      href: `/my/residency/${application.companyId}`,
    });
    return residency;
  });
}

export type ExitResult = { residency: ResidencyDto; endedLeases: number; cancelledLeases: number; endedIncentives: number };

/**
 * Ends a residency on `endOn` (its last day) for a reason. In the same transaction its leases end with it:
 * a lease running past that day ends on it, and a lease that would only have begun later is cancelled (the
 * audit row keeps it). Its tax incentives, granted for resident status, end with it too: an active grant
 * valid past that day is valid until it, and one that would only have taken effect later is revoked as of
 * it. The residency, its leases and its grants stay as history.
 */
export async function exitResident(db: Db, { actor, parkId, input }: { actor: Actor; parkId: string; input: ExitResidentInput }): Promise<ExitResult> {
  assertCan(actor, 'resident.exit', parkId);
  const data = parseInput(exitResidentSchema, input);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, residencies, residencyColumns, { id: data.residencyId, parkId }, 'residency');
    if (before.exitReason !== null) throw refusal('INVALID_TRANSITION', 'alreadyExited', `residency ${before.id} has already ended (${before.exitReason})`);
    if (data.endOn < before.startOn)
      throw refusal('VALIDATION', 'exitBeforeStart', `endOn: ${data.endOn} is before the residency's start ${before.startOn}`, 'endOn');
    if (before.endOn !== null && data.endOn > before.endOn)
      throw refusal('VALIDATION', 'exitAfterEnd', `endOn: ${data.endOn} is after the residency's agreed end ${before.endOn}`, 'endOn');

    const leaseColumns = { id: leases.id, premisesId: leases.premisesId, startOn: leases.startOn, endOn: leases.endOn };
    const cancelled = await tx
      .delete(leases)
      .where(and(eq(leases.residencyId, before.id), sql`${leases.startOn} > ${data.endOn}::date`))
      .returning(leaseColumns);
    const endedBefore = await tx
      .select(leaseColumns)
      .from(leases)
      .where(and(eq(leases.residencyId, before.id), sql`(${leases.endOn} IS NULL OR ${leases.endOn} > ${data.endOn}::date)`))
      .orderBy(asc(leases.startOn))
      .for('update');
    if (endedBefore.length)
      await tx
        .update(leases)
        .set({ endOn: data.endOn })
        .where(and(eq(leases.residencyId, before.id), sql`(${leases.endOn} IS NULL OR ${leases.endOn} > ${data.endOn}::date)`));

    const grantColumns = { id: taxIncentives.id, validFrom: taxIncentives.validFrom, validTo: taxIncentives.validTo, grantedOn: taxIncentives.grantedOn };
    const grants = await tx
      .select(grantColumns)
      .from(taxIncentives)
      .where(
        and(
          eq(taxIncentives.residencyId, before.id),
          eq(taxIncentives.status, 'active'),
          sql`(${taxIncentives.validTo} IS NULL OR ${taxIncentives.validTo} > ${data.endOn}::date)`,
        ),
      )
      .orderBy(asc(taxIncentives.validFrom))
      .for('update');
    const grantAudit = [];
    for (const grant of grants) {
      if (grant.validFrom <= data.endOn) {
        await tx.update(taxIncentives).set({ validTo: data.endOn }).where(eq(taxIncentives.id, grant.id));
        grantAudit.push({ actor, parkId, action: 'incentive.end', entity: 'incentive', entityId: grant.id, before: grant, after: { ...grant, validTo: data.endOn } });
      } else {
        const revokedOn = grant.grantedOn > data.endOn ? grant.grantedOn : data.endOn;
        const revokeReason = `residency ended on ${data.endOn} (${data.reason})`;
        await tx.update(taxIncentives).set({ status: 'revoked', revokedOn, revokeReason }).where(eq(taxIncentives.id, grant.id));
        grantAudit.push({ actor, parkId, action: 'incentive.revoke', entity: 'incentive', entityId: grant.id, before: grant, after: { ...grant, status: 'revoked', revokedOn, revokeReason } });
      }
    }

    const [after] = await tx
      .update(residencies)
      .set({ endOn: data.endOn, exitReason: data.reason, exitNote: data.note })
      .where(and(eq(residencies.id, before.id), sql`${residencies.exitReason} IS NULL`))
      .returning(residencyColumns);
    if (!after) throw refusal('INVALID_TRANSITION', 'alreadyExited', `residency ${before.id} has already ended`);

    await writeAudit(tx, [
      { actor, parkId, action: 'resident.exit', entity: 'residency', entityId: before.id, before, after },
      ...endedBefore.map((l) => ({ actor, parkId, action: 'lease.end', entity: 'lease', entityId: l.id, before: l, after: { ...l, endOn: data.endOn } })),
      ...cancelled.map((l) => ({ actor, parkId, action: 'lease.cancel', entity: 'lease', entityId: l.id, before: l, after: null })),
      ...grantAudit,
    ]);
    return { residency: after, endedLeases: endedBefore.length, cancelledLeases: cancelled.length, endedIncentives: grants.length };
  });
}
