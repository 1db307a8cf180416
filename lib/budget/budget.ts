import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { budgetFunding } from '@/db/schema';
import type { FundingSource } from '@/db/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { notFound } from '@/lib/errors';
import type { RowOf } from '@/lib/sql';
import { inTransaction, lockParkRow } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import {
  budgetEntrySchema,
  deleteBudgetEntrySchema,
  updateBudgetEntrySchema,
  type BudgetEntryInput,
  type UpdateBudgetEntryInput,
} from '@/lib/validation/kpi';

const entryColumns = {
  id: budgetFunding.id,
  key: budgetFunding.key,
  year: budgetFunding.year,
  source: budgetFunding.source,
  amountRub: budgetFunding.amountRub,
  document: budgetFunding.document,
};

export type BudgetEntryDto = RowOf<typeof entryColumns>;

export type BudgetTotals = {
  /** Sum of every entry. */
  totalRub: string;
  bySource: { source: FundingSource; amountRub: string }[];
  /** One row per year: the sum per source and the year's total. */
  byYear: { year: number; totalRub: string; bySource: Partial<Record<FundingSource, string>> }[];
};

/** The park's budget funding entries, newest year first. */
export async function listBudgetFunding(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<BudgetEntryDto[]> {
  assertCan(actor, 'budget.manage', parkId);
  return db
    .select(entryColumns)
    .from(budgetFunding)
    .where(eq(budgetFunding.parkId, parkId))
    .orderBy(desc(budgetFunding.year), asc(budgetFunding.source), asc(budgetFunding.createdAt));
}

/** Totals by source and by year, summed in SQL from the entries. */
export async function budgetTotals(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<BudgetTotals> {
  assertCan(actor, 'budget.manage', parkId);
  const cells = await db
    .select({ year: budgetFunding.year, source: budgetFunding.source, amountRub: sql<string>`sum(${budgetFunding.amountRub})::text` })
    .from(budgetFunding)
    .where(eq(budgetFunding.parkId, parkId))
    .groupBy(budgetFunding.year, budgetFunding.source)
    .orderBy(desc(budgetFunding.year), asc(budgetFunding.source));
  const bySource = await db
    .select({ source: budgetFunding.source, amountRub: sql<string>`sum(${budgetFunding.amountRub})::text` })
    .from(budgetFunding)
    .where(eq(budgetFunding.parkId, parkId))
    .groupBy(budgetFunding.source)
    .orderBy(asc(budgetFunding.source));
  const years = await db
    .select({ year: budgetFunding.year, totalRub: sql<string>`sum(${budgetFunding.amountRub})::text` })
    .from(budgetFunding)
    .where(eq(budgetFunding.parkId, parkId))
    .groupBy(budgetFunding.year)
    .orderBy(desc(budgetFunding.year));
  const [total] = await db
    .select({ totalRub: sql<string>`coalesce(sum(${budgetFunding.amountRub}), 0)::text` })
    .from(budgetFunding)
    .where(eq(budgetFunding.parkId, parkId));
  return {
    totalRub: total.totalRub,
    bySource,
    byYear: years.map((y) => ({
      year: y.year,
      totalRub: y.totalRub,
      bySource: Object.fromEntries(cells.filter((c) => c.year === y.year).map((c) => [c.source, c.amountRub])),
    })),
  };
}

export async function createBudgetEntry(db: Db, { actor, input }: { actor: Actor; input: BudgetEntryInput }): Promise<BudgetEntryDto> {
  const data = parseInput(budgetEntrySchema, input);
  assertCan(actor, 'budget.manage', data.parkId);
  return inTransaction(db, async (tx) => {
    const [entry] = await tx
      .insert(budgetFunding)
      .values({ parkId: data.parkId, year: data.year, source: data.source, amountRub: data.amountRub, document: data.document })
      .returning(entryColumns);
    await writeAudit(tx, { actor, parkId: data.parkId, action: 'budget.create', entity: 'budget_funding', entityId: entry.id, after: entry });
    return entry;
  });
}

export async function updateBudgetEntry(db: Db, { actor, input }: { actor: Actor; input: UpdateBudgetEntryInput }): Promise<BudgetEntryDto> {
  const data = parseInput(updateBudgetEntrySchema, input);
  assertCan(actor, 'budget.manage', data.parkId);
  return inTransaction(db, async (tx) => {
    const before = await lockParkRow(tx, budgetFunding, entryColumns, { id: data.id, parkId: data.parkId }, 'budgetEntry');
    const [entry] = await tx
      .update(budgetFunding)
      .set({ year: data.year, source: data.source, amountRub: data.amountRub, document: data.document })
      .where(and(eq(budgetFunding.id, data.id), eq(budgetFunding.parkId, data.parkId)))
      .returning(entryColumns);
    await writeAudit(tx, { actor, parkId: data.parkId, action: 'budget.update', entity: 'budget_funding', entityId: entry.id, before, after: entry });
    return entry;
  });
}

export async function deleteBudgetEntry(db: Db, { actor, input }: { actor: Actor; input: { parkId: string; id: string } }): Promise<void> {
  const data = parseInput(deleteBudgetEntrySchema, input);
  assertCan(actor, 'budget.manage', data.parkId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(budgetFunding)
      .where(and(eq(budgetFunding.id, data.id), eq(budgetFunding.parkId, data.parkId)))
      .returning(entryColumns);
    if (!before) throw notFound('budgetEntry');
    await writeAudit(tx, { actor, parkId: data.parkId, action: 'budget.delete', entity: 'budget_funding', entityId: before.id, before });
  });
}
