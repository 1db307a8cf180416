import 'server-only';
import type { Db } from '@/db/client';
import { screeningDecisions } from '@/db/schema';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';
import { parkToday } from '@/lib/parks/clock';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import { parseInput } from '@/lib/validation/parse';
import { screeningSchema, type ApplicationStatus, type ScreeningInput } from '@/lib/validation/applications';
import { accessApplication } from './access';
import { moveApplication, refusal } from './transition';

const OUTCOME_STATUS = { accepted: 'in_review', returned: 'returned', rejected: 'rejected' } as const satisfies Record<string, ApplicationStatus>;

/**
 * The manager's screening of a submitted application: accepted for expert review, returned for
 * revision (with a comment for the applicant), or rejected as out of scope (with the reason).
 */
export async function screenApplication(db: Db, { actor, input, today: day }: { actor: Actor; input: ScreeningInput; today?: string }): Promise<{ status: ApplicationStatus }> {
  const data = parseInput(screeningSchema, input);
  return db.transaction(async (tx) => {
    const access = await accessApplication(tx, { actor, applicationId: data.applicationId, permission: 'application.screen' });
    const app = access.application;
    const today = day ?? (await parkToday(tx, app.parkId));
    // The data set holds a screening no earlier than the submission (today's, unless dated otherwise).
    if (app.submittedOn && today < app.submittedOn)
      throw new AppError('INVALID_TRANSITION', `the screening date ${today} is before the application was submitted on ${app.submittedOn}`, {
        key: 'screeningBeforeSubmission',
        params: { today, submittedOn: app.submittedOn },
      });
    const to = OUTCOME_STATUS[data.outcome];
    const moved = await moveApplication(tx, { access, from: ['submitted'], to });
    if (!moved) throw await refusal(tx, access);
    const [decision] = await tx
      .insert(screeningDecisions)
      .values({ applicationId: app.id, outcome: data.outcome, decidedOn: today, comment: data.comment || null, decidedBy: actorUserId(actor) })
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
