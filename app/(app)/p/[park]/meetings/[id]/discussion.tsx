'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ActionForm } from '@/app/_components/ui/action-form';
import { Field } from '@/app/_components/ui/form';
import { Textarea } from '@/app/_components/ui/input';
import { useActionForm } from '@/app/_components/use-action-form';
import type { councilCommentSchema } from '@/lib/validation/council';
import { CouncilComments } from '../../../../_applications/council-comments';
import { addCouncilCommentAction } from '../actions';

type Values = z.input<typeof councilCommentSchema>;
type Comment = { id: string; author: string; body: string; at: string };

/** The council's discussion of one application: for its members and the park's staff, never the applicant. */
export function Discussion({ applicationId, comments }: { applicationId: string; comments: Comment[] }) {
  const t = useTranslations('council');
  const router = useRouter();
  const form = useForm<Values>({ resolver: lazyZodResolver(() => import('@/lib/validation/council').then((m) => m.councilCommentSchema)), defaultValues: { applicationId, body: '' } });
  const { submit, formError } = useActionForm(form, addCouncilCommentAction, () => {
    form.reset({ applicationId, body: '' });
    router.refresh();
  });
  return (
    <div className="space-y-3">
      {comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('member.noComments')}</p>
      ) : (
        <CouncilComments comments={comments} />
      )}
      <ActionForm form={form} onSubmit={submit} formError={formError} submitLabel={t('member.comment')} layout="compact" submitVariant="outline">
        <Field name="body" label={t('member.commentLabel')} description={t('member.commentHint')}>
          <Textarea rows={2} {...form.register('body')} />
        </Field>
      </ActionForm>
    </div>
  );
}
