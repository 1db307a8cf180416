import { Trash2 } from 'lucide-react';
import Link from 'next/link';
import * as React from 'react';
import { Button } from './button';
import { cn } from './cn';

/** `bare` leaves out the frame, for a table inside a document or a card that frames it already. */
export function Table({ className, bare = false, ...props }: React.ComponentProps<'table'> & { bare?: boolean }) {
  // The wrapper scrolls sideways on narrow screens; it takes focus so the keyboard can scroll it too.
  return (
    <div tabIndex={0} className={cn('relative w-full overflow-x-auto focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring', !bare && 'rounded-lg border')}>
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}
export function TableHeader({ className, ...props }: React.ComponentProps<'thead'>) {
  return <thead className={cn('bg-muted/50 [&_tr]:border-b', className)} {...props} />;
}
export function TableBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return <tbody className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}
export function TableRow({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr className={cn('border-b transition-colors hover:bg-muted/40', className)} {...props} />;
}
export function TableHead({ className, ...props }: React.ComponentProps<'th'>) {
  return <th className={cn('h-10 px-3 text-left align-middle font-medium text-muted-foreground whitespace-nowrap', className)} {...props} />;
}
export function TableCell({ className, ...props }: React.ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2 align-middle', className)} {...props} />;
}

/** The one row a table shows when it has no rows: a muted line across all `colSpan` columns. */
export function TableEmptyRow({ colSpan, className, children }: { colSpan: number; className?: string; children: React.ReactNode }) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan} className={cn('py-8 text-center text-muted-foreground', className)}>
        {children}
      </TableCell>
    </TableRow>
  );
}

/**
 * A column header that sorts the list. The order lives in the URL and the server sorts (in SQL for
 * the paged lists), so sorting is a link: `href` is the list sorted by this column, `direction`
 * says how the list is sorted now when it is sorted by this column.
 */
export function SortableTableHead({
  href,
  label,
  sortLabel,
  direction,
  className,
}: {
  href: string;
  label: React.ReactNode;
  /** The link's name, e.g. "Sort by New jobs". */
  sortLabel: string;
  direction?: 'asc' | 'desc';
  className?: string;
}) {
  return (
    <TableHead className={className} aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={href} className="inline-flex items-center gap-1 hover:text-foreground" aria-label={sortLabel}>
        {label}
        {direction && <span aria-hidden>{direction === 'desc' ? '↓' : '↑'}</span>}
      </Link>
    </TableHead>
  );
}

/** The last cell of an editable table's row: a button that takes the row out, named by what it removes. */
export function RemoveRowCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <TableCell className="px-1 align-top">
      <Button type="button" variant="ghost" size="icon" onClick={onRemove} aria-label={label}>
        <Trash2 />
      </Button>
    </TableCell>
  );
}
