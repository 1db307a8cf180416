import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, outbox } from '@/db/schema';
import { listOutbox } from '@/lib/admin/admin';
import { systemActor } from '@/lib/auth/actor';
import { screenApplication } from '@/lib/applications/screening';
import { assignExperts } from '@/lib/council/assignments';
import { cancelMeeting, createMeeting, nextMeetingNumber } from '@/lib/council/meetings';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeAdmin, makeApplicant, makeExpert, makeManager, makePark, makeUser } from '@/lib/test/fixtures';
import { startSmtpServer, type TestSmtpServer } from '@/lib/test/smtp';
import { setMyLocale, setUserDisabled } from '@/lib/users/users';
import { CLAIM_TIMEOUT_MS, flushOutbox, flushOutboxInBackground, MAX_SEND_ATTEMPTS, SEND_WINDOW_MS } from './mailer';
import { notify } from './notifications';
import { loggerFor } from '@/lib/log/logger';

const FUTURE = '2099-12-31';
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
  smtp.failWith = null;
});

/** Each test starts from an outbox with nothing left to send, whatever the tests before it queued. */
async function clearOutbox() {
  const db = await getDb();
  await db.update(outbox).set({ sentAt: new Date() }).where(sql`${outbox.sentAt} IS NULL`);
  smtp.received.length = 0;
}

async function pendingTo(emails: string[]) {
  const db = await getDb();
  return db.select().from(outbox).where(inArray(outbox.to, emails));
}

/** Queues one e-mail to each of `count` new users, through the one function every domain change uses. */
async function queueMail(count: number) {
  const db = await getDb();
  const park = await makePark();
  const people = await Promise.all(Array.from({ length: count }, () => makeUser('applicant')));
  await db.transaction((tx) => notify(tx, { userIds: people.map((p) => p.userId), parkId: park.id, kind: 'residentAdmitted', params: { park: park.name, startOn: '2030-01-01' } }));
  return people.map((p) => p.email);
}

describe('e-mail for every notification', () => {
  it('is queued with the notification, in the recipient’s language, and waits in the outbox without SMTP', async () => {
    await clearOutbox();
    vi.stubEnv('SMTP_URL', undefined);
    vi.stubEnv('AUTH_URL', 'https://parks.example.ru');
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const english = await makeExpert(park.id);
    const russian = await makeExpert(park.id);
    await setMyLocale(db, { actor: english, locale: 'en' });
    const { applicationId, title } = await makeApplication(await makeApplicant(), park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
    await clearOutbox();

    const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [english.userId, russian.userId], dueOn: FUTURE } });
    const [forEnglish, forRussian] = await Promise.all([english, russian].map(async (e) => (await pendingTo([e.email]))[0]));
    const linkOf = async (expertId: string) => {
      const [n] = await db.select({ href: notifications.href }).from(notifications).where(eq(notifications.userId, expertId));
      expect(assignmentIds.some((id) => n.href?.endsWith(`/reviews/${id}`))).toBe(true);
      return `https://parks.example.ru${n.href}`;
    };
    expect(forEnglish).toMatchObject({ subject: `Technopark: You have been assigned to review “${title}”, due 31 Dec 2099`, sentAt: null, attempts: 0 });
    expect(forEnglish.body).toBe(
      [
        `You have been assigned to review “${title}”, due 31 Dec 2099`,
        '',
        `Park: ${park.name}`,
        `Open: ${await linkOf(english.userId)}`,
        '',
        '—',
        'This message was sent automatically by Technopark. All your notifications: https://parks.example.ru/notifications',
      ].join('\n'),
    );
    expect(forRussian).toMatchObject({ subject: `Технопарк: Вам назначена экспертиза заявки «${title}», срок 31.12.2099`, sentAt: null });
    expect(forRussian.body).toContain(`Парк: ${park.name}\nОткрыть: ${await linkOf(russian.userId)}\n`);

    // Without SMTP nothing leaves: a flush does nothing and the admins read the messages on the outbox page.
    expect(await flushOutbox(db)).toEqual({ sent: 0, failed: 0 });
    await flushOutboxInBackground();
    expect(smtp.received).toEqual([]);
    const page = await listOutbox(db, { actor: await makeAdmin() });
    expect(page.filter((m) => m.to === english.email || m.to === russian.email).map((m) => [m.to, m.status, m.attempts])).toEqual(
      expect.arrayContaining([
        [english.email, 'waiting', 0],
        [russian.email, 'waiting', 0],
      ]),
    );
  });

  it('goes out over SMTP: the screening of an application reaches its applicant, comment, link and all, and a disabled one gets none', async () => {
    await clearOutbox();
    vi.stubEnv('AUTH_URL', undefined);
    vi.stubEnv('APP_URL', 'https://tp.example.org/');
    vi.stubEnv('SMTP_URL', smtp.url);
    vi.stubEnv('SMTP_FROM', 'Технопарк <noreply@tp.example.org>');
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    await setMyLocale(db, { actor: applicant, locale: 'en' });
    const returned = await makeApplication(applicant, park.id);
    const quiet = await makeApplicant();
    const rejected = await makeApplication(quiet, park.id);
    await setUserDisabled(db, { actor: systemActor('cli'), userId: quiet.userId, disabled: true });
    await flushOutbox(db);
    smtp.received.length = 0;
    // Its receipt for submitting, queued before it was disabled, stays unsent; the screening adds nothing.
    const queuedForQuiet = (await pendingTo([quiet.email])).length;

    await screenApplication(db, { actor: manager, input: { applicationId: returned.applicationId, outcome: 'returned', comment: 'Please attach\nthe market study.' } });
    await screenApplication(db, { actor: manager, input: { applicationId: rejected.applicationId, outcome: 'rejected', comment: 'Out of scope' } });
    expect(await pendingTo([quiet.email])).toHaveLength(queuedForQuiet);
    // Nor an in-app notice: a company's representatives are the accounts that can sign in (recipients.ts).
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, quiet.userId), eq(notifications.kind, 'applicationStatusChanged')))).toHaveLength(0);

    expect(await flushOutbox(db)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toEqual([
      {
        from: 'noreply@tp.example.org',
        to: [applicant.email],
        subject: `Technopark: Your application “${returned.title}”: returned for revision`,
        text: [
          `Your application “${returned.title}”: returned for revision`,
          '',
          'Comment: Please attach\nthe market study.',
          '',
          `Park: ${park.name}`,
          `Open: https://tp.example.org/my/applications/${returned.applicationId}`,
          '',
          '—',
          'This message was sent automatically by Technopark. All your notifications: https://tp.example.org/notifications',
        ].join('\n'),
      },
    ]);
    const [row] = await pendingTo([applicant.email]);
    expect(row).toMatchObject({ attempts: 1, error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await flushOutbox(db)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('is not queued for a disabled account named directly, whoever names it', async () => {
    await clearOutbox();
    const db = await getDb();
    const [kept, disabled] = await Promise.all([makeUser('applicant'), makeUser('applicant')]);
    await setUserDisabled(db, { actor: systemActor('cli'), userId: disabled.userId, disabled: true });
    await db.transaction((tx) => notify(tx, { userIds: [kept.userId, disabled.userId], kind: 'residentAdmitted', params: { park: 'P', startOn: '2030-01-01' } }));
    expect((await pendingTo([kept.email, disabled.email])).map((m) => m.to)).toEqual([kept.email]);
  });

  it('a Russian reader gets Russian over the wire too', async () => {
    await clearOutbox();
    vi.stubEnv('SMTP_URL', smtp.url);
    vi.stubEnv('AUTH_URL', undefined);
    vi.stubEnv('APP_URL', undefined);
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const { applicationId, title } = await makeApplication(await makeApplicant(), park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted' } });
    const { assignmentIds } = await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [expert.userId], dueOn: FUTURE } });
    await flushOutbox(db);
    const mail = smtp.received.filter((m) => m.to.includes(expert.email));
    expect(mail.map((m) => m.subject)).toEqual([`Технопарк: Вам назначена экспертиза заявки «${title}», срок 31.12.2099`]);
    expect(mail[0].text).toContain(`Открыть: http://localhost:3000/p/${park.slug}/reviews/${assignmentIds[0]}\n`);
    expect(mail[0].text).toContain('Это письмо отправлено автоматически системой «Технопарк».');
  });
});

describe('a council meeting’s notice', () => {
  it('carries the meeting as a calendar part that mail programs offer to add: PUBLISH when called, CANCEL when cancelled', async () => {
    await clearOutbox();
    vi.stubEnv('SMTP_URL', smtp.url);
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const expert = await makeExpert(park.id);
    const number = await nextMeetingNumber(db, { actor: manager, parkId: park.id });
    const { id: meetingId } = await createMeeting(db, { actor: manager, input: { parkId: park.id, number, heldOn: '2099-04-01', startsAt: '10:00', place: 'Hall 1' } });
    await cancelMeeting(db, { actor: manager, input: { meetingId, reason: 'Postponed' } });
    smtp.raw.length = 0;
    await flushOutbox(db);
    const mine = smtp.raw.filter((m) => m.includes(expert.email));
    expect(mine).toHaveLength(2);
    const unfolded = mine.map((m) => m.replace(/\r\n[ \t]/g, ''));
    expect(unfolded.some((m) => /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i.test(m))).toBe(true);
    expect(unfolded.some((m) => /Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i.test(m))).toBe(true);
  });
});

describe('flushing the outbox', () => {
  it('sends each message once when two flushes run at once', async () => {
    await clearOutbox();
    vi.stubEnv('SMTP_URL', smtp.url);
    const db = await getDb();
    const emails = await queueMail(12);
    const [a, b] = await Promise.all([flushOutbox(db), flushOutbox(db)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.failed + b.failed).toBe(0);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
    expect((await pendingTo(emails)).map((m) => [m.attempts, m.sentAt !== null])).toEqual(emails.map(() => [1, true]));

    // In the background too: several requests at once share one flush, and it sends what was queued meanwhile.
    const more = await queueMail(3);
    await Promise.all([flushOutboxInBackground(), flushOutboxInBackground(), flushOutboxInBackground()]);
    expect(smtp.received.flatMap((m) => m.to).filter((to) => more.includes(to)).sort()).toEqual([...more].sort());
    expect(smtp.received).toHaveLength(15);
  });

  it('sends only what is still news: a backlog older than the send window stays in the outbox as expired', async () => {
    await clearOutbox();
    const db = await getDb();
    const admin = await makeAdmin();
    // Queued while SMTP was not configured…
    const [old, fresh] = [await queueMail(1), await queueMail(1)].map(([email]) => email);
    await db.update(outbox).set({ createdAt: new Date(Date.now() - SEND_WINDOW_MS - 60_000) }).where(eq(outbox.to, old));
    // …then SMTP is configured: only the recent message goes out.
    vi.stubEnv('SMTP_URL', smtp.url);
    expect(await flushOutbox(db)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[fresh]]);
    const listed = await listOutbox(db, { actor: admin });
    expect(listed.find((m) => m.to === old)).toMatchObject({ status: 'expired', attempts: 0 });
    expect(listed.find((m) => m.to === fresh)).toMatchObject({ status: 'sent' });
  });

  it('keeps a failed send’s error, retries it after a pause, and gives up after the last attempt', async () => {
    await clearOutbox();
    vi.stubEnv('SMTP_URL', smtp.url);
    const db = await getDb();
    const admin = await makeAdmin();
    const logged = vi.spyOn(loggerFor('mailer'), 'error').mockImplementation(() => {});
    const [first, second] = await queueMail(2);
    smtp.failWith = 'mailbox busy, try later';

    // The failure ends the run: the other message is not tried against a server that just refused.
    expect(await flushOutbox(db)).toEqual({ sent: 0, failed: 1 });
    const failed = (await pendingTo([first, second])).find((m) => m.error);
    expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
    expect(failed!.error).toContain('mailbox busy, try later');
    const untried = (await pendingTo([first, second])).find((m) => m.id !== failed!.id)!;
    expect(untried).toMatchObject({ attempts: 0, error: null });
    expect((await listOutbox(db, { actor: admin })).find((m) => m.id === failed!.id)).toMatchObject({ status: 'retrying', attempts: 1 });

    // With the server well again, the next flush sends the other one; the failed one waits out its pause.
    smtp.failWith = null;
    expect(await flushOutbox(db)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[untried.to]]);
    const later = (ms: number) => () => new Date(Date.now() + ms);
    expect(await flushOutbox(db, { now: later(CLAIM_TIMEOUT_MS + 1000) })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[untried.to], [failed!.to]]);
    expect((await pendingTo([failed!.to]))[0]).toMatchObject({ attempts: 2, error: null });

    // A message that never goes through is tried MAX_SEND_ATTEMPTS times, then left with its last error.
    const [doomed] = await queueMail(1);
    smtp.failWith = 'no such mailbox here';
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      expect(await flushOutbox(db, { now: later(attempt * (CLAIM_TIMEOUT_MS + 1000)) })).toEqual({ sent: 0, failed: 1 });
    }
    expect(await flushOutbox(db, { now: later(10 * CLAIM_TIMEOUT_MS) })).toEqual({ sent: 0, failed: 0 });
    const [gaveUp] = await pendingTo([doomed]);
    expect(gaveUp).toMatchObject({ sentAt: null, attempts: MAX_SEND_ATTEMPTS });
    expect(gaveUp.error).toContain('no such mailbox here');
    expect((await listOutbox(db, { actor: admin })).find((m) => m.id === gaveUp.id)).toMatchObject({ status: 'failed' });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('in the background, an unreachable server is logged and recorded, never thrown', async () => {
    await clearOutbox();
    const closed = await startSmtpServer();
    await closed.close();
    vi.stubEnv('SMTP_URL', closed.url);
    const [to] = await queueMail(1);
    const logged = vi.spyOn(loggerFor('mailer'), 'error').mockImplementation(() => {});
    await expect(flushOutboxInBackground()).resolves.toBeUndefined();
    const [row] = await pendingTo([to]);
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
