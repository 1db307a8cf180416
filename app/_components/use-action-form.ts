'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/app/_server/action';

/**
 * Submits a react-hook-form form to a server action and maps its answer back: field errors onto
 * the fields with `form.setError`, anything else into one form-level message. The form-level
 * message never repeats what a field already says, and never points at highlighted fields when
 * the refused one is not on the form: then it says that field's error itself.
 */
export function useActionForm<V extends FieldValues, T>(
  form: UseFormReturn<V>,
  action: (values: V) => Promise<ActionResult<T>>,
  onSuccess?: (data: T) => void | Promise<void>,
) {
  const tv = useTranslations('validation');
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      await onSuccess?.(result.data);
      return;
    }
    const known = Object.keys(form.getValues());
    const said = (message: string) => (tv.has(message) ? tv(message) : message);
    const placed: string[] = [];
    let unplaced: string | null = null;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (known.includes(field.split('.')[0])) {
        form.setError(field as Path<V>, { message: messages[0] });
        placed.push(said(messages[0]));
      } else unplaced ??= said(messages[0]);
    }
    // The server's "correct the highlighted fields" (validation.checkFields says the same) points at nothing here.
    const generic = !result.formError || result.formError === tv('checkFields');
    if (unplaced) setFormError(generic ? unplaced : result.formError!);
    else setFormError(result.formError && placed.includes(result.formError) ? null : (result.formError ?? null));
  });
  return { submit, formError, setFormError };
}
