import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, auditLog, councilDecisions, councilVotes, meetingAttendance, meetingItems, minutesVersions, reviewCriteria, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { screenApplication } from '@/lib/applications/screening';
import { DEFAULT_TIME_ZONE, todayIso } from '@/lib/dates';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { pdfText } from '@/lib/test/pdf-text';
import { assignExperts } from './assignments';
import { recordDecision } from './decisions';
import { addAgendaItem, createMeeting, nextMeetingNumber, removeAgendaItem, setAttendance, updateMeetingDetails } from './meetings';
import { approveMinutes, canonicalJson, getMinutes, getMinutesExtract, getMinutesPdf, reopenMinutes, sha256, type MinutesContent } from './minutes';
import { renderMinutesPdf } from './minutes-pdf';
import { declareConflict, submitReview } from './reviews';
import { castVote } from './votes';

type UserActor = Extract<Actor, { type: 'user' }>;
const FUTURE = '2099-12-31';
const NAMES = ['Игорь Волков', 'Ольга Лебедева', 'Сергей Новиков', 'Елена Павлова'];

/**
 * A park whose council of four (named in Russian) meets today: three present, one conflicted; two
 * applications on the agenda, one reviewed by a single expert, and a third under review beside it.
 */
async function heldMeeting() {
  const db = await getDb();
  const park = await makePark();
  const manager = await makeManager(park.id);
  const council: UserActor[] = [];
  for (const name of NAMES) {
    const expert = await makeExpert(park.id);
    await db.update(users).set({ name }).where(eq(users.id, expert.userId));
    council.push(expert);
  }
  const apps: { applicationId: string; applicant: UserActor; title: string }[] = [];
  for (const title of ['Рекультивация отвалов', 'Газоанализатор для шахт', 'Цифровой двойник карьера']) {
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    await db.update(applications).set({ title }).where(eq(applications.id, applicationId));
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
    apps.push({ applicationId, applicant, title });
  }
  const number = await nextMeetingNumber(db, { actor: manager, parkId: park.id });
  const { id: meetingId } = await createMeeting(db, { actor: manager, input: { parkId: park.id, number, heldOn: todayIso(), startsAt: '00:00', place: 'Кемерово, зал совета' } });
  for (const app of apps.slice(0, 2)) await addAgendaItem(db, { actor: manager, input: { meetingId, applicationId: app.applicationId } });
  // Волков declares a conflict with the first application; Лебедева reviews it (one review of the two the park asks for).
  const [volkov, lebedeva, novikov] = council;
  const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId: apps[0].applicationId, expertIds: [volkov.userId, lebedeva.userId], dueOn: FUTURE } });
  await declareConflict(db, { actor: volkov, input: { assignmentId: assignmentIds[0], hasConflict: true, reason: 'Консультировал компанию' } });
  const criteria = await db.select().from(reviewCriteria).where(eq(reviewCriteria.parkId, park.id)).orderBy(reviewCriteria.position);
  await declareConflict(db, { actor: lebedeva, input: { assignmentId: assignmentIds[1], hasConflict: false } });
  await submitReview(db, { actor: lebedeva, input: { assignmentId: assignmentIds[1], scores: criteria.map((c) => ({ criterionId: c.id, score: 8, comment: '' })), recommendation: 'approve', comment: '' } });
  await setAttendance(db, { actor: manager, input: { meetingId, userIds: [volkov.userId, lebedeva.userId, novikov.userId] } });
  const item = (i: number) => ({ meetingId, applicationId: apps[i].applicationId });
  await castVote(db, { actor: lebedeva, input: { ...item(0), vote: 'for' } });
  await castVote(db, { actor: novikov, input: { ...item(0), vote: 'abstain' } });
  return { db, park, manager, council, apps, meetingId, number, item };
}

const REASON = 'Поддержать проект при условии согласования рекультивации с надзором.';
const SHORT = 'Второй эксперт выбыл; совет счёл одного заключения достаточным.';

async function decideBoth(m: Awaited<ReturnType<typeof heldMeeting>>) {
  await recordDecision(m.db, { actor: m.manager, input: { ...m.item(0), decision: 'approved', reason: REASON, reviewsShortReason: SHORT } });
  await recordDecision(m.db, {
    actor: m.manager,
    input: { ...m.item(1), decision: 'rejected', reason: 'Не соответствует профилю технопарка.', paperTally: true, votesFor: 0, votesAgainst: 3, votesAbstain: 0 },
  });
}

/** What the meeting's record holds: a change anywhere in it shows here. */
async function meetingRows(meetingId: string) {
  const db = await getDb();
  return {
    items: await db.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)),
    attendance: await db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)),
    decisions: await db.select().from(councilDecisions).where(eq(councilDecisions.meetingId, meetingId)),
    votes: await db.select().from(councilVotes).where(eq(councilVotes.meetingId, meetingId)),
  };
}

describe('the minutes as a document', () => {
  it('renders the draft with the members, their votes, the tally, the paper tally, the reasons; approval refused before every item is decided', async () => {
    const m = await heldMeeting();
    await recordDecision(m.db, { actor: m.manager, input: { ...m.item(0), decision: 'approved', reason: REASON, reviewsShortReason: SHORT } });
    await expect(approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key: 'minutesUndecided', params: { count: 1 } });
    await recordDecision(m.db, {
      actor: m.manager,
      input: { ...m.item(1), decision: 'rejected', reason: 'Не соответствует профилю технопарка.', paperTally: true, votesFor: 0, votesAgainst: 3, votesAbstain: 0 },
    });
    expect(await getMinutes(m.db, { actor: m.manager, meetingId: m.meetingId })).toMatchObject({ state: 'draft', versions: [], undecided: 0, started: true });

    const draft = await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId });
    expect(draft.version).toBeNull();
    expect(draft.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(draft.bytes);
    expect(text).toContain('ПРОЕКТ — НЕ УТВЕРЖДЁН');
    expect(text).toContain(`Протокол заседания экспертного совета № ${m.number}`);
    expect(text).toContain('Присутствовали: Игорь Волков, Ольга Лебедева, Сергей Новиков');
    expect(text).toContain('Кворум: имеется (3 из 4 членов, необходимо 3)');
    expect(text).toContain('Место: Кемерово, зал совета');
    expect(text).toContain('«Рекультивация отвалов»');
    expect(text).toContain('Экспертные заключения: представлено 1 (для одобрения технопарк требует 2)');
    expect(text).toContain('Ольга Лебедева: за');
    expect(text).toContain('Сергей Новиков: воздержался');
    expect(text).toContain('Не голосовали (конфликт интересов): Игорь Волков');
    expect(text).toContain('Итоги голосования: за 1, против 0, воздержались 1');
    expect(text).toContain(`Обоснование: ${REASON}`);
    expect(text).toContain(`Одобрено при меньшем числе заключений, чем требуется (1 из 2), поскольку: ${SHORT}`);
    // The second item's tally was typed from paper, and says so.
    expect(text).toContain('Итоги голосования (внесены с бумажных бюллетеней): за 0, против 3, воздержались 0');
    expect(text).toContain('Решение: Отклонить');

    const english = await pdfText((await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId, locale: 'en' })).bytes);
    expect(english).toContain('DRAFT — NOT APPROVED');
    expect(english).toContain('Tally: for 1, against 0, abstained 1');
    expect(english).toContain('Tally (entered from paper): for 0, against 3, abstained 0');
    expect(english).toContain(`Approved with fewer reviews than the minimum (1 of 2), because: ${SHORT}`);
  });

  it('approves as version 1: content hash over the canonical content, the PDF kept byte for byte with its hash, and the same bytes from the same content', async () => {
    const m = await heldMeeting();
    await decideBoth(m);
    const now = new Date();
    const approved = await approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId }, now });
    expect(approved.version).toBe(1);
    const [row] = await m.db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, m.meetingId));
    expect(row).toMatchObject({ version: 1, locale: 'ru', approvedBy: m.manager.userId, correctionReason: null, reopenedAt: null });
    // The hash is of the stored content's canonical JSON (keys sorted), so it can be checked from the database alone.
    expect(row.contentSha256).toBe(sha256(canonicalJson(row.content)));
    expect(row.contentSha256).toBe(approved.contentSha256);
    expect(row.pdfSha256).toBe(sha256(row.pdf));
    // The download is the kept document itself, and it carries the content hash.
    const file = await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId });
    expect(file).toMatchObject({ version: 1, fileName: `minutes-${m.number}-v1-ru.pdf` });
    expect(sha256(file.bytes)).toBe(row.pdfSha256);
    const text = await pdfText(file.bytes);
    expect(text).not.toContain('ПРОЕКТ');
    expect(text).toContain('Утверждён как редакция 1');
    expect(text).toContain(row.contentSha256);
    // Rendering the stored content again gives the same bytes: the document has no moment of rendering in it.
    const again = await renderMinutesPdf(row.content as MinutesContent, {
      locale: 'ru',
      timeZone: DEFAULT_TIME_ZONE,
      stamp: { kind: 'approved', version: 1, approvedBy: (await m.db.select({ name: users.name }).from(users).where(eq(users.id, m.manager.userId)))[0].name, approvedAt: row.approvedAt, contentSha256: row.contentSha256, correctionReason: null, reopened: false },
    });
    expect(sha256(again)).toBe(row.pdfSha256);
    // An English rendering of the approved version: the same content, the same hash.
    const english = await pdfText((await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId, version: 1, locale: 'en' })).bytes);
    expect(english).toContain('Approved as version 1');
    expect(english).toContain(row.contentSha256);
    expect(english).toContain('Ольга Лебедева: for');
    const [audit] = await m.db.select().from(auditLog).where(eq(auditLog.action, 'minutes.approve'));
    expect(audit).toBeDefined();
  });

  it('locks an approved meeting: every write is refused by the one rule and changes nothing; a second approval too', async () => {
    const m = await heldMeeting();
    await decideBoth(m);
    await approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } });
    const before = await meetingRows(m.meetingId);
    const [, lebedeva, novikov] = m.council;
    const locked = { code: 'INVALID_TRANSITION', key: 'minutesApproved', params: { number: m.number, version: 1 } };
    const writes: [string, () => Promise<unknown>][] = [
      ['addAgendaItem', () => addAgendaItem(m.db, { actor: m.manager, input: m.item(2) })],
      ['removeAgendaItem', () => removeAgendaItem(m.db, { actor: m.manager, input: m.item(0) })],
      ['setAttendance', () => setAttendance(m.db, { actor: m.manager, input: { meetingId: m.meetingId, userIds: [lebedeva.userId] } })],
      ['updateMeetingDetails', () => updateMeetingDetails(m.db, { actor: m.manager, input: { meetingId: m.meetingId, heldOn: todayIso(), startsAt: '11:00' } })],
      ['recordDecision', () => recordDecision(m.db, { actor: m.manager, input: { ...m.item(0), decision: 'approved', reason: '', reviewsShortReason: SHORT } })],
      ['castVote', () => castVote(m.db, { actor: novikov, input: { ...m.item(0), vote: 'for' } })],
      ['approveMinutes', () => approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } })],
    ];
    for (const [name, write] of writes) await expect(write(), name).rejects.toMatchObject(locked);
    expect(await meetingRows(m.meetingId)).toEqual(before);
    expect(await m.db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, m.meetingId))).toHaveLength(1);
  });

  it('a correction is a new version with its reason: reopen, change, approve as version 2; version 1 stays as it was', async () => {
    const m = await heldMeeting();
    await decideBoth(m);
    const v1 = await approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } });
    const v1Bytes = (await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId, version: 1 })).bytes;
    await expect(reopenMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId, reason: '  ' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { reason: ['required'] } });
    const reason = 'В протокол не вошёл третий вопрос, рассмотренный на заседании.';
    expect(await reopenMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId, reason } })).toEqual({ version: 1 });
    await expect(reopenMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId, reason } })).rejects.toMatchObject({ key: 'minutesNotApproved' });
    expect(await getMinutes(m.db, { actor: m.manager, meetingId: m.meetingId })).toMatchObject({ state: 'reopened', versions: [{ version: 1, reopenReason: reason }] });

    // Editable again: the third item is added and decided on paper.
    await addAgendaItem(m.db, { actor: m.manager, input: m.item(2) });
    await recordDecision(m.db, { actor: m.manager, input: { ...m.item(2), decision: 'revision', reason: 'Уточнить бизнес-план.', paperTally: true, votesFor: 0, votesAgainst: 1, votesAbstain: 2 } });
    const v2 = await approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } });
    expect(v2.version).toBe(2);
    expect(v2.contentSha256).not.toBe(v1.contentSha256);
    const minutes = await getMinutes(m.db, { actor: m.manager, meetingId: m.meetingId });
    expect(minutes).toMatchObject({ state: 'approved', versions: [{ version: 2, correctionReason: reason, reopenedAt: null }, { version: 1, contentSha256: v1.contentSha256 }] });
    expect(minutes.versions[1].reopenedAt).toBeInstanceOf(Date);

    // The earlier version is still downloadable, unchanged; the current one holds the correction.
    expect((await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId, version: 1 })).bytes.equals(v1Bytes)).toBe(true);
    const current = await pdfText((await getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId })).bytes);
    expect(current).toContain('Утверждён как редакция 2');
    expect(current).toContain(`Исправление: ${reason}`);
    expect(current).toContain('«Цифровой двойник карьера»');
    await expect(getMinutesPdf(m.db, { actor: m.manager, meetingId: m.meetingId, version: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'minutesVersionMissing' });
    await expect(addAgendaItem(m.db, { actor: m.manager, input: m.item(2) })).rejects.toMatchObject({ key: 'minutesApproved', params: { version: 2 } });
  });

  it('gives an applicant the extract of their own item once the minutes are approved: no other item, no member names, no reviews', async () => {
    const m = await heldMeeting();
    await decideBoth(m);
    const [first, second] = m.apps;
    await expect(getMinutesExtract(m.db, { actor: first.applicant, applicationId: first.applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } });
    const extract = await getMinutesExtract(m.db, { actor: first.applicant, applicationId: first.applicationId });
    expect(extract).toMatchObject({ version: 1, fileName: `minutes-${m.number}-v1-extract-ru.pdf` });
    const text = await pdfText(extract.bytes);
    expect(text).toContain(`Выписка из протокола заседания экспертного совета № ${m.number}`);
    expect(text).toContain('«Рекультивация отвалов»');
    expect(text).toContain('Итоги голосования: за 1, против 0, воздержались 1');
    expect(text).toContain(`Обоснование: ${REASON}`);
    expect(text).not.toContain(second.title);
    for (const name of NAMES) expect(text).not.toContain(name);
    expect(text).not.toContain(SHORT);
    // Another applicant's application, and staff asking as applicants, look missing.
    await expect(getMinutesExtract(m.db, { actor: second.applicant, applicationId: first.applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMinutesExtract(m.db, { actor: m.manager, applicationId: first.applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An application the approved minutes do not decide has no extract.
    await expect(getMinutesExtract(m.db, { actor: m.apps[2].applicant, applicationId: m.apps[2].applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an approval and an agenda change at once: exactly one wins, and the minutes say what the meeting holds', async () => {
    const m = await heldMeeting();
    await decideBoth(m);
    const results = await Promise.allSettled([approveMinutes(m.db, { actor: m.manager, input: { meetingId: m.meetingId } }), addAgendaItem(m.db, { actor: m.manager, input: m.item(2) })]);
    const [approval, added] = results;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const items = await m.db.select().from(meetingItems).where(eq(meetingItems.meetingId, m.meetingId));
    const versions = await m.db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, m.meetingId));
    if (approval.status === 'fulfilled') {
      expect(added).toMatchObject({ status: 'rejected', reason: { key: 'minutesApproved' } });
      expect(items).toHaveLength(2);
      expect((versions[0].content as MinutesContent).items).toHaveLength(2);
    } else {
      expect(approval.reason).toMatchObject({ key: 'minutesUndecided' });
      expect(items).toHaveLength(3);
      expect(versions).toHaveLength(0);
    }
  });

  it('refuses before the meeting has started', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const { id: meetingId } = await createMeeting(db, { actor: manager, input: { parkId: park.id, number: 1, heldOn: FUTURE } });
    await expect(approveMinutes(db, { actor: manager, input: { meetingId } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION', key: 'minutesNotStarted' });
  });
});
