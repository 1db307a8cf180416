'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { Field, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { SectionCard } from '@/app/_components/ui/section-card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { ActionResult } from '@/app/_server/action';
import type { ImportResult } from '@/lib/dataset/import';
import { uploadWithProgress } from '@/app/_components/upload-with-progress';
import { Progress } from '@/app/_components/ui/progress';
import type { datasetImportSchema } from '@/lib/validation/dataset';

type Values = z.input<typeof datasetImportSchema>;

function Counts({ result, lists, caption }: { result: ImportResult; lists: string[]; caption: string }) {
  const t = useTranslations('adminImport');
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>{t('list')}</TableHead>
          <TableHead className="text-right">{t('created')}</TableHead>
          <TableHead className="text-right">{t('updated')}</TableHead>
          <TableHead className="text-right">{t('unchanged')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lists.map((list) => {
          const c = result.counts[list as keyof ImportResult['counts']];
          return (
            <TableRow key={list}>
              <TableCell>{t(`lists.${list}`)}</TableCell>
              <TableCell className="text-right tabular-nums">{c.created}</TableCell>
              <TableCell className="text-right tabular-nums">{c.updated}</TableCell>
              <TableCell className="text-right tabular-nums text-muted-foreground">{c.unchanged}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The upload's progress in percent and megabytes, then the server's work on the file (checking or importing). */
function ImportProgress({ dryRun, sent, size }: { dryRun: boolean; sent: number | null; size: number }) {
  const t = useTranslations('adminImport');
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const label = sent === null ? t(dryRun ? 'checking' : 'importing') : t('uploading', { percent: Math.round(sent * 100), sent: mb(sent * size), size: mb(size) });
  return (
    <div className="mt-4 space-y-1.5" role="status" aria-live="polite">
      <p className="text-sm text-muted-foreground">{label}</p>
      <Progress value={sent === null ? null : Math.round(sent * 100)} aria-label={label} />
    </div>
  );
}

export function ImportForm({ maxBytes, lists }: { maxBytes: number; lists: string[] }) {
  const t = useTranslations('adminImport');
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, startImport] = useTransition();
  const maxMb = maxBytes / 1024 / 1024;
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/dataset').then((m) => m.datasetImportSchema)), defaultValues: { dryRun: 'true' } });

  /** Where a check or an import stands: the share of the file sent, then the server's work (null). */
  const [progress, setProgress] = useState<{ dryRun: boolean; sent: number | null } | null>(null);
  const send = async (dryRun: boolean): Promise<ActionResult<ImportResult>> => {
    const data = new FormData();
    data.set('dryRun', String(dryRun));
    data.set('file', file!);
    setProgress({ dryRun, sent: 0 });
    try {
      return await uploadWithProgress<ImportResult>('/admin/import/run', data, (sent) => setProgress({ dryRun, sent: sent < 1 ? sent : null }), t('uploadFailed'));
    } finally {
      setProgress(null);
    }
  };
  const check = useActionForm(
    form,
    async () => {
      setPreview(null);
      setDone(null);
      setImportError(null);
      if (!file) return { ok: false as const, formError: t('chooseFile') };
      if (file.size > maxBytes) return { ok: false as const, formError: t('tooLarge', { max: maxMb }) };
      return send(true);
    },
    (result) => setPreview(result),
  );
  const reset = () => {
    setPreview(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };
  const runImport = () =>
    startImport(async () => {
      setImportError(null);
      const result = await send(false);
      if (result.ok) {
        setDone(result.data);
        toast.success(t('done', { park: result.data.park.slug }));
        reset();
      } else setImportError(result.formError ?? null);
    });
  const changes = (r: ImportResult) => r.park.created || r.park.updated || Object.values(r.counts).some((c) => c.created || c.updated);

  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="pt-5">
          <form onSubmit={check.submit} className="space-y-3" noValidate aria-label={t('title')}>
            <FormError message={check.formError} />
            <Field label={t('file')} description={t('fileHelp', { max: maxMb })}>
              <Input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPreview(null);
                  setDone(null);
                }}
              />
            </Field>
            <Button type="submit" disabled={form.formState.isSubmitting || importing}>
              {t('check')}
            </Button>
          </form>
          {progress && <ImportProgress dryRun={progress.dryRun} sent={progress.sent} size={file?.size ?? 0} />}
        </CardContent>
      </Card>

      {preview && (
        <SectionCard
          title={t('preview', { park: preview.park.slug })}
          description={preview.park.created ? t('parkNew') : preview.park.updated ? t('parkUpdated') : t('parkSame')}
          contentClassName="space-y-4"
        >
          <Counts result={preview} lists={lists} caption={t('preview', { park: preview.park.slug })} />
          <FormError message={importError} />
          {!changes(preview) && <Alert>{t('nothingChanged')}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={runImport} disabled={importing || !changes(preview)}>
              {t('confirm')}
            </Button>
            <Button type="button" variant="outline" onClick={reset} disabled={importing}>
              {t('cancel')}
            </Button>
          </div>
        </SectionCard>
      )}

      {done && (
        <SectionCard title={<span role="status">{t('done', { park: done.park.slug })}</span>}>
          <Counts result={done} lists={lists} caption={t('done', { park: done.park.slug })} />
        </SectionCard>
      )}
    </div>
  );
}
