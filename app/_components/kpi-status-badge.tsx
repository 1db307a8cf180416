import { Badge } from '@/app/_components/ui/badge';

const VARIANT = { draft: 'secondary', submitted: 'info', accepted: 'success', returned: 'warning' } as const;

/** A KPI report's status, coloured by what it asks of the reader. */
export function KpiStatusBadge({ status, label }: { status: keyof typeof VARIANT; label: string }) {
  return <Badge variant={VARIANT[status]}>{label}</Badge>;
}
