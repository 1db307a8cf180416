/**
 * Data-set import benchmark: a park with 2,000 companies and 100,000 KPI reports, imported into a
 * fresh database, then imported again (every record unchanged), then exported.
 *
 *   npx tsx --conditions=react-server bench/import.ts            PostgreSQL: creates bench_import_<random> on the
 *                                                                 server of BENCH_DATABASE_URL (or of a postgres://
 *                                                                 DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres)
 *                                                                 and drops it at the end
 *   npx tsx --conditions=react-server bench/import.ts --pglite   the embedded database, in a temporary folder
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUNDING_SOURCES, SME_CATEGORIES } from '@/db/schema/values';
import type { DatasetInput } from '@/lib/validation/dataset';

const COMPANIES = 2000;
const ON_SITE = 1000;
const FIRST_YEAR = 2015;
const YEARS = 10;
const BUILDINGS = 20;

/** A small deterministic generator, so every run imports the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A 10-digit INN with a correct check digit. */
function inn(n: number): string {
  const body = `42${pad(n, 7)}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((total, w, i) => total + w * Number(body[i]), 0);
  return `${body}${(sum % 11) % 10}`;
}

const money = (kopecks: number) => `${Math.floor(kopecks / 100)}.${pad(kopecks % 100, 2)}`;

export function benchDataset(): DatasetInput {
  const rnd = random(42);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const kinds = ['office', 'laboratory', 'production', 'coworking', 'incubator'] as const;
  const day = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);

  const buildings = Array.from({ length: BUILDINGS }, (_, b) => ({ key: `b-${pad(b + 1, 2)}`, name: `Building ${b + 1}` }));
  const premises = Array.from({ length: ON_SITE }, (_, p) => ({
    key: `p-${pad(p + 1, 4)}`,
    building: buildings[p % BUILDINGS].key,
    name: `Unit ${p + 1}`,
    kind: kinds[p % kinds.length],
    areaM2: money(int(2_000, 50_000)),
    availableFrom: '2014-01-01',
    availableTo: null,
  }));

  const companies = [];
  const applications = [];
  const residencies = [];
  const leases = [];
  const taxIncentives = [];
  const kpiReports = [];
  for (let c = 1; c <= COMPANIES; c++) {
    const key = `c-${pad(c, 4)}`;
    companies.push({
      key,
      name: `Company ${c}`,
      inn: inn(c),
      smeCategory: SME_CATEGORIES[c % SME_CATEGORIES.length],
      industry: `Industry ${c % 17}`,
      manufacturing: c % 3 === 0,
    });
    const start = day(FIRST_YEAR, int(1, 20));
    const submitted = day(FIRST_YEAR - 1, int(1, 200));
    applications.push({
      key: `a-${pad(c, 4)}`,
      company: key,
      title: `Project ${c}`,
      submittedOn: submitted,
      screening: { decidedOn: day(FIRST_YEAR - 1, 220), outcome: 'accepted' as const },
      council: { decidedOn: day(FIRST_YEAR - 1, 300), decision: 'approved' as const, meetingNumber: int(1, 40), votesFor: 7, votesAgainst: 0, votesAbstain: 1 },
    });
    if (c % 2 === 0) {
      applications.push({ key: `a-${pad(c, 4)}-2`, company: key, title: `Follow-up project ${c}`, submittedOn: null, screening: null, council: null });
    }
    const onSite = c <= ON_SITE;
    residencies.push({
      key: `r-${pad(c, 4)}`,
      company: key,
      application: `a-${pad(c, 4)}`,
      agreementNumber: `R-${FIRST_YEAR}/${c}`,
      startOn: start,
      endOn: c % 5 === 0 ? `${FIRST_YEAR + YEARS - 1}-12-31` : null,
      placement: onSite ? ('on_site' as const) : ('extraterritorial' as const),
    });
    if (onSite) {
      leases.push({ key: `l-${pad(c, 4)}`, company: key, premises: premises[c - 1].key, startOn: day(FIRST_YEAR, 40), endOn: c % 5 === 0 ? `${FIRST_YEAR + YEARS - 1}-12-31` : null });
    }
    if (c % 3 === 0) {
      taxIncentives.push({ key: `t-${pad(c, 4)}`, company: key, kind: 'property_tax' as const, legalBasis: 'Regional law on technoparks', grantedOn: day(FIRST_YEAR, 60), validFrom: day(FIRST_YEAR, 60), validTo: null });
    }
    for (let y = 0; y < YEARS; y++) {
      const year = FIRST_YEAR + y;
      for (const quarter of [null, 1, 2, 3, 4] as const) {
        const investment = int(100_000, 500_000_000);
        kpiReports.push({
          key: `k-${pad(c, 4)}-${year}${quarter === null ? '' : `-q${quarter}`}`,
          company: key,
          year,
          quarter,
          status: rnd() < 0.9 ? ('accepted' as const) : rnd() < 0.5 ? ('submitted' as const) : ('returned' as const),
          jobsCreated: int(0, 30),
          headcount: int(5, 400),
          investmentRub: money(investment),
          capitalInvestmentRub: money(Math.floor(investment * rnd())),
          incomeRub: money(int(1_000_000, 2_000_000_000)),
          taxesPaidRub: money(int(100_000, 300_000_000)),
          rndSpendRub: rnd() < 0.5 ? null : money(int(0, 50_000_000)),
        });
      }
    }
  }

  const budgetFunding = [];
  for (let y = 0; y < YEARS; y++) {
    for (const source of FUNDING_SOURCES) {
      budgetFunding.push({ key: `bf-${FIRST_YEAR + y}-${source}`, year: FIRST_YEAR + y, source, amountRub: money(int(1_000_000_00, 90_000_000_00)) });
    }
  }
  const programmes = [1, 2].map((p) => ({
    key: `prog-${p}`,
    name: `Programme ${p}`,
    indicators: Array.from({ length: 8 }, (_, i) => ({
      key: `ind-${i + 1}`,
      name: `Indicator ${i + 1}`,
      unit: 'units',
      direction: i % 2 ? ('lower' as const) : ('higher' as const),
      values: [
        ...Array.from({ length: YEARS }, (_, y) => ({ year: FIRST_YEAR + y, kind: 'actual' as const, value: Math.round(rnd() * 10_000) / 100 })),
        { year: FIRST_YEAR + YEARS + 3, kind: 'target' as const, value: 150 },
      ],
    })),
  }));

  return {
    format: 'technopark-dataset/1',
    park: { slug: 'bench-park', name: 'Benchmark Technopark', region: 'Kemerovo Region', type: 'industrial', landAreaHa: '23.30', foundedOn: '2007-06-01' },
    buildings,
    premises,
    companies,
    applications,
    residencies,
    leases,
    taxIncentives,
    kpiReports,
    budgetFunding,
    programmes,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const usePglite = process.argv.includes('--pglite');
  let drop: () => Promise<void>;
  if (usePglite) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
    process.env.DATABASE_URL = `pglite:${dir}`;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const current = process.env.DATABASE_URL;
    const server =
      process.env.BENCH_DATABASE_URL ?? (current && /^postgres(ql)?:\/\//.test(current) ? current : 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `bench_import_${crypto.randomBytes(4).toString('hex')}`;
    const { default: postgres } = await import('postgres');
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-data-'));

  const { getDb, closeDb } = await import('@/db/client');
  const { systemActor } = await import('@/lib/auth/actor');
  const { importDataset } = await import('@/lib/dataset/import');
  const { exportDataset } = await import('@/lib/dataset/export');
  try {
    const db = await getDb();
    let t = performance.now();
    const text = JSON.stringify(benchDataset());
    console.log(`generated ${(text.length / 1e6).toFixed(1)} MB of JSON in ${seconds(performance.now() - t)}`);
    const input = () => JSON.parse(text) as unknown;

    const describe = (counts: Record<string, { created: number; updated: number; unchanged: number }>) =>
      Object.entries(counts)
        .map(([list, c]) => `${list} ${c.created}/${c.updated}/${c.unchanged}`)
        .join(', ');

    t = performance.now();
    const first = await importDataset(db, { actor: systemActor('cli'), input: input() });
    console.log(`import into a fresh database (${usePglite ? 'PGlite' : 'PostgreSQL'}): ${seconds(performance.now() - t)}`);
    console.log(`  created/updated/unchanged: ${describe(first.counts)}`);

    t = performance.now();
    const second = await importDataset(db, { actor: systemActor('cli'), input: input() });
    console.log(`re-import, nothing changed: ${seconds(performance.now() - t)}`);
    console.log(`  created/updated/unchanged: ${describe(second.counts)}`);

    t = performance.now();
    const exported = await exportDataset(db, { actor: systemActor('cli'), parkSlug: 'bench-park' });
    console.log(`export: ${seconds(performance.now() - t)} (${exported.kpiReports.length} KPI reports)`);
  } finally {
    await closeDb();
    await drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
