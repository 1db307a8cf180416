import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications, companies, expertAssignments } from '@/db/schema';
import type { AssignmentStatus } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertCan } from '@/lib/auth/permissions';

export type MyAssignmentDto = {
  id: string;
  applicationId: string;
  title: string;
  company: string;
  status: AssignmentStatus;
  dueOn: string;
};

/**
 * The applications assigned to the acting expert in one park: only their own assignments. An
 * application the expert declared a conflict with, or was taken off, leaves the list.
 */
export async function listMyAssignments(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<MyAssignmentDto[]> {
  assertCan(actor, 'review.submit', parkId);
  const expert = actingUser(actor, 'review.submit');
  if (!expert) return [];
  return db
    .select({
      id: expertAssignments.id,
      applicationId: applications.id,
      title: applications.title,
      company: companies.name,
      status: expertAssignments.status,
      dueOn: expertAssignments.dueOn,
    })
    .from(expertAssignments)
    .innerJoin(applications, eq(applications.id, expertAssignments.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(expertAssignments.expertId, expert.userId), eq(applications.parkId, parkId), inArray(expertAssignments.status, ['assigned', 'reviewed'])))
    .orderBy(asc(expertAssignments.dueOn));
}
