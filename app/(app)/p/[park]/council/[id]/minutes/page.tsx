import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { parkContext } from '@/app/_server/park-context';
import { orNotFound } from '@/app/_server/not-found';
import { ButtonLink, buttonVariants } from '@/app/_components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { getMeeting } from '@/lib/council/meetings';
import { getMinutes, MINUTES_LOCALE } from '@/lib/council/minutes';
import { formatDate, formatDateTime, formatNumber } from '@/lib/i18n/format';
import { locales, type Locale } from '@/lib/i18n/locales';
import { isUuid } from '@/lib/validation/uuid';
import { ApproveMinutesButton, ReopenMinutesForm } from './minutes-approval';
import { PrintButton } from './print-button';

/**
 * The minutes: their approval (a manager approves them, which locks the meeting; a correction reopens
 * them and is approved as the next version), the PDF of each version, and the minutes as they stand.
 */
export default async function MinutesPage({ params }: { params: Promise<{ park: string; id: string }> }) {
  const { park: slug, id } = await params;
  const { actor, db, park } = await parkContext(slug, 'council.meet');
  if (!isUuid(id)) notFound();
  const meeting = await orNotFound(getMeeting(db, { actor, meetingId: id }));
  if (meeting.parkId !== park.id) notFound();
  const minutes = await getMinutes(db, { actor, meetingId: id });
  const ta = await getTranslations('minutesApproval');
  const t = await getTranslations('minutes');
  const tc = await getTranslations('council');
  const locale = (await getLocale()) as Locale;
  // The kept document is in the parks' language; the reader's own, when another, is offered beside it.
  const pdfLanguages = [MINUTES_LOCALE, ...locales.filter((l) => l !== MINUTES_LOCALE)];
  const pdfHref = (lang: Locale, version?: number) => {
    const query = new URLSearchParams();
    if (version) query.set('version', String(version));
    if (lang !== MINUTES_LOCALE) query.set('lang', lang);
    const search = query.toString();
    return `/p/${slug}/council/${meeting.id}/minutes/pdf${search ? `?${search}` : ''}`;
  };
  const present = meeting.members.filter((m) => m.present);
  const presentIds = new Set(present.map((m) => m.userId));
  const recorders = [...new Set(meeting.items.map((i) => i.decision?.recordedBy).filter((x): x is string => Boolean(x)))];
  return (
    <article className="mx-auto max-w-3xl space-y-6 bg-background text-foreground print:max-w-none print:text-black">
      <div className="no-print flex flex-wrap justify-between gap-2">
        <ButtonLink variant="outline" href={`/p/${slug}/council/${meeting.id}`}>{t('back')}</ButtonLink>
        <PrintButton label={t('print')} />
      </div>
      <section aria-labelledby="minutes-approval" className="no-print space-y-3 rounded-lg border p-4 text-sm">
        <h2 id="minutes-approval" className="font-semibold">
          {ta('status')}:{' '}
          <span role="status">
            {minutes.state === 'draft' ? ta('draft') : ta(minutes.state, { version: minutes.versions[0].version })}
          </span>
        </h2>
        <p className="flex flex-wrap gap-2">
          {pdfLanguages.map((l) => (
            <a key={l} className={buttonVariants({ variant: 'outline', size: 'sm' })} href={pdfHref(l)} download>
              {ta('downloadPdfIn', { language: ta(`languages.${l}`) })}
            </a>
          ))}
        </p>
        {minutes.state === 'approved' ? (
          <ReopenMinutesForm
            meetingId={meeting.id}
            labels={{ reason: ta('reopenReason'), hint: ta('reopenHint'), submit: ta('reopen'), done: ta('reopenedToast') }}
          />
        ) : (
          <div className="space-y-2">
            <p className="text-muted-foreground">{ta('approveHint')}</p>
            <ApproveMinutesButton meetingId={meeting.id} label={ta('approve')} done={ta('approvedToast', { version: (minutes.versions[0]?.version ?? 0) + 1 })} />
          </div>
        )}
        {minutes.versions.length > 0 && (
          <div className="space-y-2">
            <h3 className="font-medium">{ta('versions')}</h3>
            <ol className="space-y-3" aria-label={ta('versions')}>
              {minutes.versions.map((v) => (
                <li key={v.version} className="space-y-1 border-t pt-2">
                  <p>
                    <span className="font-medium">{ta('version', { version: v.version })}</span>, {ta('approvedBy', { by: v.approvedBy ?? '—', at: formatDateTime(v.approvedAt, locale, park.timeZone) })}
                  </p>
                  {v.correctionReason && <p>{ta('correction', { reason: v.correctionReason })}</p>}
                  <p className="break-all font-mono text-xs text-muted-foreground">
                    {ta('hash')}: {v.contentSha256}
                    <br />
                    {ta('pdfHash')}: {v.pdfSha256}
                  </p>
                  <p className="flex flex-wrap gap-3">
                    {pdfLanguages.map((l) => (
                      <a key={l} className="text-primary underline underline-offset-2" href={pdfHref(l, v.version)} download>
                        {ta('version', { version: v.version })} · {ta('downloadPdfIn', { language: ta(`languages.${l}`) })}
                      </a>
                    ))}
                  </p>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      <header className="space-y-1 border-b pb-4 text-center">
        <p className="text-sm uppercase tracking-wide text-muted-foreground print:text-black">{park.name}</p>
        <h1 className="text-xl font-semibold">{t('title', { number: meeting.number })}</h1>
        <p className="text-sm">{formatDate(meeting.heldOn, locale)}</p>
      </header>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">{t('park')}</dt>
        <dd>{park.name}</dd>
        <dt className="font-medium">{t('date')}</dt>
        <dd>{formatDate(meeting.heldOn, locale)}</dd>
        <dt className="font-medium">{t('councilSize')}</dt>
        <dd>{meeting.councilSize}</dd>
        <dt className="font-medium">{t('present')}</dt>
        <dd>{present.length ? present.map((m) => m.name).join(', ') : '—'}</dd>
        <dt className="font-medium">{t('quorum')}</dt>
        <dd>{t(meeting.quorum ? 'quorumMet' : 'quorumNotMet', { present: meeting.present, size: meeting.councilSize, needed: meeting.quorumNeeded })}</dd>
      </dl>
      <section className="space-y-5">
        <h2 className="text-base font-semibold">{t('items')}</h2>
        {meeting.items.length === 0 && <p className="text-sm">{tc('agendaEmpty')}</p>}
        {meeting.items.map((item, i) => (
          <div key={item.applicationId} className="break-inside-avoid space-y-2 border-t pt-3 text-sm">
            <h3 className="font-semibold">{t('item', { position: i + 1, title: item.title, company: item.companyName })}</h3>
            <p className="font-medium">{t('scores')}</p>
            {item.summary.reviews === 0 ? (
              <p>{t('noScores')}</p>
            ) : (
              <Table bare className="text-xs">
                <TableHeader className="bg-transparent">
                  <TableRow className="hover:bg-transparent">
                    <TableHead className="h-auto py-1 pl-0 pr-2">{t('criterion')}</TableHead>
                    <TableHead className="h-auto py-1 pl-0 pr-2 text-right">{t('weight')}</TableHead>
                    <TableHead className="h-auto px-0 py-1 text-right">{t('meanScore')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {item.summary.criteria.map((c) => (
                    <TableRow key={c.criterionId} className="hover:bg-transparent">
                      <TableCell className="py-1 pl-0 pr-2">{locale === 'ru' ? c.nameRu : c.nameEn}</TableCell>
                      <TableCell className="py-1 pl-0 pr-2 text-right tabular-nums">{formatNumber(c.weight, locale, 0)}</TableCell>
                      <TableCell className="px-0 py-1 text-right tabular-nums">{c.mean === null ? '—' : formatNumber(c.mean, locale, 2)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow className="font-semibold hover:bg-transparent">
                    <TableCell className="py-1 pl-0 pr-2">
                      {tc('weightedMean')} ({tc('reviewsCount', { count: item.summary.reviews })})
                    </TableCell>
                    <TableCell />
                    <TableCell className="px-0 py-1 text-right tabular-nums">{item.summary.overall.weightedMean === null ? '—' : formatNumber(item.summary.overall.weightedMean, locale, 2)}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            )}
            {item.decision ? (
              <>
                <p>{t('votes', { for: item.decision.votesFor, against: item.decision.votesAgainst, abstain: item.decision.votesAbstain })}</p>
                {item.conflicted.some((c) => presentIds.has(c.userId)) && (
                  <p>{t('notVoting', { names: item.conflicted.filter((c) => presentIds.has(c.userId)).map((c) => c.name).join(', ') })}</p>
                )}
                <p>
                  <span className="font-medium">{t('decision')}:</span> {tc(`outcomes.${item.decision.decision}`)}
                </p>
                {item.decision.reason && (
                  <p>
                    <span className="font-medium">{t('reason')}:</span> {item.decision.reason}
                  </p>
                )}
              </>
            ) : (
              <p className="italic">{t('notDecided')}</p>
            )}
          </div>
        ))}
      </section>
      {recorders.length > 0 && (
        <footer className="border-t pt-4 text-sm">
          {t('signature')}: {recorders.join(', ')} <span className="ml-8 inline-block w-48 border-b border-current align-bottom" aria-hidden />
        </footer>
      )}
    </article>
  );
}
