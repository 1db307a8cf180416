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
import { Input, Label } from '@/app/_components/ui/input';
import { admitResidentSchema, PLACEMENTS } from '@/lib/validation/residents';
import { admitResidentAction } from '../actions';

type Values = z.input<typeof admitResidentSchema>;

export function AdmitForm({ parkId, slug, applicationId, today, wantsPremises }: { parkId: string; slug: string; applicationId: string; today: string; wantsPremises: boolean }) {
  const t = useTranslations('admission');
  const tr = useTranslations('residents');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(admitResidentSchema),
    defaultValues: { applicationId, agreementNumber: '', agreementDate: today, startOn: today, endOn: '', placement: wantsPremises ? 'on_site' : 'extraterritorial' },
  });
  const { submit, formError } = useActionForm(form, (values) => admitResidentAction(parkId, values), (data) => {
    toast.success(t('admitted'));
    router.push(`/p/${slug}/residents/${data.companyId}`);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="agreementNumber">{t('agreementNumber')}</Label>
        <Input id="agreementNumber" aria-invalid={!!errors.agreementNumber} aria-describedby="agreementNumber-error" {...form.register('agreementNumber')} />
        <FieldError id="agreementNumber-error" message={errors.agreementNumber?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="agreementDate">{t('agreementDate')}</Label>
        <Input id="agreementDate" type="date" aria-invalid={!!errors.agreementDate} aria-describedby="agreementDate-error" {...form.register('agreementDate')} />
        <FieldError id="agreementDate-error" message={errors.agreementDate?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="startOn">{t('startOn')}</Label>
        <Input id="startOn" type="date" aria-invalid={!!errors.startOn} aria-describedby="startOn-error" {...form.register('startOn')} />
        <FieldError id="startOn-error" message={errors.startOn?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="endOn">{t('endOn')}</Label>
        <Input id="endOn" type="date" aria-invalid={!!errors.endOn} aria-describedby="endOn-hint endOn-error" {...form.register('endOn')} />
        <p id="endOn-hint" className="text-xs text-muted-foreground">
          {t('endHint')}
        </p>
        <FieldError id="endOn-error" message={errors.endOn?.message} />
      </div>
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium">{t('placement')}</legend>
        <div className="flex flex-wrap gap-4">
          {PLACEMENTS.map((p) => (
            <label key={p} className="flex items-center gap-2 text-sm">
              <input type="radio" value={p} {...form.register('placement')} className="size-4 accent-primary" />
              {tr(`placement.${p}`)}
            </label>
          ))}
        </div>
        <p className="text-xs text-muted-foreground">{t('placementHint')}</p>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
