'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useFormContext } from 'react-hook-form';
import { Field } from '@/app/_components/ui/form';
import { NativeSelect, SelectOptions } from '@/app/_components/ui/input';
import { draftUrl, type DraftValues } from './application-steps';

type Option = { id: string; name: string };

/** Step 1: which company applies to which park (fixed once the application was returned for revision). */
export function CompanyStep({ companies, parks, fixed, applicationId }: { companies: Option[]; parks: Option[]; fixed: boolean; applicationId: string | null }) {
  const t = useTranslations('applications');
  const form = useFormContext<DraftValues>();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-2">
        <Field name="companyId" label={t('company')}>
          <NativeSelect disabled={fixed} {...form.register('companyId')}>
            <SelectOptions placeholder={t('chooseCompany')} options={companies.map((c) => ({ value: c.id, label: c.name }))} />
          </NativeSelect>
        </Field>
        <p className="text-xs text-muted-foreground">
          <Link className="text-primary hover:underline" href={`/my/companies/new?next=${encodeURIComponent(draftUrl(applicationId, 0))}`}>
            {t('addCompany')}
          </Link>
        </p>
      </div>
      <Field name="parkId" label={t('park')}>
        <NativeSelect disabled={fixed} {...form.register('parkId')}>
          <SelectOptions placeholder={t('choosePark')} options={parks.map((p) => ({ value: p.id, label: p.name }))} />
        </NativeSelect>
      </Field>
    </div>
  );
}
