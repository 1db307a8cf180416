import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { companies, companyMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertActingUser, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import type { RowOf } from '@/lib/sql';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { companySchema, updateCompanySchema, type CompanyInput, type UpdateCompanyInput } from '@/lib/validation/companies';

export type CompanyDto = CompanyDetails & {
  /** Whether the actor represents it (and so may edit it). */
  mine: boolean;
  /** Shown to representatives only. */
  representatives: { name: string; email: string }[];
};

/** The columns of CompanyDetails. */
export const companyDetailsColumns = {
  id: companies.id,
  name: companies.name,
  inn: companies.inn,
  ogrn: companies.ogrn,
  smeCategory: companies.smeCategory,
  industry: companies.industry,
  manufacturing: companies.manufacturing,
  contactEmail: companies.contactEmail,
  contactPhone: companies.contactPhone,
  address: companies.address,
};

/** A company's own details, as its card and a resident's profile show them. */
export type CompanyDetails = RowOf<typeof companyDetailsColumns>;

/** Does the user represent the company? The one ownership test for companies and their applications. */
export async function representsCompany(db: DbOrTx, userId: string, companyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: companyMembers.id })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)));
  return Boolean(row);
}

/**
 * A company is visible to its representatives, and to the staff of the parks it applied to (beyond a
 * draft), resides in, or came from with a park's data set; admins see all. Anyone else: not found.
 */
async function canSeeCompany(db: DbOrTx, actor: Actor, companyId: string): Promise<boolean> {
  const representative = actingUser(actor, 'company.readOwn');
  if (representative) return representsCompany(db, representative.userId, companyId);
  const readable = [...new Set([parksWhere(actor, 'application.readPark'), parksWhere(actor, 'resident.read')].flatMap((s) => (s === 'all' ? ['all'] : s)))];
  if (readable.includes('all')) return true;
  if (!readable.length) return false;
  const parkList = sql.join(
    readable.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.id, companyId),
        sql`(${companies.parkId} IN (${parkList})
          OR EXISTS (SELECT 1 FROM applications a WHERE a.company_id = ${companies.id} AND a.status <> 'draft' AND a.park_id IN (${parkList}))
          OR EXISTS (SELECT 1 FROM residencies r WHERE r.company_id = ${companies.id} AND r.park_id IN (${parkList})))`,
      ),
    );
  return Boolean(row);
}

/** One INN, one company: a second registration would split a company's history in two. */
async function assertInnFree(tx: DbOrTx, inn: string, exceptId?: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`company-inn:${inn}`}))`);
  const [taken] = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(exceptId ? and(eq(companies.inn, inn), ne(companies.id, exceptId)) : eq(companies.inn, inn))
    .limit(1);
  if (taken)
    throw new AppError('CONFLICT', `a company with INN ${inn} is already registered`, {
      key: 'innTaken',
      params: { inn },
      fieldErrors: { inn: ['innTaken'] },
    });
}

/** An applicant registers a company and becomes its first representative. */
export async function createCompany(db: Db, { actor, input }: { actor: Actor; input: CompanyInput }): Promise<{ id: string }> {
  // Refused outright, not "not found": there is no record to hide.
  assertActingUser(actor, 'company.create');
  const data = parseInput(companySchema, input);
  return inTransaction(db, async (tx) => {
    await assertInnFree(tx, data.inn);
    const [company] = await tx.insert(companies).values(data).returning({ id: companies.id });
    await tx.insert(companyMembers).values({ companyId: company.id, userId: actor.userId });
    await writeAudit(tx, { actor, action: 'company.create', entity: 'company', entityId: company.id, after: data });
    return company;
  });
}

/** Representatives edit their company's profile. */
export async function updateCompany(db: Db, { actor, input }: { actor: Actor; input: UpdateCompanyInput }): Promise<void> {
  const { companyId, ...data } = parseInput(updateCompanySchema, input);
  assertActingUser(actor, 'company.manageOwn', 'company');
  await inTransaction(db, async (tx) => {
    if (!(await representsCompany(tx, actor.userId, companyId))) throw notFound('company');
    const [before] = await tx.select(companyDetailsColumns).from(companies).where(eq(companies.id, companyId)).for('update');
    if (!before) throw notFound('company');
    if (before.inn !== data.inn) await assertInnFree(tx, data.inn, companyId);
    await tx.update(companies).set(data).where(eq(companies.id, companyId));
    await writeAudit(tx, { actor, action: 'company.update', entity: 'company', entityId: companyId, before, after: data });
  });
}

export async function getCompany(db: DbOrTx, { actor, companyId }: { actor: Actor; companyId: string }): Promise<CompanyDto> {
  if (!(await canSeeCompany(db, actor, companyId))) throw notFound('company');
  const [company] = await db.select(companyDetailsColumns).from(companies).where(eq(companies.id, companyId));
  if (!company) throw notFound('company');
  // Only its representatives get this far without a staff role.
  const mine = actingUser(actor, 'company.readOwn') !== null;
  const representatives = mine
    ? await db
        .select({ name: users.name, email: users.email })
        .from(companyMembers)
        .innerJoin(users, eq(users.id, companyMembers.userId))
        .where(eq(companyMembers.companyId, companyId))
        .orderBy(asc(companyMembers.createdAt))
    : [];
  return { ...company, mine, representatives };
}
