import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/rows';
import { companyMembers, parks, reviewCriteria, users } from '@/db/schema';
import { kuzbassDataset, tomskDataset } from '@/lib/demo/dataset';
import { systemActor } from '@/lib/auth/actor';
import { linkRepresentative } from './link';
import { saveRubric } from '@/lib/council/rubric';
import { importDataset } from '@/lib/dataset/import';
import { createUser } from '@/lib/users/users';
import { DEMO_ACCOUNTS, DEMO_EXTRA_APPLICANTS, DEMO_EXTRA_EXPERTS, DEMO_PASSWORD } from './accounts';
import { seedApplicantApplication, seedLiveCouncil } from './live';
import { seedBookings } from './bookings';
import { seedSupport } from './support';
import { DEMO_CRITERIA } from './rubric';
import { loggerFor } from '@/lib/log/logger';
import { setParkTimeZone } from '@/lib/parks/parks';

/** The demo parks' slugs, as the data sets and DEMO_ACCOUNTS name them. */
export const DEMO_PARKS = { kuzbass: 'kuzbass', tomsk: 'itc-tomsk' } as const;

/** Where the demo parks are: Kemerovo and Tomsk, both UTC+7 (the data sets carry no zone). */
export const DEMO_PARK_ZONES: Record<string, string> = { [DEMO_PARKS.kuzbass]: 'Asia/Novokuznetsk', [DEMO_PARKS.tomsk]: 'Asia/Tomsk' };

const ALL_ACCOUNTS = [...DEMO_ACCOUNTS, ...DEMO_EXTRA_EXPERTS, ...DEMO_EXTRA_APPLICANTS];
const APPLICANT = DEMO_ACCOUNTS.find((account) => account.demoRole === 'applicant')!;

/**
 * Fills the database with the demo: the Kuzbass and ITC Tomsk data sets (through importDataset),
 * the demo accounts with their park roles, each demo park's rubric, the expert council's work in
 * progress in Kuzbass (lib/demo/live.ts), and last the applicant as the representative of a Kuzbass
 * resident with a live application of its own. Idempotent: when the demo is complete it returns
 * after one read; after an interrupted run it completes what is missing.
 */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const slugs = Object.values(DEMO_PARKS);
  const emails = ALL_ACCOUNTS.map((account) => account.email);
  // The applicant's link and then the manager's answer in its application's conversation are written
  // last, so their presence says that an earlier run completed.
  const [state] = await queryRows<{ parks: number; users: number; linked: boolean; live: boolean; support: boolean; bookings: boolean }>(
    db,
    sql`SELECT (SELECT count(*) FROM parks WHERE slug IN (${sql.join(slugs.map((slug) => sql`${slug}`), sql`, `)}))::int AS parks,
          (SELECT count(*) FROM users WHERE email IN (${sql.join(emails.map((email) => sql`${email}`), sql`, `)}))::int AS users,
          EXISTS (SELECT 1 FROM company_members m JOIN users u ON u.id = m.user_id WHERE u.email = ${APPLICANT.email}) AS linked,
          EXISTS (SELECT 1 FROM thread_messages t JOIN applications a ON a.id = t.application_id JOIN users u ON u.id = a.created_by
                  WHERE u.email = ${APPLICANT.email} AND t.side = 'staff') AS live,
          EXISTS (SELECT 1 FROM services s JOIN parks p ON p.id = s.park_id WHERE p.slug = ${DEMO_PARKS.kuzbass}) AS support,
          EXISTS (SELECT 1 FROM bookable_resources r JOIN parks p ON p.id = r.park_id WHERE p.slug = ${DEMO_PARKS.kuzbass}) AS bookings`,
  );
  if (state.parks === slugs.length && state.users === emails.length && state.linked && state.live && state.support && state.bookings) return { seeded: false };

  const existingParks = await db.select({ id: parks.id, slug: parks.slug }).from(parks).where(inArray(parks.slug, slugs));
  const existingUsers = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const actor = systemActor('seed');
  const parkIds = new Map(existingParks.map((park) => [park.slug, park.id]));
  for (const dataset of [kuzbassDataset, tomskDataset]) {
    const data = dataset();
    if (parkIds.has(data.park.slug)) continue;
    await importDataset(db, { actor, input: data });
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, data.park.slug));
    await setParkTimeZone(db, { actor, input: { parkId: park.id, timeZone: DEMO_PARK_ZONES[data.park.slug] } });
    parkIds.set(data.park.slug, park.id);
  }

  for (const slug of slugs) {
    const parkId = parkIds.get(slug)!;
    const [any] = await db.select({ id: reviewCriteria.id }).from(reviewCriteria).where(eq(reviewCriteria.parkId, parkId)).limit(1);
    if (!any) {
      await saveRubric(db, { actor, input: { parkId, criteria: DEMO_CRITERIA.map((criterion) => ({ ...criterion, active: true })) } });
    }
  }

  const userIds = new Map(existingUsers.map((user) => [user.email, user.id]));
  for (const account of ALL_ACCOUNTS) {
    if (userIds.has(account.email)) continue;
    const user = await createUser(db, {
      actor,
      input: {
        email: account.email,
        name: account.name,
        password: DEMO_PASSWORD,
        kind: account.kind,
        memberships: account.roles.map((role) => ({ parkId: parkIds.get(role.park)!, role: role.role })),
      },
    });
    userIds.set(account.email, user.id);
  }

  const kuzbass = parkIds.get(DEMO_PARKS.kuzbass)!;
  const applicantId = userIds.get(APPLICANT.email)!;
  try {
    await seedLiveCouncil(db, { parkId: kuzbass });
    await linkApplicant(db, kuzbass, applicantId);
    await seedApplicantApplication(db, { parkId: kuzbass, applicantId });
  } catch (error) {
    // A demo linked before (by a version without the live stage, or a run cut short after the link) may
    // have been used since, so that the live stage no longer goes through (an expert disabled, the rubric
    // changed): the demo still starts, and the next start tries again.
    if (!state.linked) throw error;
    loggerFor('demo').error({ err: error }, 'the live stage could not be completed');
  }
  const [represented] = await db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, applicantId)).limit(1);
  await seedSupport(db, { parkId: kuzbass, applicantId, companyId: represented?.companyId ?? null });
  await seedBookings(db, { parkId: kuzbass, applicantId, companyId: represented?.companyId ?? null });
  return { seeded: true };
}

/**
 * The demo applicant represents one Kuzbass resident still in the park at the end of the data (an
 * open-ended on-site residency, the longest-standing first), so it sees a resident profile and has
 * KPI reports to file.
 */
async function linkApplicant(db: Db, parkId: string, userId: string) {
  await db.transaction(async (tx) => {
    const [linked] = await tx.select({ id: companyMembers.id }).from(companyMembers).where(eq(companyMembers.userId, userId));
    if (linked) return;
    const [company] = await queryRows<{ id: string; key: string }>(
      tx,
      sql`SELECT c.id::text AS id, c.key FROM residencies r JOIN companies c ON c.id = r.company_id
          WHERE r.park_id = ${parkId} AND r.end_on IS NULL AND r.placement = 'on_site' AND c.park_id = ${parkId}
          ORDER BY r.start_on, c.key COLLATE "C" LIMIT 1`,
    );
    if (company) await linkRepresentative(tx, { parkId, userId, company });
  });
}
