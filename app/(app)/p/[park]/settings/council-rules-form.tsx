'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Input } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { councilRulesSchema } from '@/lib/validation/council';
import { saveCouncilRulesAction } from './actions';

type Values = z.input<typeof councilRulesSchema>;

/** How many submitted expert reviews an approval needs before the council may approve without a stated reason. */
export function CouncilRulesForm({ parkId, minReviews }: { parkId: string; minReviews: number }) {
  const t = useTranslations('rubric');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.councilRulesSchema)), defaultValues: { parkId, minReviews: String(minReviews) } });
  const { submit, formError } = useActionForm(form, saveCouncilRulesAction, () => {
    toast.success(t('rulesSaved'));
    router.refresh();
  });
  return (
    <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('saveRules')} layout="compact" submitVariant="outline">
      <Field name="minReviews" label={t('minReviews')} description={t('minReviewsHint')}>
        <Input inputMode="numeric" className="w-24" {...form.register('minReviews')} />
      </Field>
    </ActionForm>
  );
}
