import { useId } from 'react';
import { cn } from '@/app/_components/ui/cn';

/**
 * One report figure: its label, its value (compact; the exact value in `exact`, shown as a tooltip
 * and read by screen readers), a hint, and a note on what could still change it (pending or missing
 * reports), so nobody mistakes an incomplete year for a bad one.
 */
export function FigureCard({
  label,
  value,
  exact,
  hint,
  note,
  className,
}: {
  label: string;
  value: string;
  exact?: string;
  hint?: React.ReactNode;
  note?: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className={cn('flex h-full flex-col rounded-xl border bg-card p-4 shadow-sm break-inside-avoid print:p-2.5 print:shadow-none', className)}>
      <p id={id} className="text-sm text-muted-foreground print:text-xs">
        {label}
      </p>
      <p className="mt-1 text-2xl font-semibold tabular-nums print:text-base" title={exact}>
        {value}
        {exact && exact !== value && <span className="sr-only"> ({exact})</span>}
      </p>
      {hint && <p className="mt-1 text-xs text-muted-foreground">{hint}</p>}
      {note && <div className="mt-auto pt-2 text-xs text-amber-800 dark:text-amber-300 print:text-amber-800">{note}</div>}
    </div>
  );
}
