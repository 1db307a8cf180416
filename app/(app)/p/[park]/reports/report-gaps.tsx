import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Gaps = { pending: number; missing: number };

/** Where a reviewer deals with a year's (or the whole period's) missing or submitted reports. */
export function kpiLink(slug: string, year?: number, tab: 'missing' | 'submitted' = 'missing') {
  return `/p/${slug}/kpi?tab=${tab}&year=${year ?? 'all'}`;
}

/** Reports that could still change the sums: some submitted but not yet accepted, or not filed at all. */
export function hasGaps(gaps: Gaps) {
  return gaps.pending + gaps.missing > 0;
}

/** The note beside a section's heading saying what could still change its figures, with the way to review them. */
export async function GapNote({ gaps, scope, href }: { gaps: Gaps; scope: string; href?: string }) {
  const t = await getTranslations('reports');
  return (
    <p>
      {t('gaps.note', { pending: gaps.pending, missing: gaps.missing, scope })}{' '}
      {href && (
        <Link href={href} className="no-print font-medium underline underline-offset-2">
          {t('gaps.review')}
        </Link>
      )}
    </p>
  );
}

/** A count of pending or missing reports in the coverage table: muted at zero, a link to them for a reviewer. */
export function GapCount({ n, href }: { n: number; href?: string }) {
  if (n === 0) return <span className="text-muted-foreground">0</span>;
  const body = <span className="font-medium text-amber-800 dark:text-amber-300 print:text-amber-800">{n}</span>;
  return href ? (
    <Link href={href} className="underline underline-offset-2">
      {body}
    </Link>
  ) : (
    body
  );
}
