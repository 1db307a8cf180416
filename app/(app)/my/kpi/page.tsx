import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { getDb } from '@/db/client';
import { requireActor } from '@/app/_server/session';
import { todayIso, zoneOr } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { myReportHref } from '@/lib/kpi/common';
import { listMyKpiPeriods, type MyKpiPeriod } from '@/lib/kpi/list';
import { KpiStatusBadge as StatusBadge } from '@/app/_components/kpi-status-badge';

export default async function MyKpiPage() {
  const actor = await requireActor();
  const today = todayIso(zoneOr(actor.timeZone));
  const periods = await listMyKpiPeriods(await getDb(), { actor, today });
  const t = await getTranslations('myKpi');
  const tk = await getTranslations('kpi');
  const locale = (await getLocale()) as Locale;

  // One card per company and park.
  const groups = new Map<string, MyKpiPeriod[]>();
  for (const p of periods) groups.set(`${p.companyId}|${p.parkId}`, [...(groups.get(`${p.companyId}|${p.parkId}`) ?? []), p]);

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('subtitle')} />
      {groups.size === 0 && (
        <Card>
          <CardContent className="pt-5 text-sm text-muted-foreground">{t('none')}</CardContent>
        </Card>
      )}
      {[...groups.values()].map((list) => {
        const first = list[0];
        return (
          <Card key={`${first.companyId}${first.parkId}`}>
            <CardHeader>
              <CardTitle>
                {first.companyName} — {first.parkName}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('period')}</TableHead>
                    <TableHead>{t('deadline')}</TableHead>
                    <TableHead>{t('status')}</TableHead>
                    <TableHead className="text-right">
                      <span className="sr-only">{tk('open')}</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((p) => {
                    const period = tk('periodLabel', { year: p.year, quarter: p.quarter ?? 0 });
                    const status = p.report?.status ?? null;
                    const overdue = !status && p.deadline !== null && today > p.deadline;
                    const label = !status || status === 'draft' ? (status ? t('continue') : t('file')) : status === 'returned' ? t('correct') : t('view');
                    return (
                      <TableRow key={`${p.year}-${p.quarter ?? 0}`}>
                        <TableHead scope="row" className="h-auto py-2 text-foreground">
                          {period}
                        </TableHead>
                        <TableCell className="whitespace-nowrap">
                          {p.deadline ? formatDate(p.deadline, locale) : '—'}
                          {overdue && (
                            <Badge variant="destructive" className="ml-2">
                              {tk('overdue')}
                            </Badge>
                          )}
                        </TableCell>
                        <TableCell>
                          {status ? <StatusBadge status={status} label={tk(`statuses.${status}`)} /> : <span className="text-muted-foreground">{t('notFiled')}</span>}
                          {status === 'returned' && p.report?.reviewComment && (
                            <p className="mt-1 max-w-md text-xs text-muted-foreground">{t('returnedComment', { comment: p.report.reviewComment })}</p>
                          )}
                        </TableCell>
                        <TableCell className="text-right">
                          <Button asChild size="sm" variant={status === 'submitted' || status === 'accepted' ? 'outline' : 'default'}>
                            <Link href={myReportHref(p.parkSlug, p.companyId, p.year, p.quarter)} aria-label={`${label}: ${period}`}>
                              {label}
                            </Link>
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
