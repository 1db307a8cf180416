import 'server-only';
import { and, count, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applications, companies, expertAssignments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { beyondCursor, cursorValues, keysetPage, pageOrder, readCursor, type KeysetPage, type SortKey } from '@/lib/keyset';
import { containsPattern, textCondition } from '@/lib/sql';
import { closuresOf, type ClosureDto } from './closure';
import { APPLICATION_STATUSES, inboxQuerySchema, type ApplicationStatus, type InboxQuery } from '@/lib/validation/applications';

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
  /** Why, by whom and when it was closed; null unless its status is `closed`. */
  closure: ClosureDto | null;
};

export type InboxPage = KeysetPage<InboxRow> & { total: number; query: InboxQuery };

const byId = { column: sql`${applications.id}`, type: 'uuid' } as const;

/** Each sort's keys: the column, then the id, so that rows with equal values keep one order across pages. */
const SORT_KEYS: Record<InboxQuery['sort'], Omit<SortKey, 'desc'>> = {
  submitted: { column: sql`${applications.submittedOn}`, type: 'date' },
  title: { column: sql`${applications.title}`, type: 'text' },
  company: { column: sql`${companies.name}`, type: 'text' },
  // The enum type sorts in the order of its list (db/schema/values.ts).
  status: { column: sql`${applications.status}`, type: { enumType: 'application_status', values: APPLICATION_STATUSES } },
  updated: { column: sql`${applications.updatedAt}`, type: 'timestamp' },
};

/**
 * The park's applications whose title or company name contains `q` (ILIKE, `%` and `_` literal), or
 * whose company's INN starts with `q` when it is four to twelve digits. The
 * titles through their trigram index; the names among the park's own companies, found by skipping
 * through the (park, company) index one company at a time (a loose index scan), so the cost follows the
 * park's companies rather than the installation's. An array (not IN) lets PostgreSQL OR the two index
 * scans together when both are selective.
 */
export function searchCondition(parkId: string, q: string): SQL {
  return textCondition(q, (text) => {
    const pattern = containsPattern(text);
    // Digits search the INN too, from its start: a whole INN finds the company, a prefix its neighbours.
    const digits = text.replace(/\s+/g, '');
    const byInn = /^\d{4,12}$/.test(digits) ? sql` OR c.inn LIKE ${`${digits}%`}` : sql``;
    return sql`(${applications.title} ILIKE ${pattern} OR ${applications.companyId} = ANY(ARRAY(
      WITH RECURSIVE park_companies(id) AS (
        (SELECT company_id FROM applications WHERE park_id = ${parkId} ORDER BY company_id LIMIT 1)
        UNION ALL
        SELECT (SELECT s.company_id FROM applications s WHERE s.park_id = ${parkId} AND s.company_id > pc.id ORDER BY s.company_id LIMIT 1)
        FROM park_companies pc WHERE pc.id IS NOT NULL
      )
      SELECT c.id FROM park_companies pc JOIN companies c ON c.id = pc.id WHERE c.name ILIKE ${pattern}${byInn})))`;
  });
}

/**
 * The park's applications for its managers: drafts stay the applicant's own. Sorting, filters and
 * keyset paging (lib/keyset.ts) run in the database on indexed columns (park, status, submission
 * date, title), one page at a time; the search reads trigram indexes.
 */
export async function listParkApplications(
  db: DbOrTx,
  { actor, parkId, query: raw, today }: { actor: Actor; parkId: string; query: unknown; today: string },
): Promise<InboxPage> {
  assertCan(actor, 'application.readPark', parkId);
  const query = inboxQuerySchema.parse(raw ?? {});
  const industry = sql<string | null>`coalesce(${applications.industry}, ${companies.industry})`;
  const where: SQL[] = [eq(applications.parkId, parkId), ne(applications.status, 'draft')];
  // Live work by default: closed applications only when asked for.
  where.push(query.status ? eq(applications.status, query.status) : ne(applications.status, 'closed'));
  if (query.industry) where.push(textCondition(query.industry, (value) => sql`${industry} = ${value}`));
  if (query.from) where.push(gte(applications.submittedOn, query.from));
  if (query.to) where.push(lte(applications.submittedOn, query.to));
  if (query.support === 'premises') where.push(eq(applications.wantsPremises, true));
  else if (query.support === 'tax') where.push(eq(applications.wantsTaxIncentives, true));
  else if (query.support) where.push(sql`${query.support} = ANY(${applications.services})`);
  if (query.q) where.push(searchCondition(parkId, query.q));
  const condition = and(...where);

  const desc = query.dir === 'desc';
  const keys: SortKey[] = [{ ...SORT_KEYS[query.sort], desc }, { ...byId, desc }];
  const cursor = readCursor(keys, query);
  // Every sort column is NOT NULL for submitted applications, so a plain direction lets PostgreSQL
  // read a page straight off the (park, column) index instead of sorting the whole park.

  // The company is joined for the count only when a filter needs it (its industry): the join cannot
  // change the count otherwise (every application has its company).
  const countQuery = db.select({ total: count() }).from(applications);
  const counted = query.industry ? countQuery.innerJoin(companies, eq(companies.id, applications.companyId)).where(condition) : countQuery.where(condition);
  const fetched = db
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
      cursor: cursorValues(keys),
    })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(cursor ? and(condition, beyondCursor(keys, cursor)) : condition)
    .orderBy(pageOrder(keys, cursor))
    .limit(INBOX_PAGE_SIZE + 1);
  const [[{ total }], found] = await Promise.all([counted, fetched]);
  const page = keysetPage(found, INBOX_PAGE_SIZE, cursor, (r) => r.cursor);
  const rows = page.rows.map(({ cursor: _, ...row }) => row);

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
  const progressOf = new Map(progress.map((p) => [p.applicationId, p]));
  const closures = await closuresOf(
    db,
    rows.filter((r) => r.status === 'closed').map((r) => r.id),
  );
  return {
    ...page,
    rows: rows.map((r) => {
      const p = progressOf.get(r.id);
      return {
        ...r,
        reviewsDone: Number(p?.done ?? 0),
        reviewsExpected: Number(p?.expected ?? 0),
        overdue: Number(p?.overdue ?? 0),
        closure: closures.get(r.id) ?? null,
      };
    }),
    total: Number(total),
    query,
  };
}

/**
 * The industries that occur among the park's applications, for the inbox filter: an application's own
 * industry, else its company's. Read without visiting the park's applications one by one: a loose
 * index scan (each step jumps to the next distinct value) over the applications that name an
 * industry, and another over the distinct companies of those that do not, whose industry is then
 * looked up. Its cost follows the number of distinct industries and companies, not of applications.
 */
export async function listInboxIndustries(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<string[]> {
  assertCan(actor, 'application.readPark', parkId);
  // The conditions repeat the partial indexes' (applications_park_industry, applications_park_company_no_industry).
  const rows = await queryRows<{ industry: string }>(
    db,
    sql`WITH RECURSIVE own(industry) AS (
          (SELECT industry FROM applications
           WHERE park_id = ${parkId} AND status <> 'draft' AND industry IS NOT NULL ORDER BY industry LIMIT 1)
          UNION ALL
          SELECT (SELECT a.industry FROM applications a
                  WHERE a.park_id = ${parkId} AND a.status <> 'draft' AND a.industry IS NOT NULL AND a.industry > own.industry
                  ORDER BY a.industry LIMIT 1)
          FROM own WHERE own.industry IS NOT NULL
        ),
        borrowing(company_id) AS (
          (SELECT company_id FROM applications
           WHERE park_id = ${parkId} AND status <> 'draft' AND industry IS NULL ORDER BY company_id LIMIT 1)
          UNION ALL
          SELECT (SELECT a.company_id FROM applications a
                  WHERE a.park_id = ${parkId} AND a.status <> 'draft' AND a.industry IS NULL AND a.company_id > borrowing.company_id
                  ORDER BY a.company_id LIMIT 1)
          FROM borrowing WHERE borrowing.company_id IS NOT NULL
        )
        SELECT industry FROM own WHERE industry IS NOT NULL
        UNION
        SELECT c.industry FROM borrowing b JOIN companies c ON c.id = b.company_id WHERE c.industry IS NOT NULL
        ORDER BY 1`,
  );
  return rows.map((r) => r.industry);
}
