import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, companyMembers, parks, residencies } from '@/db/schema';
import type { SmeCategory } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { actingUser } from '@/lib/auth/permissions';

export type MyCompanyDto = {
  id: string;
  name: string;
  inn: string | null;
  smeCategory: SmeCategory;
  residencies: { parkSlug: string; parkName: string; startOn: string; endOn: string | null; placement: string; active: boolean }[];
};

/** The companies the actor represents (applicants only; anyone else represents none). */
export async function listMyCompanies(db: DbOrTx, { actor, today }: { actor: Actor; today: string }): Promise<MyCompanyDto[]> {
  const representative = actingUser(actor, 'company.readOwn');
  if (!representative) return [];
  const rows = await db
    .select({ id: companies.id, name: companies.name, inn: companies.inn, smeCategory: companies.smeCategory })
    .from(companies)
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, companies.id), eq(companyMembers.userId, representative.userId)))
    .orderBy(asc(companies.name));
  if (!rows.length) return [];
  const res = await db
    .select({
      companyId: residencies.companyId,
      parkSlug: parks.slug,
      parkName: parks.name,
      startOn: residencies.startOn,
      endOn: residencies.endOn,
      placement: residencies.placement,
      active: sql<boolean>`${residencies.startOn} <= ${today}::date AND (${residencies.endOn} IS NULL OR ${residencies.endOn} >= ${today}::date)`,
    })
    .from(residencies)
    .innerJoin(parks, eq(parks.id, residencies.parkId))
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, residencies.companyId), eq(companyMembers.userId, representative.userId)))
    .orderBy(asc(residencies.startOn));
  return rows.map((c) => ({ ...c, residencies: res.filter((r) => r.companyId === c.id).map(({ companyId: _, ...r }) => r) }));
}
