'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect, Textarea } from '@/app/_components/ui/input';
import { grantIncentiveSchema, INCENTIVE_KINDS } from '@/lib/validation/incentives';
import { grantIncentiveAction } from '../actions';

type Values = z.input<typeof grantIncentiveSchema>;

export function GrantForm({ parkId, slug, residencies, residencyId, today }: { parkId: string; slug: string; residencies: { id: string; label: string }[]; residencyId: string; today: string }) {
  const t = useTranslations('incentives');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(grantIncentiveSchema),
    defaultValues: { residencyId, kind: 'profit_tax', legalBasis: '', decisionNumber: '', grantedOn: today, validFrom: today, validTo: '', conditions: '' },
  });
  const { submit, formError } = useActionForm(form, (v) => grantIncentiveAction(parkId, v), (data) => {
    toast.success(t('granted'));
    router.push(`/p/${slug}/incentives/${data.id}`);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t('formTitle')}>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="grant-residency">{t('resident')}</Label>
        <NativeSelect id="grant-residency" aria-invalid={!!errors.residencyId} {...form.register('residencyId')}>
          <option value="">{t('chooseResident')}</option>
          {residencies.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError message={errors.residencyId ? 'required' : undefined} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="grant-kind">{t('kind')}</Label>
        <NativeSelect id="grant-kind" {...form.register('kind')}>
          {INCENTIVE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="grant-basis">{t('legalBasis')}</Label>
        <Input id="grant-basis" aria-invalid={!!errors.legalBasis} aria-describedby="grant-basis-hint" {...form.register('legalBasis')} />
        <p id="grant-basis-hint" className="text-xs text-muted-foreground">
          {t('legalBasisHint')}
        </p>
        <FieldError message={errors.legalBasis?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="grant-number">{t('decisionNumber')}</Label>
        <Input id="grant-number" aria-invalid={!!errors.decisionNumber} {...form.register('decisionNumber')} />
        <FieldError message={errors.decisionNumber?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="grant-date">{t('grantedOn')}</Label>
        <Input id="grant-date" type="date" aria-invalid={!!errors.grantedOn} {...form.register('grantedOn')} />
        <FieldError message={errors.grantedOn?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="grant-from">{t('validFrom')}</Label>
        <Input id="grant-from" type="date" aria-invalid={!!errors.validFrom} {...form.register('validFrom')} />
        <FieldError message={errors.validFrom?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="grant-to">{t('validTo')}</Label>
        <Input id="grant-to" type="date" aria-invalid={!!errors.validTo} {...form.register('validTo')} />
        <FieldError message={errors.validTo?.message} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <Label htmlFor="grant-conditions">{t('conditions')}</Label>
        <Textarea id="grant-conditions" rows={3} aria-invalid={!!errors.conditions} {...form.register('conditions')} />
        <FieldError message={errors.conditions?.message} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
