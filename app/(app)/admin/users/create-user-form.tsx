'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { createUserSchema } from '@/lib/validation/users';
import { createUserAction } from '../actions';

type Values = z.input<typeof createUserSchema>;

export function CreateUserForm({ parks }: { parks: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  const form = useForm<Values>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: '', email: '', password: '', kind: 'staff', memberships: [] },
  });
  const roles = useFieldArray({ control: form.control, name: 'memberships' });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const { submit, formError } = useActionForm(form, (v) => createUserAction(v.kind === 'staff' ? v : { ...v, memberships: [] }), () => {
    toast.success(t('userCreated'));
    form.reset();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="user-name">{t('name')}</Label>
        <Input id="user-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="user-email">{t('email')}</Label>
        <Input id="user-email" type="email" aria-invalid={!!errors.email} {...form.register('email')} />
        <FieldError message={errors.email?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="user-password">{t('password')}</Label>
        <Input id="user-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register('password')} />
        <FieldError message={errors.password?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="user-kind">{t('kind')}</Label>
        <NativeSelect id="user-kind" {...form.register('kind')}>
          {(['staff', 'applicant', 'admin'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {kind === 'staff' && (
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="text-sm font-medium">{t('rolesIn')}</legend>
          {roles.fields.length === 0 && <p className="text-sm text-muted-foreground">{t('noRoles')}</p>}
          {roles.fields.map((field, i) => (
            <div key={field.id} className="flex gap-2">
              <NativeSelect aria-label={`${t('parks')} ${i + 1}`} {...form.register(`memberships.${i}.parkId`)}>
                {parks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect aria-label={`${t('role')} ${i + 1}`} {...form.register(`memberships.${i}.role`)}>
                {(['manager', 'expert', 'analyst'] as const).map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </NativeSelect>
              <Button type="button" variant="ghost" onClick={() => roles.remove(i)}>
                {t('removeRole')}
              </Button>
            </div>
          ))}
          <Button type="button" variant="outline" size="sm" disabled={parks.length === 0} onClick={() => roles.append({ parkId: parks[0]?.id ?? '', role: 'expert' })}>
            {t('addRole')}
          </Button>
          <FieldError message={errors.memberships?.message} />
        </fieldset>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t('createUser')}
        </Button>
      </div>
    </form>
  );
}
