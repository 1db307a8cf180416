import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, expertAssignments, memberships, parks, users } from '@/db/schema';
import type { AssignmentStatus } from '@/db/schema/values';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';
import { accessApplication, applicationAccess, type ApplicationTarget } from '@/lib/applications/access';
import { refusal } from '@/lib/applications/transition';
import { parkToday, parkZoneSql } from '@/lib/parks/clock';
import { AppError, invalidTransition, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { assignExpertsSchema, withdrawAssignmentSchema, type AssignExpertsInput } from '@/lib/validation/council';
import { ensureRubric } from './rubric';

export type ExpertOptionDto = {
  userId: string;
  name: string;
  /** Open assignments (not yet reviewed) in all parks: the expert's current load. */
  load: number;
  /** Already assigned to this application (in any state). */
  assigned: boolean;
  /** Conflicts of interest the product finds (CONFLICT_SIGNS); such an expert is never suggested. */
  conflicts: ConflictSign[];
  suggested: boolean;
};

/**
 * What makes an expert's conflict of interest likely before they declare one: they represent the
 * applicant company (`ownCompany`), or another company with the same INN (`sameInn`), or they declared
 * a conflict with an earlier application of the same company or INN (`previousConflict`).
 */
export const CONFLICT_SIGNS = ['ownCompany', 'sameInn', 'previousConflict'] as const;
export type ConflictSign = (typeof CONFLICT_SIGNS)[number];

/** The conflict signs of the park's experts (or of `expertIds`) for one application, by expert. */
async function conflictSigns(db: DbOrTx, app: { id: string; companyId: string }, expertIds?: string[]): Promise<Map<string, ConflictSign[]>> {
  const rows = await queryRows<{ user_id: string; own: boolean; same_inn: boolean; previous: boolean }>(
    db,
    sql`WITH applicant AS (SELECT c.id, nullif(trim(c.inn), '') AS inn FROM companies c WHERE c.id = ${app.companyId}),
             related AS (SELECT c.id FROM companies c, applicant a WHERE c.id = a.id OR (a.inn IS NOT NULL AND c.inn = a.inn))
        SELECT u.id AS user_id,
          EXISTS (SELECT 1 FROM company_members cm WHERE cm.user_id = u.id AND cm.company_id = ${app.companyId}) AS own,
          EXISTS (SELECT 1 FROM company_members cm JOIN related r ON r.id = cm.company_id WHERE cm.user_id = u.id AND cm.company_id <> ${app.companyId}) AS same_inn,
          EXISTS (SELECT 1 FROM expert_assignments ea JOIN applications a ON a.id = ea.application_id JOIN related r ON r.id = a.company_id
                  WHERE ea.expert_id = u.id AND ea.status = 'conflict' AND a.id <> ${app.id}) AS previous
        FROM users u
        WHERE u.id IN (${expertIds?.length ? sql.join(expertIds.map((e) => sql`${e}::uuid`), sql`, `) : sql`SELECT m.user_id FROM memberships m JOIN applications a ON a.park_id = m.park_id WHERE a.id = ${app.id} AND m.role = 'expert'`})`,
  );
  return new Map(
    rows.map((r) => [r.user_id, [r.own && ('ownCompany' as const), r.same_inn && ('sameInn' as const), r.previous && ('previousConflict' as const)].filter((x): x is ConflictSign => Boolean(x))]),
  );
}

/**
 * The experts a manager may assign, lightest load first. Those already on the application, and those
 * who declared a conflict with its company, are never suggested; the first `count` others are.
 */
export async function suggestExperts(db: DbOrTx, input: ApplicationTarget & { count?: number }): Promise<ExpertOptionDto[]> {
  const { application: app } = await applicationAccess(db, input, { permission: 'application.assign' });
  const count = input.count ?? 2;
  const rows = await queryRows<{ user_id: string; name: string; load: number; assigned: boolean }>(
    db,
    sql`SELECT u.id AS user_id, u.name,
          (SELECT count(*) FROM expert_assignments ea WHERE ea.expert_id = u.id AND ea.status = 'assigned')::int AS load,
          EXISTS (SELECT 1 FROM expert_assignments ea WHERE ea.expert_id = u.id AND ea.application_id = ${app.id}) AS assigned
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.park_id = ${app.parkId} AND m.role = 'expert' AND u.disabled_at IS NULL
        ORDER BY 3, u.name`,
  );
  const signs = await conflictSigns(db, app);
  let left = count;
  return rows.map((r) => {
    const conflicts = signs.get(r.user_id) ?? [];
    const eligible = !r.assigned && conflicts.length === 0;
    const suggested = eligible && left > 0;
    if (suggested) left--;
    return { userId: r.user_id, name: r.name, load: Number(r.load), assigned: Boolean(r.assigned), conflicts, suggested };
  });
}

/**
 * Once an application is decided or closed, the experts who have not reviewed it by then no longer
 * will: their open assignments are withdrawn, leaving every list and load count. Returns how many.
 */
export async function withdrawOpenAssignments(tx: DbOrTx, applicationId: string): Promise<number> {
  const withdrawn = await tx
    .update(expertAssignments)
    .set({ status: 'withdrawn' })
    .where(and(eq(expertAssignments.applicationId, applicationId), eq(expertAssignments.status, 'assigned')))
    .returning({ id: expertAssignments.id });
  return withdrawn.length;
}

/** Assigns experts of the park to an application under expert review, each with a due date. */
export async function assignExperts(db: Db, { actor, input, today }: { actor: Actor; input: AssignExpertsInput; today?: string }): Promise<{ assignmentIds: string[] }> {
  const data = parseInput(assignExpertsSchema, input);
  const expertIds = [...new Set(data.expertIds)];
  return inTransaction(
    db,
    async (tx) => {
      const access = await accessApplication(tx, { actor, applicationId: data.applicationId, permission: 'application.assign', lock: true });
      const app = access.application;
      if (app.status !== 'in_review') throw await refusal(tx, access);
      // "In the past" by the park's calendar.
      if (data.dueOn < (today ?? (await parkToday(tx, app.parkId)))) throw new AppError('VALIDATION', 'the due date is in the past', { key: 'dueInPast', fieldErrors: { dueOn: ['dueInPast'] } });
      const council = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.parkId, app.parkId), eq(memberships.role, 'expert'), isNull(users.disabledAt), inArray(memberships.userId, expertIds)));
      if (council.length !== expertIds.length)
        throw new AppError('VALIDATION', 'only the park’s experts can be assigned', { key: 'notAnExpert', fieldErrors: { expertIds: ['notAnExpert'] } });
      const taken = await tx
        .select({ name: users.name })
        .from(expertAssignments)
        .innerJoin(users, eq(users.id, expertAssignments.expertId))
        .where(and(eq(expertAssignments.applicationId, app.id), inArray(expertAssignments.expertId, expertIds)));
      if (taken.length)
        throw new AppError('CONFLICT', `already assigned: ${taken.map((t) => t.name).join(', ')}`, {
          key: 'alreadyAssigned',
          params: { names: taken.map((t) => t.name).join(', ') },
        });
      if (!data.acknowledgeConflicts) {
        const signs = await conflictSigns(tx, app, expertIds);
        const suspect = council.filter((c) => signs.get(c.userId)?.length);
        if (suspect.length) {
          const names = (await tx.select({ name: users.name }).from(users).where(inArray(users.id, suspect.map((s) => s.userId)))).map((u) => u.name).join(', ');
          throw new AppError('VALIDATION', `a likely conflict of interest: ${names}; confirm to assign anyway`, {
            key: 'suspectedConflict',
            params: { names },
            fieldErrors: { acknowledgeConflicts: ['suspectedConflict'] },
          });
        }
      }
      await ensureRubric(tx, app.parkId);
      const assignedBy = actorUserId(actor);
      const rows = await tx
        .insert(expertAssignments)
        .values(expertIds.map((expertId) => ({ applicationId: app.id, expertId, dueOn: data.dueOn, assignedBy })))
        .returning({ id: expertAssignments.id, expertId: expertAssignments.expertId });
      await writeAudit(tx, {
        actor,
        parkId: app.parkId,
        action: 'application.assign',
        entity: 'application',
        entityId: app.id,
        after: { assignments: rows.map((r) => ({ id: r.id, expertId: r.expertId })), dueOn: data.dueOn },
      });
      for (const r of rows) {
        await notify(tx, {
          userIds: [r.expertId],
          parkId: app.parkId,
          kind: 'expertAssigned',
          params: { title: app.title, due: data.dueOn },
          href: `/p/${app.parkSlug}/reviews/${r.id}`,
        });
      }
      return { assignmentIds: rows.map((r) => r.id) };
    },
    {
      // A conflict the change worded itself (already assigned, naming whom) stands; the unique index's is a race.
      onConflict: (refusal, cause) =>
        refusal.key?.startsWith('already')
          ? refusal
          : new AppError('CONFLICT', 'one of these experts was assigned by someone else just now', { key: 'alreadyAssigned', params: { names: '' }, cause }),
    },
  );
}

/** Takes an expert off an application they have not reviewed yet. */
export async function withdrawAssignment(db: Db, { actor, input }: { actor: Actor; input: { assignmentId: string } }): Promise<void> {
  const { assignmentId } = parseInput(withdrawAssignmentSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ applicationId: expertAssignments.applicationId, expertId: expertAssignments.expertId, status: expertAssignments.status })
      .from(expertAssignments)
      .where(eq(expertAssignments.id, assignmentId));
    if (!row) throw notFound('assignment');
    // Another park's assignment is as missing as one that never was.
    const { application: app } = await accessApplication(tx, { actor, applicationId: row.applicationId, permission: 'application.assign' }).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('assignment') : error;
    });
    const [moved] = await tx
      .update(expertAssignments)
      .set({ status: 'withdrawn' })
      .where(and(eq(expertAssignments.id, assignmentId), eq(expertAssignments.status, 'assigned')))
      .returning({ id: expertAssignments.id });
    if (!moved) throw invalidTransition('assignment', row.status);
    await writeAudit(tx, { actor, parkId: app.parkId, action: 'assignment.withdraw', entity: 'assignment', entityId: assignmentId, before: { status: 'assigned' }, after: { status: 'withdrawn' } });
    await notify(tx, { userIds: [row.expertId], parkId: app.parkId, kind: 'assignmentWithdrawn', params: { title: app.title } });
  });
}

export type AssignmentDto = {
  id: string;
  expertId: string;
  expertName: string;
  status: AssignmentStatus;
  dueOn: string;
  overdue: boolean;
  assignedAt: Date;
  conflictReason: string | null;
  reviewSubmittedAt: Date | null;
};

/** An application's assignments, for its park's managers. */
export async function listAssignments(db: DbOrTx, input: ApplicationTarget & { today?: string }): Promise<AssignmentDto[]> {
  const { id: applicationId, parkId } = (await applicationAccess(db, input, { permission: 'application.readPark' })).application;
  const today = input.today ?? (await parkToday(db, parkId));
  const rows = await queryRows<{
    id: string;
    expert_id: string;
    name: string;
    status: AssignmentDto['status'];
    due_on: string;
    created_at: Date | string;
    reason: string | null;
    submitted_at: Date | string | null;
  }>(
    db,
    sql`SELECT ea.id, ea.expert_id, u.name, ea.status, ea.due_on::text AS due_on, ea.created_at, cd.reason, r.submitted_at
        FROM expert_assignments ea JOIN users u ON u.id = ea.expert_id
        LEFT JOIN conflict_declarations cd ON cd.assignment_id = ea.id AND cd.has_conflict
        LEFT JOIN reviews r ON r.assignment_id = ea.id AND r.status = 'submitted'
        WHERE ea.application_id = ${applicationId}
        ORDER BY ea.created_at, u.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    expertId: r.expert_id,
    expertName: r.name,
    status: r.status,
    dueOn: r.due_on,
    overdue: r.status === 'assigned' && r.due_on < today,
    assignedAt: new Date(r.created_at),
    conflictReason: r.reason,
    reviewSubmittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
  }));
}

/**
 * Reminds experts whose reviews are due within `days` (or overdue) and who have not been reminded
 * yet; each assignment is reminded once. Run by the server's scheduler (lib/scheduler.ts) and by `cli reminders`.
 * "Due within" counts from today in each application's park (at `now`), unless `today` names the day for all.
 */
export async function sendDueReminders(
  db: Db,
  { now = new Date(), today, days = 2, expertId }: { now?: Date; today?: string; days?: number; expertId?: string } = {},
): Promise<number> {
  const parkOfAssignment = sql`(SELECT a.park_id FROM applications a WHERE a.id = ${expertAssignments.applicationId})`;
  const from = today ? sql`${today}::date` : sql`(${now.toISOString()}::timestamptz AT TIME ZONE ${parkZoneSql(parkOfAssignment)})::date`;
  return db.transaction(async (tx) => {
    const due = await tx
      .update(expertAssignments)
      .set({ reminderSentAt: new Date() })
      .where(
        and(
          eq(expertAssignments.status, 'assigned'),
          isNull(expertAssignments.reminderSentAt),
          sql`${expertAssignments.dueOn} <= ${from} + ${days}::int`,
          expertId ? eq(expertAssignments.expertId, expertId) : undefined,
        ),
      )
      .returning({ id: expertAssignments.id, expertId: expertAssignments.expertId, applicationId: expertAssignments.applicationId, dueOn: expertAssignments.dueOn });
    if (!due.length) return 0;
    // The applications of all the due assignments in one query, not one per assignment.
    const apps = new Map(
      (
        await tx
          .select({ id: applications.id, title: applications.title, parkId: applications.parkId, slug: parks.slug })
          .from(applications)
          .innerJoin(parks, eq(parks.id, applications.parkId))
          .where(inArray(applications.id, [...new Set(due.map((d) => d.applicationId))]))
      ).map((a) => [a.id, a]),
    );
    for (const d of due) {
      const app = apps.get(d.applicationId)!;
      await notify(tx, { userIds: [d.expertId], parkId: app.parkId, kind: 'reviewDueSoon', params: { title: app.title, due: d.dueOn }, href: `/p/${app.slug}/reviews/${d.id}` });
    }
    return due.length;
  });
}
