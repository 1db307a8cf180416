import { useId } from 'react';
import { cn } from './cn';

/**
 * A part of a page without a card: a `<section>` named by its h2 (a region a screen reader can jump
 * to and a test can find by name), with a note beside the heading, such as what could still change
 * the figures below it.
 */
export function PageSection({ title, note, className, children }: { title: React.ReactNode; note?: React.ReactNode; className?: string; children: React.ReactNode }) {
  const id = useId();
  const heading = (
    <h2 id={id} className="text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={cn('space-y-3', className)}>
      {note ? (
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          {heading}
          <div className="text-sm text-amber-800 dark:text-amber-300 print:text-amber-800">{note}</div>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
