import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { ApplicationDto } from '@/lib/applications/applications';
import { formatAmount, formatArea, formatDate, formatFileSize, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { createPdf } from './pdf';

/**
 * An application's packet as a PDF: the form as it stands (the submitted version for the park's staff,
 * the draft for its applicant), its version and submission date, the support asked for, the plan by
 * year and the list of its documents. Worded with the same labels as the application's page.
 */
export async function applicationToPdf(a: ApplicationDto, { locale, timeZone }: { locale: Locale; timeZone: string }): Promise<Buffer> {
  const translate: ReturnType<typeof createTranslator> = createTranslator({ locale, messages: messagesFor(locale), timeZone });
  const t = (key: string, params?: Record<string, string | number>) => translate(`applications.${key}`, params);
  const tp = (key: string, params?: Record<string, string | number>) => translate(`applicationPdf.${key}`, params);
  const title = a.title || t('untitled');
  const pdf = createPdf({ title, author: a.companyName, locale, fixedDate: a.lastSubmittedAt ?? a.updatedAt });
  pdf.para(tp('heading'), { size: 9, color: '#555555' });
  pdf.para(title, { bold: true, size: 16, gap: 0.4 });
  pdf.figures([
    { label: t('park'), value: a.parkName },
    { label: t('company'), value: a.companyInn ? `${a.companyName} (${tp('inn', { inn: a.companyInn })})` : a.companyName },
    { label: t('status'), value: t(`statuses.${a.status}`) },
    { label: tp('version'), value: String(a.version) },
    { label: tp('submittedOn'), value: a.submittedOn ? formatDate(a.submittedOn, locale) : '—' },
    { label: t('fields.industry'), value: a.industry || a.companyIndustry || '—' },
  ]);
  pdf.heading(t('fields.description'));
  pdf.para(a.description || '—', { gap: 0.3 });
  pdf.heading(tp('support'));
  pdf.figures([
    { label: t('fields.wantsPremises'), value: a.wantsPremises ? `${t('yes')}${a.premisesAreaM2 ? `, ${formatArea(a.premisesAreaM2, locale)}` : ''}` : t('no') },
    { label: t('fields.wantsTaxIncentives'), value: a.wantsTaxIncentives ? t('yes') : t('no') },
    { label: t('fields.services'), value: a.services.length ? a.services.map((s) => t(`serviceNames.${s}`)).join(', ') : '—' },
  ]);
  pdf.heading(tp('plan'));
  if (a.plan.length === 0) pdf.para(t('plan.none'));
  else {
    const w = pdf.width;
    const cols = [
      { key: 'year', x: 0, w: w * 0.12 },
      { key: 'investment', x: w * 0.12, w: w * 0.24 },
      { key: 'capex', x: w * 0.36, w: w * 0.24 },
      { key: 'jobs', x: w * 0.6, w: w * 0.14 },
      { key: 'income', x: w * 0.74, w: w * 0.26 },
    ];
    pdf.row(cols.map((c) => ({ text: t(`plan.${c.key}`), x: c.x, w: c.w, align: c.key === 'year' ? 'left' : 'right' })), true);
    for (const y of a.plan) {
      const values = [String(y.year), formatAmount(y.investmentRub, locale), formatAmount(y.capitalInvestmentRub, locale), formatNumber(y.newJobs, locale), formatAmount(y.incomeRub, locale)];
      pdf.row(cols.map((c, i) => ({ text: values[i], x: c.x, w: c.w, align: i === 0 ? 'left' : 'right' })));
    }
  }
  pdf.heading(t('fields.attachments'));
  if (a.attachments.length === 0) pdf.para(t('documents.none'));
  for (const d of a.attachments)
    pdf.figures([{ label: `${t(`documents.kinds.${d.kind}`)}: ${d.fileName}`, value: formatFileSize(d.sizeBytes, locale) }]);
  return pdf.finish((page, pages) => tp('footer', { title, version: a.version, page, pages }));
}
