'use client';

import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/app/_server/action';

/**
 * Submits a react-hook-form form to a server action and maps its answer back: field errors onto
 * the fields with `form.setError`, anything else into one form-level message.
 */
export function useActionForm<V extends FieldValues, T>(
  form: UseFormReturn<V>,
  action: (values: V) => Promise<ActionResult<T>>,
  onSuccess?: (data: T) => void | Promise<void>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      await onSuccess?.(result.data);
      return;
    }
    const known = Object.keys(form.getValues());
    let unplaced = false;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (known.includes(field.split('.')[0])) form.setError(field as Path<V>, { message: messages[0] });
      else unplaced = true;
    }
    setFormError(result.formError ?? (unplaced ? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? null : null));
  });
  return { submit, formError, setFormError };
}
