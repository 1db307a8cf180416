import { useId } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="no-print flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

/** One figure on a card; the card is a group named by its label, so a reader (or a test) finds the figure by what it is. */
export function StatCard({ label, value, hint, href, tone }: { label: string; value: React.ReactNode; hint?: React.ReactNode; href?: string; tone?: 'warning' | 'default' }) {
  const id = useId();
  const body = (
    <div role="group" aria-labelledby={id} className={`h-full rounded-xl border bg-card p-4 shadow-sm transition-colors ${href ? 'hover:border-primary/50' : ''} ${tone === 'warning' ? 'border-amber-300 dark:border-amber-700' : ''}`}>
      <p id={id} className="text-sm text-muted-foreground">
        {label}
      </p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint && <p className="mt-1 text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
  return href ? (
    <a href={href} className="block">
      {body}
    </a>
  ) : (
    body
  );
}
