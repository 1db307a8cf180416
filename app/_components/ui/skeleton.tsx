import * as React from 'react';
import { cn } from './cn';

/** A grey placeholder where content is still on its way (a streamed section's fallback); hidden from screen readers. */
export function Skeleton({ className, ...props }: React.ComponentProps<'div'>) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-muted', className)} {...props} />;
}
