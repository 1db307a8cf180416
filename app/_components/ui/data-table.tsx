import Link from 'next/link';
import * as React from 'react';
import { cn } from './cn';
import { SortableTableHead, Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeader, TableRow } from './table';

/** One column of a DataTable: its header and what each row shows in it. */
export type DataColumn<Row> = {
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Classes of the column's body cells. */
  className?: string;
  /** Classes of the column's header cell. */
  headClassName?: string;
  /** Makes the cell's content a link to the row's own page (the cell's classes style it: color and weight are inherited). */
  href?: (row: Row) => string;
  /** Right-aligns the header and the cells (figures). */
  align?: 'right';
  /** The cell names its row: `<th scope="row">`, so a screen reader reads it with each cell of the row. */
  rowHeader?: boolean;
  /** A column the list sorts by (see SortableTableHead); `sortLabel` names the link. */
  sort?: { href: string; sortLabel: string; direction?: 'asc' | 'desc' };
  /** The cell's own attributes, e.g. a `title` for a truncated value or a class that depends on the row. */
  cellProps?: (row: Row) => Omit<React.ComponentProps<'td'>, 'children'>;
};

/**
 * A list as a table: the columns say what each row shows, so a page writes its headers and cells
 * once instead of the thead/tbody markup. It renders on the server (the cells are functions called
 * here), names itself by `aria-label` or a `caption`, and shows `empty` in one row across all
 * columns when there are no rows (a page that shows something else instead leaves `empty` out).
 * Columns given as `false` (a column only some readers see) are left out.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  caption,
  rowProps,
  footer,
  ...props
}: Omit<React.ComponentProps<typeof Table>, 'children'> & {
  columns: readonly (DataColumn<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => React.Key;
  empty?: React.ReactNode;
  /** A caption shown under the table (it names the table too). */
  caption?: React.ReactNode;
  rowProps?: (row: Row) => Omit<React.ComponentProps<'tr'>, 'children'>;
  /** Rows after the list's rows, such as a total. */
  footer?: React.ReactNode;
}) {
  const shown = columns.filter((c): c is DataColumn<Row> => Boolean(c));
  return (
    <Table {...props}>
      {caption ? <caption className="mt-2 text-xs text-muted-foreground">{caption}</caption> : null}
      <TableHeader>
        <TableRow>
          {shown.map((c, i) => {
            const className = cn(c.align === 'right' && 'text-right', c.headClassName);
            return c.sort ? (
              <SortableTableHead key={i} href={c.sort.href} label={c.header} sortLabel={c.sort.sortLabel} direction={c.sort.direction} className={className || undefined} />
            ) : (
              <TableHead key={i} className={className || undefined}>
                {c.header}
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && empty ? <TableEmptyRow colSpan={shown.length}>{empty}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((c, i) => {
              const own = c.cellProps?.(row);
              const className = cn(c.align === 'right' && 'text-right', c.className, own?.className) || undefined;
              const content = c.href ? (
                <Link href={c.href(row)} className="hover:underline">
                  {c.cell(row)}
                </Link>
              ) : (
                c.cell(row)
              );
              return c.rowHeader ? (
                <th key={i} scope="row" {...own} className={cn('px-3 py-2 text-left align-middle font-medium', className)}>
                  {content}
                </th>
              ) : (
                <TableCell key={i} {...own} className={className}>
                  {content}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
        {footer}
      </TableBody>
    </Table>
  );
}
