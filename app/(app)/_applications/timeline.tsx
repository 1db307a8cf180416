import { getLocale, getTranslations } from 'next-intl/server';
import type { ClosureOutcome, CouncilDecisionKind, ScreeningOutcome } from '@/db/schema/values';
import type { TimelineEvent } from '@/lib/applications/history';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { dateOf } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { cn } from '@/app/_components/ui/cn';

const TONE: Record<string, string> = {
  accepted: 'bg-sky-500',
  approved: 'bg-emerald-500',
  rejected: 'bg-red-500',
  returned: 'bg-amber-500',
  revision: 'bg-amber-500',
  conflict: 'bg-amber-500',
  lapsed: 'bg-zinc-400',
  withdrawn: 'bg-zinc-400',
  not_admitted: 'bg-zinc-400',
};

/**
 * An application's history, oldest first, with the words each reader may see. `minutes` links a
 * council decision to its meeting's minutes: the staff's page to the minutes, the applicant's to the
 * extract of their own item once the minutes are approved.
 */
export async function Timeline({ events, zone, minutes }: { events: TimelineEvent[]; zone: string; minutes?: (e: TimelineEvent) => { href: string; extract: boolean } | null }) {
  const t = await getTranslations('timeline');
  const tm = await getTranslations('minutesApproval');
  const ta = await getTranslations('applications');
  const locale = (await getLocale()) as Locale;
  if (!events.length) return <p className="text-sm text-muted-foreground">{t('empty')}</p>;
  const links = events.map((e) => (e.kind === 'decided' && minutes ? minutes(e) : null));
  const title = (e: TimelineEvent) => {
    switch (e.kind) {
      case 'created':
        return t('created');
      case 'submitted':
        return e.version ? t('submitted', { version: e.version }) : t('submittedImported');
      case 'resubmitted':
        return t('resubmitted', { version: e.version ?? 0 });
      case 'screened':
        return t(`screened.${e.outcome as ScreeningOutcome}`);
      case 'assigned':
        return e.who ? t('assignedTo', { who: e.who, due: formatDate(e.on ?? null, locale) }) : t('assignedCount', { count: e.count ?? 1 });
      case 'conflict':
        return t('conflict', { who: e.who ?? '' });
      case 'reviewed':
        return t('reviewed', { who: e.who ?? '' });
      case 'decided':
        return t(`decided.${e.outcome as CouncilDecisionKind}`);
      case 'closed':
        return t(`closed.${e.outcome as ClosureOutcome}`);
    }
  };
  return (
    <ol className="relative space-y-4 border-l pl-5" aria-label={ta('timeline')}>
      {events.map((e, i) => (
        <li key={`${e.kind}-${i}`} className="relative">
          <span
            className={cn('absolute -left-[26px] top-1.5 size-2.5 rounded-full ring-4 ring-background', TONE[e.kind === 'conflict' ? 'conflict' : (e.outcome ?? '')] ?? 'bg-primary')}
            aria-hidden
          />
          <p className="text-sm font-medium">{title(e)}</p>
          <p className="text-xs text-muted-foreground">
            {e.kind === 'decided' || e.kind === 'screened' || (e.kind === 'submitted' && !e.version) ? formatDate(e.on ?? dateOf(e.at, zone), locale) : formatDateTime(e.at, locale, zone)}
            {e.kind === 'decided' && e.meetingNumber ? ` · ${t('meeting', { number: e.meetingNumber })}` : ''}
            {e.kind !== 'assigned' && e.kind !== 'conflict' && e.kind !== 'reviewed' && e.who ? ` · ${t('by', { who: e.who })}` : ''}
          </p>
          {e.votes && <p className="text-xs text-muted-foreground">{t('votes', e.votes)}</p>}
          {links[i] && (
            <p className="text-xs">
              <a className="text-primary underline underline-offset-2" href={links[i].href}>
                {tm(links[i].extract ? 'extractLink' : 'minutesLink', { number: e.meetingNumber ?? 0 })}
              </a>
            </p>
          )}
          {e.comment && (e.kind === 'submitted' || e.kind === 'resubmitted') && <p className="mt-1 text-xs font-medium text-muted-foreground">{t('coverNote')}</p>}
          {e.comment && <p className="mt-1 whitespace-pre-line rounded-md bg-muted/60 px-3 py-2 text-sm">{e.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
