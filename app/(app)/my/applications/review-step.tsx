'use client';

import { useTranslations } from 'next-intl';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { FormError } from '@/app/_components/ui/form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { STEP_OF } from './application-steps';

/** Step 6: what is still missing (each item a way to its step), or that all is there; then submit. */
export function ReviewStep({
  missing,
  onStep,
  error,
  onSubmit,
  submitting,
  resubmit,
}: {
  missing: string[];
  onStep: (step: number) => void;
  error: string | null;
  onSubmit: () => void;
  submitting: boolean;
  resubmit: boolean;
}) {
  const t = useTranslations('applications');
  const hydrated = useHydrated();
  return (
    <div className="space-y-4">
      {missing.length > 0 ? (
        <Alert variant="warning" role="status" className="p-4">
          <AlertTitle>{t('missingTitle')}</AlertTitle>
          <AlertDescription>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {missing.map((k) => (
                <li key={k}>
                  <button type="button" className="text-left text-primary hover:underline" onClick={() => onStep(STEP_OF[k] ?? 0)}>
                    {t(`missing.${k}`)}
                  </button>
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : (
        <Alert variant="success" className="p-4">
          {t('ready')}
        </Alert>
      )}
      <FormError message={error} />
      <Button type="button" onClick={onSubmit} disabled={!hydrated || submitting}>
        {submitting ? t('submitting') : resubmit ? t('resubmit') : t('submit')}
      </Button>
    </div>
  );
}
