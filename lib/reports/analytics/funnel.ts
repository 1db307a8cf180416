import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { pct, roundHalfAway } from '../money';
import type { ReportPeriod } from '../types';
import { reportScope, type PeriodArgs } from '../scope';

export type FunnelStepKey = 'submitted' | 'screened' | 'passedCouncil' | 'admitted' | 'incentive';

export interface FunnelStep {
  step: FunnelStepKey;
  count: number;
  /** Of the previous step, percent; null for the first step or when the previous step is empty. */
  conversionPct: number | null;
  /** Of the submitted applications, percent; 0 when none were submitted. */
  overallPct: number;
  /** Median days from the previous step to this one, one decimal; null for the first step or without cases. */
  medianDays: number | null;
}

export interface Funnel {
  period: ReportPeriod;
  steps: FunnelStep[];
}

type FunnelRow = {
  submitted: number;
  screened: number;
  passed: number;
  admitted: number;
  incentive: number;
  screened_days: number | string | null;
  passed_days: number | string | null;
  admitted_days: number | string | null;
  incentive_days: number | string | null;
};

/**
 * The applications submitted in the period (drafts never), followed through their later steps
 * whenever those happened: screened = accepted at screening (the first acceptance); passed council
 * = approved (the first approval); admitted = a residency linked to the application, or else the
 * company's first unlinked residency starting on or after the approval; incentive = the company's
 * first tax-incentive grant on or after the residency's start. Each step counts only applications
 * that reached the previous one, so the funnel never widens.
 */
export async function getFunnel(db: DbOrTx, args: PeriodArgs): Promise<Funnel> {
  const { park, from, to, firstDay, lastDay } = await reportScope(db, args);
  const median = (expr: SQL, from_: SQL) => sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr}) FROM ${from_})`;
  const [row] = await queryRows<FunnelRow>(
    db,
    sql`
    WITH
    cohort AS (
      SELECT a.id, a.company_id, a.submitted_on FROM applications a
      WHERE a.park_id = ${park.id} AND a.status <> 'draft' AND a.submitted_on BETWEEN ${firstDay}::date AND ${lastDay}::date
    ),
    screened AS (
      SELECT c.*, s.first_on AS screened_on FROM cohort c
      CROSS JOIN LATERAL (
        SELECT min(decided_on) AS first_on FROM screening_decisions s WHERE s.application_id = c.id AND s.outcome = 'accepted'
      ) s
      WHERE s.first_on IS NOT NULL
    ),
    passed AS (
      SELECT s.*, d.first_on AS approved_on FROM screened s
      CROSS JOIN LATERAL (
        SELECT min(decided_on) AS first_on FROM council_decisions d
        WHERE d.application_id = s.id AND d.park_id = ${park.id} AND d.decision = 'approved'
      ) d
      WHERE d.first_on IS NOT NULL
    ),
    -- The linked residency, else the first unlinked one: two joins against the park's residencies,
    -- each read once, instead of a scan of them per application (an OR no index answers).
    admitted AS (
      SELECT DISTINCT ON (id) id, company_id, submitted_on, screened_on, approved_on, admitted_on FROM (
        SELECT p.*, r.start_on AS admitted_on, 0 AS rank FROM passed p
        JOIN residencies r ON r.park_id = ${park.id} AND r.application_id = p.id
        UNION ALL
        SELECT p.*, r.start_on, 1 FROM passed p
        JOIN residencies r ON r.park_id = ${park.id} AND r.application_id IS NULL AND r.company_id = p.company_id AND r.start_on >= p.approved_on
      ) candidates
      ORDER BY id, rank, admitted_on
    ),
    incentive AS (
      SELECT a.*, t.first_on AS granted_on FROM admitted a
      CROSS JOIN LATERAL (
        SELECT min(granted_on) AS first_on FROM tax_incentives t
        WHERE t.park_id = ${park.id} AND t.company_id = a.company_id AND t.granted_on >= a.admitted_on
      ) t
      WHERE t.first_on IS NOT NULL
    )
    SELECT
      (SELECT count(*)::int FROM cohort) AS submitted,
      (SELECT count(*)::int FROM screened) AS screened,
      (SELECT count(*)::int FROM passed) AS passed,
      (SELECT count(*)::int FROM admitted) AS admitted,
      (SELECT count(*)::int FROM incentive) AS incentive,
      ${median(sql`screened_on - submitted_on`, sql`screened`)} AS screened_days,
      ${median(sql`approved_on - screened_on`, sql`passed`)} AS passed_days,
      ${median(sql`admitted_on - approved_on`, sql`admitted`)} AS admitted_days,
      ${median(sql`granted_on - admitted_on`, sql`incentive`)} AS incentive_days`,
  );
  const counts = [row.submitted, row.screened, row.passed, row.admitted, row.incentive];
  const days = [null, row.screened_days, row.passed_days, row.admitted_days, row.incentive_days];
  const keys: FunnelStepKey[] = ['submitted', 'screened', 'passedCouncil', 'admitted', 'incentive'];
  return {
    period: { from, to },
    steps: keys.map((step, i) => ({
      step,
      count: counts[i],
      conversionPct: i === 0 || counts[i - 1] === 0 ? null : pct(BigInt(counts[i]), BigInt(counts[i - 1])),
      overallPct: pct(BigInt(counts[i]), BigInt(counts[0])),
      medianDays: days[i] === null || days[i] === undefined ? null : roundHalfAway(Number(days[i]), 1),
    })),
  };
}
