'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { useActionForm } from '@/app/_components/use-action-form';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormError } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import type { createApiTokenSchema } from '@/lib/validation/api-tokens';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

type Values = z.input<typeof createApiTokenSchema>;

/** Names a new token; the token itself is shown once, here, with a copy button. */
export function CreateApiTokenForm({ parkSlug }: { parkSlug: string }) {
  const t = useTranslations('apiTokens');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/api-tokens').then((m) => m.createApiTokenSchema)), defaultValues: { parkSlug, name: '' } });
  const { submit, formError } = useActionForm(form, createApiTokenAction, (data) => {
    setCreated(data);
    setCopied(false);
    // The action revalidates the page, so the new token's row arrives with its answer.
    form.reset({ parkSlug, name: '' });
  });
  const { isSubmitting } = form.formState;

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
      toast.success(t('copied'));
    } catch {
      toast.error(t('copyFailed'));
    }
  }

  return (
    <div className="space-y-4">
      <Form {...form}>
        <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate aria-label={t('createTitle')}>
          <input type="hidden" {...form.register('parkSlug')} />
          <Field name="name" label={t('name')} className="min-w-64 flex-1">
            <Input placeholder={t('namePlaceholder')} {...form.register('name')} />
          </Field>
          <Button type="submit" className="mt-6" disabled={isSubmitting}>
            {t('create')}
          </Button>
          <FormError message={formError} className="basis-full" />
        </form>
      </Form>
      {created && (
        <Alert variant="success" role="region" aria-label={t('newTokenTitle')} className="p-4">
          <AlertTitle>
            {t('newTokenTitle')}: {created.name}
          </AlertTitle>
          <AlertDescription className="space-y-2">
            <p>{t('shownOnce')}</p>
            <div className="flex gap-2">
              <Input readOnly value={created.token} aria-label={t('newToken')} className="bg-background font-mono text-xs text-foreground" onFocus={(e) => e.currentTarget.select()} />
              <Button type="button" variant="outline" onClick={copy}>
                {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
                {copied ? t('copiedShort') : t('copy')}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}

/** Revoke with an inline confirmation: a revoked token stops working at once and cannot be restored. */
export function RevokeApiTokenButton({ parkSlug, tokenId, name }: { parkSlug: string; tokenId: string; name: string }) {
  const t = useTranslations('apiTokens');
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  if (!confirming)
    return (
      <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(true)} aria-label={t('revokeNamed', { name })}>
        {t('revoke')}
      </Button>
    );
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="destructive"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await revokeApiTokenAction({ parkSlug, tokenId });
            if (result.ok) {
              toast.success(t('revoked', { name }));
            } else {
              toast.error(result.formError ?? t('revokeFailed'));
              setConfirming(false);
            }
          })
        }
      >
        {t('confirmRevoke', { name })}
      </Button>
      <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </Button>
    </span>
  );
}
