import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { auditLog, companies, kpiReports, kpiReportVersions, parks, users } from '@/db/schema';
import type { KpiStatus } from '@/db/schema/values';
import { writeAudit } from '@/lib/audit';
import { type Actor, actorUserId } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { AppError, invalidTransition, notFound } from '@/lib/errors';
import { formatMoment } from '@/lib/i18n/format';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import { kpiReportIdSchema, returnKpiReportSchema } from '@/lib/validation/kpi';
import { parseInput } from '@/lib/validation/parse';
import { figuresOf, type KpiFiguresDto, myReportHref } from './common';
import { type KpiReportDto, reportColumns, type ReportRow, toDto } from './report-dto';
import { accessKpiReport, type AccessedKpiReport } from './access';
import { comparisonFor, type KpiComparison } from './comparison';

/*
 * Reviewing a KPI report: the park's manager accepts a submitted report or returns it with a comment,
 * and reads it with every submitted version and what happened to it.
 */

/**
 * The report, if the actor reviews it: accessKpiReport's staff audience (the park's reviewers, once it
 * has been submitted; drafts are the resident's own). Anyone else is told it does not exist.
 */
async function reviewableReport(db: DbOrTx, actor: Actor, reportId: string): Promise<AccessedKpiReport> {
  const report = await accessKpiReport(db, { actor, reportId });
  if (report.audience !== 'staff') throw notFound('report');
  return report;
}

/** Accepts a submitted report. */
export async function acceptKpiReport(db: Db, { actor, input }: { actor: Actor; input: { reportId: string } }): Promise<{ id: string; status: KpiStatus }> {
  const { reportId } = parseInput(kpiReportIdSchema, input);
  return review(db, actor, reportId, { status: 'accepted', comment: null });
}

/** Returns a submitted report to the resident with the manager's comment, for correction. */
export async function returnKpiReport(db: Db, { actor, input }: { actor: Actor; input: { reportId: string; comment: string } }): Promise<{ id: string; status: KpiStatus }> {
  const { reportId, comment } = parseInput(returnKpiReportSchema, input);
  return review(db, actor, reportId, { status: 'returned', comment });
}

type Verdict = { status: 'accepted'; comment: null } | { status: 'returned'; comment: string };

/**
 * Gives a submitted report the manager's verdict, with its audit row and a notice to the company's
 * representatives. Once: the conditional UPDATE decides between two managers acting at once, and the
 * loser is told who accepted it and when.
 */
async function review(db: Db, actor: Actor, reportId: string, { status, comment }: Verdict): Promise<{ id: string; status: KpiStatus }> {
  const report = await reviewableReport(db, actor, reportId);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(kpiReports)
      .set({ status, reviewedAt: now, reviewedBy: actorUserId(actor), reviewComment: comment, updatedAt: now })
      .where(and(eq(kpiReports.id, reportId), eq(kpiReports.status, 'submitted')))
      .returning({ id: kpiReports.id, status: kpiReports.status, version: kpiReports.version });
    if (!row) throw await refusalFor(tx, reportId);
    const withComment = comment === null ? {} : { comment };
    await writeAudit(tx, {
      actor,
      parkId: report.parkId,
      action: status === 'accepted' ? 'kpi.accept' : 'kpi.return',
      entity: 'kpi_report',
      entityId: reportId,
      before: { status: 'submitted' },
      after: { status, version: row.version, ...withComment },
    });
    await notify(tx, {
      userIds: await representativesOf(tx, report.companyId),
      parkId: report.parkId,
      kind: status === 'accepted' ? 'kpiAccepted' : 'kpiReturned',
      params: {
        company: report.companyName,
        year: report.year,
        quarter: report.quarter ?? 0,
        ...(comment === null ? {} : { comment: comment.length > 300 ? `${comment.slice(0, 297)}…` : comment }),
      },
      href: myReportHref(report.parkSlug, report.companyId, report.year, report.quarter),
    });
    return { id: row.id, status: row.status };
  });
}

/** Why a review did not apply: accepted already (by whom, when), or not awaiting review. */
async function refusalFor(db: DbOrTx, reportId: string): Promise<AppError> {
  const [current] = await db
    .select({ status: kpiReports.status, reviewedAt: kpiReports.reviewedAt, reviewer: users.name, timeZone: parks.timeZone })
    .from(kpiReports)
    .innerJoin(parks, eq(parks.id, kpiReports.parkId))
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy))
    .where(eq(kpiReports.id, reportId));
  if (!current) return notFound('report');
  if (current.status === 'accepted') {
    const by = current.reviewer ?? 'the data import';
    const at = current.reviewedAt ? formatMoment(current.reviewedAt, current.timeZone) : '—';
    return new AppError('CONFLICT', `report already accepted by ${by} at ${at}`, { key: 'kpiAlreadyAccepted', params: { by, at } });
  }
  return invalidTransition('report', current.status);
}

export type KpiVersionDto = { version: number; submittedAt: Date; submittedByName: string | null; figures: KpiFiguresDto };
export type KpiHistoryEntry = { at: Date; action: string; actorName: string | null; comment: string | null; version: number | null };

export type KpiReviewDto = KpiReportDto & {
  parkSlug: string;
  companyInn: string | null;
  versions: KpiVersionDto[];
  history: KpiHistoryEntry[];
  /** The previous year's accepted report and the application's plan, with the differences. */
  comparison: KpiComparison;
};

/** A report for the manager's review screen: figures, every submitted version, what happened to it, and what it is compared with. */
export async function getKpiReportForReview(db: DbOrTx, { actor, parkId, reportId }: { actor: Actor; parkId: string; reportId: string }): Promise<KpiReviewDto> {
  assertCan(actor, 'kpi.review', parkId);
  const { id } = await reviewableReport(db, actor, reportId);
  const [row] = await db
    .select({ ...reportColumns, parkSlug: parks.slug, companyInn: companies.inn })
    .from(kpiReports)
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .innerJoin(parks, eq(parks.id, kpiReports.parkId))
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy))
    .where(and(eq(kpiReports.id, id), eq(kpiReports.parkId, parkId)));
  if (!row) throw notFound('report');
  const report = toDto(row as ReportRow);
  return {
    ...report,
    parkSlug: row.parkSlug,
    companyInn: row.companyInn,
    versions: await versionsOf(db, reportId),
    history: await historyOf(db, reportId),
    comparison: await comparisonFor(db, report),
  };
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
