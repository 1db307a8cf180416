'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/app/_components/ui/button';
import { Field, FormFieldset, FormItem } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { PARK_ROLES, type ParkRole, type UserKind } from '@/db/schema/values';

/** The part of an account both the create and the edit form hold. */
type AccountValues = { name: string; email: string; kind: UserKind; memberships?: { parkId: string; role: ParkRole }[] };

/**
 * Name, e-mail, kind and, for park staff, the park + role pairs: the fields the create-user and the
 * edit-user forms share, inside either form's react-hook-form context.
 */
export function AccountFields({ parks, children }: { parks: { id: string; name: string }[]; children?: React.ReactNode }) {
  const t = useTranslations('admin');
  const tr = useTranslations('roles');
  const form = useFormContext<AccountValues>();
  const roles = useFieldArray({ control: form.control, name: 'memberships' });
  const kind = useWatch({ control: form.control, name: 'kind' });
  return (
    <>
      <Field name="name" label={t('personName')}>
        <Input {...form.register('name')} />
      </Field>
      <Field name="email" label={t('email')}>
        <Input type="email" {...form.register('email')} />
      </Field>
      {children}
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
    </>
  );
}
