import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/rows';
import { applicationVersions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { closuresOf } from './closure';
import { applicationAccess, type AccessNeed, type ApplicationTarget } from './access';
import { diffSnapshots, type ApplicationSnapshot, type VersionChange } from './diff';

/** An application's history is for its applicants and its park's staff; experts read the application, not its history. */
const READERS: AccessNeed = { as: ['applicant', 'staff'] };

export type TimelineEvent = {
  kind: 'created' | 'submitted' | 'resubmitted' | 'screened' | 'assigned' | 'conflict' | 'reviewed' | 'decided' | 'closed';
  at: Date;
  /** The decision's own date, where it has one. */
  on?: string | null;
  /** screening outcome, council decision, closure outcome. */
  outcome?: string | null;
  /** The screening's or the council's words, or the applicant's cover note with a submission. */
  comment?: string | null;
  /** Staff only: the person (experts' names are never shown to applicants). */
  who?: string | null;
  version?: number;
  count?: number;
  meetingNumber?: number | null;
  votes?: { for: number; against: number; abstain: number } | null;
  /** Staff only: the meeting that decided, whose minutes the event links to. */
  meetingId?: string | null;
  /** The latest approved version of the minutes that records the decision (the applicant's extract comes from it). */
  minutesVersion?: number | null;
};

/**
 * Every step of an application, oldest first. Applicants see that experts were assigned and how
 * many, never who; staff see who did what.
 */
export async function getTimeline(db: DbOrTx, target: ApplicationTarget): Promise<TimelineEvent[]> {
  const { audience, application } = await applicationAccess(db, target, READERS);
  const { id: applicationId, status, submittedOn, createdAt } = application;
  const staff = audience === 'staff';
  const events: TimelineEvent[] = [];
  const versions = await db
    .select({ version: applicationVersions.version, at: applicationVersions.submittedAt, coverNote: applicationVersions.coverNote })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(asc(applicationVersions.version));
  // An application imported from a park's records was created by the import, not by its applicant: no "draft created".
  if (versions.length || status === 'draft') events.push({ kind: 'created', at: createdAt });
  for (const v of versions) events.push({ kind: v.version === 1 ? 'submitted' : 'resubmitted', at: v.at, version: v.version, comment: v.coverNote });
  // Applications imported from a park's records have a submission date but no versions.
  if (!versions.length && submittedOn) events.push({ kind: 'submitted', at: new Date(`${submittedOn}T00:00:00Z`), on: submittedOn });

  const screenings = await queryRows<{ at: Date | string; day: string; outcome: string; comment: string | null; who: string | null }>(
    db,
    sql`SELECT s.created_at AS at, s.decided_on::text AS day, s.outcome::text AS outcome, s.comment, u.name AS who
        FROM screening_decisions s LEFT JOIN users u ON u.id = s.decided_by WHERE s.application_id = ${applicationId}`,
  );
  for (const s of screenings) events.push({ kind: 'screened', at: new Date(s.at), on: s.day, outcome: s.outcome, comment: s.comment, who: staff ? s.who : null });

  const assignments = await queryRows<{ at: Date | string; who: string; status: string; due_on: string; declared_at: Date | string | null; has_conflict: boolean | null; reason: string | null; submitted_at: Date | string | null }>(
    db,
    sql`SELECT ea.created_at AS at, u.name AS who, ea.status::text AS status, ea.due_on::text AS due_on,
               cd.declared_at, cd.has_conflict, cd.reason, r.submitted_at
        FROM expert_assignments ea
        JOIN users u ON u.id = ea.expert_id
        LEFT JOIN conflict_declarations cd ON cd.assignment_id = ea.id
        LEFT JOIN reviews r ON r.assignment_id = ea.id AND r.status = 'submitted'
        WHERE ea.application_id = ${applicationId}
        ORDER BY ea.created_at`,
  );
  if (staff) {
    for (const a of assignments) {
      events.push({ kind: 'assigned', at: new Date(a.at), who: a.who, on: a.due_on });
      if (a.has_conflict && a.declared_at) events.push({ kind: 'conflict', at: new Date(a.declared_at), who: a.who, comment: a.reason });
      if (a.submitted_at) events.push({ kind: 'reviewed', at: new Date(a.submitted_at), who: a.who });
    }
  } else {
    // One line per day on which experts were assigned, with how many.
    const byDay = new Map<string, { at: Date; count: number }>();
    for (const a of assignments) {
      const at = new Date(a.at);
      const day = at.toISOString().slice(0, 10);
      const entry = byDay.get(day) ?? { at, count: 0 };
      entry.count++;
      byDay.set(day, entry);
    }
    for (const { at, count } of byDay.values()) events.push({ kind: 'assigned', at, count });
  }

  const decisions = await queryRows<{
    at: Date | string;
    day: string;
    decision: string;
    reason: string | null;
    who: string | null;
    number: number | null;
    votes_for: number | null;
    votes_against: number | null;
    votes_abstain: number | null;
    meeting_id: string | null;
    minutes_version: number | null;
  }>(
    db,
    sql`SELECT c.created_at AS at, c.decided_on::text AS day, c.decision::text AS decision, c.reason, u.name AS who,
               coalesce(m.number, c.meeting_number) AS number, c.votes_for, c.votes_against, c.votes_abstain, c.meeting_id,
               (SELECT max(v.version) FROM minutes_versions v
                WHERE v.meeting_id = c.meeting_id AND v.content->'items' @> jsonb_build_array(jsonb_build_object('applicationId', c.application_id::text))) AS minutes_version
        FROM council_decisions c LEFT JOIN users u ON u.id = c.recorded_by LEFT JOIN council_meetings m ON m.id = c.meeting_id
        WHERE c.application_id = ${applicationId}`,
  );
  for (const d of decisions)
    events.push({
      kind: 'decided',
      at: new Date(d.at),
      on: d.day,
      outcome: d.decision,
      comment: d.reason,
      who: staff ? d.who : null,
      meetingNumber: d.number === null ? null : Number(d.number),
      votes: d.votes_for === null ? null : { for: Number(d.votes_for), against: Number(d.votes_against ?? 0), abstain: Number(d.votes_abstain ?? 0) },
      meetingId: staff ? d.meeting_id : null,
      minutesVersion: d.minutes_version === null ? null : Number(d.minutes_version),
    });
  if (status === 'closed') {
    const closure = (await closuresOf(db, [applicationId])).get(applicationId);
    if (closure) events.push({ kind: 'closed', at: closure.closedAt, outcome: closure.outcome, comment: closure.reason, who: staff ? closure.closedByName : null });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type VersionDto = { version: number; submittedAt: Date };

export async function listVersions(db: DbOrTx, target: ApplicationTarget): Promise<VersionDto[]> {
  const { application } = await applicationAccess(db, target, READERS);
  return db
    .select({ version: applicationVersions.version, submittedAt: applicationVersions.submittedAt })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, application.id))
    .orderBy(asc(applicationVersions.version));
}

/** What changed between two submitted versions of an application. */
export async function compareVersions(
  db: DbOrTx,
  input: ApplicationTarget & { from: number; to: number },
): Promise<{ from: VersionDto; to: VersionDto; changes: VersionChange[] }> {
  const { id: applicationId } = (await applicationAccess(db, input, READERS)).application;
  const { from, to } = input;
  const load = async (version: number) => {
    const [row] = await db
      .select({ version: applicationVersions.version, submittedAt: applicationVersions.submittedAt, snapshot: applicationVersions.snapshot })
      .from(applicationVersions)
      .where(and(eq(applicationVersions.applicationId, applicationId), eq(applicationVersions.version, version)));
    if (!row) throw new AppError('NOT_FOUND', `version ${version} not found`, { key: 'notFound', params: { what: 'version' } });
    return row;
  };
  const [a, b] = [await load(from), await load(to)];
  return {
    from: { version: a.version, submittedAt: a.submittedAt },
    to: { version: b.version, submittedAt: b.submittedAt },
    changes: diffSnapshots(a.snapshot as ApplicationSnapshot, b.snapshot as ApplicationSnapshot),
  };
}
