'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { Field } from '@/app/_components/ui/form';
import { Input, Textarea } from '@/app/_components/ui/input';
import type { DraftValues } from './application-steps';

/** Step 2: the project's title, description and industry. */
export function ProjectStep() {
  const t = useTranslations('applications');
  const form = useFormContext<DraftValues>();
  return (
    <div className="grid gap-4">
      <Field name="title" label={t('projectTitle')}>
        <Input {...form.register('title')} />
      </Field>
      <Field name="description" label={t('description')} description={t('descriptionHint')}>
        <Textarea rows={7} {...form.register('description')} />
      </Field>
      <Field name="industry" label={t('industry')} className="sm:max-w-md">
        <Input {...form.register('industry')} />
      </Field>
    </div>
  );
}
