import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { auditLog, companies, companyMembers, kpiReports, kpiReportVersions, parks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, parksWhere } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { todayIso } from '@/lib/dates';
import { AppError, fromDatabaseError, invalidTransition, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { parseInput } from '@/lib/validation/parse';
import { kpiReportIdSchema, kpiReportInputSchema, returnKpiReportSchema, type KpiReportInput } from '@/lib/validation/kpi';
import {
  deadlineOf,
  figuresOf,
  myReportHref,
  parkManagerIds,
  periodBounds,
  representativeIds,
  residencyOverlaps,
  type KpiFiguresDto,
} from './common';

export type KpiStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

export type KpiReportDto = {
  id: string;
  parkId: string;
  companyId: string;
  companyName: string;
  year: number;
  quarter: number | null;
  status: KpiStatus;
  version: number;
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  figures: KpiFiguresDto;
};

const reportColumns = {
  id: kpiReports.id,
  parkId: kpiReports.parkId,
  companyId: kpiReports.companyId,
  companyName: companies.name,
  year: kpiReports.year,
  quarter: kpiReports.quarter,
  status: kpiReports.status,
  version: kpiReports.version,
  reviewComment: kpiReports.reviewComment,
  submittedAt: kpiReports.submittedAt,
  reviewedAt: kpiReports.reviewedAt,
  reviewedByName: users.name,
  jobsCreated: kpiReports.jobsCreated,
  headcount: kpiReports.headcount,
  investmentRub: kpiReports.investmentRub,
  capitalInvestmentRub: kpiReports.capitalInvestmentRub,
  incomeRub: kpiReports.incomeRub,
  taxesPaidRub: kpiReports.taxesPaidRub,
  rndSpendRub: kpiReports.rndSpendRub,
};

type ReportRow = KpiFiguresDto & Omit<KpiReportDto, 'figures'>;

function toDto(row: ReportRow): KpiReportDto {
  return {
    id: row.id,
    parkId: row.parkId,
    companyId: row.companyId,
    companyName: row.companyName,
    year: row.year,
    quarter: row.quarter,
    status: row.status,
    version: row.version,
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reviewedByName: row.reviewedByName,
    figures: figuresOf(row),
  };
}

function selectReports(db: DbOrTx) {
  return db
    .select(reportColumns)
    .from(kpiReports)
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy));
}

// ---------------------------------------------------------------- filing (the resident's representative)

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

async function fileReport(db: Db, { actor, input, today = todayIso() }: FileKpiOptions, mode: 'draft' | 'submit') {
  const data = parseInput(kpiReportInputSchema, input);
  assertCan(actor, 'kpi.file', data.parkId);
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
  try {
    return await db.transaction(async (tx) => {
      // The company first: a company the actor does not represent looks like a missing one.
      const [company] = await tx
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .innerJoin(companyMembers, eq(companyMembers.companyId, companies.id))
        .where(and(eq(companies.id, companyId), actor.type === 'user' ? eq(companyMembers.userId, actor.userId) : sql`false`))
        .limit(1);
      if (!company) throw notFound('company');
      const [park] = await tx
        .select({ id: parks.id, slug: parks.slug, name: parks.name, quarterlyReports: parks.quarterlyReports })
        .from(parks)
        .where(eq(parks.id, parkId));
      if (!park) throw notFound('park');
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
          submittedBy: actor.type === 'user' ? actor.userId : null,
          submittedAt: now,
        });
        await notify(tx, {
          userIds: await parkManagerIds(tx, parkId),
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
  } catch (error) {
    throw fromDatabaseError(error);
  }
}

// ---------------------------------------------------------------- review (the park's manager)

/** The report, if it is in a park where the actor reviews reports; drafts are the resident's own. */
async function reviewableReport(db: DbOrTx, actor: Actor, reportId: string) {
  const scope = parksWhere(actor, 'kpi.review');
  if (scope !== 'all' && scope.length === 0) throw notFound('report');
  const [report] = await db
    .select({ id: kpiReports.id, parkId: kpiReports.parkId, companyId: kpiReports.companyId, companyName: companies.name, year: kpiReports.year, quarter: kpiReports.quarter, status: kpiReports.status, parkSlug: parks.slug })
    .from(kpiReports)
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .innerJoin(parks, eq(parks.id, kpiReports.parkId))
    .where(and(eq(kpiReports.id, reportId), ne(kpiReports.status, 'draft'), scope === 'all' ? undefined : inArray(kpiReports.parkId, scope)));
  if (!report) throw notFound('report');
  return report;
}

/**
 * Accepts a submitted report. Once: the conditional UPDATE decides between two managers acting at
 * once, and the loser is told who accepted it and when.
 */
export async function acceptKpiReport(db: Db, { actor, input }: { actor: Actor; input: { reportId: string } }): Promise<{ id: string; status: KpiStatus }> {
  const { reportId } = parseInput(kpiReportIdSchema, input);
  const report = await reviewableReport(db, actor, reportId);
  assertCan(actor, 'kpi.review', report.parkId);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(kpiReports)
      .set({ status: 'accepted', reviewedAt: now, reviewedBy: actor.type === 'user' ? actor.userId : null, reviewComment: null, updatedAt: now })
      .where(and(eq(kpiReports.id, reportId), eq(kpiReports.status, 'submitted')))
      .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
    if (!row) throw await refusalFor(tx, reportId);
    await writeAudit(tx, { actor, parkId: report.parkId, action: 'kpi.accept', entity: 'kpi_report', entityId: reportId, before: { status: 'submitted' }, after: { status: 'accepted', version: row.version } });
    await notify(tx, {
      userIds: await representativeIds(tx, report.companyId),
      parkId: report.parkId,
      kind: 'kpiAccepted',
      params: { company: report.companyName, year: report.year, quarter: report.quarter ?? 0 },
      href: myReportHref(report.parkSlug, report.companyId, report.year, report.quarter),
    });
    return { id: row.id, status: row.status };
  });
}

/** Returns a submitted report to the resident with the manager's comment, for correction. */
export async function returnKpiReport(db: Db, { actor, input }: { actor: Actor; input: { reportId: string; comment: string } }): Promise<{ id: string; status: KpiStatus }> {
  const { reportId, comment } = parseInput(returnKpiReportSchema, input);
  const report = await reviewableReport(db, actor, reportId);
  assertCan(actor, 'kpi.review', report.parkId);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(kpiReports)
      .set({ status: 'returned', reviewedAt: now, reviewedBy: actor.type === 'user' ? actor.userId : null, reviewComment: comment, updatedAt: now })
      .where(and(eq(kpiReports.id, reportId), eq(kpiReports.status, 'submitted')))
      .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
    if (!row) throw await refusalFor(tx, reportId);
    await writeAudit(tx, { actor, parkId: report.parkId, action: 'kpi.return', entity: 'kpi_report', entityId: reportId, before: { status: 'submitted' }, after: { status: 'returned', version: row.version, comment } });
    await notify(tx, {
      userIds: await representativeIds(tx, report.companyId),
      parkId: report.parkId,
      kind: 'kpiReturned',
      params: { company: report.companyName, year: report.year, quarter: report.quarter ?? 0, comment: comment.length > 300 ? `${comment.slice(0, 297)}…` : comment },
      href: myReportHref(report.parkSlug, report.companyId, report.year, report.quarter),
    });
    return { id: row.id, status: row.status };
  });
}

/** Why a review did not apply: accepted already (by whom, when), or not awaiting review. */
async function refusalFor(db: DbOrTx, reportId: string): Promise<AppError> {
  const [current] = await db
    .select({ status: kpiReports.status, reviewedAt: kpiReports.reviewedAt, reviewer: users.name })
    .from(kpiReports)
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy))
    .where(eq(kpiReports.id, reportId));
  if (!current) return notFound('report');
  if (current.status === 'accepted') {
    const by = current.reviewer ?? 'the data import';
    const at = current.reviewedAt ? moscowTime(current.reviewedAt) : '—';
    return new AppError('CONFLICT', `report already accepted by ${by} at ${at}`, { key: 'kpiAlreadyAccepted', params: { by, at } });
  }
  return invalidTransition('report', current.status);
}

/** `2026-03-01 14:05` in Moscow time: readable in both languages of a one-line message. */
function moscowTime(at: Date): string {
  return `${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' }).format(at)} MSK`;
}

// ---------------------------------------------------------------- reading

export type KpiListFilter = 'submitted' | 'accepted' | 'returned';

export type KpiListRow = Omit<KpiReportDto, 'reviewComment'>;

/** The park's reports in one state (never the residents' drafts), newest period first. */
export async function listKpiReports(
  db: DbOrTx,
  { actor, parkId, status, year }: { actor: Actor; parkId: string; status: KpiListFilter; year?: number | null },
): Promise<KpiListRow[]> {
  assertCan(actor, 'kpi.review', parkId);
  const rows = await selectReports(db)
    .where(and(eq(kpiReports.parkId, parkId), eq(kpiReports.status, status), year ? eq(kpiReports.year, year) : undefined))
    .orderBy(desc(kpiReports.year), sql`${kpiReports.quarter} NULLS FIRST`, asc(companies.name))
    .limit(2000);
  return rows.map((r) => {
    const { reviewComment: _, ...dto } = toDto(r as ReportRow);
    return dto;
  });
}

/** How many reports of the park are in each state (drafts excluded). */
export async function countKpiReports(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<Record<KpiListFilter, number>> {
  assertCan(actor, 'kpi.review', parkId);
  const rows = await db
    .select({ status: kpiReports.status, n: sql<number>`count(*)::int` })
    .from(kpiReports)
    .where(and(eq(kpiReports.parkId, parkId), ne(kpiReports.status, 'draft')))
    .groupBy(kpiReports.status);
  const out: Record<KpiListFilter, number> = { submitted: 0, accepted: 0, returned: 0 };
  for (const r of rows) if (r.status !== 'draft') out[r.status] = Number(r.n);
  return out;
}

export type KpiVersionDto = { version: number; submittedAt: Date; submittedByName: string | null; figures: KpiFiguresDto };
export type KpiHistoryEntry = { at: Date; action: string; actorName: string | null; comment: string | null; version: number | null };

export type KpiReviewDto = KpiReportDto & { parkSlug: string; companyInn: string | null; versions: KpiVersionDto[]; history: KpiHistoryEntry[] };

/** A report for the manager's review screen: figures, every submitted version, and what happened to it. */
export async function getKpiReportForReview(db: DbOrTx, { actor, parkId, reportId }: { actor: Actor; parkId: string; reportId: string }): Promise<KpiReviewDto> {
  assertCan(actor, 'kpi.review', parkId);
  const [row] = await db
    .select({ ...reportColumns, parkSlug: parks.slug, companyInn: companies.inn })
    .from(kpiReports)
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .innerJoin(parks, eq(parks.id, kpiReports.parkId))
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy))
    .where(and(eq(kpiReports.id, reportId), eq(kpiReports.parkId, parkId), ne(kpiReports.status, 'draft')));
  if (!row) throw notFound('report');
  return { ...toDto(row as ReportRow), parkSlug: row.parkSlug, companyInn: row.companyInn, versions: await versionsOf(db, reportId), history: await historyOf(db, reportId) };
}

async function versionsOf(db: DbOrTx, reportId: string): Promise<KpiVersionDto[]> {
  const rows = await db
    .select({ version: kpiReportVersions.version, submittedAt: kpiReportVersions.submittedAt, submittedByName: users.name, snapshot: kpiReportVersions.snapshot })
    .from(kpiReportVersions)
    .leftJoin(users, eq(users.id, kpiReportVersions.submittedBy))
    .where(eq(kpiReportVersions.reportId, reportId))
    .orderBy(desc(kpiReportVersions.version));
  return rows.map((r) => ({ version: r.version, submittedAt: r.submittedAt, submittedByName: r.submittedByName, figures: figuresOf(r.snapshot as KpiFiguresDto) }));
}

async function historyOf(db: DbOrTx, reportId: string): Promise<KpiHistoryEntry[]> {
  const rows = await db
    .select({ at: auditLog.at, action: auditLog.action, actorName: users.name, actorLabel: auditLog.actorLabel, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, 'kpi_report'), eq(auditLog.entityId, reportId), inArray(auditLog.action, ['kpi.submit', 'kpi.accept', 'kpi.return', 'kpi.bulkUpload'])))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => {
    const after = (r.after ?? {}) as { comment?: string; version?: number };
    return { at: r.at, action: r.action, actorName: r.actorName ?? r.actorLabel, comment: after.comment ?? null, version: after.version ?? null };
  });
}

// ---------------------------------------------------------------- the representative's own reports

export type MyKpiPeriod = {
  parkId: string;
  parkSlug: string;
  parkName: string;
  companyId: string;
  companyName: string;
  year: number;
  quarter: number | null;
  /** Due date of an annual report (the park's deadline in the following year); null for quarters. */
  deadline: string | null;
  report: { id: string; status: KpiStatus; version: number; reviewComment: string | null; submittedAt: Date | null } | null;
};

/**
 * Every period the actor's companies can report: each year (and quarter, where the park asks) of
 * each residency, up to the current one, newest first, with the report if one exists.
 */
export async function listMyKpiPeriods(db: DbOrTx, { actor, today = todayIso() }: { actor: Actor; today?: string }): Promise<MyKpiPeriod[]> {
  if (actor.type !== 'user' || actor.kind !== 'applicant') return [];
  const currentYear = Number(today.slice(0, 4));
  const rows = await queryPeriods(db, actor.userId, currentYear);
  const out: MyKpiPeriod[] = [];
  for (const r of rows) {
    const quarters: (number | null)[] = [null];
    if (r.quarterly) quarters.push(4, 3, 2, 1);
    for (const quarter of quarters) {
      const { from, to } = periodBounds(r.year, quarter);
      if (from > today) continue;
      if (quarter !== null && !(r.startOn <= to && (r.endOn === null || r.endOn >= from))) continue;
      out.push({
        parkId: r.parkId,
        parkSlug: r.parkSlug,
        parkName: r.parkName,
        companyId: r.companyId,
        companyName: r.companyName,
        year: r.year,
        quarter,
        deadline: quarter === null ? deadlineOf(r.year, { kpiDeadlineMonth: r.deadlineMonth, kpiDeadlineDay: r.deadlineDay }) : null,
        report: null,
      });
    }
  }
  if (!out.length) return out;
  const reports = await db
    .select({ id: kpiReports.id, parkId: kpiReports.parkId, companyId: kpiReports.companyId, year: kpiReports.year, quarter: kpiReports.quarter, status: kpiReports.status, version: kpiReports.version, reviewComment: kpiReports.reviewComment, submittedAt: kpiReports.submittedAt })
    .from(kpiReports)
    .innerJoin(companyMembers, and(eq(companyMembers.companyId, kpiReports.companyId), eq(companyMembers.userId, actor.userId)));
  const byPeriod = new Map(reports.map((r) => [`${r.parkId}|${r.companyId}|${r.year}|${r.quarter ?? ''}`, r]));
  for (const p of out) {
    const r = byPeriod.get(`${p.parkId}|${p.companyId}|${p.year}|${p.quarter ?? ''}`);
    if (r) p.report = { id: r.id, status: r.status, version: r.version, reviewComment: r.reviewComment, submittedAt: r.submittedAt };
  }
  return out;
}

type PeriodRow = {
  parkId: string;
  parkSlug: string;
  parkName: string;
  quarterly: boolean;
  deadlineMonth: number;
  deadlineDay: number;
  companyId: string;
  companyName: string;
  year: number;
  startOn: string;
  endOn: string | null;
};

async function queryPeriods(db: DbOrTx, userId: string, currentYear: number): Promise<PeriodRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      SELECT p.id AS "parkId", p.slug AS "parkSlug", p.name AS "parkName", p.quarterly_reports AS "quarterly",
             p.kpi_deadline_month AS "deadlineMonth", p.kpi_deadline_day AS "deadlineDay",
             c.id AS "companyId", c.name AS "companyName", y.year::int AS "year",
             min(r.start_on)::text AS "startOn",
             CASE WHEN bool_or(r.end_on IS NULL) THEN NULL ELSE max(r.end_on)::text END AS "endOn"
      FROM residencies r
      JOIN company_members m ON m.company_id = r.company_id AND m.user_id = ${userId}
      JOIN companies c ON c.id = r.company_id
      JOIN parks p ON p.id = r.park_id
      CROSS JOIN LATERAL generate_series(
        extract(year FROM r.start_on)::int,
        LEAST(extract(year FROM coalesce(r.end_on, make_date(${currentYear}, 12, 31)))::int, ${currentYear})
      ) AS y(year)
      GROUP BY p.id, c.id, y.year
      ORDER BY y.year DESC, c.name, p.name
    `,
  );
  return rows.map((r) => ({
    parkId: String(r.parkId),
    parkSlug: String(r.parkSlug),
    parkName: String(r.parkName),
    quarterly: r.quarterly === true || r.quarterly === 't',
    deadlineMonth: Number(r.deadlineMonth),
    deadlineDay: Number(r.deadlineDay),
    companyId: String(r.companyId),
    companyName: String(r.companyName),
    year: Number(r.year),
    startOn: String(r.startOn),
    endOn: r.endOn === null ? null : String(r.endOn),
  }));
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
  if (actor.type !== 'user' || actor.kind !== 'applicant') throw notFound('report');
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
