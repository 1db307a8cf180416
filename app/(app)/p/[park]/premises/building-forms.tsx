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
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { buildingSchema, createUnitSchema, PREMISES_KINDS, updateBuildingSchema } from '@/lib/validation/premises';
import { createBuildingAction, createUnitAction, deleteBuildingAction, renameBuildingAction } from './actions';

export function AddBuildingForm({ parkId }: { parkId: string }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof buildingSchema>>({ resolver: zodResolver(buildingSchema), defaultValues: { name: '' } });
  const { submit, formError } = useActionForm(form, (v) => createBuildingAction(parkId, v), () => {
    toast.success(t('buildingAdded'));
    form.reset();
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-label={t('addBuilding')}>
      <FormError message={formError} />
      <div className="space-y-2">
        <Label htmlFor="building-name">{t('buildingName')}</Label>
        <Input id="building-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        {t('addBuilding')}
      </Button>
    </form>
  );
}

export function BuildingRow({ parkId, id, name, units }: { parkId: string; id: string; name: string; units: number }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof updateBuildingSchema>>({ resolver: zodResolver(updateBuildingSchema), defaultValues: { buildingId: id, name } });
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
    <li className="space-y-2 py-3">
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2" noValidate aria-label={`${t('rename')}: ${name}`}>
        <Input aria-label={t('buildingName')} className="h-8 max-w-64" {...form.register('name')} />
        <Button type="submit" size="sm" variant="outline">
          {t('rename')}
        </Button>
        {units === 0 && (
          <Button type="button" size="sm" variant="ghost" onClick={remove}>
            {t('deleteBuilding')}
          </Button>
        )}
        <span className="text-xs text-muted-foreground">{t('unitsCount', { count: units })}</span>
      </form>
      <FieldError message={form.formState.errors.name?.message} />
      <FormError message={formError} />
    </li>
  );
}

export function AddUnitForm({ parkId, buildings }: { parkId: string; buildings: { id: string; name: string }[] }) {
  const t = useTranslations('premises');
  const router = useRouter();
  const form = useForm<z.input<typeof createUnitSchema>>({
    resolver: zodResolver(createUnitSchema),
    defaultValues: { buildingId: buildings[0]?.id ?? '', name: '', kind: 'office', areaM2: '', availableFrom: '', availableTo: '' },
  });
  const { submit, formError } = useActionForm(form, (v) => createUnitAction(parkId, v), () => {
    toast.success(t('unitAdded'));
    form.reset({ ...form.getValues(), name: '', areaM2: '' });
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={t('addUnit')}>
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-building">{t('buildingLabel')}</Label>
        <NativeSelect id="unit-building" aria-invalid={!!errors.buildingId} {...form.register('buildingId')}>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-name">{t('unitName')}</Label>
        <Input id="unit-name" aria-invalid={!!errors.name} {...form.register('name')} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-kind">{t('kind')}</Label>
        <NativeSelect id="unit-kind" {...form.register('kind')}>
          {PREMISES_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-area">{t('areaM2')}</Label>
        <Input id="unit-area" inputMode="decimal" aria-invalid={!!errors.areaM2} {...form.register('areaM2')} />
        <FieldError message={errors.areaM2?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-from">{t('availableFromLabel')}</Label>
        <Input id="unit-from" type="date" aria-invalid={!!errors.availableFrom} {...form.register('availableFrom')} />
        <FieldError message={errors.availableFrom?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="unit-to">{t('availableToLabel')}</Label>
        <Input id="unit-to" type="date" aria-invalid={!!errors.availableTo} {...form.register('availableTo')} />
        <FieldError message={errors.availableTo?.message} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={isSubmitting || buildings.length === 0}>
          {t('addUnit')}
        </Button>
      </div>
    </form>
  );
}
