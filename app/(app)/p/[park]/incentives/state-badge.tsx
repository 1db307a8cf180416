import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import type { IncentiveRowDto } from '@/lib/incentives/incentives';

const VARIANT = { in_force: 'success', not_yet: 'outline', expired: 'secondary', revoked: 'destructive' } as const;

export async function IncentiveState({ row }: { row: Pick<IncentiveRowDto, 'state' | 'expiresInDays'> }) {
  const t = await getTranslations('incentives');
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge variant={VARIANT[row.state]}>{t(`states.${row.state}`)}</Badge>
      {row.expiresInDays !== null && <Badge variant="warning">{t('expiresIn', { days: row.expiresInDays })}</Badge>}
    </span>
  );
}
