import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableEmptyRow } from '@/app/_components/ui/table';
import type { ApplicationDto } from '@/lib/applications/applications';
import { dateOf } from '@/lib/dates';
import { formatAmount, formatArea, formatDate, formatFileSize, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { AttachmentLine } from './attachment-line';

function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'space-y-0.5 sm:col-span-2' : 'space-y-0.5'}>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** The application's contents, read-only: the project, the support asked for, the plan and the documents. */
/** `zone`: the clock its dates are read on (the park's, or the reader's on their own pages). */
export async function ApplicationView({ app, zone }: { app: ApplicationDto; zone: string }) {
  const t = await getTranslations('applications');
  const locale = (await getLocale()) as Locale;
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2">
        <Field label={t('projectTitle')}>{app.title || t('untitled')}</Field>
        <Field label={t('industry')}>{app.industry || app.companyIndustry || t('notGiven')}</Field>
        <Field wide label={t('description')}>
            <span className="whitespace-pre-line">{app.description || t('notGiven')}</span>
          </Field>
        <Field label={t('wantsPremises')}>{app.wantsPremises ? `${t('yes')}, ${formatArea(app.premisesAreaM2, locale)}` : t('no')}</Field>
        <Field label={t('wantsTax')}>{app.wantsTaxIncentives ? t('yes') : t('no')}</Field>
        <Field wide label={t('services')}>
            {app.services.length ? (
              <span className="flex flex-wrap gap-1.5">
                {app.services.map((s) => (
                  <Badge key={s} variant="outline">
                    {t(`serviceNames.${s}`)}
                  </Badge>
                ))}
              </span>
            ) : (
              t('notGiven')
            )}
          </Field>
      </dl>
      <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t('plan.year')}</TableHead>
              <TableHead className="whitespace-normal text-right">{t('plan.investment')}</TableHead>
              <TableHead className="whitespace-normal text-right">{t('plan.capex')}</TableHead>
              <TableHead className="whitespace-normal text-right">{t('plan.jobs')}</TableHead>
              <TableHead className="whitespace-normal text-right">{t('plan.income')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {app.plan.length === 0 && <TableEmptyRow colSpan={5} className="py-2 text-left">{t('plan.none')}</TableEmptyRow>}
            {app.plan.map((p) => (
              <TableRow key={p.year}>
                <TableCell className="font-medium">{p.year}</TableCell>
                <TableCell className="text-right tabular-nums">{formatAmount(p.investmentRub, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatAmount(p.capitalInvestmentRub, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(p.newJobs, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatAmount(p.incomeRub, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
      </Table>
      <DocumentList app={app} zone={zone} />
    </div>
  );
}

export async function DocumentList({ app, zone }: { app: Pick<ApplicationDto, 'attachments'>; zone: string }) {
  const t = await getTranslations('applications');
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="documents-heading" className="space-y-2">
      <h3 id="documents-heading" className="text-sm font-semibold">
        {t('steps.documents')}
      </h3>
      {app.attachments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('documents.none')}</p>
      ) : (
        <ul className="divide-y rounded-lg border">
          {app.attachments.map((f) => (
            <AttachmentLine key={f.id} id={f.id} fileName={f.fileName} kind={t(`documents.kinds.${f.kind}`)}>
              <span className="text-xs text-muted-foreground">
                {formatFileSize(f.sizeBytes, locale)} · {formatDate(dateOf(f.createdAt, zone), locale)}
              </span>
            </AttachmentLine>
          ))}
        </ul>
      )}
    </section>
  );
}
