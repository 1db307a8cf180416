'use client';

import { Paperclip, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input, Textarea } from '@/app/_components/ui/input';
import { postThreadMessageAction } from '@/app/_server/thread-actions';
import { MAX_ATTACHMENT_BYTES } from '@/lib/validation/application-limits';
import { MAX_MESSAGE_FILES, MAX_MESSAGE_LENGTH, type ThreadSubjectKind } from '@/lib/validation/thread-limits';
import type { ThreadMessageFormInput } from '@/lib/validation/threads';
import { lazyZodResolver } from './lazy-zod-resolver';
import { toast } from './toast';
import { useActionForm } from './use-action-form';

/** Writes a message, with up to three documents, in a record's conversation; the page is read again once it is sent. */
export function ThreadForm({ subject, subjectId }: { subject: ThreadSubjectKind; subjectId: string }) {
  const t = useTranslations('threads');
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm<ThreadMessageFormInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/threads').then((m) => m.threadMessageFormSchema)), defaultValues: { subject, subjectId, body: '', files: [] } });
  const files = useWatch({ control: form.control, name: 'files' });
  const send = useActionForm(
    form,
    async (values) => {
      const data = new FormData();
      data.set('subject', values.subject);
      data.set('subjectId', values.subjectId);
      data.set('body', values.body);
      for (const file of values.files) data.append('files', file);
      try {
        return await postThreadMessageAction(data);
      } catch {
        return { ok: false as const, formError: t('sendFailed') };
      }
    },
    () => {
      form.reset({ subject, subjectId, body: '', files: [] });
      if (fileInput.current) fileInput.current.value = '';
      toast.success(t('sent'));
      router.refresh();
    },
  );
  const setFiles = (next: File[]) => form.setValue('files', next, { shouldValidate: true });
  const sizeMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;

  return (
    <Form {...form}>
      <form onSubmit={send.submit} noValidate className="space-y-3" aria-label={t('title')}>
        <FormError message={send.formError} />
        <Field name="body" label={t('message')} description={t('messageHelp', { max: MAX_MESSAGE_LENGTH.toLocaleString() })}>
          <Textarea rows={4} maxLength={MAX_MESSAGE_LENGTH} {...form.register('body')} />
        </Field>
        <Field name="files" label={t('files')} description={t('filesHelp', { count: MAX_MESSAGE_FILES, size: sizeMb })}>
          <Input
            ref={fileInput}
            type="file"
            multiple
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            onChange={(event) => {
              setFiles([...files, ...Array.from(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
        </Field>
        {files.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t('files')}>
            {files.map((file, i) => (
              <li key={`${file.name}-${i}`} className="flex items-center gap-1 rounded-md border px-2 py-1 text-sm">
                <Paperclip className="size-3.5 text-muted-foreground" aria-hidden />
                <span className="max-w-56 truncate">{file.name}</span>
                <Button type="button" variant="ghost" size="icon" className="size-6" aria-label={t('remove', { name: file.name })} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('sending') : t('send')}
        </Button>
      </form>
    </Form>
  );
}
