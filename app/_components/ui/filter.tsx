import { SlidersHorizontal } from 'lucide-react';
import * as React from 'react';
import { Button, ButtonLink } from './button';
import { Checkbox } from './checkbox-control';
import { cn } from './cn';
import { Input, Label, NativeSelect, SelectOptions } from './input';

/**
 * The filters of a list page: a plain GET form, so a filtered list has an address that can be
 * bookmarked and works before the page has hydrated. Server components all of them, except the
 * checkbox.
 */
export function FilterForm({ className, ...props }: Omit<React.ComponentProps<'form'>, 'method' | 'role'>) {
  return <form method="get" role="search" className={cn('grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2', className)} {...props} />;
}

/**
 * The filters folded behind a "Filters" summary on a phone (with how many are set), so the list they
 * filter starts on the first screen; on wider screens always open (the rule is in app/globals.css).
 * A plain <details>: it works before the page has hydrated.
 */
export function FilterDisclosure({ label, active = 0, children }: { label: string; active?: number; children: React.ReactNode }) {
  return (
    <details className="filter-disclosure">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center gap-2 rounded-md border bg-card px-3 text-sm font-medium shadow-sm [&::-webkit-details-marker]:hidden">
        <SlidersHorizontal className="size-4" aria-hidden />
        {label}
        {active > 0 && (
          <span className="rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums">{active}</span>
        )}
      </summary>
      <div className="mt-2 sm:mt-0">{children}</div>
    </details>
  );
}

/** Apply, reset (a link to the unfiltered list) and how many rows the filters let through. */
export function FilterActions({ apply, reset, status, className }: { apply: string; reset?: { href: string; label: string }; status?: React.ReactNode; className?: string }) {
  return (
    <div className={cn('flex flex-wrap items-end gap-2', className)}>
      <Button type="submit" size="sm">
        {apply}
      </Button>
      {reset && (
        <ButtonLink variant="ghost" size="sm" href={reset.href}>{reset.label}</ButtonLink>
      )}
      {status !== undefined && (
        <p className="ml-auto text-sm text-muted-foreground" aria-live="polite">
          {status}
        </p>
      )}
    </div>
  );
}

/** A labelled filter control (an `Input` or a `NativeSelect` with a `name`). */
export function FilterField({ label, className, children }: { label: React.ReactNode; className?: string; children: React.ReactElement<{ id?: string }> }) {
  const id = React.useId();
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {React.cloneElement(children, { id })}
    </div>
  );
}

/** The free-text filter, `q`. */
export function FilterSearch({ label, value, placeholder, className }: { label: React.ReactNode; value?: string | null; placeholder?: string; className?: string }) {
  return (
    <FilterField label={label} className={className}>
      <Input name="q" type="search" defaultValue={value ?? ''} placeholder={placeholder} />
    </FilterField>
  );
}

/** A range's two days, `from` and `to` (`YYYY-MM-DD`, either open): date fields side by side. */
export function FilterDateRange({ labels, from, to }: { labels: { from: React.ReactNode; to: React.ReactNode }; from?: string | null; to?: string | null }) {
  return (
    <>
      <FilterField label={labels.from}>
        <Input name="from" type="date" defaultValue={from ?? ''} />
      </FilterField>
      <FilterField label={labels.to}>
        <Input name="to" type="date" defaultValue={to ?? ''} />
      </FilterField>
    </>
  );
}

/**
 * A filter's choice. `any` is the label of the empty option that leaves the filter off; the
 * chosen value comes from the URL, so the select is uncontrolled.
 */
export function FilterSelect({
  name,
  label,
  value,
  options,
  any,
  className,
  selectClassName,
}: {
  name: string;
  label: React.ReactNode;
  value?: string | null;
  options: readonly { value: string; label: string }[];
  any?: string;
  className?: string;
  selectClassName?: string;
}) {
  return (
    <FilterField label={label} className={className}>
      <NativeSelect name={name} defaultValue={value ?? ''} className={selectClassName}>
        <SelectOptions placeholder={any} options={options} />
      </NativeSelect>
    </FilterField>
  );
}

/** An on/off filter: submits `name=value` while ticked. */
export function FilterCheckbox({ name, value = '1', label, checked, className }: { name: string; value?: string; label: React.ReactNode; checked: boolean; className?: string }) {
  const id = React.useId();
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <Checkbox id={id} name={name} value={value} defaultChecked={checked} />
      <Label htmlFor={id} className="font-normal">
        {label}
      </Label>
    </div>
  );
}
