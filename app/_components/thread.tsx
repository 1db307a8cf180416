import { FileText } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Db } from '@/db/client';
import { Badge } from '@/app/_components/ui/badge';
import { SectionCard } from '@/app/_components/ui/section-card';
import type { Actor } from '@/lib/auth/actor';
import { formatDateTime, formatFileSize } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { getThread } from '@/lib/threads/threads';
import type { ThreadSubjectKind } from '@/lib/validation/threads';
import { cn } from './ui/cn';
import { ThreadForm } from './thread-form';

/**
 * The conversation kept with an application or a KPI report, between the park's staff and the
 * company's representatives: the messages oldest first, each with its documents, then the form to
 * write (when the reader may). Times are in `zone`, the park's.
 */
export async function Thread({ db, actor, subject, subjectId, zone }: { db: Db; actor: Actor; subject: ThreadSubjectKind; subjectId: string; zone: string }) {
  const thread = await getThread(db, { actor, subject: { subject, subjectId } });
  const t = await getTranslations('threads');
  const locale = (await getLocale()) as Locale;
  return (
    <SectionCard id="conversation" title={t('title')} description={thread.side === 'staff' ? t('descriptionStaff') : t('descriptionCompany')} contentClassName="space-y-4">
      {thread.messages.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ol className="space-y-3" aria-label={t('title')}>
          {thread.messages.map((m) => (
            <li key={m.id} className={cn('rounded-md border px-3 py-2 text-sm', m.side === 'staff' ? 'bg-muted/40' : 'bg-background')}>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">
                  {m.authorName}
                  {m.mine && ` (${t('you')})`}
                </span>
                <Badge variant={m.side === 'staff' ? 'info' : 'outline'}>{m.side === 'staff' ? t('staffSide') : t('companySide')}</Badge>
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale, zone)}</time>
              </p>
              <p className="mt-1 whitespace-pre-line break-words">{m.body}</p>
              {m.files.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {m.files.map((f) => (
                    <li key={f.id}>
                      <a href={`/files/messages/${f.id}`} className="inline-flex items-center gap-1 rounded-md border px-2 py-1 text-xs font-medium text-primary hover:underline">
                        <FileText className="size-3.5" aria-hidden />
                        {f.fileName}
                        <span className="font-normal text-muted-foreground">· {formatFileSize(f.sizeBytes, locale)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {thread.mayPost ? (
        <ThreadForm subject={subject} subjectId={subjectId} />
      ) : (
        <p className="text-sm text-muted-foreground">{thread.closedReason === 'draft' ? t('openAfterSubmit') : t('readOnly')}</p>
      )}
    </SectionCard>
  );
}
