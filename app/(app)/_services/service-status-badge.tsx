import { Badge } from '@/app/_components/ui/badge';
import type { ServiceRequestStatus } from '@/db/schema/values';

const VARIANT = { requested: 'info', in_progress: 'warning', done: 'success', cancelled: 'secondary', refused: 'destructive' } as const satisfies Record<ServiceRequestStatus, string>;

/** A service request's status, coloured by what it asks of the reader. */
export function ServiceStatusBadge({ status, label }: { status: ServiceRequestStatus; label: string }) {
  return <Badge variant={VARIANT[status]}>{label}</Badge>;
}
