import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { companies, companyMembers, kpiReports, kpiReportVersions, parks } from '@/db/schema';
import type { KpiStatus } from '@/db/schema/values';
import { writeAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertActingUser, assertCan } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { AppError, invalidTransition, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { managersOf } from '@/lib/notifications/recipients';
import { type KpiReportInput, kpiReportInputSchema } from '@/lib/validation/kpi';
import { parseInput } from '@/lib/validation/parse';
import { deadlineOf, figuresOf, type KpiFiguresDto, periodBounds, residencyOverlaps } from './common';
import { type KpiReportDto, type ReportRow, selectReports, toDto } from './report-dto';
import { inTransaction } from '@/lib/transaction';

/*
 * Filing a KPI report: the resident's representative drafts and submits the figures of a period, and
 * opens one period of its companies in the report form.
 */

export type FileKpiOptions = {
  actor: Actor;
  input: KpiReportInput;
  /** The working day (Moscow); a period that has not begun cannot be reported. */
  today?: string;
};

/**
 * Saves the representative's figures as a draft. A new report starts as a draft; a returned one
 * stays returned (with the manager's comment) until it is resubmitted. A submitted or accepted
 * report is no longer the resident's to change.
 */
export async function saveKpiDraft(db: Db, options: FileKpiOptions): Promise<{ id: string; status: KpiStatus }> {
  return fileReport(db, options, 'draft');
}

/**
 * Submits the figures for review: saves them, raises the version, keeps a snapshot of this version,
 * and tells the park's managers. Allowed for a new report, a draft, or a returned report.
 */
export async function submitKpiReport(db: Db, options: FileKpiOptions): Promise<{ id: string; status: KpiStatus; version: number }> {
  return fileReport(db, options, 'submit');
}

async function fileReport(db: Db, { actor, input, today: day }: FileKpiOptions, mode: 'draft' | 'submit') {
  const data = parseInput(kpiReportInputSchema, input);
  // The park first, so that staff of another park are told it does not exist and the park's own staff
  // that they may not; then the representative whose companies the queries key on.
  assertCan(actor, 'kpi.fileOwn', data.parkId);
  assertActingUser(actor, 'kpi.fileOwn');
  const { parkId, companyId, year, quarter } = data;
  const figures: KpiFiguresDto = {
    jobsCreated: data.jobsCreated,
    headcount: data.headcount,
    investmentRub: data.investmentRub,
    capitalInvestmentRub: data.capitalInvestmentRub,
    incomeRub: data.incomeRub,
    taxesPaidRub: data.taxesPaidRub,
    rndSpendRub: data.rndSpendRub,
  };
  return inTransaction(db, async (tx) => {
    // The company first: a company the actor does not represent looks like a missing one.
    const [company] = await tx
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .innerJoin(companyMembers, eq(companyMembers.companyId, companies.id))
      .where(and(eq(companies.id, companyId), eq(companyMembers.userId, actor.userId)))
      .limit(1);
    if (!company) throw notFound('company');
    const [park] = await tx
      .select({ id: parks.id, slug: parks.slug, name: parks.name, quarterlyReports: parks.quarterlyReports, timeZone: parks.timeZone })
      .from(parks)
      .where(eq(parks.id, parkId));
    if (!park) throw notFound('park');
    const today = day ?? todayIso(park.timeZone);
    if (quarter !== null && !park.quarterlyReports) {
      throw new AppError('VALIDATION', `quarter: ${park.name} asks for annual reports only`, {
        key: 'kpiQuarterlyNotAsked',
        fieldErrors: { quarter: ['quarterlyNotAsked'] },
      });
    }
    const { from, to } = periodBounds(year, quarter);
    if (!(await residencyOverlaps(tx, parkId, companyId, from, to))) {
      throw new AppError('VALIDATION', `year: ${company.name} was not a resident of ${park.name} in ${quarter ? `Q${quarter} ` : ''}${year}`, {
        key: 'kpiNotResident',
        params: { company: company.name, park: park.name, year, quarter: quarter ?? 0 },
        fieldErrors: { year: ['notResidentThatYear'] },
      });
    }
    if (from > today) {
      throw new AppError('VALIDATION', `year: the period ${quarter ? `Q${quarter} ` : ''}${year} has not begun`, {
        key: 'kpiPeriodNotBegun',
        params: { year, quarter: quarter ?? 0 },
        fieldErrors: { year: ['periodNotBegun'] },
      });
    }

    const [existing] = await tx
      .select()
      .from(kpiReports)
      .where(
        and(
          eq(kpiReports.parkId, parkId),
          eq(kpiReports.companyId, companyId),
          eq(kpiReports.year, year),
          quarter === null ? sql`${kpiReports.quarter} IS NULL` : eq(kpiReports.quarter, quarter),
        ),
      )
      .for('update');
    if (existing && existing.status !== 'draft' && existing.status !== 'returned') throw invalidTransition('report', existing.status);

    const now = new Date();
    let row: { id: string; status: KpiStatus; version: number };
    if (mode === 'draft') {
      if (existing) {
        [row] = await tx
          .update(kpiReports)
          .set({ ...figures, updatedAt: now })
          .where(and(eq(kpiReports.id, existing.id), inArray(kpiReports.status, ['draft', 'returned'])))
          .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
      } else {
        [row] = await tx
          .insert(kpiReports)
          .values({ parkId, companyId, year, quarter, status: 'draft', ...figures })
          .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
      }
    } else {
      const version = (existing?.version ?? 0) + 1;
      const values = { ...figures, status: 'submitted' as const, version, submittedAt: now, updatedAt: now };
      if (existing) {
        [row] = await tx
          .update(kpiReports)
          .set(values)
          .where(and(eq(kpiReports.id, existing.id), inArray(kpiReports.status, ['draft', 'returned'])))
          .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
      } else {
        [row] = await tx
          .insert(kpiReports)
          .values({ parkId, companyId, year, quarter, ...values })
          .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
      }
      await tx.insert(kpiReportVersions).values({
        reportId: row.id,
        version,
        snapshot: { year, quarter, ...figures },
        submittedBy: actor.userId,
        submittedAt: now,
      });
      await notify(tx, {
        userIds: await managersOf(tx, parkId),
        parkId,
        kind: 'kpiSubmitted',
        params: { company: company.name, year, quarter: quarter ?? 0, version },
        href: `/p/${park.slug}/kpi/${row.id}`,
      });
    }
    if (!row) throw invalidTransition('report', existing?.status ?? 'unknown');
    await writeAudit(tx, {
      actor,
      parkId,
      action: mode === 'draft' ? 'kpi.saveDraft' : 'kpi.submit',
      entity: 'kpi_report',
      entityId: row.id,
      before: existing ? { status: existing.status, version: existing.version, ...figuresOf(existing) } : null,
      after: { status: row.status, version: row.version, year, quarter, ...figures },
    });
    return row;
  });
}

export type MyKpiReportDto = {
  park: { id: string; slug: string; name: string; quarterlyReports: boolean };
  company: { id: string; name: string };
  year: number;
  quarter: number | null;
  deadline: string | null;
  report: KpiReportDto | null;
  /** May the representative still change it (new, draft or returned)? */
  editable: boolean;
};

/** One period of one of the actor's companies, for the report form: the report if it exists. */
export async function getMyKpiReport(
  db: DbOrTx,
  { actor, parkSlug, companyId, year, quarter }: { actor: Actor; parkSlug: string; companyId: string; year: number; quarter: number | null },
): Promise<MyKpiReportDto> {
  assertActingUser(actor, 'kpi.fileOwn', 'report');
  const [company] = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, companies.id), eq(companyMembers.userId, actor.userId)))
    .where(eq(companies.id, companyId));
  if (!company) throw notFound('company');
  const [park] = await db
    .select({ id: parks.id, slug: parks.slug, name: parks.name, quarterlyReports: parks.quarterlyReports, deadlineMonth: parks.kpiDeadlineMonth, deadlineDay: parks.kpiDeadlineDay })
    .from(parks)
    .where(eq(parks.slug, parkSlug));
  if (!park) throw notFound('park');
  const { from, to } = periodBounds(year, quarter);
  if (!(await residencyOverlaps(db, park.id, company.id, from, to))) throw notFound('report');
  const [row] = await selectReports(db).where(
    and(eq(kpiReports.parkId, park.id), eq(kpiReports.companyId, company.id), eq(kpiReports.year, year), quarter === null ? sql`${kpiReports.quarter} IS NULL` : eq(kpiReports.quarter, quarter)),
  );
  const report = row ? toDto(row as ReportRow) : null;
  return {
    park: { id: park.id, slug: park.slug, name: park.name, quarterlyReports: park.quarterlyReports },
    company,
    year,
    quarter,
    deadline: quarter === null ? deadlineOf(year, { kpiDeadlineMonth: park.deadlineMonth, kpiDeadlineDay: park.deadlineDay }) : null,
    report,
    editable: !report || report.status === 'draft' || report.status === 'returned',
  };
}
