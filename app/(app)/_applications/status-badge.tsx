import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import type { ApplicationStatus } from '@/lib/validation/applications';

const VARIANT = {
  draft: 'secondary',
  submitted: 'info',
  in_review: 'warning',
  returned: 'warning',
  rejected: 'destructive',
  approved: 'success',
  closed: 'secondary',
} as const satisfies Record<ApplicationStatus, string>;

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations('applications');
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
