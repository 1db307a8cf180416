import { getLocale, getTranslations } from 'next-intl/server';
import { adminContext } from '@/app/_server/admin-context';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { listOutbox, type OutboxMessageDto } from '@/lib/admin/admin';
import { zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { MAX_SEND_ATTEMPTS, smtpConfigured } from '@/lib/notifications/mailer';

export default async function OutboxPage() {
  const { actor, db } = await adminContext();
  const zone = zoneOr(actor.timeZone);
  const messages = await listOutbox(db, { actor });
  const t = await getTranslations('admin');
  const locale = (await getLocale()) as Locale;
  const smtp = smtpConfigured();
  return (
    <div className="space-y-4">
      <PageHeader title={t('outboxTitle')} description={smtp ? t('outboxSmtp', { max: MAX_SEND_ATTEMPTS }) : t('outboxSubtitle')} />
      {messages.length === 0 && <p className="text-sm text-muted-foreground">{t('empty')}</p>}
      <ul className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border bg-card p-4">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                <span className="text-muted-foreground">{t('to')}:</span> {m.to}
              </span>
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                {formatDateTime(m.createdAt, locale, zone)}
                <OutboxStatus status={m.status} attempts={m.attempts} smtp={smtp} />
              </span>
            </div>
            <p className="mt-1 font-medium">{m.subject}</p>
            <pre className="mt-2 whitespace-pre-wrap font-sans text-sm text-muted-foreground">{m.body}</pre>
            {m.error && <p className="mt-1 text-xs text-destructive">{m.error}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function OutboxStatus({ status, attempts, smtp }: { status: OutboxMessageDto['status']; attempts: number; smtp: boolean }) {
  const t = await getTranslations('admin');
  switch (status) {
    case 'sent':
      return <Badge variant="success">{t('sent')}</Badge>;
    case 'failed':
      return <Badge variant="destructive">{t('failed', { attempts })}</Badge>;
    case 'expired':
      return <Badge variant="secondary">{smtp ? t('expired') : t('notSent')}</Badge>;
    case 'retrying':
      return <Badge variant="warning">{t('retrying', { attempts })}</Badge>;
    default:
      return <Badge variant="secondary">{smtp ? t('queued') : t('notSent')}</Badge>;
  }
}
