'use client';

import { Progress as ProgressPrimitive } from 'radix-ui';
import * as React from 'react';
import { cn } from './cn';

/** A progress bar (Radix Progress: role="progressbar" with its value); without a value it shows work under way. */
export function Progress({ className, value, ...props }: React.ComponentProps<typeof ProgressPrimitive.Root>) {
  const known = typeof value === 'number';
  return (
    <ProgressPrimitive.Root value={value} className={cn('relative h-2 w-full overflow-hidden rounded-full bg-secondary', className)} {...props}>
      <ProgressPrimitive.Indicator
        className={cn('h-full bg-primary transition-transform', known ? 'w-full' : 'w-1/3 animate-pulse')}
        style={known ? { transform: `translateX(-${100 - Math.min(100, Math.max(0, value))}%)` } : undefined}
      />
    </ProgressPrimitive.Root>
  );
}
