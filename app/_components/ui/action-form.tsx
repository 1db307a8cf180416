'use client';

import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button, type ButtonProps } from './button';
import { Form, FormError } from './form';

/**
 * The frame of a form that `useActionForm` submits to a server action: react-hook-form's context,
 * no browser validation (the schema's messages show on the fields instead), the form-level error
 * first, the fields, then the submit button, disabled while the action runs.
 * `grid` lays the fields out two to a row on wide screens (a field spans both with `sm:col-span-2`);
 * `stack` puts them one under another with a full-width button, as on the sign-in card; `compact`
 * one under another, closer, with a small button, for a form inside a card or beside a list.
 */
export function ActionForm<V extends FieldValues>({
  form,
  onSubmit,
  formError,
  submitLabel,
  pendingLabel,
  layout = 'grid',
  submitVariant,
  children,
  ...props
}: Omit<React.ComponentProps<'form'>, 'onSubmit' | 'className' | 'noValidate'> & {
  form: UseFormReturn<V>;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  formError: string | null;
  submitLabel: React.ReactNode;
  /** What the button says while the action runs; the submit label when not given. */
  pendingLabel?: React.ReactNode;
  layout?: 'grid' | 'stack' | 'compact';
  submitVariant?: ButtonProps['variant'];
}) {
  const { isSubmitting } = form.formState;
  const button = (
    <Button type="submit" variant={submitVariant} size={layout === 'compact' ? 'sm' : undefined} className={layout === 'stack' ? 'w-full' : undefined} disabled={isSubmitting}>
      {isSubmitting && pendingLabel ? pendingLabel : submitLabel}
    </Button>
  );
  return (
    <Form {...form}>
      <form onSubmit={onSubmit} className={{ grid: 'grid gap-4 sm:grid-cols-2', stack: 'space-y-4', compact: 'space-y-3' }[layout]} noValidate {...props}>
        <FormError message={formError} className={layout === 'grid' ? 'sm:col-span-2' : undefined} />
        {children}
        {layout === 'grid' ? <div className="sm:col-span-2">{button}</div> : button}
      </form>
    </Form>
  );
}
