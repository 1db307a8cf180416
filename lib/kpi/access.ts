import 'server-only';
import { and, eq, exists, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, companyMembers, kpiReports, parks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, can } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import type { KpiStatus } from '@/db/schema/values';
import { myReportHref } from './common';

/** As whom the actor sees a KPI report: the park's reviewing staff, or a representative of its company. */
export type KpiAudience = 'staff' | 'company';

export type AccessedKpiReport = {
  id: string;
  parkId: string;
  parkSlug: string;
  companyId: string;
  companyName: string;
  year: number;
  quarter: number | null;
  status: KpiStatus;
  audience: KpiAudience;
  /** Where each side opens the report. */
  staffHref: string;
  companyHref: string;
};

/**
 * One KPI report with the actor's audience, in one query: the park's staff who review reports
 * (`kpi.review`) once it has been submitted, and its company's representatives (`kpi.fileOwn`) always.
 * Anyone else, and a malformed id, is told the report does not exist.
 */
export async function accessKpiReport(db: DbOrTx, { actor, reportId, lock = false }: { actor: Actor; reportId: string; lock?: boolean }): Promise<AccessedKpiReport> {
  if (!isUuid(reportId)) throw notFound('report');
  const filer = actingUser(actor, 'kpi.fileOwn');
  const represented = filer
    ? exists(
        db
          .select({ one: sql`1` })
          .from(companyMembers)
          .where(and(eq(companyMembers.companyId, kpiReports.companyId), eq(companyMembers.userId, filer.userId))),
      )
    : sql`false`;
  const query = db
    .select({
      id: kpiReports.id,
      parkId: kpiReports.parkId,
      parkSlug: parks.slug,
      companyId: kpiReports.companyId,
      companyName: companies.name,
      year: kpiReports.year,
      quarter: kpiReports.quarter,
      status: kpiReports.status,
      represented: sql<boolean>`${represented}`,
    })
    .from(kpiReports)
    .innerJoin(parks, eq(parks.id, kpiReports.parkId))
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .where(eq(kpiReports.id, reportId));
  const [row] = lock ? await query.for('update', { of: kpiReports }) : await query;
  if (!row) throw notFound('report');
  const audience: KpiAudience | null = row.status !== 'draft' && can(actor, 'kpi.review', row.parkId) ? 'staff' : row.represented ? 'company' : null;
  if (!audience) throw notFound('report');
  const { represented: _, ...report } = row;
  return {
    ...report,
    audience,
    staffHref: `/p/${row.parkSlug}/kpi/${row.id}`,
    companyHref: myReportHref(row.parkSlug, row.companyId, row.year, row.quarter),
  };
}
