'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionResult } from '@/app/_server/action';
import { confirmSecondFactorAction, disableSecondFactorAction, newRecoveryCodesAction } from '@/app/_server/second-factor-actions';
import type { SecondFactorCodeInput } from '@/lib/validation/users';

type Enrolment = { enrolment: string; qrSvg: string; secret: string };

/** The recovery codes, shown once, with a way to keep them. */
function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const text = codes.join('\n');
  return (
    <div className="space-y-3">
      <Alert role="status">
        <AlertTitle>{t('recoveryCodesTitle')}</AlertTitle>
        <AlertDescription>{t('recoveryCodesHint')}</AlertDescription>
      </Alert>
      <ol className="grid grid-cols-2 gap-2 rounded-md border bg-muted/40 p-3 font-mono text-sm" aria-label={t('recoveryCodesTitle')} data-recovery-codes>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => void navigator.clipboard?.writeText(text)}>
          {t('copyCodes')}
        </Button>
        <Button asChild variant="outline" size="sm">
          <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="recovery-codes.txt">
            {t('downloadCodes')}
          </a>
        </Button>
        {continueHref ? (
          <Button
            type="button"
            size="sm"
            onClick={() => {
              router.replace(continueHref);
              router.refresh();
            }}
          >
            {t('continue')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Scan, confirm with a code, then keep the recovery codes; "Continue" goes to `continueHref` (the
 * page is not refreshed before, so the codes stay on screen until the person has kept them).
 */
export function SecondFactorSetup({ enrolment, continueHref }: { enrolment: Enrolment; continueHref: string }) {
  const t = useTranslations('account');
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm<{ enrolment: string; code: string }>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.secondFactorEnrolSchema)), defaultValues: { enrolment: enrolment.enrolment, code: '' } });
  const { submit, formError } = useActionForm(form, confirmSecondFactorAction, ({ recoveryCodes }) => setCodes(recoveryCodes));
  if (codes) return <RecoveryCodes codes={codes} continueHref={continueHref} />;
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t('stepInstall')}</li>
        <li>{t('stepScan')}</li>
        <li>{t('stepConfirm')}</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server, no file to optimise */}
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('qrAlt')} width={176} height={176} className="rounded-md border bg-white p-1" />
        <div className="space-y-1 text-sm">
          <p className="text-muted-foreground">{t('manualKey')}</p>
          <code className="block break-all rounded bg-muted px-2 py-1 font-mono text-xs" data-totp-secret>
            {enrolment.secret}
          </code>
        </div>
      </div>
      <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('confirm')} layout="compact">
        <Field name="code" label={t('codeFromApp')}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={20} className="max-w-40" {...form.register('code')} />
        </Field>
      </ActionForm>
    </div>
  );
}

/** A section whose one action is confirmed with a current code (from the app, or a recovery code). */
function CodeConfirmSection<T>({
  title,
  hint,
  submitLabel,
  variant,
  action,
  onDone,
}: {
  title: string;
  hint: string;
  submitLabel: string;
  variant: 'outline' | 'destructive';
  action: (input: SecondFactorCodeInput) => Promise<ActionResult<T>>;
  onDone: (data: T) => void;
}) {
  const t = useTranslations('account');
  const form = useForm<SecondFactorCodeInput>({ resolver: lazyZodResolver(() => import('@/lib/validation/users').then((m) => m.secondFactorConfirmSchema)), defaultValues: { code: '' } });
  const { submit, formError } = useActionForm(form, action, (data) => {
    form.reset();
    onDone(data);
  });
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-medium">{title}</h3>
      <p className="text-sm text-muted-foreground">{hint}</p>
      <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={submitLabel} layout="compact" submitVariant={variant}>
        <Field name="code" label={t('currentCode')}>
          <Input autoComplete="one-time-code" maxLength={20} className="max-w-40" {...form.register('code')} />
        </Field>
      </ActionForm>
    </section>
  );
}

/** New recovery codes or turning the second factor off, each confirmed with a current code. */
export function SecondFactorManage({ canDisable }: { canDisable: boolean }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="space-y-6">
      {codes ? <RecoveryCodes codes={codes} continueHref="/account/security" /> : null}
      <CodeConfirmSection
        title={t('newCodesTitle')}
        hint={t('newCodesHint')}
        submitLabel={t('newCodes')}
        variant="outline"
        action={newRecoveryCodesAction}
        onDone={({ recoveryCodes }) => setCodes(recoveryCodes)}
      />
      {canDisable ? (
        <CodeConfirmSection
          title={t('disableTitle')}
          hint={t('disableHint')}
          submitLabel={t('disable')}
          variant="destructive"
          action={disableSecondFactorAction}
          onDone={() => router.refresh()}
        />
      ) : null}
    </div>
  );
}
