'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { toast } from '@/app/_components/toast';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Field, FormControl, FormItem, FormLabel, FormMessage } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { useHydrated } from '@/app/_components/use-hydrated';
import type { ActionResult } from '@/app/_server/action';
import { ATTACHMENT_KINDS, type AttachmentKind } from '@/lib/validation/choices';
import { MAX_ATTACHMENT_BYTES } from '@/lib/validation/application-limits';
import { formatFileSize } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { AttachmentLine } from '../../_applications/attachment-line';
import { deleteAttachmentAction } from './actions';
import type { FormAttachment } from './application-steps';

/**
 * Step 5: the documents. The list is kept by the form and updated from each upload's answer, so it
 * never waits for a page refresh; a draft is saved first, as a file belongs to a saved draft.
 */
export function DocumentsStep({
  applicationId,
  attachments,
  onChange,
  beforeUpload,
}: {
  applicationId: string | null;
  attachments: FormAttachment[];
  onChange: (next: FormAttachment[]) => void;
  beforeUpload: () => Promise<boolean>;
}) {
  const t = useTranslations('applications');
  const locale = useLocale() as Locale;
  const hydrated = useHydrated();
  const tv = useTranslations('validation');
  const [kind, setKind] = useState<AttachmentKind>(attachments.some((a) => a.kind === 'business_plan') ? 'presentation' : 'business_plan');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  if (!applicationId) return <p className="text-sm text-muted-foreground">{t('documents.needDraft')}</p>;

  const upload = async (e: React.SyntheticEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(tv('chooseFile'));
    if (file.size > MAX_ATTACHMENT_BYTES) return setError(tv('fileTooLarge'));
    setBusy(true);
    try {
      await beforeUpload();
      const data = new FormData();
      data.set('applicationId', applicationId);
      data.set('kind', kind);
      data.set('file', file);
      // A plain request to the upload route: the file never waits behind a draft save in the action queue.
      const result = await fetch('/files', { method: 'POST', body: data })
        .then((response) => response.json() as Promise<ActionResult<Omit<FormAttachment, 'submitted'>>>)
        .catch((): ActionResult<Omit<FormAttachment, 'submitted'>> => ({ ok: false }));
      if (!result.ok) {
        const key = result.fieldErrors?.file?.[0];
        setError(key && tv.has(key) ? tv(key) : (result.formError ?? t('documents.failed')));
        return;
      }
      toast.success(t('documents.uploaded'));
      onChange([...attachments, { ...result.data, submitted: false }]);
      if (fileRef.current) fileRef.current.value = '';
      if (kind === 'business_plan') setKind('presentation');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    const result = await deleteAttachmentAction({ attachmentId: id });
    if (!result.ok) return setError(result.formError ?? null);
    toast.success(t('documents.deleted'));
    onChange(attachments.filter((a) => a.id !== id));
  };

  return (
    <div className="space-y-4">
      {attachments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('documents.empty')}</p>
      ) : (
        <ul className="divide-y rounded-lg border" aria-label={t('steps.documents')}>
          {attachments.map((f) => (
            <AttachmentLine key={f.id} id={f.id} fileName={f.fileName} kind={t(`documents.kinds.${f.kind}`)}>
              {f.submitted && <Badge variant="secondary">{t('documents.submittedTag')}</Badge>}
              <span className="text-xs text-muted-foreground">{formatFileSize(f.sizeBytes, locale)}</span>
              {!f.submitted && (
                <Button type="button" variant="ghost" size="sm" className="ml-auto" onClick={() => remove(f.id)}>
                  {t('documents.delete')}
                </Button>
              )}
            </AttachmentLine>
          ))}
        </ul>
      )}
      {/* A separate element from the step form: the file goes to its own route, not through the draft. */}
      <div className="grid gap-3 rounded-lg border border-dashed p-4 sm:grid-cols-[200px_1fr_auto] sm:items-start" role="group" aria-label={t('documents.upload')}>
        <Field label={t('documents.kind')}>
          <NativeSelect value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
            <SelectOptions options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))} />
          </NativeSelect>
        </Field>
        <FormItem error={error}>
          <FormLabel>{t('documents.file')}</FormLabel>
          <FormControl>
            <Input ref={fileRef} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
          </FormControl>
          {/* An upload's refusal arrives after the click: said at once, not only when the field is next read. */}
          <FormMessage role="alert" />
        </FormItem>
        <Button type="button" className="sm:mt-6" onClick={upload} disabled={!hydrated || busy}>
          {busy ? t('documents.uploading') : t('documents.upload')}
        </Button>
        <p className="text-xs text-muted-foreground sm:col-span-3">{t('documents.hint')}</p>
      </div>
    </div>
  );
}
