import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companyMembers, memberships, users } from '@/db/schema';

/*
 * Who is told about a park's or a company's events. Deliberately only accounts that can sign in: a
 * disabled account gets no notice (in the app or by e-mail), so an administrator who disables a
 * manager who left also stops the application, report and incentive notices addressed to them.
 */

/** A park's managers, keyed by park: for a job that tells several parks at once. */
export async function managersByPark(db: DbOrTx, parkIds: string[]): Promise<Map<string, string[]>> {
  const byPark = new Map<string, string[]>(parkIds.map((id) => [id, []]));
  if (!parkIds.length) return byPark;
  const rows = await db
    .select({ parkId: memberships.parkId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.parkId, parkIds), eq(memberships.role, 'manager'), isNull(users.disabledAt)));
  for (const r of rows) byPark.get(r.parkId)?.push(r.userId);
  return byPark;
}

/** The park's managers who can sign in. */
export async function managersOf(db: DbOrTx, parkId: string): Promise<string[]> {
  return (await managersByPark(db, [parkId])).get(parkId) ?? [];
}

/** The accounts that represent the company (its applicants) and can sign in. */
export async function representativesOf(db: DbOrTx, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, companyId), isNull(users.disabledAt)));
  return rows.map((r) => r.userId);
}
