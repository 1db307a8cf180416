import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, companies, expertAssignments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { containsPattern } from '@/lib/sql';
import { inboxQuerySchema, type ApplicationStatus, type InboxQuery } from '@/lib/validation/applications';

export const INBOX_PAGE_SIZE = 25;

export type InboxRow = {
  id: string;
  title: string;
  companyName: string;
  industry: string | null;
  status: ApplicationStatus;
  submittedOn: string | null;
  updatedAt: Date;
  wantsPremises: boolean;
  wantsTaxIncentives: boolean;
  services: string[];
  /** Experts assigned (not withdrawn, no conflict) and how many of them have submitted. */
  reviewsDone: number;
  reviewsExpected: number;
  overdue: number;
};

export type InboxPage = { rows: InboxRow[]; total: number; page: number; pages: number; query: InboxQuery };

/** `%` and `_` typed in the search box are searched for literally. */
/**
 * The park's applications for its managers: drafts stay the applicant's own. Sorting, filters and
 * paging run in the database on indexed columns (park, status, submission date), one page at a time.
 */
export async function listParkApplications(
  db: DbOrTx,
  { actor, parkId, query: raw, today }: { actor: Actor; parkId: string; query: unknown; today: string },
): Promise<InboxPage> {
  assertCan(actor, 'application.readPark', parkId);
  const query = inboxQuerySchema.parse(raw ?? {});
  const industry = sql<string | null>`coalesce(${applications.industry}, ${companies.industry})`;
  const where: SQL[] = [eq(applications.parkId, parkId), ne(applications.status, 'draft')];
  if (query.status) where.push(eq(applications.status, query.status));
  if (query.industry) where.push(sql`${industry} = ${query.industry}`);
  if (query.from) where.push(gte(applications.submittedOn, query.from));
  if (query.to) where.push(lte(applications.submittedOn, query.to));
  if (query.support === 'premises') where.push(eq(applications.wantsPremises, true));
  else if (query.support === 'tax') where.push(eq(applications.wantsTaxIncentives, true));
  else if (query.support) where.push(sql`${query.support} = ANY(${applications.services})`);
  if (query.q) where.push(or(ilike(applications.title, containsPattern(query.q)), ilike(companies.name, containsPattern(query.q)))!);
  const condition = and(...where);

  const direction = query.dir === 'asc' ? asc : desc;
  const sortColumn = {
    submitted: applications.submittedOn,
    title: applications.title,
    company: companies.name,
    status: applications.status,
    updated: applications.updatedAt,
  }[query.sort];
  // Every sort column is NOT NULL for submitted applications, so a plain direction lets PostgreSQL
  // read the first page straight off the (park, column) index instead of sorting the whole park.

  // The company is joined for the count only when a filter needs it (its name or industry): the join
  // cannot change the count otherwise (every application has its company).
  const countQuery = db.select({ total: count() }).from(applications);
  const [{ total }] = await (query.q || query.industry
    ? countQuery.innerJoin(companies, eq(companies.id, applications.companyId)).where(condition)
    : countQuery.where(condition));
  const pages = Math.max(1, Math.ceil(Number(total) / INBOX_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      companyName: companies.name,
      industry,
      status: applications.status,
      submittedOn: applications.submittedOn,
      updatedAt: applications.updatedAt,
      wantsPremises: applications.wantsPremises,
      wantsTaxIncentives: applications.wantsTaxIncentives,
      services: applications.services,
    })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(condition)
    .orderBy(direction(sortColumn), direction(applications.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);

  const ids = rows.map((r) => r.id);
  const progress = ids.length
    ? await db
        .select({
          applicationId: expertAssignments.applicationId,
          done: sql<number>`count(*) FILTER (WHERE ${expertAssignments.status} = 'reviewed')::int`,
          expected: sql<number>`count(*) FILTER (WHERE ${expertAssignments.status} IN ('assigned', 'reviewed'))::int`,
          overdue: sql<number>`count(*) FILTER (WHERE ${expertAssignments.status} = 'assigned' AND ${expertAssignments.dueOn} < ${today}::date)::int`,
        })
        .from(expertAssignments)
        .where(inArray(expertAssignments.applicationId, ids))
        .groupBy(expertAssignments.applicationId)
    : [];
  const byId = new Map(progress.map((p) => [p.applicationId, p]));
  return {
    rows: rows.map((r) => {
      const p = byId.get(r.id);
      return { ...r, reviewsDone: Number(p?.done ?? 0), reviewsExpected: Number(p?.expected ?? 0), overdue: Number(p?.overdue ?? 0) };
    }),
    total: Number(total),
    page,
    pages,
    query: { ...query, page },
  };
}

/** The industries that occur among the park's applications, for the inbox filter. */
export async function listInboxIndustries(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<string[]> {
  assertCan(actor, 'application.readPark', parkId);
  const rows = await queryRows<{ industry: string }>(
    db,
    sql`SELECT DISTINCT coalesce(a.industry, c.industry) AS industry
        FROM applications a JOIN companies c ON c.id = a.company_id
        WHERE a.park_id = ${parkId} AND a.status <> 'draft' AND coalesce(a.industry, c.industry) IS NOT NULL
        ORDER BY 1`,
  );
  return rows.map((r) => r.industry);
}
