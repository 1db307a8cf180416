'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { withdrawAssignmentAction } from '../actions';
import { useActionButton } from '@/app/_components/use-action-button';

export function WithdrawButton({ assignmentId, expertName }: { assignmentId: string; expertName: string }) {
  const t = useTranslations('applicationStaff.assignments');
  const { run, busy } = useActionButton(withdrawAssignmentAction, { success: t('withdrawn') });
  return (
    <Button type="button" variant="ghost" size="sm" disabled={busy} aria-label={`${t('withdraw')}: ${expertName}`} onClick={() => run({ assignmentId })}>
      {t('withdraw')}
    </Button>
  );
}
