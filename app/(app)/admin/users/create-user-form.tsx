'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, FormFieldset, FormItem } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { PARK_ROLES } from '@/db/schema/values';
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
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('createUser')}>
      <Field name="name" label={t('name')}>
        <Input {...form.register('name')} />
      </Field>
      <Field name="email" label={t('email')}>
        <Input type="email" {...form.register('email')} />
      </Field>
      <Field name="password" label={t('password')}>
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      <Field name="kind" label={t('kind')}>
        <NativeSelect {...form.register('kind')}>
          <SelectOptions options={(['staff', 'applicant', 'admin'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </NativeSelect>
      </Field>
      {kind === 'staff' && (
        <FormItem name="memberships" className="sm:col-span-2">
          <FormFieldset legend={t('rolesIn')}>
            {roles.fields.length === 0 && <p className="text-sm text-muted-foreground">{t('noRoles')}</p>}
            {roles.fields.map((field, i) => (
              <div key={field.id} className="flex gap-2">
                <NativeSelect aria-label={`${t('parks')} ${i + 1}`} {...form.register(`memberships.${i}.parkId`)}>
                  <SelectOptions options={parks.map((p) => ({ value: p.id, label: p.name }))} />
                </NativeSelect>
                <NativeSelect aria-label={`${t('role')} ${i + 1}`} {...form.register(`memberships.${i}.role`)}>
                  <SelectOptions options={PARK_ROLES.map((r) => ({ value: r, label: tr(r) }))} />
                </NativeSelect>
                <Button type="button" variant="ghost" onClick={() => roles.remove(i)}>
                  {t('removeRole')}
                </Button>
              </div>
            ))}
            <Button type="button" variant="outline" size="sm" disabled={parks.length === 0} onClick={() => roles.append({ parkId: parks[0]?.id ?? '', role: 'expert' })}>
              {t('addRole')}
            </Button>
          </FormFieldset>
        </FormItem>
      )}
    </ActionForm>
  );
}
