import * as React from 'react';
import { cn } from './cn';

/** A record's fields as a definition list, one field a line. */
export function DetailList({ className, ...props }: React.ComponentProps<'dl'>) {
  return <dl className={cn('divide-y', className)} {...props} />;
}

/**
 * One field of a DetailList: the label and its value side by side. `dense` is for a narrow card (a
 * 10rem label column even on small screens); otherwise the label stands above the value on small
 * screens and in a 12rem column from `sm` on.
 */
export function DetailItem({ label, dense = false, children }: { label: React.ReactNode; dense?: boolean; children: React.ReactNode }) {
  return (
    <div className={dense ? 'grid grid-cols-[minmax(0,10rem)_1fr] gap-2 py-1.5 text-sm' : 'grid gap-1 py-2 text-sm sm:grid-cols-[12rem_1fr]'}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}
