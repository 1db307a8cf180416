'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label } from '@/app/_components/ui/input';
import { createApiTokenSchema } from '@/lib/validation/api-tokens';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

type Values = z.input<typeof createApiTokenSchema>;

/** Names a new token; the token itself is shown once, here, with a copy button. */
export function CreateApiTokenForm({ parkSlug }: { parkSlug: string }) {
  const t = useTranslations('apiTokens');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(createApiTokenSchema), defaultValues: { parkSlug, name: '' } });
  const { submit, formError } = useActionForm(form, createApiTokenAction, (data) => {
    setCreated(data);
    setCopied(false);
    // The action revalidates the page, so the new token's row arrives with its answer.
    form.reset({ parkSlug, name: '' });
  });
  const { errors, isSubmitting } = form.formState;

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
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate aria-label={t('createTitle')}>
        <input type="hidden" {...form.register('parkSlug')} />
        <div className="min-w-64 flex-1 space-y-2">
          <Label htmlFor="token-name">{t('name')}</Label>
          <Input id="token-name" placeholder={t('namePlaceholder')} aria-invalid={!!errors.name} aria-describedby="token-name-error" {...form.register('name')} />
          <FieldError id="token-name-error" message={errors.name?.message} />
        </div>
        <Button type="submit" className="mt-6" disabled={isSubmitting}>
          {t('create')}
        </Button>
        <div className="basis-full">
          <FormError message={formError} />
        </div>
      </form>
      {created && (
        <div role="region" aria-label={t('newTokenTitle')} className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950">
          <p className="text-sm font-medium">{t('newTokenTitle')}: {created.name}</p>
          <p className="text-sm text-muted-foreground">{t('shownOnce')}</p>
          <div className="flex gap-2">
            <Input readOnly value={created.token} aria-label={t('newToken')} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="outline" onClick={copy}>
              {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {copied ? t('copiedShort') : t('copy')}
            </Button>
          </div>
        </div>
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
