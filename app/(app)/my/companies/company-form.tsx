'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { companySchema, SME_CATEGORIES, updateCompanySchema } from '@/lib/validation/companies';
import { createCompanyAction, updateCompanyAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = z.input<typeof companySchema> & { companyId?: string };

/** Creates a company (no `companyId`) or edits one; the INN and OGRN are checked as typed and again on the server. */
export function CompanyForm({ initial, next }: { initial?: Values; next?: string }) {
  const t = useTranslations('companies');
  const hydrated = useHydrated();
  const router = useRouter();
  const editing = Boolean(initial?.companyId);
  const form = useForm<Values>({
    resolver: (editing ? zodResolver(updateCompanySchema) : zodResolver(companySchema)) as unknown as Resolver<Values>,
    defaultValues: initial ?? { name: '', inn: '', ogrn: '', smeCategory: 'small', industry: '', manufacturing: false, contactEmail: '', contactPhone: '', address: '' },
  });
  const { submit, formError } = useActionForm(
    form,
    async (values) => (editing ? updateCompanyAction(values) : createCompanyAction(values)),
    () => {
      toast.success(editing ? t('saved') : t('created'));
      if (!editing) router.push(next ?? '/my/companies');
      router.refresh();
    },
  );
  const { errors, isSubmitting } = form.formState;
  const field = (name: 'name' | 'inn' | 'ogrn' | 'industry' | 'contactEmail' | 'contactPhone' | 'address', label: string, extra: React.ComponentProps<'input'> = {}, hint?: string) => (
    <div className="space-y-2">
      <Label htmlFor={`company-${name}`}>{label}</Label>
      <Input id={`company-${name}`} aria-invalid={!!errors[name]} aria-describedby={hint ? `company-${name}-hint` : undefined} {...extra} {...form.register(name)} />
      {hint && (
        <p id={`company-${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError message={errors[name]?.message} />
    </div>
  );
  return (
    <form onSubmit={submit} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="sm:col-span-2">{field('name', t('name'))}</div>
      {field('inn', t('inn'), { inputMode: 'numeric', autoComplete: 'off' }, t('innHint'))}
      {field('ogrn', t('ogrn'), { inputMode: 'numeric', autoComplete: 'off' }, t('ogrnHint'))}
      <div className="space-y-2">
        <Label htmlFor="company-sme">{t('sme')}</Label>
        <NativeSelect id="company-sme" {...form.register('smeCategory')}>
          {SME_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`smeCategories.${c}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {field('industry', t('industry'))}
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" className="mt-0.5 size-4 accent-[var(--primary)]" {...form.register('manufacturing')} />
        <span>
          <span className="font-medium">{t('manufacturing')}</span>
          <span className="block text-xs text-muted-foreground">{t('manufacturingHint')}</span>
        </span>
      </label>
      <h2 className="pt-2 text-sm font-semibold sm:col-span-2">{t('contacts')}</h2>
      {field('contactEmail', t('contactEmail'), { type: 'email', autoComplete: 'email' })}
      {field('contactPhone', t('contactPhone'), { type: 'tel', autoComplete: 'tel' })}
      <div className="sm:col-span-2">{field('address', t('address'), { autoComplete: 'street-address' })}</div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {editing ? t('save') : t('create')}
        </Button>
      </div>
    </form>
  );
}
