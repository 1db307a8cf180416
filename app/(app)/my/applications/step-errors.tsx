'use client';

import { useTranslations } from 'next-intl';
import type { FieldErrors } from 'react-hook-form';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { FIELD_LABEL, PLAN_COLUMNS, stepOfField, STEPS, type DraftValues } from './application-steps';

export type FieldProblem = { path: string; message: string };

/** Every error react-hook-form holds, by dotted path (`plan.1.newJobs`); a list's own error under the list's path. */
export function fieldProblems(errors: FieldErrors<DraftValues>): FieldProblem[] {
  const found: FieldProblem[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    // An error set by the resolver has a type; one set with setError (the autosave's, the server's) may have only its message.
    if (typeof record.message === 'string' && record.message) found.push({ path: path.join('.'), message: record.message });
    for (const [key, value] of Object.entries(record)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      walk(value, key === 'root' ? path : [...path, key]);
    }
  };
  walk(errors, []);
  return found;
}

/** A field's name as its label says it: "New jobs, row 2" for a cell of the plan. */
export function useFieldLabel() {
  const t = useTranslations('applications');
  return (path: string) => {
    const [field, row, column] = path.split('.');
    if (field === 'plan' && row !== undefined && column && column in PLAN_COLUMNS)
      return t('plan.cell', { column: t(PLAN_COLUMNS[column as keyof typeof PLAN_COLUMNS]), row: Number(row) + 1 });
    return t(FIELD_LABEL[field] ?? 'steps.company');
  };
}

/**
 * The refused fields that are not on the current screen, each named with its step and its error and
 * a way there, so "not saved" never points at fields no one can see.
 */
export function ErrorsElsewhere({ problems, step, onStep }: { problems: FieldProblem[]; step: number; onStep: (step: number) => void }) {
  const t = useTranslations('applications');
  const tv = useTranslations('validation');
  const label = useFieldLabel();
  const elsewhere = problems.filter((p) => stepOfField(p.path) !== step);
  if (!elsewhere.length) return null;
  return (
    <Alert variant="destructive" role="alert" className="p-4" data-testid="errors-elsewhere">
      <AlertTitle>{t('errorsElsewhere')}</AlertTitle>
      <AlertDescription>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {elsewhere.map((p) => {
            const at = stepOfField(p.path);
            return (
              <li key={p.path}>
                <button type="button" className="text-left underline underline-offset-2" onClick={() => onStep(at)}>
                  {t('errorAt', { field: label(p.path), step: at + 1, stepName: t(`steps.${STEPS[at]}`) })}
                </button>
                {': '}
                {tv.has(p.message) ? tv(p.message) : p.message}
              </li>
            );
          })}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
