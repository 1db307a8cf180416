import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, kpiReports, users } from '@/db/schema';
import type { KpiStatus } from '@/db/schema/values';
import { figuresOf, type KpiFiguresDto } from './common';

/*
 * A KPI report as the pages show it, and the one query that reads it with its company and reviewer.
 */

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

export const reportColumns = {
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

export type ReportRow = KpiFiguresDto & Omit<KpiReportDto, 'figures'>;

export function toDto(row: ReportRow): KpiReportDto {
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

/** The reports with their company and reviewer, selecting `reportColumns` and any `extra` columns (a keyset cursor, say). */
export function selectReports<Extra extends Record<string, SQL>>(db: DbOrTx, extra: Extra = {} as Extra) {
  return db
    .select({ ...reportColumns, ...extra })
    .from(kpiReports)
    .innerJoin(companies, eq(companies.id, kpiReports.companyId))
    .leftJoin(users, eq(users.id, kpiReports.reviewedBy));
}
