import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { CouncilDecisionKind, Recommendation, Vote } from '@/db/schema/values';
import { createPdf, PDF_MARGIN, PDF_MUTED, PDF_TEXT } from '@/lib/export/pdf';
import { formatNumber } from '@/lib/i18n/format';
import { primaryLocale, type Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

/**
 * What a meeting's minutes say, independent of the language they are read in. An approved version
 * stores it as it was approved; the document (and the applicant's extract) is rendered from it.
 */
export type MinutesContent = {
  park: string;
  number: number;
  heldOn: string;
  /** 'HH:MM' in the park's time zone. */
  startTime: string | null;
  place: string | null;
  videoLink: string | null;
  councilSize: number;
  quorumNeeded: number;
  /** Members recorded present, by name. */
  present: string[];
  /** Members who took part by voting remotely only, by name. */
  remote: string[];
  quorum: boolean;
  items: MinutesItem[];
  /** Who recorded the decisions (the secretary signs the minutes). */
  recordedBy: string[];
};

export type MinutesItem = {
  applicationId: string;
  position: number;
  title: string;
  company: string;
  reviews: {
    submitted: number;
    /** The park's minimum of submitted reviews for an approval, when the meeting was held. */
    minimum: number;
    weightedMean: string | null;
    criteria: { nameEn: string; nameRu: string; weight: string; mean: string | null }[];
    recommendations: Record<Recommendation, number>;
  };
  /** Members who declared a conflict of interest: they did not vote on the item. */
  conflicted: string[];
  /** The members' own votes, by name (none when the tally was counted on paper). */
  votes: { name: string; vote: Vote; remote: boolean }[];
  decision: {
    kind: CouncilDecisionKind;
    for: number;
    against: number;
    abstain: number;
    /** Counted on paper and entered by the secretary, not cast by the members in the product. */
    paperTally: boolean;
    reason: string | null;
    /** Why an approval went ahead with fewer submitted reviews than the park's minimum. */
    reviewsShortReason: string | null;
  } | null;
};

/** How the rendering is marked: a draft, or an approved version with its hash. */
export type MinutesStamp =
  | { kind: 'draft' }
  | { kind: 'approved'; version: number; approvedBy: string | null; approvedAt: Date; contentSha256: string; correctionReason: string | null; reopened: boolean };

export type RenderOptions = {
  locale: Locale;
  stamp: MinutesStamp;
  /** The park's time zone: the approval's moment is printed on its clock, zone named. */
  timeZone: string;
  /** Only this application's item: the applicant's extract (no member names, no reviews). */
  extractFor?: string;
};

/** A date in words ("3 December 2026", "3 декабря 2026 г."), as official documents write it. */
function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

function longDateTime(at: Date, locale: Locale, zone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: zone }).format(at);
}

/**
 * The minutes as a PDF, in `locale`. The same content, stamp and locale give the same bytes: the
 * document's dates are the approval's (or, for a draft, the meeting's day), never the moment of rendering.
 */
export async function renderMinutesPdf(content: MinutesContent, { locale, stamp, timeZone, extractFor }: RenderOptions): Promise<Buffer> {
  const translate: ReturnType<typeof createTranslator> = createTranslator({ locale, messages: messagesFor(locale), timeZone });
  const t = (key: string, params?: Record<string, string | number>) => translate(`minutesDocument.${key}`, params);
  const items = extractFor ? content.items.filter((i) => i.applicationId === extractFor) : content.items;
  const extract = extractFor !== undefined;
  const title = extract ? t('extractTitle', { number: content.number }) : t('title', { number: content.number });
  const fixed = stamp.kind === 'approved' ? stamp.approvedAt : new Date(`${content.heldOn}T00:00:00Z`);
  const { doc, width, ensure, para, labelled, rule, row, finish } = createPdf({ title, author: content.park, locale, fixedDate: fixed });
  const names = (list: string[]) => (list.length ? list.join(', ') : '—');

  // Heading.
  if (stamp.kind === 'draft') para(t('draftBanner'), { bold: true, color: '#b42318', align: 'center', gap: 0.5 });
  para(content.park.toUpperCase(), { size: 9, color: PDF_MUTED, align: 'center' });
  doc.moveDown(0.3);
  para(title, { bold: true, size: 15, align: 'center' });
  doc.moveDown(0.2);
  para(longDate(content.heldOn, locale), { align: 'center', gap: 0.8 });
  rule();

  // The meeting.
  labelled(t('park'), content.park);
  labelled(t('date'), longDate(content.heldOn, locale));
  labelled(t('startTime'), content.startTime ?? '—');
  labelled(t('place'), [content.place, content.videoLink].filter(Boolean).join('; ') || '—');
  labelled(t('councilSize'), String(content.councilSize));
  if (extract) {
    labelled(t('presentCount'), String(content.present.length + content.remote.length));
  } else {
    labelled(t('present'), names(content.present));
    if (content.remote.length) labelled(t('remote'), names(content.remote));
  }
  labelled(
    t('quorum'),
    t(content.quorum ? 'quorumMet' : 'quorumNotMet', { present: content.present.length + content.remote.length, size: content.councilSize, needed: content.quorumNeeded }),
  );
  doc.moveDown(0.6);
  rule();

  // The items.
  para(extract ? t('extractItem') : t('items'), { bold: true, size: 12, gap: 0.4 });
  if (!items.length) para(t('agendaEmpty'), { gap: 0.5 });
  for (const item of items) {
    ensure(80);
    para(t('item', { position: item.position, title: item.title, company: item.company }), { bold: true, size: 11, gap: 0.3 });
    if (!extract) {
      const r = item.reviews;
      labelled(t('reviews'), t('reviewsCount', { submitted: r.submitted, minimum: r.minimum }));
      if (r.submitted > 0) {
        doc.moveDown(0.2);
        const cols = { name: { x: 12, w: width - 190 }, weight: { x: width - 170, w: 70 }, mean: { x: width - 95, w: 95 } };
        row(
          [
            { text: t('criterion'), ...cols.name },
            { text: t('weight'), ...cols.weight, align: 'right' },
            { text: t('meanScore'), ...cols.mean, align: 'right' },
          ],
          true,
        );
        for (const c of r.criteria)
          row([
            { text: locale === 'ru' ? c.nameRu : c.nameEn, ...cols.name },
            { text: formatNumber(c.weight, locale, 0), ...cols.weight, align: 'right' },
            { text: c.mean === null ? '—' : formatNumber(c.mean, locale, 2), ...cols.mean, align: 'right' },
          ]);
        row(
          [
            { text: t('weightedMean'), ...cols.name },
            { text: '', ...cols.weight },
            { text: r.weightedMean === null ? '—' : formatNumber(r.weightedMean, locale, 2), ...cols.mean, align: 'right' },
          ],
          true,
        );
        doc.moveDown(0.2);
        labelled(t('recommendations'), t('recommendationCounts', r.recommendations));
      }
    }
    const d = item.decision;
    if (!d) {
      para(t('notDecided'), { color: PDF_MUTED, gap: 0.8 });
      continue;
    }
    doc.moveDown(0.4);
    if (!extract) {
      if (d.paperTally) {
        para(t('paperTally'), { bold: true });
      } else if (item.votes.length) {
        para(t('memberVotes'), { bold: true });
        for (const v of item.votes) para(`•  ${v.name}: ${t(`vote.${v.vote}`)}${v.remote ? ` (${t('votedRemotely')})` : ''}`);
      }
      if (item.conflicted.length) para(t('notVoting', { names: names(item.conflicted) }));
    }
    labelled(d.paperTally ? t('tallyPaper') : t('tally'), t('tallyCounts', { for: d.for, against: d.against, abstain: d.abstain }));
    labelled(t('decision'), t(`outcome.${d.kind}`));
    if (d.reason) labelled(t('reason'), d.reason);
    if (d.reviewsShortReason && !extract) labelled(t('reviewsShort', { submitted: item.reviews.submitted, minimum: item.reviews.minimum }), d.reviewsShortReason);
    doc.moveDown(0.8);
  }

  // Signature and approval.
  ensure(110);
  rule();
  if (!extract && content.recordedBy.length) {
    doc.moveDown(0.6);
    const y = doc.y;
    para(`${t('secretary')}: ${content.recordedBy.join(', ')}`);
    doc.moveTo(PDF_MARGIN + width - 160, y + 10).lineTo(PDF_MARGIN + width, y + 10).lineWidth(0.5).strokeColor(PDF_TEXT).stroke();
    doc.moveDown(0.8);
  }
  if (stamp.kind === 'approved') {
    para(t('approved', { version: stamp.version, by: stamp.approvedBy ?? '—', at: longDateTime(stamp.approvedAt, locale, timeZone) }), { bold: true });
    if (stamp.correctionReason) labelled(t('correction'), stamp.correctionReason);
    if (stamp.reopened) para(t('reopenedNote'), { color: '#b42318' });
    para(t('hash'), { size: 8, color: PDF_MUTED });
    doc.font('regular').fontSize(8).fillColor(PDF_TEXT).text(stamp.contentSha256, PDF_MARGIN, doc.y, { width, characterSpacing: 0.2 });
    if (locale !== primaryLocale && !extract) para(t('renderingNote'), { size: 8, color: PDF_MUTED });
  } else {
    para(t('draftNote'), { color: PDF_MUTED });
  }

  return finish((page, pages) => `${t('footer', { number: content.number })} · ${t('page', { page, pages })}`);
}
