import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { companies, companyMembers, parks, residencies } from '@/db/schema';
import { makeApplicant, uniq } from '@/lib/test/fixtures';

/**
 * A resident company of the park with a representative, for the KPI tests. The residency is
 * written directly: admitting a resident is another area's flow (applications, council, admission)
 * and the KPI rules only need its dates.
 */
export async function makeResident(
  parkId: string,
  { startOn = '2020-01-01', endOn = null, key, inn = null, name }: { startOn?: string; endOn?: string | null; key?: string; inn?: string | null; name?: string } = {},
) {
  const db = await getDb();
  const representative = await makeApplicant();
  const [company] = await db
    .insert(companies)
    .values({ parkId, key: key ?? uniq('c-'), name: name ?? `Company ${uniq()}`, inn, smeCategory: 'small' })
    .returning({ id: companies.id, name: companies.name, key: companies.key });
  await db.insert(companyMembers).values({ companyId: company.id, userId: representative.userId });
  await db.insert(residencies).values({ parkId, companyId: company.id, startOn, endOn, placement: 'extraterritorial' });
  return { company, representative };
}

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
