import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { periodLabel, type Period, type PeriodProblem } from './period';

/** What was wrong with the period in the address, and which period is shown instead. */
export async function PeriodAlert({ problem, period }: { problem: PeriodProblem | null; period: Period }) {
  if (!problem) return null;
  const t = await getTranslations('reports.period');
  const shown = periodLabel(period);
  return (
    <Alert variant="warning" role="status" className="no-print">
      {problem.kind === 'reversed'
        ? t('reversed', { from: problem.from, to: problem.to, period: shown })
        : problem.kind === 'tooLong'
          ? t('tooLong', { max: problem.max, period: shown })
          : t('invalid', { period: shown })}
    </Alert>
  );
}
