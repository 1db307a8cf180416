'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { ActionResult } from '@/app/_server/action';
import type { UploadIssue, UploadPreview } from '@/lib/kpi/bulk-upload';
import type { kpiTemplateSchema } from '@/lib/validation/kpi';
import { commitKpiUploadAction, previewKpiUploadAction } from '../actions';

type Values = z.input<typeof kpiTemplateSchema>;

const ACTION_VARIANT = { create: 'success', update: 'info', unchanged: 'secondary', skip: 'outline', error: 'destructive' } as const;

export function KpiUploadForm({ parkId, parkSlug, defaultYear, years, maxBytes }: { parkId: string; parkSlug: string; defaultYear: number; years: number[]; maxBytes: number }) {
  const t = useTranslations('kpi');
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [committed, setCommitted] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [committing, startCommit] = useTransition();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/kpi').then((m) => m.kpiTemplateSchema)), defaultValues: { parkId, year: String(defaultYear) } });
  const year = useWatch({ control: form.control, name: 'year' });
  const maxMb = maxBytes / 1024 / 1024;

  const send = async (action: (data: FormData) => Promise<ActionResult<unknown>>, values: Values) => {
    const data = new FormData();
    data.set('parkId', values.parkId);
    data.set('year', String(values.year));
    data.set('file', file!);
    try {
      return await action(data);
    } catch {
      // The request itself failed (e.g. the body was refused on the way): say so plainly.
      return { ok: false as const, formError: t('uploadFailed') };
    }
  };

  const check = useActionForm(
    form,
    async (values: Values) => {
      setPreview(null);
      setCommitted(null);
      setCommitError(null);
      if (!file) return { ok: false as const, formError: t('chooseFile') };
      if (file.size > maxBytes) return { ok: false as const, formError: t('fileTooLarge', { max: maxMb }) };
      return (await send(previewKpiUploadAction, values)) as ActionResult<UploadPreview>;
    },
    (result) => setPreview(result),
  );

  const commit = () =>
    startCommit(async () => {
      setCommitError(null);
      const result = await send(commitKpiUploadAction, form.getValues());
      if (result.ok) {
        const r = result.data as { created: number; updated: number; unchanged: number; skipped: number };
        const text = t('committed', r);
        setCommitted(text);
        setPreview(null);
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        toast.success(text);
      } else setCommitError(result.formError ?? null);
    });

  const issueText = (issue: UploadIssue) => {
    const text = t(`issueText.${issue.code}`, issue.params ?? {});
    if (!issue.field) return text;
    const label = issue.field === 'company' ? t('company') : issue.field === 'inn' ? t('inn') : issue.field === 'name' ? t('company') : t(`fields.${issue.field}`);
    return `${label}: ${text}`;
  };
  const toWrite = preview ? preview.counts.create + preview.counts.update : 0;

  return (
    <div className="space-y-6">
      <Form {...form}>
        <form onSubmit={check.submit} className="grid gap-6 lg:grid-cols-2" noValidate aria-label={t('uploadTitle')}>
          <SectionCard title={t('step1')} description={t('step1Help')} contentClassName="flex flex-wrap items-end gap-3">
            <Field name="year" label={t('year')}>
              <NativeSelect
                className="w-32"
                {...form.register('year', {
                  onChange: () => {
                    setPreview(null);
                    setCommitted(null);
                  },
                })}
              >
                <SelectOptions options={years.map((y) => ({ value: y, label: y }))} />
              </NativeSelect>
            </Field>
            <Button asChild variant="outline">
              <a href={`/p/${parkSlug}/kpi/template?year=${encodeURIComponent(String(year))}`} download>
                <Download aria-hidden />
                {t('downloadTemplate', { year: String(year) })}
              </a>
            </Button>
          </SectionCard>
          <SectionCard title={t('step2')} description={t('step2Help', { max: maxMb })} contentClassName="space-y-3">
            <FormError message={check.formError ?? fileError} />
            <Field label={t('file')}>
              <Input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setPreview(null);
                  setCommitted(null);
                  setFileError(chosen && chosen.size > maxBytes ? t('fileTooLarge', { max: maxMb }) : null);
                }}
              />
            </Field>
            <Button type="submit" disabled={form.formState.isSubmitting || committing}>
              {t('check')}
            </Button>
          </SectionCard>
        </form>
      </Form>

      {committed && (
        <Alert variant="success" role="status">
          {committed}
        </Alert>
      )}

      {preview && (
        <section aria-labelledby="kpi-preview" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="kpi-preview" className="text-lg font-semibold">
                {t('previewTitle')} — {preview.year}
              </h2>
              <p className="text-sm text-muted-foreground">
                {t('previewCounts', preview.counts)}
              </p>
            </div>
            {preview.ok && toWrite > 0 && (
              <Button type="button" onClick={commit} disabled={committing}>
                {t('commit', { count: toWrite })}
              </Button>
            )}
          </div>
          <FormError message={commitError} />
          {preview.fileIssues.length > 0 && (
            <Alert variant="destructive" role="alert">
              {preview.fileIssues.map((i) => issueText(i)).join('; ')}
            </Alert>
          )}
          {!preview.ok && preview.fileIssues.length === 0 && (
            <Alert variant="destructive" role="alert">
              {t('fixAndRetry')}
            </Alert>
          )}
          {preview.ok && toWrite === 0 && <Alert>{t('nothingToCommit')}</Alert>}
          {preview.rows.length > 0 && (
            <Table aria-label={t('previewTitle')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('row')}</TableHead>
                  <TableHead>
                    {t('company')} / {t('issues')}
                  </TableHead>
                  <TableHead>{t('action')}</TableHead>
                  <TableHead className="text-right">{t('fields.jobsCreated')}</TableHead>
                  <TableHead className="text-right">{t('fields.investmentRub')}</TableHead>
                  <TableHead className="text-right">{t('fields.capitalInvestmentRub')}</TableHead>
                  <TableHead className="text-right">{t('fields.incomeRub')}</TableHead>
                  <TableHead className="text-right">{t('fields.taxesPaidRub')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.rows.map((r) => (
                  <TableRow key={r.row} className={cn(r.action === 'error' && 'bg-destructive/5')}>
                    <TableHead scope="row" className="h-auto py-2 font-normal text-foreground tabular-nums">
                      {r.row}
                    </TableHead>
                    <TableCell className="min-w-72">
                      <span className="font-medium">{r.name || r.company || r.inn}</span>
                      <span className="block text-xs text-muted-foreground">{[r.company, r.inn].filter(Boolean).join(' · ')}</span>
                      {r.issues.length > 0 && (
                        <ul className="mt-1 space-y-0.5 text-sm text-destructive">
                          {r.issues.map((i, n) => (
                            <li key={n}>{issueText(i)}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell>
                      <Badge variant={ACTION_VARIANT[r.action]}>{t(`actions.${r.action}`)}</Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.values.jobsCreated}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">{r.values.investmentRub}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">{r.values.capitalInvestmentRub}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">{r.values.incomeRub}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">{r.values.taxesPaidRub}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </div>
  );
}
