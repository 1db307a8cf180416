'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/app/_components/ui/button';
import { withdrawAssignmentAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

export function WithdrawButton({ assignmentId, expertName }: { assignmentId: string; expertName: string }) {
  const t = useTranslations('applicationStaff.assignments');
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      disabled={!hydrated || pending}
      aria-label={`${t('withdraw')}: ${expertName}`}
      onClick={() =>
        start(async () => {
          const result = await withdrawAssignmentAction({ assignmentId });
          if (result.ok) {
            toast.success(t('withdrawn'));
            router.refresh();
          } else toast.error(result.formError ?? '');
        })
      }
    >
      {t('withdraw')}
    </Button>
  );
}
