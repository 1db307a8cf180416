import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { authenticate } from '@/lib/users/users';
import { DEMO_ACCOUNTS, DEMO_EXTRA_EXPERTS, DEMO_PASSWORD } from './accounts';
import { seedDemo } from './seed';

async function snapshot() {
  const db = await getDb();
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM parks)::int AS parks, (SELECT count(*) FROM users)::int AS users,
          (SELECT count(*) FROM memberships)::int AS memberships, (SELECT count(*) FROM companies)::int AS companies,
          (SELECT count(*) FROM applications)::int AS applications, (SELECT count(*) FROM kpi_reports)::int AS "kpiReports",
          (SELECT count(*) FROM review_criteria)::int AS criteria, (SELECT count(*) FROM company_members)::int AS members,
          (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return counts;
}

describe('seedDemo', () => {
  it('seeds the demo once: parks, accounts with their roles, the applicant as a resident representative, the rubrics', async () => {
    const db = await getDb();
    const started = performance.now();
    expect(await seedDemo(db)).toEqual({ seeded: true });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);

    const first = await snapshot();
    // 2 parks; 5 listed accounts + 4 further experts; memberships: manager 2, expert 1, analyst 2, experts 1+1+1+2.
    expect(first).toMatchObject({ parks: 2, users: 9, memberships: 10, criteria: 10, members: 1 });
    // The Kuzbass data set has 257 companies and the Tomsk one 6; 396 + 8 applications; 292 + 14 KPI reports.
    expect(first).toMatchObject({ companies: 263, applications: 404, kpiReports: 306 });

    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await snapshot()).toEqual(first);
  });

  it('gives the accounts their park roles and the password', async () => {
    const db = await getDb();
    await seedDemo(db);
    const roles = await queryRows<{ email: string; roles: string }>(
      db,
      sql`SELECT u.email, coalesce(string_agg(p.slug || ':' || m.role::text, ',' ORDER BY p.slug, m.role::text), '') AS roles
          FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN parks p ON p.id = m.park_id
          GROUP BY u.email ORDER BY u.email`,
    );
    expect(Object.fromEntries(roles.map((r) => [r.email, r.roles]))).toEqual({
      'admin@technopark.demo': '',
      'analyst@technopark.demo': 'itc-tomsk:analyst,kuzbass:analyst',
      'applicant@technopark.demo': '',
      'expert2@technopark.demo': 'kuzbass:expert',
      'expert3@technopark.demo': 'kuzbass:expert',
      'expert4@technopark.demo': 'kuzbass:expert',
      'expert5@technopark.demo': 'itc-tomsk:expert,kuzbass:expert',
      'expert@technopark.demo': 'kuzbass:expert',
      'manager@technopark.demo': 'itc-tomsk:manager,kuzbass:manager',
    });
    for (const account of [...DEMO_ACCOUNTS, ...DEMO_EXTRA_EXPERTS]) {
      const result = await authenticate(db, { email: account.email, password: DEMO_PASSWORD }, null);
      expect(result, account.email).toMatchObject({ ok: true });
    }
  });

  it('makes the applicant the representative of a Kuzbass resident with an open on-site residency', async () => {
    const db = await getDb();
    await seedDemo(db);
    const rows = await queryRows<{ park: string; placement: string; endOn: string | null }>(
      db,
      sql`SELECT p.slug AS park, r.placement::text AS placement, r.end_on::text AS "endOn"
          FROM company_members m JOIN users u ON u.id = m.user_id
          JOIN residencies r ON r.company_id = m.company_id JOIN parks p ON p.id = r.park_id
          WHERE u.email = 'applicant@technopark.demo'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.park === 'kuzbass' && r.placement === 'on_site' && r.endOn === null)).toBe(true);
  });

  it('gives each demo park the default rubric (weights 25/20/20/20/15)', async () => {
    const db = await getDb();
    await seedDemo(db);
    const rows = await queryRows<{ park: string; codes: string; total: string }>(
      db,
      sql`SELECT p.slug AS park, string_agg(c.code || '=' || c.weight::text, ',' ORDER BY c.position) AS codes, sum(c.weight)::text AS total
          FROM review_criteria c JOIN parks p ON p.id = c.park_id GROUP BY p.slug ORDER BY p.slug`,
    );
    const expected = 'novelty=25.00,market=20.00,team=20.00,feasibility=20.00,regional_impact=15.00';
    expect(rows).toEqual([
      { park: 'itc-tomsk', codes: expected, total: '100.00' },
      { park: 'kuzbass', codes: expected, total: '100.00' },
    ]);
  });
});
