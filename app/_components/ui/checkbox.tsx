'use client';

import * as React from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { Checkbox } from './checkbox-control';
import { cn } from './cn';
import { FormControl, FormDescription, FormField, FormFieldset, FormItem, FormLabel, FormMessage, useFormField } from './form';
import { Label } from './input';

export { Checkbox };

type FormBound<V extends FieldValues> = { control?: Control<V>; name: FieldPath<V> };

/** One yes/no field of a react-hook-form form: the box, its label to the right, a description under the label, the error. */
export function CheckboxField<V extends FieldValues>({
  control,
  name,
  label,
  description,
  disabled,
  className,
  labelClassName,
  'aria-label': ariaLabel,
}: FormBound<V> & { label?: React.ReactNode; description?: React.ReactNode; disabled?: boolean; className?: string; labelClassName?: string; 'aria-label'?: string }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={cn('flex items-start gap-2 space-y-0', className)}>
          <FormControl>
            <Checkbox
              ref={field.ref}
              checked={field.value === true}
              onCheckedChange={(checked) => field.onChange(checked === true)}
              onBlur={field.onBlur}
              disabled={disabled}
              aria-label={ariaLabel}
              className={label ? 'mt-px' : undefined}
            />
          </FormControl>
          {label ? (
            <div className="space-y-1">
              <FormLabel className={labelClassName}>{label}</FormLabel>
              {description ? <FormDescription>{description}</FormDescription> : null}
              <FormMessage />
            </div>
          ) : (
            <FormMessage />
          )}
        </FormItem>
      )}
    />
  );
}

export type Choice<T> = { value: T; label: React.ReactNode; disabled?: boolean };

/**
 * A list of strings chosen with checkboxes, in a fieldset named by its legend. The value keeps the
 * options' order, whatever order they were ticked in, and never holds a disabled option that was
 * not already there, as a native checkbox list would submit.
 */
export function CheckboxGroupField<V extends FieldValues>({
  control,
  name,
  legend,
  legendClassName,
  options,
  className,
  fieldsetClassName,
  listClassName,
  itemClassName,
  disabled,
}: FormBound<V> & {
  legend: React.ReactNode;
  legendClassName?: string;
  options: Choice<string>[];
  /** On the field's outer element (its place in a grid); `fieldsetClassName` on the fieldset (a frame its legend sits in). */
  className?: string;
  fieldsetClassName?: string;
  listClassName?: string;
  itemClassName?: string;
  disabled?: boolean;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => {
        const chosen = new Set<string>(Array.isArray(field.value) ? field.value : []);
        const toggle = (value: string, on: boolean) => {
          const next = new Set(chosen);
          if (on) next.add(value);
          else next.delete(value);
          field.onChange(options.filter((o) => next.has(o.value)).map((o) => o.value));
        };
        return (
          <FormItem className={className}>
            <FormFieldset legend={legend} legendClassName={legendClassName} className={fieldsetClassName}>
              <div className={listClassName}>
                {options.map((o, i) => (
                  <CheckboxChoice
                    key={o.value}
                    index={i}
                    checked={chosen.has(o.value)}
                    disabled={disabled || o.disabled}
                    onCheckedChange={(on) => toggle(o.value, on)}
                    onBlur={field.onBlur}
                    ref={i === 0 ? field.ref : undefined}
                    className={itemClassName}
                  >
                    {o.label}
                  </CheckboxChoice>
                ))}
              </div>
            </FormFieldset>
          </FormItem>
        );
      }}
    />
  );
}

function CheckboxChoice({
  index,
  children,
  className,
  onCheckedChange,
  ...props
}: Omit<React.ComponentProps<typeof Checkbox>, 'onCheckedChange' | 'children'> & { index: number; children: React.ReactNode; onCheckedChange: (on: boolean) => void }) {
  const { controlId, error } = useFormField();
  const id = `${controlId}-${index}`;
  return (
    <div className={cn('flex items-center gap-2 text-sm', props.disabled && 'opacity-60', className)}>
      <Checkbox id={id} aria-invalid={error ? true : undefined} onCheckedChange={(checked) => onCheckedChange(checked === true)} {...props} />
      <Label htmlFor={id} className="flex flex-1 flex-wrap items-center gap-2 font-normal leading-snug">
        {children}
      </Label>
    </div>
  );
}
