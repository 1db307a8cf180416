import * as React from 'react';
import { cn } from './cn';

/**
 * A titled part of a page on a card: a `<section>` named by its heading (so it is a region a
 * screen reader can jump to and a test can find by name), a description under the title, actions
 * on the right of the title, and the content.
 */
export function SectionCard({
  title,
  description,
  actions,
  level = 2,
  className,
  contentClassName,
  children,
  ...props
}: Omit<React.ComponentProps<'section'>, 'title'> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  level?: 2 | 3;
  contentClassName?: string;
}) {
  const id = React.useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`${id}-title`} className={cn('rounded-xl border bg-card text-card-foreground shadow-sm', className)} {...props}>
      <div className="flex flex-wrap items-start justify-between gap-3 p-5 pb-3">
        <div className="space-y-1.5">
          <Heading id={`${id}-title`} className="font-semibold leading-none tracking-tight">
            {title}
          </Heading>
          {description ? <div className="text-sm text-muted-foreground">{description}</div> : null}
        </div>
        {actions}
      </div>
      <div className={cn('p-5 pt-0', contentClassName)}>{children}</div>
    </section>
  );
}
