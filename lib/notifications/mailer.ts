import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { outbox } from '@/db/schema';
import { loggerFor } from '@/lib/log/logger';

/** Sends tried per message before it is left unsent for good (with its last error on the outbox page). */
export const MAX_SEND_ATTEMPTS = 5;
/**
 * How long a message taken by a sender stays its own: another sender takes it again only after this,
 * which is both the pause before retrying a failed send and the rescue of one whose sender died mid-way.
 * Far longer than one send may take (the timeouts below), so a message in flight is never taken twice.
 */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;
/**
 * A message is sent only while it is news: one queued longer ago than this (say, before SMTP was
 * configured, or while the mail server was down for days) stays in the outbox as expired.
 */
export const SEND_WINDOW_MS = 3 * 24 * 60 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** SMTP is configured by SMTP_URL (e.g. smtps://user:pass@mail.example.com:465) and SMTP_FROM. */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export type FlushResult = { sent: number; failed: number };

type Claimed = { id: string; to: string; subject: string; body: string; calendar: string | null };

/**
 * Takes the oldest message no sender holds, in one statement: the row lock (skipping rows another
 * sender is locking at this moment) and the claim it leaves behind mean two senders, in one process
 * or two, never both get a message.
 */
async function claimNext(db: Db, now: Date): Promise<Claimed | null> {
  const free = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lt(outbox.attempts, MAX_SEND_ATTEMPTS),
        gt(outbox.createdAt, new Date(now.getTime() - SEND_WINDOW_MS)),
        or(isNull(outbox.claimedAt), lt(outbox.claimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS))),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, free))
    .returning({ id: outbox.id, to: outbox.to, subject: outbox.subject, body: outbox.body, calendar: outbox.calendar });
  return row ?? null;
}

/**
 * Sends what waits in the outbox when SMTP is configured, oldest first, up to `limit` messages; without
 * SMTP it does nothing and the messages stay for admins to read. Safe to run in several places at once.
 * A failed send records its error and ends this run (the server is likely unwell); the message is tried
 * again once its claim lapses, up to MAX_SEND_ATTEMPTS times.
 */
export async function flushOutbox(db: Db, { limit = 100, now = () => new Date() }: { limit?: number; now?: () => Date } = {}): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0 };
  const url = process.env.SMTP_URL;
  if (!url) return result;
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({ url, ...SMTP_TIMEOUTS });
  const from = process.env.SMTP_FROM || 'technopark@localhost';
  try {
    while (result.sent < limit) {
      const message = await claimNext(db, now());
      if (!message) break;
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          // A calendar event goes as the message's text/calendar part, which mail programs offer to add.
          ...(message.calendar ? { icalEvent: { method: /^METHOD:CANCEL/m.test(message.calendar) ? 'CANCEL' : 'PUBLISH', filename: 'invite.ics', content: message.calendar } } : {}),
        });
      } catch (error) {
        result.failed++;
        const text = error instanceof Error ? error.message : String(error);
        await db.update(outbox).set({ error: text.slice(0, 500) }).where(eq(outbox.id, message.id));
        loggerFor('mailer').error({ outboxId: message.id, error: text }, 'sending a message failed');
        break;
      }
      await db.update(outbox).set({ sentAt: now(), error: null }).where(eq(outbox.id, message.id));
      result.sent++;
    }
  } finally {
    transport.close();
  }
  return result;
}

const flushing = Symbol.for('technopark.outboxFlush');
type FlushState = { running: Promise<void> | null; again: boolean };

/**
 * Flushes the outbox in the background of this process, for callers that must not wait on or fail
 * because of mail (after a server action, the scheduler). One flush runs at a time; a request that
 * comes while one runs makes it go round once more, so mail queued meanwhile is not left for later.
 * Never rejects: errors are logged.
 */
export function flushOutboxInBackground(): Promise<void> {
  if (!smtpConfigured()) return Promise.resolve();
  const g = globalThis as typeof globalThis & { [flushing]?: FlushState };
  const state = (g[flushing] ??= { running: null, again: false });
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      do {
        state.again = false;
        await flushOutbox(await getDb());
      } while (state.again);
    } catch (error) {
      loggerFor('mailer').error({ err: error }, 'could not flush the outbox');
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}
