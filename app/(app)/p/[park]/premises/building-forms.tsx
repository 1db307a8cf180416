'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { Button } from '@/app/_components/ui/button';
import { Field, Form, FormControl, FormError, FormItem, FormLabel, FormMessage } from '@/app/_components/ui/form';
import { Input, NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import type { buildingSchema, createUnitSchema, updateBuildingSchema } from '@/lib/validation/premises';
import { createBuildingAction, createUnitAction, deleteBuildingAction, renameBuildingAction } from './actions';
import { UnitFields } from './unit-fields';

export function AddBuildingForm({ parkId }: { parkId: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof buildingSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.buildingSchema)), defaultValues: { name: '' } });
  const { submit, formError } = useActionForm(form, (v) => createBuildingAction(parkId, v), () => {
    toast.success(t('buildingAdded'));
    form.reset();
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('addBuilding')} layout="compact" aria-label={t('addBuilding')}>
      <Field name="name" label={t('buildingName')}>
        <Input {...form.register('name')} />
      </Field>
    </ActionForm>
  );
}

export function BuildingRow({ parkId, id, name, units }: { parkId: string; id: string; name: string; units: number }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof updateBuildingSchema>>({ resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.updateBuildingSchema)), defaultValues: { buildingId: id, name } });
  const { submit, formError, setFormError } = useActionForm(form, (v) => renameBuildingAction(parkId, v), () => {
    toast.success(t('renamed'));
    router.refresh();
  });
  const remove = async () => {
    const result = await deleteBuildingAction(parkId, { buildingId: id });
    if (result.ok) {
      toast.success(t('buildingDeleted'));
      router.refresh();
    } else setFormError(result.formError ?? null);
  };
  return (
    <li className="py-3">
      <Form {...form}>
        <form onSubmit={submit} noValidate aria-label={`${t('rename')}: ${name}`}>
          <FormItem name="name">
            <div className="flex flex-wrap items-center gap-2">
              <FormLabel className="sr-only">{t('buildingName')}</FormLabel>
              <FormControl>
                <Input className="h-8 max-w-64" {...form.register('name')} />
              </FormControl>
              <Button type="submit" size="sm" variant="outline">
                {t('rename')}
              </Button>
              {units === 0 && (
                <Button type="button" size="sm" variant="ghost" onClick={remove}>
                  {t('deleteBuilding')}
                </Button>
              )}
              <span className="text-xs text-muted-foreground">{t('unitsCount', { count: units })}</span>
            </div>
            <FormMessage />
            <FormError message={formError} />
          </FormItem>
        </form>
      </Form>
    </li>
  );
}

export function AddUnitForm({ parkId, buildings }: { parkId: string; buildings: { id: string; name: string }[] }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof createUnitSchema>>({
    resolver: lazyZodResolver(() => import('@/lib/validation/premises').then((m) => m.createUnitSchema)),
    defaultValues: { buildingId: buildings[0]?.id ?? '', name: '', kind: 'office', areaM2: '', availableFrom: '', availableTo: '' },
  });
  const { submit, formError } = useActionForm(form, (v) => createUnitAction(parkId, v), () => {
    toast.success(t('unitAdded'));
    form.reset({ ...form.getValues(), name: '', areaM2: '' });
    router.refresh();
  });
  const { isSubmitting } = form.formState;
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={t('addUnit')}>
        <FormError message={formError} className="sm:col-span-2" />
        <Field name="buildingId" label={t('buildingLabel')} errorText="required">
          <NativeSelect {...form.register('buildingId')}>
            <SelectOptions options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
          </NativeSelect>
        </Field>
        <UnitFields />
        <div className="sm:col-span-2">
          <Button type="submit" size="sm" disabled={isSubmitting || buildings.length === 0}>
            {t('addUnit')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
