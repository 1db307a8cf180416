import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, parks } from '@/db/schema';
import { AppError, invalidTransition } from '@/lib/errors';
import { formatMoment } from '@/lib/i18n/format';
import type { ApplicationStatus } from '@/lib/validation/applications';
import { applicationAccess, type ApplicationAccess } from './access';

type Moved = { id: string; parkId: string; companyId: string; title: string; status: ApplicationStatus; version: number };

/**
 * The one way an application changes status: a conditional UPDATE that succeeds only from the
 * expected states, so of two people acting at once exactly one moves it. Null when it did not move.
 * It takes the access lib/applications/access.ts granted, so nothing moves an application unchecked.
 */
export async function moveApplication(
  tx: DbOrTx,
  { access, from, to, set = {} }: { access: ApplicationAccess; from: ApplicationStatus[]; to: ApplicationStatus; set?: PgUpdateSetSource<typeof applications> },
): Promise<Moved | null> {
  const applicationId = (await applicationAccess(tx, { access })).application.id;
  const [row] = await tx
    .update(applications)
    .set({ ...set, status: to, updatedAt: new Date() })
    .where(and(eq(applications.id, applicationId), inArray(applications.status, from)))
    .returning({
      id: applications.id,
      parkId: applications.parkId,
      companyId: applications.companyId,
      title: applications.title,
      status: applications.status,
      version: applications.version,
    });
  return row ?? null;
}

/**
 * Why an application did not move: if someone decided it since its last submission, a CONFLICT that
 * names who and when ("already decided by … at …"); otherwise its state does not allow the step.
 * Only for an application the actor was granted access to: it names the person who decided.
 */
export async function refusal(tx: DbOrTx, access: ApplicationAccess, what = 'application'): Promise<AppError> {
  const applicationId = (await applicationAccess(tx, { access })).application.id;
  const [app] = await tx
    .select({ status: applications.status, lastSubmittedAt: applications.lastSubmittedAt, timeZone: parks.timeZone })
    .from(applications)
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .where(eq(applications.id, applicationId));
  if (!app) return new AppError('NOT_FOUND', `${what} not found`, { key: 'notFound', params: { what } });
  if (app.status === 'closed') return new AppError('INVALID_TRANSITION', 'the application has been closed: it goes no further', { key: 'applicationClosed' });
  const [latest] = await queryRows<{ at: Date | string; by: string | null }>(
    tx,
    sql`SELECT d.at, d.by FROM (
          SELECT s.created_at AS at, u.name AS by FROM screening_decisions s LEFT JOIN users u ON u.id = s.decided_by WHERE s.application_id = ${applicationId}
          UNION ALL
          SELECT c.created_at AS at, u.name AS by FROM council_decisions c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.application_id = ${applicationId}
        ) d ORDER BY d.at DESC LIMIT 1`,
  );
  const decidedSinceSubmission = latest && (!app.lastSubmittedAt || new Date(latest.at).getTime() >= new Date(app.lastSubmittedAt).getTime());
  if (decidedSinceSubmission && app.status !== 'submitted' && app.status !== 'draft') {
    const by = latest.by ?? 'the data import';
    const at = formatMoment(latest.at, app.timeZone);
    return new AppError('CONFLICT', `the application was already decided by ${by} at ${at}`, { key: 'alreadyDecided', params: { by, at } });
  }
  return invalidTransition(what, app.status);
}
