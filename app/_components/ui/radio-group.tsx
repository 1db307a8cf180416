'use client';

import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import * as React from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import type { Choice } from './checkbox';
import { cn } from './cn';
import { FormField, FormFieldset, FormItem, useFormField } from './form';
import { Label } from './input';

/** A radio group (radix-ui): arrow keys move and choose, as in a native group of radios. */
export function RadioGroup({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root className={cn('grid gap-2', className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      className={cn(
        'aspect-square size-4 shrink-0 rounded-full border border-input bg-background text-primary shadow-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-destructive data-[state=checked]:border-primary',
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="flex items-center justify-center">
        <span className="size-2 rounded-full bg-primary" />
      </RadioGroupPrimitive.Indicator>
    </RadioGroupPrimitive.Item>
  );
}

/**
 * One choice of several, in a fieldset named by its legend. The values may be of any type (a
 * boolean, say): the radios carry their option's position, and nothing is chosen while the
 * value matches no option.
 */
export function RadioGroupField<V extends FieldValues, T>({
  control,
  name,
  legend,
  legendClassName,
  description,
  options,
  className,
  groupClassName,
}: {
  control?: Control<V>;
  name: FieldPath<V>;
  legend: React.ReactNode;
  legendClassName?: string;
  description?: React.ReactNode;
  options: Choice<T>[];
  className?: string;
  groupClassName?: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => {
        const index = options.findIndex((o) => o.value === field.value);
        return (
          <FormItem className={className}>
            <FormFieldset legend={legend} legendClassName={legendClassName} description={description}>
              <ChoiceRadios
                value={index < 0 ? '' : String(index)}
                onValueChange={(v) => field.onChange(options[Number(v)]?.value)}
                onBlur={field.onBlur}
                firstRef={field.ref}
                className={groupClassName}
                options={options}
              />
            </FormFieldset>
          </FormItem>
        );
      }}
    />
  );
}

function ChoiceRadios<T>({ options, firstRef, ...props }: Omit<React.ComponentProps<typeof RadioGroup>, 'children'> & { options: Choice<T>[]; firstRef?: React.Ref<HTMLButtonElement> }) {
  const { controlId, error } = useFormField();
  // The fieldset's legend names the group and its error describes it; the group says whether it is invalid.
  return (
    <RadioGroup aria-labelledby={`${controlId}-legend`} aria-invalid={error ? true : undefined} {...props}>
      {options.map((o, i) => (
        <div key={i} className="flex items-center gap-2 text-sm">
          <RadioGroupItem ref={i === 0 ? firstRef : undefined} id={`${controlId}-${i}`} value={String(i)} disabled={o.disabled} />
          <Label htmlFor={`${controlId}-${i}`} className="font-normal leading-snug">
            {o.label}
          </Label>
        </div>
      ))}
    </RadioGroup>
  );
}
