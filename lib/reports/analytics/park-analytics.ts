import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { ReportPeriod } from '../types';
import { getBudgetAnalytics, type BudgetAnalytics } from './budget';
import { getFunnel, type Funnel } from './funnel';
import { getKpiDynamics, type KpiYear } from './kpi-dynamics';
import { getOccupancyHistory, type OccupancyHistory } from './occupancy-history';
import type { PeriodArgs } from './scope';

export interface ParkAnalytics {
  funnel: Funnel;
  kpi: { period: ReportPeriod; years: KpiYear[] };
  occupancy: OccupancyHistory;
  budget: BudgetAnalytics;
}

/** Everything the summary page charts, for one park and period. */
export async function getParkAnalytics(db: DbOrTx, args: PeriodArgs): Promise<ParkAnalytics> {
  const funnel = await getFunnel(db, args);
  const kpi = await getKpiDynamics(db, args);
  const occupancy = await getOccupancyHistory(db, args);
  const budget = await getBudgetAnalytics(db, args);
  return { funnel, kpi, occupancy, budget };
}
