import { cn } from './cn';

/** What a list, table or chart shows when it has nothing to show: one muted line in a dashed box. */
export function EmptyState({ className, children }: { className?: string; children: React.ReactNode }) {
  return <p className={cn('rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground', className)}>{children}</p>;
}
