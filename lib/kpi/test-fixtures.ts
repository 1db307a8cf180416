import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { parks } from '@/db/schema';

export async function setQuarterly(parkId: string, quarterly: boolean) {
  const db = await getDb();
  await db.update(parks).set({ quarterlyReports: quarterly }).where(eq(parks.id, parkId));
}

/** Figures as a form sends them. */
export const figures = (overrides: Record<string, unknown> = {}) => ({
  jobsCreated: '12',
  headcount: '40',
  investmentRub: '1 000 000,50',
  capitalInvestmentRub: '400000',
  incomeRub: '2500000.75',
  taxesPaidRub: '300000',
  rndSpendRub: '',
  ...overrides,
});
