import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { DatasetApplication } from '@/lib/validation/dataset';
import { insertRows, updateRowsById, uuidList, type Item } from './batch';
import { refusalError, type ListResult } from './import-sync';
import { COUNCIL, SCREENING } from './import-tables';

/**
 * An application's status, derived from its record:
 * - `submittedOn` null: `draft`;
 * - otherwise the later-dated of the screening and the council decision (the council on the same
 *   day, since screening precedes it) decides: council approved → `approved`, rejected →
 *   `rejected`, revision → `returned`; screening accepted → `in_review`, returned → `returned`,
 *   rejected → `rejected`;
 * - neither: `submitted`.
 */
export function applicationStatus(application: DatasetApplication): string {
  const { submittedOn, screening, council } = application;
  if (submittedOn === null) return 'draft';
  if (council && (!screening || council.decidedOn >= screening.decidedOn)) {
    return council.decision === 'approved' ? 'approved' : council.decision === 'rejected' ? 'rejected' : 'returned';
  }
  if (screening) return screening.outcome === 'accepted' ? 'in_review' : screening.outcome === 'returned' ? 'returned' : 'rejected';
  return 'submitted';
}

/**
 * An application's `screening` and `council` are its latest screening decision and latest council
 * decision: the latest is updated in place when it differs, one is added when there is none, and
 * all are removed when the file says null.
 */
export async function syncDecisions(tx: Tx, parkId: string, records: readonly DatasetApplication[], applications: ListResult) {
  const latestScreening = new Map(
    (
      await queryRows<{ applicationId: string; id: string; outcome: string; decidedOn: string }>(
        tx,
        sql`SELECT DISTINCT ON (s.application_id) s.application_id::text AS "applicationId", s.id::text AS id,
              s.outcome::text AS outcome, s.decided_on::text AS "decidedOn"
            FROM screening_decisions s JOIN applications a ON a.id = s.application_id
            WHERE a.park_id = ${parkId}
            ORDER BY s.application_id, s.decided_on DESC, s.created_at DESC, s.id DESC`,
      )
    ).map((row) => [row.applicationId, row]),
  );
  const latestCouncil = new Map(
    (
      await queryRows<{
        applicationId: string;
        id: string;
        decision: string;
        decidedOn: string;
        meetingNumber: number | null;
        votesFor: number | null;
        votesAgainst: number | null;
        votesAbstain: number | null;
      }>(
        tx,
        sql`SELECT DISTINCT ON (d.application_id) d.application_id::text AS "applicationId", d.id::text AS id,
              d.decision::text AS decision, d.decided_on::text AS "decidedOn",
              coalesce(d.meeting_number, m.number) AS "meetingNumber",
              d.votes_for AS "votesFor", d.votes_against AS "votesAgainst", d.votes_abstain AS "votesAbstain"
            FROM council_decisions d LEFT JOIN council_meetings m ON m.id = d.meeting_id
            WHERE d.park_id = ${parkId}
            ORDER BY d.application_id, d.decided_on DESC, d.created_at DESC, d.id DESC`,
      )
    ).map((row) => [row.applicationId, row]),
  );

  const screeningInserts: Item[] = [];
  const screeningUpdates: Item[] = [];
  const screeningDeletes: string[] = [];
  const councilInserts: Item[] = [];
  const councilUpdates: Item[] = [];
  const councilDeletes: string[] = [];
  const touched = new Set<string>();

  records.forEach((record, index) => {
    const applicationId = applications.ids.get(record.key)!;
    const screening = latestScreening.get(applicationId);
    if (record.screening === null) {
      if (screening) screeningDeletes.push(applicationId);
    } else {
      const values = SCREENING.row({ ...record.screening, applicationId });
      if (!screening) screeningInserts.push({ index, values });
      else if (screening.outcome !== record.screening.outcome || screening.decidedOn !== record.screening.decidedOn) {
        screeningUpdates.push({ index, values: { ...values, id: screening.id } });
      }
    }

    const council = latestCouncil.get(applicationId);
    if (record.council === null) {
      if (council) councilDeletes.push(applicationId);
    } else {
      const c = record.council;
      const values = COUNCIL.row({ ...c, parkId, applicationId });
      if (!council) councilInserts.push({ index, values });
      else if (
        council.decision !== c.decision ||
        council.decidedOn !== c.decidedOn ||
        council.meetingNumber !== c.meetingNumber ||
        council.votesFor !== c.votesFor ||
        council.votesAgainst !== c.votesAgainst ||
        council.votesAbstain !== c.votesAbstain
      ) {
        councilUpdates.push({ index, values: { ...values, id: council.id } });
      }
    }
  });

  const keyOf = new Map([...applications.ids].map(([key, id]) => [id, key]));
  const mark = (applicationIds: Iterable<string>) => {
    for (const id of applicationIds) touched.add(id);
  };
  try {
    await insertRows(tx, SCREENING.table, SCREENING.columns, screeningInserts);
    mark((await updateRowsById(tx, SCREENING, screeningUpdates)).map((o) => o.label));
  } catch (error) {
    throw refusalError(error, 'applications', '.screening');
  }
  try {
    await insertRows(tx, COUNCIL.table, COUNCIL.columns, councilInserts);
    mark((await updateRowsById(tx, COUNCIL, councilUpdates)).map((o) => o.label));
  } catch (error) {
    throw refusalError(error, 'applications', '.council');
  }
  if (screeningDeletes.length) {
    await tx.execute(sql`DELETE FROM screening_decisions WHERE application_id IN (${uuidList(screeningDeletes)})`);
  }
  if (councilDeletes.length) {
    await tx.execute(sql`DELETE FROM council_decisions WHERE application_id IN (${uuidList(councilDeletes)})`);
  }
  mark([...screeningInserts, ...councilInserts].map((item) => item.values.application_id as string));
  mark(screeningDeletes);
  mark(councilDeletes);
  for (const id of touched) {
    const key = keyOf.get(id);
    if (key !== undefined && !applications.changed.has(key)) applications.changed.set(key, 'updated');
  }
}
