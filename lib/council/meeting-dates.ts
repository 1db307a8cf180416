import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications, parks, screeningDecisions } from '@/db/schema';
import { todayIso, zoneOr } from '@/lib/dates';
import { AppError } from '@/lib/errors';

/**
 * A council decision is dated by its meeting. The park's data set (and its importer) holds a
 * decision no earlier than the application's submission, and takes an application's status from the
 * later-dated of its screening and its council decision; so a meeting may only consider an
 * application on or after the day it came under expert review, and decide only once it is held
 * (a decision dated ahead of a later screening would outrank it).
 */
export async function assertMeetingCanConsider(
  tx: DbOrTx,
  { heldOn, applicationId, deciding, today }: { heldOn: string; applicationId: string; deciding: boolean; today?: string },
): Promise<void> {
  const [app] = await tx
    .select({ submittedOn: applications.submittedOn, timeZone: parks.timeZone })
    .from(applications)
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .where(eq(applications.id, applicationId));
  if (app?.submittedOn && heldOn < app.submittedOn)
    throw new AppError('INVALID_TRANSITION', `the meeting of ${heldOn} is before the application was submitted on ${app.submittedOn}`, {
      key: 'meetingBeforeSubmission',
      params: { heldOn, submittedOn: app.submittedOn },
    });
  const [screening] = await tx
    .select({ decidedOn: screeningDecisions.decidedOn })
    .from(screeningDecisions)
    .where(eq(screeningDecisions.applicationId, applicationId))
    .orderBy(desc(screeningDecisions.decidedOn))
    .limit(1);
  if (screening && heldOn < screening.decidedOn)
    throw new AppError('INVALID_TRANSITION', `the meeting of ${heldOn} is before the application was accepted for expert review on ${screening.decidedOn}`, {
      key: 'meetingBeforeReview',
      params: { heldOn, acceptedOn: screening.decidedOn },
    });
  // "Held" by the park's own calendar.
  if (deciding && heldOn > (today ?? todayIso(zoneOr(app?.timeZone))))
    throw new AppError('INVALID_TRANSITION', `the meeting of ${heldOn} has not been held yet: its decisions are recorded from that day`, {
      key: 'meetingNotHeld',
      params: { heldOn },
    });
}
