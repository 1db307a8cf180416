'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { FormError } from '@/app/_components/ui/form';
import { Label, Textarea } from '@/app/_components/ui/input';
import { useHydrated } from '@/app/_components/use-hydrated';
import { formatAmount, formatArea, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { readArea, readMoney } from '@/lib/validation/decimal';
import { MAX_COVER_NOTE } from '@/lib/validation/application-limits';
import { STEP_OF, STEPS, type DraftValues, type FormAttachment } from './application-steps';

type Option = { id: string; name: string };

/**
 * Step 6: what will be sent, section by section, each with a way back to its step; what is still
 * missing (each item a way to its step); after a return, a cover note for the park; then submit.
 */
export function ReviewStep({
  values,
  companies,
  parks,
  attachments,
  missing,
  onStep,
  error,
  onSubmit,
  submitting,
  resubmit,
  coverNote,
  onCoverNote,
}: {
  values: DraftValues;
  companies: Option[];
  parks: Option[];
  attachments: FormAttachment[];
  missing: string[];
  onStep: (step: number) => void;
  error: string | null;
  onSubmit: () => void;
  submitting: boolean;
  resubmit: boolean;
  coverNote: string;
  onCoverNote: (note: string) => void;
}) {
  const t = useTranslations('applications');
  const hydrated = useHydrated();
  return (
    <div className="space-y-5">
      {missing.length > 0 ? (
        <Alert variant="warning" role="status" className="p-4" data-testid="missing-list">
          <AlertTitle>{t('missingTitle')}</AlertTitle>
          <AlertDescription>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {missing.map((k) => (
                <li key={k}>
                  <button type="button" className="text-left text-primary hover:underline" onClick={() => onStep(STEP_OF[k] ?? 0)}>
                    {t(`missing.${k}`)}
                  </button>
                  <span className="text-muted-foreground"> · {t('onStep', { step: (STEP_OF[k] ?? 0) + 1 })}</span>
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : (
        <Alert variant="success" className="p-4">
          {t('ready')}
        </Alert>
      )}
      <Summary values={values} companies={companies} parks={parks} attachments={attachments} onStep={onStep} />
      {resubmit && (
        <div className="space-y-2">
          <Label htmlFor="cover-note">{t('coverNote.label')}</Label>
          <Textarea id="cover-note" rows={4} maxLength={MAX_COVER_NOTE} value={coverNote} onChange={(e) => onCoverNote(e.target.value)} aria-describedby="cover-note-hint" />
          <p id="cover-note-hint" className="text-xs text-muted-foreground">
            {t('coverNote.hint', { max: MAX_COVER_NOTE })}
          </p>
        </div>
      )}
      <FormError message={error} />
      <Button type="button" onClick={onSubmit} disabled={!hydrated || submitting}>
        {submitting ? t('submitting') : resubmit ? t('resubmit') : t('submit')}
      </Button>
    </div>
  );
}

/** A typed amount as it will be saved ("1 234,5" → 1 234,50), or as typed when it is not one. */
const money = (raw: string | undefined, locale: Locale) => {
  if (!raw?.trim()) return '0';
  const read = readMoney(raw);
  return read.ok ? formatAmount(read.value, locale) : raw;
};

function Summary({ values, companies, parks, attachments, onStep }: { values: DraftValues; companies: Option[]; parks: Option[]; attachments: FormAttachment[]; onStep: (step: number) => void }) {
  const t = useTranslations('applications');
  const locale = useLocale() as Locale;
  const none = <span className="text-muted-foreground">{t('notGiven')}</span>;
  const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : none);
  const area = values.premisesAreaM2 ? readArea(String(values.premisesAreaM2)) : null;
  const support = [
    values.wantsPremises ? `${t('wantsPremises')}: ${area?.ok ? formatArea(area.value, locale) : String(values.premisesAreaM2 ?? '') || t('notGiven')}` : null,
    values.wantsTaxIncentives ? t('wantsTax') : null,
    ...(values.services ?? []).map((s) => t(`serviceNames.${s}`)),
  ].filter((s): s is string => Boolean(s));
  const plan = values.plan ?? [];
  return (
    <section aria-labelledby="summary-title" className="space-y-3" data-testid="application-summary">
      <h3 id="summary-title" className="text-base font-semibold">
        {t('summaryTitle')}
      </h3>
      <div className="divide-y rounded-lg border">
        <SummarySection step={0} onStep={onStep}>
          <Row label={t('company')}>{text(companies.find((c) => c.id === values.companyId)?.name)}</Row>
          <Row label={t('park')}>{text(parks.find((p) => p.id === values.parkId)?.name)}</Row>
        </SummarySection>
        <SummarySection step={1} onStep={onStep}>
          <Row label={t('projectTitle')}>{text(values.title)}</Row>
          <Row label={t('industry')}>{text(values.industry)}</Row>
          <Row label={t('description')}>
            <span className="line-clamp-4 whitespace-pre-line">{text(values.description)}</span>
          </Row>
        </SummarySection>
        <SummarySection step={2} onStep={onStep}>
          <Row label={t('steps.support')}>{support.length ? support.join(' · ') : none}</Row>
        </SummarySection>
        <SummarySection step={3} onStep={onStep}>
          {plan.length === 0 ? (
            <Row label={t('steps.plan')}>{none}</Row>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[520px] text-sm">
                <thead>
                  <tr className="text-left text-xs text-muted-foreground">
                    <th className="py-1 pr-3 font-medium">{t('plan.year')}</th>
                    <th className="py-1 pr-3 text-right font-medium">{t('plan.investment')}</th>
                    <th className="py-1 pr-3 text-right font-medium">{t('plan.capex')}</th>
                    <th className="py-1 pr-3 text-right font-medium">{t('plan.jobs')}</th>
                    <th className="py-1 text-right font-medium">{t('plan.income')}</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {plan.map((row, i) => (
                    <tr key={i}>
                      <td className="py-1 pr-3">{String(row.year ?? '')}</td>
                      <td className="py-1 pr-3 text-right">{money(row.investmentRub as string | undefined, locale)}</td>
                      <td className="py-1 pr-3 text-right">{money(row.capitalInvestmentRub as string | undefined, locale)}</td>
                      <td className="py-1 pr-3 text-right">{row.newJobs === '' || row.newJobs === undefined || row.newJobs === null ? '0' : formatNumber(String(row.newJobs), locale)}</td>
                      <td className="py-1 text-right">{money(row.incomeRub as string | undefined, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </SummarySection>
        <SummarySection step={4} onStep={onStep}>
          <Row label={t('steps.documents')}>
            {attachments.length ? (
              <ul className="space-y-0.5">
                {attachments.map((a) => (
                  <li key={a.id}>
                    {t(`documents.kinds.${a.kind}`)}: {a.fileName}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Row>
        </SummarySection>
      </div>
    </section>
  );
}

function SummarySection({ step, onStep, children }: { step: number; onStep: (step: number) => void; children: React.ReactNode }) {
  const t = useTranslations('applications');
  const name = t(`steps.${STEPS[step]}`);
  return (
    <div className="space-y-2 p-3">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{t('summaryStep', { step: step + 1, name })}</h4>
        <Button type="button" variant="ghost" size="sm" onClick={() => onStep(step)} aria-label={t('editStep', { name })}>
          {t('edit')}
        </Button>
      </div>
      {children}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[200px_1fr]">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </dl>
  );
}
