'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/app/_components/ui/button';
import { deleteDraftAction } from '../actions';
import { useHydrated } from '@/app/_components/use-hydrated';

/** Two clicks: the first asks, the second deletes. */
export function DeleteDraftButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations('applications');
  const hydrated = useHydrated();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, start] = useTransition();
  if (!asking)
    return (
      <Button type="button" variant="ghost" size="sm" className="text-destructive" onClick={() => setAsking(true)}>
        {t('deleteDraft')}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>{t('deleteDraftConfirm')}</span>
      <Button
        type="button"
        variant="destructive"
        size="sm"
        disabled={!hydrated || pending}
        onClick={() =>
          start(async () => {
            const result = await deleteDraftAction({ applicationId });
            if (!result.ok) return void toast.error(result.formError ?? '');
            toast.success(t('draftDeleted'));
            router.replace('/my/applications');
            router.refresh();
          })
        }
      >
        {t('deleteDraftYes')}
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={() => setAsking(false)}>
        {t('back')}
      </Button>
    </div>
  );
}
