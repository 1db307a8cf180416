import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { kpiReminders, parks } from '@/db/schema';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { todayIso } from '@/lib/dates';
import { parkToday } from '@/lib/parks/clock';
import { notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { representativesOf } from '@/lib/notifications/recipients';
import { parseInput } from '@/lib/validation/parse';
import { kpiSettingsSchema, type KpiSettingsInput } from '@/lib/validation/kpi';
import { deadlineOf, myReportHref } from './common';

export type KpiSettingsDto = { deadlineMonth: number; deadlineDay: number; quarterlyReports: boolean };

/** Readable by whoever reviews the park's reports (they see the deadline) and by whoever may change it (updateKpiSettings). */
export async function getKpiSettings(db: DbOrTx, { actor, parkId }: { actor: Actor; parkId: string }): Promise<KpiSettingsDto> {
  if (!can(actor, 'kpi.review', parkId)) assertCan(actor, 'park.update', parkId);
  const [row] = await db
    .select({ deadlineMonth: parks.kpiDeadlineMonth, deadlineDay: parks.kpiDeadlineDay, quarterlyReports: parks.quarterlyReports })
    .from(parks)
    .where(eq(parks.id, parkId));
  if (!row) throw notFound('park');
  return row;
}

/** The park's KPI deadline (for year Y: this month and day of Y + 1) and whether it asks for quarterly reports. */
export async function updateKpiSettings(db: Db, { actor, input }: { actor: Actor; input: KpiSettingsInput }): Promise<KpiSettingsDto> {
  const data = parseInput(kpiSettingsSchema, input);
  assertCan(actor, 'park.update', data.parkId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ deadlineMonth: parks.kpiDeadlineMonth, deadlineDay: parks.kpiDeadlineDay, quarterlyReports: parks.quarterlyReports })
      .from(parks)
      .where(eq(parks.id, data.parkId))
      .for('update');
    if (!before) throw notFound('park');
    const after = { deadlineMonth: data.deadlineMonth, deadlineDay: data.deadlineDay, quarterlyReports: data.quarterlyReports };
    await tx
      .update(parks)
      .set({ kpiDeadlineMonth: after.deadlineMonth, kpiDeadlineDay: after.deadlineDay, quarterlyReports: after.quarterlyReports })
      .where(eq(parks.id, data.parkId));
    await writeAudit(tx, { actor, parkId: data.parkId, action: 'kpi.settings', entity: 'park', entityId: data.parkId, before, after });
    return after;
  });
}

export type MissingKpiReport = {
  companyId: string;
  companyName: string;
  companyInn: string | null;
  year: number;
  /** none: nothing filed; draft: started, not submitted; returned: sent back, not yet resubmitted. */
  state: 'none' | 'draft' | 'returned';
  reportId: string | null;
  deadline: string;
  overdue: boolean;
  representatives: number;
};

/**
 * Annual reports the park is still waiting for: each resident and each whole year of its residency
 * (years that have ended) without a submitted or accepted annual report, newest year first.
 */
export async function listMissingKpiReports(
  db: DbOrTx,
  { actor, parkId, today: day, year }: { actor: Actor; parkId: string; today?: string; year?: number | null },
): Promise<MissingKpiReport[]> {
  assertCan(actor, 'kpi.review', parkId);
  const today = day ?? (await parkToday(db, parkId));
  const settings = await getKpiSettings(db, { actor, parkId });
  const rows = await missingPairs(db, parkId, Number(today.slice(0, 4)) - 1, year ?? null);
  return rows.map((r) => {
    const deadline = deadlineOf(r.year, { kpiDeadlineMonth: settings.deadlineMonth, kpiDeadlineDay: settings.deadlineDay });
    return { ...r, deadline, overdue: today > deadline };
  });
}

/** How many annual reports the park is still waiting for, over every year (the KPI list's tab counts them; the list itself shows a year). */
export async function countMissingKpiReports(db: DbOrTx, { actor, parkId, today: day }: { actor: Actor; parkId: string; today?: string }): Promise<number> {
  assertCan(actor, 'kpi.review', parkId);
  const today = day ?? (await parkToday(db, parkId));
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${missingQuery(parkId, Number(today.slice(0, 4)) - 1, null)}) m`);
  return row.n;
}

/**
 * Each resident company and whole year of its residency up to `lastYear` whose annual report is
 * missing, a draft or returned (company_id, year, report_id, state); only `onlyYear` when given.
 */
function missingQuery(parkId: string, lastYear: number, onlyYear: number | null) {
  return sql`
      SELECT p.company_id, p.year, k.id AS report_id, coalesce(k.status::text, 'none') AS state
      FROM (
        SELECT DISTINCT r.company_id, y.year::int AS year
        FROM residencies r
        CROSS JOIN LATERAL generate_series(
          extract(year FROM r.start_on)::int,
          LEAST(extract(year FROM coalesce(r.end_on, make_date(${lastYear}, 12, 31)))::int, ${lastYear})
        ) AS y(year)
        WHERE r.park_id = ${parkId}
      ) p
      LEFT JOIN kpi_reports k ON k.park_id = ${parkId} AND k.company_id = p.company_id AND k.year = p.year AND k.quarter IS NULL
      WHERE (k.id IS NULL OR k.status IN ('draft', 'returned'))
        AND (${onlyYear}::int IS NULL OR p.year = ${onlyYear}::int)`;
}

async function missingPairs(db: DbOrTx, parkId: string, lastYear: number, onlyYear: number | null) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      SELECT m.company_id AS "companyId", c.name AS "companyName", c.inn AS "companyInn", m.year AS "year",
             m.report_id AS "reportId", m.state AS "state",
             (SELECT count(*) FROM company_members cm JOIN users u ON u.id = cm.user_id
               WHERE cm.company_id = m.company_id AND u.disabled_at IS NULL)::int AS "representatives"
      FROM (${missingQuery(parkId, lastYear, onlyYear)}) m
      JOIN companies c ON c.id = m.company_id
      ORDER BY m.year DESC, c.name, m.company_id
      LIMIT 5000
    `,
  );
  return rows.map((r) => ({
    companyId: String(r.companyId),
    companyName: String(r.companyName),
    companyInn: r.companyInn === null ? null : String(r.companyInn),
    year: Number(r.year),
    state: String(r.state) as MissingKpiReport['state'],
    reportId: r.reportId === null ? null : String(r.reportId),
    representatives: Number(r.representatives),
  }));
}

/** Days from `a` to `b` (calendar dates `YYYY-MM-DD`). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** How many days before the deadline the first reminder goes out. */
export const REMINDER_DAYS_BEFORE = 30;

export type ReminderResult = { before: number; after: number };

/**
 * Reminds the representatives of residents whose annual report is missing: once in the
 * REMINDER_DAYS_BEFORE days before the deadline, and once after the latest deadline that has
 * passed. Each (company, year, kind) is reminded at most once, however often this runs: the
 * insert into kpi_reminders decides, so two managers opening the page at once send nothing twice.
 * Companies without a representative are not recorded, so a representative who joins later is
 * still reminded. Runs daily for every park (sendKpiRemindersInAllParks, lib/scheduler.ts) and when a
 * manager asks for it on the KPI page.
 */
export async function sendKpiReminders(
  db: Db,
  { actor, parkId, now = new Date(), today: day }: { actor: Actor; parkId: string; now?: Date; today?: string },
): Promise<ReminderResult> {
  assertCan(actor, 'kpi.review', parkId);
  const [park] = await db
    .select({ slug: parks.slug, name: parks.name, kpiDeadlineMonth: parks.kpiDeadlineMonth, kpiDeadlineDay: parks.kpiDeadlineDay, timeZone: parks.timeZone })
    .from(parks)
    .where(eq(parks.id, parkId));
  if (!park) throw notFound('park');
  // Before or after the deadline by the park's own calendar.
  const today = day ?? todayIso(park.timeZone, now);
  const lastYear = Number(today.slice(0, 4)) - 1;
  const due = deadlineOf(lastYear, park);
  const rounds: { year: number; kind: 'before' | 'after'; deadline: string }[] = [];
  if (today < due) {
    if (daysBetween(today, due) <= REMINDER_DAYS_BEFORE) rounds.push({ year: lastYear, kind: 'before', deadline: due });
    rounds.push({ year: lastYear - 1, kind: 'after', deadline: deadlineOf(lastYear - 1, park) });
  } else {
    rounds.push({ year: lastYear, kind: 'after', deadline: due });
  }

  const result: ReminderResult = { before: 0, after: 0 };
  await db.transaction(async (tx) => {
    for (const round of rounds) {
      const missing = (await missingPairs(tx, parkId, lastYear, round.year)).filter((m) => m.representatives > 0);
      if (!missing.length) continue;
      const fresh = await tx
        .insert(kpiReminders)
        .values(missing.map((m) => ({ parkId, companyId: m.companyId, year: round.year, kind: round.kind })))
        .onConflictDoNothing()
        .returning({ companyId: kpiReminders.companyId });
      const sent = new Set(fresh.map((f) => f.companyId));
      for (const m of missing.filter((x) => sent.has(x.companyId))) {
        const before = round.kind === 'before';
        await notify(tx, {
          userIds: await representativesOf(tx, m.companyId),
          parkId,
          kind: before ? 'kpiReminderBefore' : 'kpiReminderAfter',
          params: { company: m.companyName, year: round.year, deadline: round.deadline, park: park.name },
          href: myReportHref(park.slug, m.companyId, round.year, null),
        });
      }
      result[round.kind] += sent.size;
    }
    if (result.before || result.after) {
      await writeAudit(tx, { actor, parkId, action: 'kpi.remind', entity: 'park', entityId: parkId, after: { ...result, today } });
    }
  });
  return result;
}

/**
 * The scheduled run of sendKpiReminders (lib/scheduler.ts): every park, as the system, each on its
 * own calendar at `now`. Returns how many reminders went out in all.
 */
export async function sendKpiRemindersInAllParks(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const actor = systemActor('scheduler');
  let sent = 0;
  for (const { id } of await db.select({ id: parks.id }).from(parks).orderBy(parks.id)) {
    const result = await sendKpiReminders(db, { actor, parkId: id, now });
    sent += result.before + result.after;
  }
  return sent;
}
