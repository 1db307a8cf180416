import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { councilVotes, minutesVersions, parks, users } from '@/db/schema';
import { actorUserId, type Actor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';
import { accessApplication } from '@/lib/applications/access';
import { AppError, notFound } from '@/lib/errors';
import { primaryLocale, type Locale } from '@/lib/i18n/locales';
import { inTransaction } from '@/lib/transaction';
import { parseInput } from '@/lib/validation/parse';
import { approveMinutesSchema, reopenMinutesSchema, type ApproveMinutesInput, type ReopenMinutesInput } from '@/lib/validation/minutes';
import { getMeeting, meetingInPark } from './meetings';
import { assertMinutesOpen } from './minutes-lock';
import { renderMinutesPdf, type MinutesContent, type MinutesStamp } from './minutes-pdf';
import { parkZoneSql } from '@/lib/parks/clock';

export type { MinutesContent } from './minutes-pdf';
export { assertMinutesOpen } from './minutes-lock';

/** The language the approved document is kept in: the parks' own. Other languages are renderings of it. */
export const MINUTES_LOCALE: Locale = primaryLocale;

/** JSON with its keys sorted at every level and no spaces: the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** What the minutes of a meeting say now, from the meeting's record (the actor already checked by `meetingInPark`). */
async function currentContent(db: DbOrTx, actor: Actor, meetingId: string): Promise<{ content: MinutesContent; undecided: number; started: boolean }> {
  const meeting = await getMeeting(db, { actor, meetingId });
  const [park] = await db.select({ name: parks.name }).from(parks).where(eq(parks.id, meeting.parkId));
  const votes = await db
    .select({ applicationId: councilVotes.applicationId, memberId: councilVotes.memberId, name: users.name, vote: councilVotes.vote, remote: councilVotes.remote })
    .from(councilVotes)
    .innerJoin(users, eq(users.id, councilVotes.memberId))
    .where(eq(councilVotes.meetingId, meeting.id))
    .orderBy(asc(users.name));
  const present = new Set(meeting.members.filter((m) => m.present).map((m) => m.userId));
  const remote = [...new Map(votes.filter((v) => !present.has(v.memberId)).map((v) => [v.memberId, v.name])).values()].sort((a, b) => a.localeCompare(b));
  const content: MinutesContent = {
    park: park.name,
    number: meeting.number,
    heldOn: meeting.heldOn,
    startTime: meeting.startTime,
    place: meeting.place,
    videoLink: meeting.videoLink,
    councilSize: meeting.councilSize,
    quorumNeeded: meeting.quorumNeeded,
    present: meeting.members.filter((m) => m.present).map((m) => m.name),
    remote,
    quorum: meeting.present + remote.length >= meeting.quorumNeeded,
    items: meeting.items.map((item, i) => {
      const conflicted = new Set(item.conflicted.map((c) => c.userId));
      return {
        applicationId: item.applicationId,
        position: i + 1,
        title: item.title,
        company: item.companyName,
        reviews: {
          submitted: item.summary.reviews,
          minimum: meeting.minReviews,
          weightedMean: item.summary.overall.weightedMean,
          criteria: item.summary.criteria.map((c) => ({ nameEn: c.nameEn, nameRu: c.nameRu, weight: c.weight, mean: c.mean })),
          recommendations: item.summary.recommendations,
        },
        conflicted: item.conflicted.filter((c) => present.has(c.userId) || votes.some((v) => v.memberId === c.userId)).map((c) => c.name),
        // Only the votes that counted: a conflicted member's never does, and a paper tally replaces them all.
        votes: item.decision?.paperTally
          ? []
          : votes.filter((v) => v.applicationId === item.applicationId && !conflicted.has(v.memberId)).map((v) => ({ name: v.name, vote: v.vote, remote: v.remote })),
        decision: item.decision
          ? {
              kind: item.decision.decision,
              for: item.decision.votesFor,
              against: item.decision.votesAgainst,
              abstain: item.decision.votesAbstain,
              paperTally: item.decision.paperTally,
              reason: item.decision.reason,
              reviewsShortReason: item.decision.reviewsShortReason,
            }
          : null,
      };
    }),
    recordedBy: [...new Set(meeting.items.map((i) => i.decision?.recordedBy).filter((x): x is string => Boolean(x)))],
  };
  return { content, undecided: meeting.items.filter((i) => !i.decision).length, started: meeting.started };
}

export type MinutesVersionDto = {
  version: number;
  approvedBy: string | null;
  approvedAt: Date;
  correctionReason: string | null;
  reopenedAt: Date | null;
  reopenReason: string | null;
  contentSha256: string;
  pdfSha256: string;
};

export type MinutesDto = {
  meetingId: string;
  number: number;
  /** draft: never approved; approved: a version is in force and the meeting is locked; reopened: being corrected. */
  state: 'draft' | 'approved' | 'reopened';
  versions: MinutesVersionDto[];
  /** Agenda items without a decision: the minutes cannot be approved while there are any. */
  undecided: number;
  started: boolean;
};

async function versionsOf(db: DbOrTx, meetingId: string): Promise<MinutesVersionDto[]> {
  const approver = sql<string | null>`(SELECT name FROM users WHERE id = ${minutesVersions.approvedBy})`;
  return db
    .select({
      version: minutesVersions.version,
      approvedBy: approver,
      approvedAt: minutesVersions.approvedAt,
      correctionReason: minutesVersions.correctionReason,
      reopenedAt: minutesVersions.reopenedAt,
      reopenReason: minutesVersions.reopenReason,
      contentSha256: minutesVersions.contentSha256,
      pdfSha256: minutesVersions.pdfSha256,
    })
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version));
}

/** The state of a meeting's minutes and its approved versions, newest first, for the park's council secretary. */
export async function getMinutes(db: DbOrTx, { actor, meetingId }: { actor: Actor; meetingId: string }): Promise<MinutesDto> {
  const meeting = await meetingInPark(db, actor, meetingId, 'council.meet');
  const versions = await versionsOf(db, meeting.id);
  const { undecided, started } = await currentContent(db, actor, meeting.id);
  const state = !versions.length ? 'draft' : versions[0].reopenedAt ? 'reopened' : 'approved';
  return { meetingId: meeting.id, number: meeting.number, state, versions, undecided, started };
}

/**
 * Approves the minutes as they now stand, as the next version: the content is frozen with its hash and
 * the document is kept in the parks' language, byte for byte; the meeting is locked from then on.
 * Refused before the meeting has started, while an agenda item has no decision, and when a version is
 * already in force.
 */
export async function approveMinutes(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: ApproveMinutesInput; now?: Date }): Promise<{ version: number; contentSha256: string; pdfSha256: string }> {
  const data = parseInput(approveMinutesSchema, input);
  return inTransaction(db, async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    const [latest] = await tx
      .select({ version: minutesVersions.version, reopenedAt: minutesVersions.reopenedAt, reopenReason: minutesVersions.reopenReason })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meeting.id))
      .orderBy(desc(minutesVersions.version))
      .limit(1);
    await assertMinutesOpen(tx, meeting.id);
    const { content, undecided, started } = await currentContent(tx, actor, meeting.id);
    if (!started) throw new AppError('INVALID_TRANSITION', 'the meeting has not started: its minutes are approved after it is held', { key: 'minutesNotStarted' });
    if (undecided > 0)
      throw new AppError('INVALID_TRANSITION', `${undecided} agenda items have no decision: record them or take them off the agenda before approving`, {
        key: 'minutesUndecided',
        params: { count: undecided },
      });
    const version = (latest?.version ?? 0) + 1;
    const contentSha256 = sha256(canonicalJson(content));
    const approverId = actorUserId(actor);
    const [approver] = approverId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, approverId)) : [];
    // Stored with second precision so the stamp printed now reads the same from the database later.
    const approvedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const correctionReason = latest?.reopenReason ?? null;
    const stamp: MinutesStamp = { kind: 'approved', version, approvedBy: approver?.name ?? null, approvedAt, contentSha256, correctionReason, reopened: false };
    const pdf = await renderMinutesPdf(content, { locale: MINUTES_LOCALE, stamp, timeZone: meeting.timeZone });
    const pdfSha256 = sha256(pdf);
    await tx.insert(minutesVersions).values({
      meetingId: meeting.id,
      version,
      content,
      contentSha256,
      pdf,
      pdfSha256,
      locale: MINUTES_LOCALE,
      approvedBy: actorUserId(actor),
      approvedAt,
      correctionReason,
    });
    await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'minutes.approve', entity: 'meeting', entityId: meeting.id, after: { version, contentSha256, pdfSha256, correctionReason } });
    return { version, contentSha256, pdfSha256 };
  });
}

/**
 * Reopens the approved minutes for a correction, with its reason: the meeting can be changed again,
 * and the next approval is a new version that carries the reason. The approved versions stay as they are.
 */
export async function reopenMinutes(db: Db, { actor, input, now = new Date() }: { actor: Actor; input: ReopenMinutesInput; now?: Date }): Promise<{ version: number }> {
  const data = parseInput(reopenMinutesSchema, input);
  return inTransaction(db, async (tx) => {
    const meeting = await meetingInPark(tx, actor, data.meetingId, 'council.meet', true);
    const reopened = await tx
      .update(minutesVersions)
      .set({ reopenedAt: now, reopenedBy: actorUserId(actor), reopenReason: data.reason })
      .where(and(eq(minutesVersions.meetingId, meeting.id), isNull(minutesVersions.reopenedAt)))
      .returning({ version: minutesVersions.version });
    if (!reopened.length) throw new AppError('INVALID_TRANSITION', 'the minutes are not approved: there is no version to reopen', { key: 'minutesNotApproved' });
    await writeAudit(tx, { actor, parkId: meeting.parkId, action: 'minutes.reopen', entity: 'meeting', entityId: meeting.id, after: { version: reopened[0].version, reason: data.reason } });
    return { version: reopened[0].version };
  });
}

export type MinutesFile = { fileName: string; bytes: Buffer; version: number | null };

const stampOf = (v: { version: number; approvedBy: string | null; approvedAt: Date; contentSha256: string; correctionReason: string | null; reopenedAt: Date | null }): MinutesStamp => ({
  kind: 'approved',
  version: v.version,
  approvedBy: v.approvedBy,
  approvedAt: v.approvedAt,
  contentSha256: v.contentSha256,
  correctionReason: v.correctionReason,
  reopened: v.reopenedAt !== null,
});

/**
 * The minutes as a PDF. A version number gives that approved version: in the parks' language the
 * document kept at approval, byte for byte; in another language a rendering of the same approved
 * content, carrying the same hash. Without one: the version in force if the meeting is locked, else a
 * draft of the minutes as they stand (marked as such).
 */
export async function getMinutesPdf(
  db: DbOrTx,
  { actor, meetingId, parkId, version, locale = MINUTES_LOCALE }: { actor: Actor; meetingId: string; parkId?: string; version?: number; locale?: Locale },
): Promise<MinutesFile> {
  const meeting = await meetingInPark(db, actor, meetingId, 'council.meet');
  // Asked for through a park's address: another park's meeting is not there.
  if (parkId !== undefined && meeting.parkId !== parkId) throw notFound('meeting');
  const versions = await versionsOf(db, meeting.id);
  const chosen = version === undefined ? versions.find((v) => !v.reopenedAt) : versions.find((v) => v.version === version);
  if (version !== undefined && !chosen) throw new AppError('NOT_FOUND', `version ${version} of the minutes not found`, { key: 'minutesVersionMissing', params: { what: 'version' } });
  if (!chosen) {
    const { content } = await currentContent(db, actor, meeting.id);
    return { fileName: `minutes-${meeting.number}-draft-${locale}.pdf`, bytes: await renderMinutesPdf(content, { locale, stamp: { kind: 'draft' }, timeZone: meeting.timeZone }), version: null };
  }
  const [stored] = await db
    .select({ content: minutesVersions.content, pdf: minutesVersions.pdf, locale: minutesVersions.locale })
    .from(minutesVersions)
    .where(and(eq(minutesVersions.meetingId, meeting.id), eq(minutesVersions.version, chosen.version)));
  const fileName = `minutes-${meeting.number}-v${chosen.version}-${locale}.pdf`;
  if (stored.locale === locale) return { fileName, bytes: stored.pdf, version: chosen.version };
  return { fileName, bytes: await renderMinutesPdf(stored.content as MinutesContent, { locale, stamp: stampOf(chosen), timeZone: meeting.timeZone }), version: chosen.version };
}

/**
 * For an applicant: the extract of their own application's item from the latest approved minutes of
 * the meeting that decided it: the meeting, how many members took part, the tally, the decision and
 * its reason. Not the other items, the members' names and votes, or the experts' reviews. Not found
 * until minutes holding the decision are approved.
 */
export async function getMinutesExtract(db: DbOrTx, { actor, applicationId, locale = MINUTES_LOCALE }: { actor: Actor; applicationId: string; locale?: Locale }): Promise<MinutesFile> {
  const access = await accessApplication(db, { actor, applicationId, as: ['applicant'] });
  const found = await latestApprovedExtract(db, access.application.id);
  if (!found) throw notFound('minutes');
  const bytes = await renderMinutesPdf(found.content, { locale, stamp: stampOf(found), timeZone: found.timeZone, extractFor: access.application.id });
  return { fileName: `minutes-${found.content.number}-v${found.version}-extract-${locale}.pdf`, bytes, version: found.version };
}

/** The latest approved minutes that hold a decision on the application (none: not approved yet). */
async function latestApprovedExtract(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select({
      version: minutesVersions.version,
      content: minutesVersions.content,
      approvedBy: sql<string | null>`(SELECT name FROM users WHERE id = ${minutesVersions.approvedBy})`,
      approvedAt: minutesVersions.approvedAt,
      contentSha256: minutesVersions.contentSha256,
      correctionReason: minutesVersions.correctionReason,
      reopenedAt: minutesVersions.reopenedAt,
      timeZone: sql<string>`${parkZoneSql(sql`(SELECT m.park_id FROM council_meetings m WHERE m.id = ${minutesVersions.meetingId})`)}`,
    })
    .from(minutesVersions)
    .where(sql`EXISTS (SELECT 1 FROM council_decisions d WHERE d.meeting_id = ${minutesVersions.meetingId} AND d.application_id = ${applicationId})`)
    .orderBy(desc(minutesVersions.approvedAt), desc(minutesVersions.version));
  for (const r of rows) {
    const content = r.content as MinutesContent;
    if (content.items.some((i) => i.applicationId === applicationId && i.decision)) return { ...r, content };
  }
  return null;
}
