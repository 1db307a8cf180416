import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { ReportPeriod } from '../types';
import { getBudgetAnalytics, type BudgetAnalytics } from './budget';
import { getFunnel, type Funnel } from './funnel';
import { getKpiDynamics, type KpiYear } from './kpi-dynamics';
import { getOccupancyHistory, type OccupancyHistory } from './occupancy-history';
import { reportScope, type PeriodArgs } from '../scope';

export interface ParkAnalytics {
  funnel: Funnel;
  kpi: { period: ReportPeriod; years: KpiYear[] };
  occupancy: OccupancyHistory;
  budget: BudgetAnalytics;
}

/** Everything the summary page charts, for one park and period: the park read once, the four reports at once. */
export async function getParkAnalytics(db: DbOrTx, args: PeriodArgs): Promise<ParkAnalytics> {
  const scope = await reportScope(db, args);
  const [funnel, kpi, occupancy, budget] = await Promise.all([
    getFunnel(db, { scope }),
    getKpiDynamics(db, { scope }),
    getOccupancyHistory(db, { scope }),
    getBudgetAnalytics(db, { scope }),
  ]);
  return { funnel, kpi, occupancy, budget };
}
