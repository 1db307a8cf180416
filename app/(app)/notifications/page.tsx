import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { cn } from '@/app/_components/ui/cn';
import { getDb } from '@/db/client';
import { requireActor } from '@/app/_server/session';
import { zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listNotifications } from '@/lib/notifications/notifications';
import { displayParams } from '@/lib/notifications/params';
import { MarkAllReadButton } from './mark-read-button';

export default async function NotificationsPage() {
  const actor = await requireActor();
  const zone = zoneOr(actor.timeZone);
  const items = await listNotifications(await getDb(), { actor });
  const t = await getTranslations('common');
  const tn = await getTranslations('notifications');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t('notifications')} actions={items.some((i) => !i.read) ? <MarkAllReadButton /> : undefined} />
      {items.length === 0 && <p className="text-sm text-muted-foreground">{t('noNotifications')}</p>}
      <ul className="divide-y rounded-lg border bg-card">
        {items.map((n) => {
          const text = tn.has(n.kind) ? tn(n.kind, displayParams(n.params, locale)) : n.kind;
          return (
            <li key={n.id} className={cn('flex items-start gap-3 px-4 py-3 text-sm', !n.read && 'bg-primary/5')}>
              <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.read ? 'bg-transparent' : 'bg-primary')} aria-hidden />
              <div className="min-w-0 flex-1">
                {n.href ? (
                  <Link href={n.href} className="hover:underline">
                    {text}
                  </Link>
                ) : (
                  text
                )}
                <p className="text-xs text-muted-foreground">{formatDateTime(n.createdAt, locale, zone)}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
