'use client';

import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { toast } from '@/app/_components/toast';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import type { ServiceImportIssue, ServiceImportResult } from '@/lib/services/bulk-import';
import { importServiceRequestsAction } from '../actions';

/** Download the template, upload it filled in: every row imported, or none and each bad row named. */
export function ServiceImportForm({ parkId, parkSlug, maxBytes }: { parkId: string; parkSlug: string; maxBytes: number }) {
  const t = useTranslations('serviceDesk');
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Extract<ServiceImportResult, { ok: false }> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const maxMb = maxBytes / 1024 / 1024;

  const issueText = (issue: ServiceImportIssue) => {
    const text = t(`import.issues.${issue.code}`, issue.params ?? {});
    return issue.field ? `${issue.field}: ${text}` : text;
  };

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setRefused(null);
    setDone(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return setError(t('import.chooseFile'));
    if (file.size > maxBytes) return setError(t('import.issues.importTooLarge', { max: maxMb }));
    const data = new FormData();
    data.set('parkId', parkId);
    data.set('file', file);
    start(async () => {
      let result;
      try {
        result = await importServiceRequestsAction(data);
      } catch {
        return setError(t('import.failed'));
      }
      if (!result.ok) return setError(result.formError ?? t('import.chooseFile'));
      if (!result.data.ok) return setRefused(result.data);
      const text = t('import.done', { created: result.data.created, unchanged: result.data.unchanged });
      setDone(text);
      toast.success(text);
      if (fileInput.current) fileInput.current.value = '';
    });
  };

  return (
    <div className="space-y-4">
      <Button asChild variant="outline">
        <a href={`/p/${parkSlug}/services/template`} download>
          <Download aria-hidden />
          {t('import.template')}
        </a>
      </Button>
      <form onSubmit={submit} noValidate aria-label={t('import.upload')} className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1.5 text-sm font-medium">
          {t('import.file')}
          <Input ref={fileInput} type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="max-w-sm" />
        </label>
        <Button type="submit" disabled={pending}>
          {t('import.upload')}
        </Button>
      </form>
      <FormError message={error} />
      {done && <Alert variant="success">{done}</Alert>}
      {refused && (
        <div className="space-y-2" role="region" aria-label={t('import.refusedTitle')}>
          <Alert variant="destructive">{t('import.refused', { count: refused.rows.length || refused.fileIssues.length })}</Alert>
          {refused.fileIssues.map((issue, i) => (
            <p key={i} className="text-sm text-destructive">
              {issueText(issue)}
            </p>
          ))}
          {refused.rows.length > 0 && (
            <Table aria-label={t('import.refusedTitle')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('import.row')}</TableHead>
                  <TableHead>key</TableHead>
                  <TableHead>{t('import.reason')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {refused.rows.map((r) => (
                  <TableRow key={r.row}>
                    <TableCell className="tabular-nums">{r.row}</TableCell>
                    <TableCell>{r.key}</TableCell>
                    <TableCell>
                      <ul className="list-disc pl-4">
                        {r.issues.map((issue, i) => (
                          <li key={i}>{issueText(issue)}</li>
                        ))}
                      </ul>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
}
