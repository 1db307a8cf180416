'use client';

import { Check } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '@/app/_components/ui/cn';
import { STEPS } from './application-steps';
import type { SaveState } from './use-draft-autosave';

/** Where the applicant is: "Step n of 6", what the autosave is doing, a progress bar and a button per step. */
export function StepNav({ step, done, onStep, save, dirty }: { step: number; done: (step: number) => boolean; onStep: (step: number) => void; save: SaveState; dirty: boolean }) {
  const t = useTranslations('applications');
  const savedText =
    save.state === 'saving'
      ? t('autosave.saving')
      : save.state === 'saved' && save.at
        ? t('autosave.saved', { time: save.at })
        : save.state === 'error'
          ? save.message
          : save.state === 'waiting'
            ? t('autosave.waiting')
            : t('autosave.idle');
  return (
    <nav aria-label={t('stepsLabel')} className="space-y-3">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="font-medium">{t('progress', { current: step + 1, total: STEPS.length })}</span>
        {/* data-state and data-dirty let a test wait until everything typed is saved, which no text says exactly. */}
        <span className={cn('text-xs', save.state === 'error' ? 'text-destructive' : 'text-muted-foreground')} aria-live="polite" data-testid="autosave-status" data-state={save.state} data-dirty={dirty ? 'yes' : 'no'}>
          {savedText}
        </span>
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuemin={1} aria-valuemax={STEPS.length} aria-valuenow={step + 1} aria-label={t('stepsLabel')}>
        <div className="h-full rounded-full bg-primary transition-all" style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
      </div>
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              onClick={() => onStep(i)}
              aria-current={i === step ? 'step' : undefined}
              className={cn(
                'flex w-full items-center gap-2 rounded-md border px-2 py-1.5 text-left text-xs transition-colors hover:bg-accent',
                i === step ? 'border-primary bg-primary/5 font-medium' : 'border-transparent',
              )}
            >
              <span
                className={cn(
                  'flex size-5 shrink-0 items-center justify-center rounded-full text-[10px] font-semibold',
                  done(i) ? 'bg-emerald-600 text-white' : i === step ? 'bg-primary text-primary-foreground' : 'bg-muted text-muted-foreground',
                )}
                aria-hidden
              >
                {done(i) ? <Check className="size-3" /> : i + 1}
              </span>
              <span className="min-w-0">{t(`steps.${s}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
