import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { applications, parks, screeningDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, type Permission } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { todayIso } from '@/lib/dates';
import { AppError, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { parseInput } from '@/lib/validation/parse';
import { screeningSchema, type ApplicationStatus, type ScreeningInput } from '@/lib/validation/applications';
import { moveApplication, refusal, representativesOf } from './transition';

/**
 * An application as staff of its park see it, for a step that needs `permission` there. A draft,
 * another park's application, or a missing one: all "not found".
 */
export async function applicationForStaff(tx: DbOrTx, actor: Actor, applicationId: string, permission: Permission) {
  const [app] = await tx
    .select({ id: applications.id, parkId: applications.parkId, parkSlug: parks.slug, companyId: applications.companyId, title: applications.title, status: applications.status })
    .from(applications)
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .where(eq(applications.id, applicationId));
  if (!app) throw notFound('application');
  try {
    assertCan(actor, permission, app.parkId);
  } catch (error) {
    // Someone with no role in that park is told it does not exist, as for a missing application.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('application');
    throw error;
  }
  if (app.status === 'draft') throw notFound('application');
  return app;
}

const OUTCOME_STATUS = { accepted: 'in_review', returned: 'returned', rejected: 'rejected' } as const satisfies Record<string, ApplicationStatus>;

/**
 * The manager's screening of a submitted application: accepted for expert review, returned for
 * revision (with a comment for the applicant), or rejected as out of scope (with the reason).
 */
export async function screenApplication(db: Db, { actor, input, today = todayIso() }: { actor: Actor; input: ScreeningInput; today?: string }): Promise<{ status: ApplicationStatus }> {
  const data = parseInput(screeningSchema, input);
  return db.transaction(async (tx) => {
    const app = await applicationForStaff(tx, actor, data.applicationId, 'application.screen');
    // The data set holds a screening no earlier than the submission (today's, unless dated otherwise).
    const [{ submittedOn }] = await tx.select({ submittedOn: applications.submittedOn }).from(applications).where(eq(applications.id, app.id));
    if (submittedOn && today < submittedOn)
      throw new AppError('INVALID_TRANSITION', `the screening date ${today} is before the application was submitted on ${submittedOn}`, {
        key: 'screeningBeforeSubmission',
        params: { today, submittedOn },
      });
    const to = OUTCOME_STATUS[data.outcome];
    const moved = await moveApplication(tx, { applicationId: app.id, from: ['submitted'], to });
    if (!moved) throw await refusal(tx, app.id);
    const [decision] = await tx
      .insert(screeningDecisions)
      .values({ applicationId: app.id, outcome: data.outcome, decidedOn: today, comment: data.comment || null, decidedBy: actor.type === 'user' ? actor.userId : null })
      .returning({ id: screeningDecisions.id });
    await writeAudit(tx, {
      actor,
      parkId: app.parkId,
      action: 'application.screen',
      entity: 'application',
      entityId: app.id,
      before: { status: 'submitted' },
      after: { status: to, outcome: data.outcome, comment: data.comment || null, decisionId: decision.id },
    });
    await notify(tx, {
      userIds: await representativesOf(tx, app.companyId),
      parkId: app.parkId,
      kind: 'applicationStatusChanged',
      params: { title: app.title, status: to },
      href: `/my/applications/${app.id}`,
      note: data.outcome === 'accepted' ? null : data.comment,
    });
    return { status: to };
  });
}
