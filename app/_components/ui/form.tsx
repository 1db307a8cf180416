'use client';

import { useTranslations } from 'next-intl';
import * as React from 'react';
import { Controller, FormProvider, useFormContext, useFormState, type ControllerProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { Alert } from './alert';
import { cn } from './cn';
import { Label } from './input';

/**
 * Form fields after shadcn/ui's Form: `FormItem` gives a field its ids, `FormLabel` points at the
 * control, `FormControl` puts the ids, `aria-invalid` and `aria-describedby` (description, then
 * error) on the control, `FormMessage` shows the error. The error comes from react-hook-form when
 * the item has a `name` inside `<Form>`, or is passed as `error` (forms whose state is not in
 * react-hook-form, such as a file picker). `Field` is the one-line form of the whole block.
 */
export const Form = FormProvider;

type ItemContextValue = { id: string; error?: string; described: boolean };
const ItemContext = React.createContext<ItemContextValue | null>(null);
const NameContext = React.createContext<string | null>(null);

/** The ids and error of the field around; every piece below must sit inside a `FormItem`. */
export function useFormField() {
  const item = React.useContext(ItemContext);
  if (!item) throw new Error('useFormField must be used inside <FormItem>');
  return {
    ...item,
    controlId: item.id,
    descriptionId: `${item.id}-description`,
    messageId: `${item.id}-message`,
  };
}

/** A field controlled through react-hook-form's Controller (checkboxes, radio groups); its items read its error. */
export function FormField<V extends FieldValues = FieldValues, N extends FieldPath<V> = FieldPath<V>>(props: ControllerProps<V, N>) {
  return (
    <NameContext.Provider value={props.name}>
      <Controller {...props} />
    </NameContext.Provider>
  );
}

type FieldError = { message?: unknown; root?: { message?: unknown } } | undefined;
const messageOf = (error: FieldError) => {
  const message = error?.message ?? error?.root?.message;
  return typeof message === 'string' && message ? message : undefined;
};

/** The error react-hook-form holds for `name` (a list's own error included), subscribed to just that field. */
function useFieldErrorOf(name: string): string | undefined {
  const form = useFormContext();
  if (!form) throw new Error(`The field "${name}" reads its error from react-hook-form: wrap its form in <Form {...form}>`);
  const state = useFormState({ control: form.control, name });
  return messageOf(form.getFieldState(name, state).error as FieldError);
}

function FormStateItem({ name, errorText, ...props }: ItemProps & { name: string }) {
  const error = useFieldErrorOf(name);
  return <ItemShell {...props} error={error && (errorText ?? error)} />;
}

/**
 * Whether a `FormDescription` of this item is among its elements (looked for through the markup
 * written in place, not inside other components nor inside a nested item): only a description
 * that is rendered is referenced, as a dangling aria-describedby helps nobody.
 */
function hasDescription(children: React.ReactNode): boolean {
  return React.Children.toArray(children).some(
    (child) =>
      React.isValidElement<{ children?: React.ReactNode }>(child) &&
      child.type !== FormItem &&
      (child.type === FormDescription || hasDescription(child.props.children)),
  );
}

function ItemShell({ id, error, className, children, ...props }: Omit<ItemProps, 'name' | 'errorText'>) {
  const generated = React.useId();
  const described = hasDescription(children);
  const value = React.useMemo(() => ({ id: id ?? generated, error: error ?? undefined, described }), [id, generated, error, described]);
  return (
    <ItemContext.Provider value={value}>
      <div className={cn('space-y-2', className)} {...props}>
        {children}
      </div>
    </ItemContext.Provider>
  );
}

type ItemProps = Omit<React.ComponentProps<'div'>, 'id'> & {
  /** The field's name in react-hook-form; inside a `FormField` it is taken from there. */
  name?: string;
  /** The error to show, for a field whose state is not in react-hook-form. */
  error?: string | null;
  /** Shown instead of the schema's message when the field has an error (an empty choice says "required", not "invalid UUID"). */
  errorText?: string;
  /** The control's id, when something else links to it; otherwise one is generated. */
  id?: string;
};

export function FormItem({ name, error, errorText, ...props }: ItemProps) {
  const fieldName = React.useContext(NameContext) ?? name;
  if (fieldName && error === undefined) return <FormStateItem name={fieldName} errorText={errorText} {...props} />;
  return <ItemShell {...props} error={error ? (errorText ?? error) : undefined} />;
}

export function FormLabel({ className, ...props }: React.ComponentProps<typeof Label>) {
  const { controlId } = useFormField();
  return <Label htmlFor={controlId} className={className} {...props} />;
}

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: React.AriaAttributes['aria-invalid'] };

/**
 * Puts the field's id, its invalid state and what describes it (the control's own references
 * first, then the description, then the error) on the one control element inside.
 */
export function FormControl({ children }: { children: React.ReactElement<ControlProps> }) {
  const { controlId, descriptionId, messageId, error, described } = useFormField();
  const child = React.Children.only(children) as React.ReactElement<ControlProps>;
  const describedBy = [child.props['aria-describedby'], described && descriptionId, error && messageId].filter(Boolean).join(' ');
  return React.cloneElement(child, { id: controlId, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined });
}

export function FormDescription({ className, ...props }: React.ComponentProps<'p'>) {
  const { descriptionId } = useFormField();
  return <p id={descriptionId} className={cn('text-xs text-muted-foreground', className)} {...props} />;
}

/** A message from the catalogue (`validation.*`) is translated; any other text is shown as it is. */
export function FormMessage({ className, ...props }: Omit<React.ComponentProps<'p'>, 'children'>) {
  const { messageId, error } = useFormField();
  const t = useTranslations('validation');
  if (!error) return null;
  return (
    <p id={messageId} className={cn('text-sm text-destructive', className)} data-field-error {...props}>
      {t.has(error) ? t(error) : error}
    </p>
  );
}

type FieldProps = Omit<ItemProps, 'children'> & { label: React.ReactNode; description?: React.ReactNode; labelClassName?: string; children: React.ReactElement<ControlProps> };

/**
 * A whole field: label, control, description and error, linked. The control is the only child
 * (an `Input`, `Textarea`, `NativeSelect`…); pass `labelClassName="sr-only"` for a field whose
 * label is not shown, such as a cell of an editable table. A hint that the error would only repeat
 * ("At least 10 characters." under "At least 10 characters.") is left out while the error shows.
 */
export function Field(props: FieldProps) {
  const name = React.useContext(NameContext) ?? props.name;
  if (typeof props.description === 'string' && name && props.error === undefined) return <HintedField {...props} name={name} />;
  return <PlainField {...props} />;
}

function HintedField(props: FieldProps & { name: string }) {
  const error = useFieldErrorOf(props.name);
  const t = useTranslations('validation');
  const said = error ? (props.errorText ?? (t.has(error) ? t(error) : error)) : null;
  const repeated = said !== null && said.trim() === String(props.description).trim();
  return <PlainField {...props} description={repeated ? undefined : props.description} />;
}

function PlainField({
  label,
  description,
  labelClassName,
  children,
  ...item
}: FieldProps) {
  return (
    <FormItem {...item}>
      <FormLabel className={labelClassName}>{label}</FormLabel>
      <FormControl>{children}</FormControl>
      {description ? <FormDescription>{description}</FormDescription> : null}
      <FormMessage />
    </FormItem>
  );
}

/** A fieldset for a group of controls (choices, rows of a list): its legend names it; its description and error describe it. */
export function FormFieldset({
  legend,
  legendClassName,
  description,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<'fieldset'>, 'children'> & { legend: React.ReactNode; legendClassName?: string; description?: React.ReactNode; children: React.ReactNode }) {
  const { controlId, messageId, error, descriptionId } = useFormField();
  const describedBy = [description && descriptionId, error && messageId].filter(Boolean).join(' ');
  return (
    <fieldset className={cn('space-y-2', className)} aria-describedby={describedBy || undefined} {...props}>
      <legend id={`${controlId}-legend`} className={cn('text-sm font-medium', legendClassName)}>
        {legend}
      </legend>
      {children}
      {description ? <FormDescription>{description}</FormDescription> : null}
      <FormMessage />
    </fieldset>
  );
}

/** The message for the form as a whole (a refusal that belongs to no one field); a catalogue key (`validation.*`) is translated. */
export function FormError({ message, className }: { message?: string | null; className?: string }) {
  const t = useTranslations('validation');
  if (!message) return null;
  return (
    <Alert variant="destructive" role="alert" aria-live="assertive" className={cn('px-3 py-2', className)}>
      {t.has(message) ? t(message) : message}
    </Alert>
  );
}
