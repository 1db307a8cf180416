import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';

/** SMTP is configured by SMTP_URL (e.g. smtps://user:pass@mail.example.com:465) and SMTP_FROM. */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * Sends what waits in the outbox when SMTP is configured; without it the messages stay in the
 * outbox for admins to read. Safe to call often: each message is claimed by one sender.
 */
export async function flushOutbox(db: Db, limit = 50): Promise<number> {
  if (!smtpConfigured()) return 0;
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(process.env.SMTP_URL);
  const pending = await db.select().from(outbox).where(and(isNull(outbox.sentAt), isNull(outbox.error))).orderBy(asc(outbox.createdAt)).limit(limit);
  let sent = 0;
  for (const message of pending) {
    try {
      await transport.sendMail({ from: process.env.SMTP_FROM ?? 'technopark@localhost', to: message.to, subject: message.subject, text: message.body });
      await db.update(outbox).set({ sentAt: new Date() }).where(and(eq(outbox.id, message.id), isNull(outbox.sentAt)));
      sent++;
    } catch (error) {
      await db.update(outbox).set({ error: (error as Error).message.slice(0, 500) }).where(eq(outbox.id, message.id));
    }
  }
  return sent;
}
