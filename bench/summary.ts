/**
 * Park summary benchmark (`npm run bench`): 200 parks with 1,000,000 KPI reports in total, and in
 * proportion 100,000 companies, 150,000 applications, 100,000 residencies, 20,000 premises and
 * leases, 33,400 tax incentives and 10,000 budget rows, generated on the server with
 * INSERT … SELECT generate_series, plus 20,000 further applications in one park for its managers'
 * inbox. Then getParkSummary for one park and 7 years, and five inbox pages (filters, search, a deep
 * page), 20 timed runs each.
 *
 * Then the pages (bench/pages.ts): the production build (built first when .next holds no build of
 * the current sources) started on the same database, the reports page's first byte unloaded, and
 * the reports, residents and inbox pages and a trivial route under 25 concurrent signed-in
 * connections, interleaved, against their goals; with the load average beside the figures.
 *
 * PostgreSQL: the server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * The data live in the database bench_summary, created when missing or incomplete and reused on
 * later runs. `--regenerate` builds it again; `--explain` prints the plan of the summary query;
 * `--pages-only` skips the query timings; `--no-pages` skips the pages.
 */
import { performance } from 'node:perf_hooks';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'bench_summary';
/** Bump when the generator changes, so an older database is rebuilt. */
const GENERATOR_VERSION = '3';

const PARKS = 200;
const COMPANIES_PER_PARK = 500;
const REPORT_YEARS = 10; // per company: 500 × 10 × 200 = 1,000,000 reports
const PREMISES_PER_PARK = 100;
const BUILDINGS_PER_PARK = 5;
const RUNS = 20;
const PARK = 'bench-100';
const FROM = 2010;
const TO = 2016;
/** The park whose managers' inbox is timed: 20,000 further applications on top of its own. */
const INBOX_PARK = 'bench-050';
const INBOX_APPLICATIONS = 20_000;

const args = new Set(process.argv.slice(2));

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The statements that fill an empty, migrated database. Company i of a park: residency from year 2000 + i % 15, ten years. */
const GENERATE: [label: string, statement: string][] = [
  [
    'parks',
    `INSERT INTO parks (slug, name, region, type, founded_on, closed_on)
     SELECT 'bench-' || lpad(i::text, 3, '0'), 'Bench park ' || i, 'Region ' || (i % 20),
            (ARRAY['industrial', 'high_tech', 'mixed'])[1 + i % 3]::park_type,
            make_date(1990 + i % 30, 1 + i % 12, 1),
            CASE WHEN i % 40 = 0 THEN make_date(2020 + i % 5, 6, 30) END
     FROM generate_series(1, ${PARKS}) AS i`,
  ],
  [
    'buildings',
    `INSERT INTO buildings (park_id, key, name)
     SELECT p.id, 'b' || b, 'Building ' || b FROM parks p CROSS JOIN generate_series(1, ${BUILDINGS_PER_PARK}) AS b`,
  ],
  [
    'premises',
    `INSERT INTO premises (park_id, building_id, key, name, kind, area_m2, available_from, available_to)
     SELECT p.id, b.id, 'p' || i, 'Unit ' || i,
            (ARRAY['office', 'laboratory', 'production', 'coworking', 'incubator', 'other'])[1 + i % 6]::premises_kind,
            20 + (i * 37) % 480 + 0.50, DATE '1999-01-01', CASE WHEN i % 25 = 24 THEN DATE '2014-12-31' END
     FROM parks p CROSS JOIN generate_series(0, ${PREMISES_PER_PARK - 1}) AS i
     JOIN buildings b ON b.park_id = p.id AND b.key = 'b' || (1 + i % ${BUILDINGS_PER_PARK})`,
  ],
  [
    'companies',
    `INSERT INTO companies (park_id, key, name, sme_category, manufacturing)
     SELECT p.id, 'c' || i, 'Company ' || p.slug || '-' || i, (ARRAY['micro', 'small', 'medium', 'none'])[1 + i % 4]::sme_category, i % 3 = 0
     FROM parks p CROSS JOIN generate_series(0, ${COMPANIES_PER_PARK - 1}) AS i`,
  ],
  [
    'applications',
    `INSERT INTO applications (park_id, company_id, key, status, title, submitted_on)
     SELECT c.park_id, c.id, 'a' || n.i, 'approved', 'Project ' || n.i, make_date(1999 + n.i % 15, 1 + n.i % 10, 1 + n.i % 28)
     FROM companies c CROSS JOIN LATERAL (SELECT substr(c.key, 2)::int AS i) n
     UNION ALL
     SELECT c.park_id, c.id, 'x' || n.i, CASE WHEN n.i % 4 = 0 THEN 'draft' ELSE 'rejected' END::application_status,
            'Other project ' || n.i, CASE WHEN n.i % 4 = 0 THEN NULL ELSE make_date(2001 + n.i % 17, 1 + n.i % 12, 1 + n.i % 28) END
     FROM companies c CROSS JOIN LATERAL (SELECT substr(c.key, 2)::int AS i) n
     WHERE n.i % 2 = 0`,
  ],
  [
    'inbox applications',
    `INSERT INTO applications (park_id, company_id, key, status, title, industry, wants_premises, premises_area_m2,
                               wants_tax_incentives, services, submitted_on, version)
     SELECT c.park_id, c.id, 'inbox-' || i,
            (ARRAY['submitted', 'in_review', 'returned', 'rejected', 'approved', 'submitted', 'in_review'])[1 + i % 7]::application_status,
            (ARRAY['Sensor line', 'Coal chemistry', 'Mine safety', 'Drone survey', 'Biotech lab', 'ERP for plants'])[1 + i % 6] || ' ' || i,
            'Industry ' || (i % 12), i % 3 = 0, CASE WHEN i % 3 = 0 THEN 50 + i % 400 END, i % 4 = 0,
            CASE i % 4 WHEN 0 THEN ARRAY['consulting'] WHEN 1 THEN ARRAY['legal', 'patent'] WHEN 2 THEN '{}'::text[] ELSE ARRAY['finance', 'accounting'] END,
            DATE '2015-01-01' + (i % 3650), 1
     FROM generate_series(1, ${INBOX_APPLICATIONS}) AS i
     JOIN parks p ON p.slug = '${INBOX_PARK}'
     JOIN companies c ON c.park_id = p.id AND c.key = 'c' || (i % ${COMPANIES_PER_PARK})`,
  ],
  [
    'screening decisions',
    `INSERT INTO screening_decisions (application_id, outcome, decided_on)
     SELECT id, CASE WHEN key LIKE 'a%' THEN 'accepted' ELSE 'rejected' END::screening_outcome, submitted_on + 10
     FROM applications WHERE submitted_on IS NOT NULL AND key NOT LIKE 'inbox-%'`,
  ],
  [
    'council decisions',
    `INSERT INTO council_decisions (park_id, application_id, decision, decided_on, votes_for, votes_against, votes_abstain)
     SELECT park_id, id, 'approved', submitted_on + 45, 7, 1, 0 FROM applications WHERE key LIKE 'a%'`,
  ],
  [
    'residencies',
    `INSERT INTO residencies (park_id, company_id, application_id, key, agreement_number, start_on, end_on, placement)
     SELECT a.park_id, a.company_id, a.id, 'r' || n.i, 'R-' || n.i, s.start_on,
            CASE WHEN n.i % 7 = 0 THEN NULL ELSE (s.start_on + interval '10 years' - interval '1 day')::date END,
            CASE WHEN n.i % 5 = 0 THEN 'on_site' ELSE 'extraterritorial' END::placement
     FROM applications a
     CROSS JOIN LATERAL (SELECT substr(a.key, 2)::int AS i) n
     CROSS JOIN LATERAL (SELECT make_date(2000 + n.i % 15, 1 + n.i % 12, 1) AS start_on) s
     WHERE a.key LIKE 'a%'`,
  ],
  [
    'leases',
    `INSERT INTO leases (park_id, residency_id, company_id, premises_id, key, start_on, end_on)
     SELECT r.park_id, r.id, r.company_id, p.id, 'l' || n.i, (r.start_on + interval '1 month')::date,
            CASE WHEN p.available_to IS NOT NULL THEN least(coalesce(r.end_on, p.available_to), p.available_to) ELSE r.end_on END
     FROM residencies r
     CROSS JOIN LATERAL (SELECT substr(r.key, 2)::int AS i) n
     JOIN premises p ON p.park_id = r.park_id AND p.key = 'p' || (n.i / 5)
     WHERE r.placement = 'on_site' AND (p.available_to IS NULL OR p.available_to >= (r.start_on + interval '1 month')::date)`,
  ],
  [
    'tax incentives',
    `INSERT INTO tax_incentives (park_id, company_id, residency_id, key, kind, granted_on, valid_from, valid_to)
     SELECT r.park_id, r.company_id, r.id, 't' || n.i,
            (ARRAY['profit_tax', 'property_tax', 'land_tax', 'other'])[1 + n.i % 4]::incentive_kind,
            (r.start_on + interval '6 months')::date, (r.start_on + interval '6 months')::date, (r.start_on + interval '66 months')::date
     FROM residencies r CROSS JOIN LATERAL (SELECT substr(r.key, 2)::int AS i) n
     WHERE n.i % 3 = 0`,
  ],
  [
    'KPI reports',
    `INSERT INTO kpi_reports (park_id, company_id, key, year, quarter, status, jobs_created, headcount,
                              investment_rub, capital_investment_rub, income_rub, taxes_paid_rub, rnd_spend_rub)
     SELECT c.park_id, c.id, 'k' || n.i || '-' || y.year, y.year, NULL,
            CASE WHEN (n.i + y.year) % 13 = 0 THEN 'submitted' WHEN (n.i + y.year) % 17 = 0 THEN 'returned' ELSE 'accepted' END::kpi_status,
            (n.i + y.year) % 20, 5 + (n.i * 3 + y.year) % 200,
            v.inv, round(v.inv * 0.6, 2), v.inv * 3 + 0.15, round(v.inv * 0.35, 2), round(v.inv * 0.05, 2)
     FROM companies c
     CROSS JOIN LATERAL (SELECT substr(c.key, 2)::int AS i) n
     CROSS JOIN LATERAL (SELECT 2000 + n.i % 15 + k AS year FROM generate_series(0, ${REPORT_YEARS - 1}) AS k) y
     CROSS JOIN LATERAL (SELECT ((n.i * 7 + y.year * 13) % 1000 + 1) * 10000.25 AS inv) v`,
  ],
  [
    'budget funding',
    `INSERT INTO budget_funding (park_id, key, year, source, amount_rub)
     SELECT p.id, 'f' || y || s, y, s::funding_source, 1000000 * (1 + (y * 7 + length(p.slug) + ascii(s)) % 90) + 0.10
     FROM parks p CROSS JOIN generate_series(2000, 2024) AS y CROSS JOIN unnest(ARRAY['federal', 'regional']) AS s`,
  ],
];

type Sql = import('postgres').Sql;

async function prepareDatabase(server: Sql): Promise<boolean> {
  const { default: postgres } = await import('postgres');
  const [exists] = await server`SELECT 1 AS ok FROM pg_database WHERE datname = ${DB_NAME}`;
  if (exists && !args.has('--regenerate')) {
    const bench = postgres(databaseUrl(DB_NAME), { max: 1, onnotice: () => {} });
    try {
      const [meta] = await bench`SELECT version FROM bench_meta WHERE complete`.catch(() => [undefined]);
      if (meta?.version === GENERATOR_VERSION) return false;
    } finally {
      await bench.end();
    }
  }
  if (exists) {
    process.stdout.write(`dropping ${DB_NAME} to build it again\n`);
    await server.unsafe(`DROP DATABASE "${DB_NAME}" WITH (FORCE)`);
  }
  await server.unsafe(`CREATE DATABASE "${DB_NAME}"`);
  return true;
}

/**
 * Tables that take the bulk of the rows. Their secondary indexes, unique and exclusion constraints
 * and foreign keys are dropped for the load and built again after it (foreign keys are then checked
 * in one pass each instead of row by row); primary keys and triggers stay.
 */
const BULK_TABLES = ['companies', 'applications', 'screening_decisions', 'council_decisions', 'residencies', 'kpi_reports'];

async function generate(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const started = performance.now();
  const step = async (label: string, run: () => Promise<{ count: number } | unknown>) => {
    const t = performance.now();
    const result = await run();
    const count = (result as { count?: number } | undefined)?.count;
    process.stdout.write(`  ${label.padEnd(20)} ${(typeof count === 'number' ? String(count) : '').padStart(9)}${typeof count === 'number' ? ' rows' : '     '}  ${seconds(performance.now() - t)}\n`);
  };
  try {
    await client.unsafe("SET maintenance_work_mem = '256MB'");
    await client.unsafe('SET synchronous_commit = off');
    await client.unsafe('CREATE TABLE IF NOT EXISTS bench_meta (version text NOT NULL, complete boolean NOT NULL DEFAULT false)');
    await client.unsafe('TRUNCATE bench_meta');
    // The schema's own definitions, read back from the catalogue, so the rebuilt indexes are exactly the migrated ones.
    const constraints = await client<{ tbl: string; name: string; def: string }[]>`
      SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE conrelid::regclass::text IN ${client(BULK_TABLES)} AND contype IN ('u', 'x', 'f')
      ORDER BY contype = 'f', conname`;
    const indexes = await client<{ name: string; def: string }[]>`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ${client(BULK_TABLES)}
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))`;
    await step('drop bulk indexes', async () => {
      for (const c of constraints) await client.unsafe(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}"`);
      for (const i of indexes) await client.unsafe(`DROP INDEX "${i.name}"`);
    });
    for (const [label, statement] of GENERATE) await step(label, () => client.unsafe(statement));
    await step('rebuild indexes', async () => {
      for (const i of indexes) await client.unsafe(i.def);
      for (const c of constraints) await client.unsafe(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def}`);
    });
    // As autovacuum would: statistics, and the visibility map that lets index-only scans skip the heap.
    await step('VACUUM ANALYZE', () => client.unsafe('VACUUM ANALYZE'));
    await client`INSERT INTO bench_meta (version, complete) VALUES (${GENERATOR_VERSION}, true)`;
    process.stdout.write(`generated in ${seconds(performance.now() - started)}\n`);
  } finally {
    await client.end();
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, p95: at(0.95), min: sorted[0], max: sorted.at(-1)! };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(label: string, run: () => Promise<unknown>): Promise<ReturnType<typeof stats>> {
  await run(); // warm-up: connection, plan cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  const s = stats(samples);
  process.stdout.write(`${label}: median ${ms(s.median)}, p95 ${ms(s.p95)}, min ${ms(s.min)}, max ${ms(s.max)} (${RUNS} runs)\n`);
  return s;
}

/** getParkSummary for one park and the managers' inbox of the big park, each against its goal. */
async function queryTimings(db: import('@/db/client').Db): Promise<void> {
  const { queryRows } = await import('@/db/rows');
  const { sql } = await import('drizzle-orm');
  const { systemActor } = await import('@/lib/auth/actor');
  const { getParkSummary } = await import('@/lib/reports/summary');
  const actor = systemActor('cli');
  const summary = await getParkSummary(db, { actor, parkSlug: PARK, from: FROM, to: TO });
  process.stdout.write(
    `${PARK} ${FROM}–${TO}: ${summary.requests} requests, ${summary.residentsSupported} residents supported, ` +
      `${summary.reporting.expected} reports expected, taxes ${summary.totals.taxesPaidRub} RUB, payback ${summary.payback.paybackYear ?? 'not reached'}\n`,
  );
  if (args.has('--explain')) {
    const { summaryStatement } = await import('@/lib/reports/summary');
    const [park] = await queryRows<{ id: string }>(db, sql`SELECT id FROM parks WHERE slug = ${PARK}`);
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`EXPLAIN (ANALYZE, BUFFERS) ${summaryStatement(park.id, FROM, TO)}`);
    process.stdout.write(`${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
  const s = await time(`getParkSummary(${PARK}, ${FROM}–${TO})`, () => getParkSummary(db, { actor, parkSlug: PARK, from: FROM, to: TO }));
  const goal = 100;
  process.stdout.write(s.median < goal ? `goal met: median < ${goal} ms\n` : `GOAL MISSED: median ≥ ${goal} ms\n`);

  // The managers' inbox of a park with thousands of applications: one page of 25 at a time.
  const { listParkApplications } = await import('@/lib/applications/inbox');
  const [inboxPark] = await queryRows<{ id: string; total: number }>(
    db,
    sql`SELECT p.id, (SELECT count(*)::int FROM applications a WHERE a.park_id = p.id AND a.status <> 'draft') AS total
        FROM parks p WHERE p.slug = ${INBOX_PARK}`,
  );
  process.stdout.write(`${INBOX_PARK} inbox: ${inboxPark.total} applications\n`);
  const today = new Date().toISOString().slice(0, 10);
  const inboxGoal = 100;
  let inboxMissed = false;
  // Page 400 as a manager reaches it: following Next (the keyset cursor) 399 times from the first page.
  const byTitle = { sort: 'title', dir: 'asc' } as const;
  let after: string | undefined;
  for (let n = 1; n < 400; n++) after = (await listParkApplications(db, { actor, parkId: inboxPark.id, query: { ...byTitle, after }, today })).next ?? undefined;
  for (const [label, query] of [
    ['first page, newest first', {}],
    ['status filter', { status: 'in_review' }],
    ['search "survey 17"', { q: 'survey 17' }],
    ['industry, support and dates, by company', { industry: 'Industry 5', support: 'legal', from: '2016-01-01', to: '2022-12-31', sort: 'company', dir: 'asc' }],
    ['page 400 by title', { ...byTitle, after }],
  ] as const) {
    const page = await listParkApplications(db, { actor, parkId: inboxPark.id, query, today });
    const r = await time(`inbox ${label} (${page.total} match, ${page.rows.length} shown)`, () =>
      listParkApplications(db, { actor, parkId: inboxPark.id, query, today }),
    );
    if (r.median >= inboxGoal) inboxMissed = true;
  }
  process.stdout.write(inboxMissed ? `GOAL MISSED: an inbox median ≥ ${inboxGoal} ms\n` : `goal met: every inbox median < ${inboxGoal} ms\n`);
}

async function main(): Promise<number> {
  const { default: postgres } = await import('postgres');
  const server = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  let fresh: boolean;
  try {
    fresh = await prepareDatabase(server);
  } finally {
    await server.end();
  }
  const url = databaseUrl(DB_NAME);
  process.env.DATABASE_URL = url;
  const { getDb, closeDb } = await import('@/db/client');
  const { queryRows } = await import('@/db/rows');
  const { sql } = await import('drizzle-orm');
  try {
    const db = await getDb(); // migrates
    if (fresh) {
      process.stdout.write(`generating ${PARKS} parks, ${(PARKS * COMPANIES_PER_PARK * REPORT_YEARS).toLocaleString('en')} KPI reports in ${DB_NAME}\n`);
      await generate(url);
    } else {
      process.stdout.write(`reusing ${DB_NAME} (--regenerate to build it again)\n`);
    }
    const [counts] = await queryRows<{ parks: number; reports: number; residencies: number; leases: number }>(
      db,
      sql`SELECT (SELECT count(*)::int FROM parks) AS parks, (SELECT count(*)::int FROM kpi_reports) AS reports,
                 (SELECT count(*)::int FROM residencies) AS residencies, (SELECT count(*)::int FROM leases) AS leases`,
    );
    process.stdout.write(`${counts.parks} parks, ${counts.reports} KPI reports, ${counts.residencies} residencies, ${counts.leases} leases\n`);

    if (!args.has('--pages-only')) await queryTimings(db);
    if (!args.has('--no-pages')) {
      const { benchPages } = await import('./pages');
      await benchPages({ db, databaseUrl: url, parkSlug: PARK, inboxParkSlug: INBOX_PARK });
    }
    return 0;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
