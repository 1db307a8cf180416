import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applicationClosures, applications, companies, users } from '@/db/schema';
import type { ApplicationStatus, ClosureOutcome } from '@/db/schema/values';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { withdrawOpenAssignments } from '@/lib/council/assignments';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import { parseInput } from '@/lib/validation/parse';
import { closeApplicationSchema, type CloseApplicationInput } from '@/lib/validation/applications';
import { accessApplication } from './access';
import { moveApplication, refusal } from './transition';

/** Why an application was closed, by whom and when. */
export type ClosureDto = {
  outcome: ClosureOutcome;
  reason: string;
  /** The status it was closed from. */
  statusBefore: ApplicationStatus;
  closedAt: Date;
  closedByName: string | null;
};

/**
 * The statuses an application can be closed from, by outcome: a live application (awaiting screening,
 * under review, back with the applicant, or approved and not yet admitted) can lapse or be withdrawn;
 * only an approval can end as "not admitted". Drafts are the applicant's to discard; rejections and
 * admissions are already final.
 */
const CLOSABLE_FROM: Record<ClosureOutcome, ApplicationStatus[]> = {
  lapsed: ['submitted', 'in_review', 'returned', 'approved'],
  withdrawn: ['submitted', 'in_review', 'returned', 'approved'],
  not_admitted: ['approved'],
};

/** The outcomes an application in `status` can be closed with, in the order the form offers them; none once admitted. */
export function closableOutcomes(status: ApplicationStatus, admitted: boolean): ClosureOutcome[] {
  if (admitted) return [];
  return (['not_admitted', 'lapsed', 'withdrawn'] as const).filter((outcome) => CLOSABLE_FROM[outcome].includes(status));
}

/**
 * A manager closes an application that will go no further, with an outcome and a reason: it leaves the
 * inbox, the admission list and the dashboard's counts, the applicant is told why, and the audit log
 * keeps who and when. Its screening and council decisions stay as they were, so the park's reports,
 * which count those and the submissions, do not change. One transaction: the application row is locked
 * and moved by the one conditional UPDATE (lib/applications/transition.ts), so a close racing a
 * decision or an admission leaves exactly one of them done. Open expert assignments end with it.
 */
export async function closeApplication(db: Db, { actor, input }: { actor: Actor; input: CloseApplicationInput }): Promise<{ status: 'closed' }> {
  const data = parseInput(closeApplicationSchema, input);
  return db.transaction(async (tx) => {
    const access = await accessApplication(tx, { actor, applicationId: data.applicationId, permission: 'application.close', lock: true });
    const app = access.application;
    if (app.status === 'closed') throw new AppError('CONFLICT', 'the application is already closed', { key: 'alreadyClosed' });
    const from = CLOSABLE_FROM[data.outcome];
    if (!from.includes(app.status)) {
      if (data.outcome === 'not_admitted')
        throw new AppError('INVALID_TRANSITION', `only an approved application can be closed as not admitted (status ${app.status})`, {
          key: 'notAdmittedNeedsApproval',
          fieldErrors: { outcome: ['notAdmittedNeedsApproval'] },
        });
      throw await refusal(tx, access);
    }
    const [admitted] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM residencies WHERE application_id = ${app.id} LIMIT 1`);
    if (admitted) throw new AppError('CONFLICT', 'the company has already been admitted on this application', { key: 'alreadyAdmitted' });
    // An item waiting on a planned meeting's agenda would be left there undecidable: it comes off first.
    const [onAgenda] = await queryRows<{ number: number }>(
      tx,
      sql`SELECT m.number FROM meeting_items i JOIN council_meetings m ON m.id = i.meeting_id
          WHERE i.application_id = ${app.id} AND m.status = 'planned'
            AND NOT EXISTS (SELECT 1 FROM council_decisions d WHERE d.application_id = i.application_id AND d.meeting_id = m.id)
          ORDER BY m.held_on LIMIT 1`,
    );
    if (onAgenda)
      throw new AppError('INVALID_TRANSITION', `the application is on the agenda of meeting No. ${onAgenda.number}: take it off the agenda first`, {
        key: 'closeOnAgenda',
        params: { number: Number(onAgenda.number) },
      });
    const moved = await moveApplication(tx, { access, from, to: 'closed' });
    if (!moved) throw await refusal(tx, access);
    await tx.insert(applicationClosures).values({ applicationId: app.id, outcome: data.outcome, reason: data.reason, statusBefore: app.status, closedBy: actorUserId(actor) });
    const assignmentsClosed = await withdrawOpenAssignments(tx, app.id);
    await writeAudit(tx, {
      actor,
      parkId: app.parkId,
      action: 'application.close',
      entity: 'application',
      entityId: app.id,
      before: { status: app.status },
      after: { status: 'closed', outcome: data.outcome, reason: data.reason, assignmentsClosed },
    });
    await notify(tx, {
      userIds: await representativesOf(tx, app.companyId),
      parkId: app.parkId,
      kind: 'applicationClosed',
      params: { title: app.title, outcome: data.outcome },
      href: `/my/applications/${app.id}`,
      note: data.reason,
    });
    return { status: 'closed' as const };
  });
}

/** What a closure shows, read with its closer's name (users joined on closed_by). */
const closureColumns = {
  outcome: applicationClosures.outcome,
  reason: applicationClosures.reason,
  statusBefore: applicationClosures.statusBefore,
  closedAt: applicationClosures.closedAt,
  closedByName: users.name,
};

/**
 * The closures of the given applications, by application. Callers pass only ids they were given access
 * to (a page of the inbox, an application they read).
 */
export async function closuresOf(db: DbOrTx, applicationIds: string[]): Promise<Map<string, ClosureDto>> {
  if (!applicationIds.length) return new Map();
  const rows = await db
    .select({ applicationId: applicationClosures.applicationId, ...closureColumns })
    .from(applicationClosures)
    .leftJoin(users, eq(users.id, applicationClosures.closedBy))
    .where(inArray(applicationClosures.applicationId, applicationIds));
  return new Map(rows.map(({ applicationId, ...closure }) => [applicationId, closure]));
}

export type ClosedApprovalDto = ClosureDto & { applicationId: string; title: string; companyName: string; inn: string | null };

/** The park's approvals that were closed instead of admitted, the latest first: the admission list's "closed" view. */
export async function listClosedApprovals(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<ClosedApprovalDto[]> {
  assertCan(actor, 'resident.admit', parkId);
  return db
    .select({
      applicationId: applications.id,
      title: applications.title,
      companyName: companies.name,
      inn: companies.inn,
      ...closureColumns,
    })
    .from(applicationClosures)
    .innerJoin(applications, eq(applications.id, applicationClosures.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .leftJoin(users, eq(users.id, applicationClosures.closedBy))
    .where(and(eq(applications.parkId, parkId), eq(applications.status, 'closed'), eq(applicationClosures.statusBefore, 'approved')))
    .orderBy(desc(applicationClosures.closedAt), applications.id);
}
