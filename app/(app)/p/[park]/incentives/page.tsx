import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Button } from '@/app/_components/ui/button';
import { Input, Label, NativeSelect } from '@/app/_components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/app/_components/ui/table';
import { can } from '@/lib/auth/permissions';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listIncentives } from '@/lib/incentives/incentives';
import { INCENTIVE_KINDS, incentiveFiltersSchema, type IncentiveFilters } from '@/lib/validation/incentives';
import { IncentiveState } from './state-badge';

function query(filters: IncentiveFilters, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function IncentivesPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'resident.read');
  const filters = incentiveFiltersSchema.parse(searchValues(await searchParams));
  const today = todayIso();
  const rows = await listIncentives(db, { actor, parkId: park.id, today, filters });
  const t = await getTranslations('incentives');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/incentives/export${query(filters, { format: 'csv' })}`} download>
                {t('exportCsv')}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${base}/incentives/export${query(filters, { format: 'xlsx' })}`} download>
                {t('exportXlsx')}
              </a>
            </Button>
            {can(actor, 'incentive.grant', park.id) && (
              <Button asChild size="sm">
                <Link href={`${base}/incentives/new`}>{t('grant')}</Link>
              </Button>
            )}
          </>
        }
      />
      <form method="get" action={`${base}/incentives`} role="search" className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="space-y-1.5 sm:col-span-2">
          <Label htmlFor="q">{t('search')}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="status">{t('stateFilter')}</Label>
          <NativeSelect id="status" name="status" defaultValue={filters.status ?? 'all'}>
            {(['all', 'active', 'expired', 'revoked'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`stateFilters.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="kind">{t('kindFilter')}</Label>
          <NativeSelect id="kind" name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('any')}</option>
            {INCENTIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="expiring" value="1" defaultChecked={filters.expiring === '1'} className="size-4 accent-primary" />
          {t('expiringFilter')}
        </label>
        <div className="flex items-center gap-2 sm:col-span-2 lg:justify-end">
          <Button type="submit" size="sm">
            {t('apply')}
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href={`${base}/incentives`}>{t('reset')}</Link>
          </Button>
          <p className="ml-2 text-sm text-muted-foreground" aria-live="polite">
            {t('shown', { count: rows.length })}
          </p>
        </div>
      </form>
      <Table aria-label={t('title')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('columns.company')}</TableHead>
            <TableHead>{t('columns.kind')}</TableHead>
            <TableHead>{t('columns.decision')}</TableHead>
            <TableHead>{t('columns.validity')}</TableHead>
            <TableHead>{t('columns.state')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                {t('empty')}
              </TableCell>
            </TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="min-w-56">
                <Link href={`${base}/residents/${r.companyId}`} className="font-medium hover:underline">
                  {r.companyName}
                </Link>
              </TableCell>
              <TableCell className="max-w-xs">
                <Link href={`${base}/incentives/${r.id}`} className="hover:underline">
                  {t(`kinds.${r.kind}`)}
                </Link>
                {r.legalBasis && <span className="block truncate text-xs text-muted-foreground" title={r.legalBasis}>{r.legalBasis}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {r.decisionNumber && <span className="block">{r.decisionNumber}</span>}
                <span className={r.decisionNumber ? 'text-xs text-muted-foreground' : undefined}>{formatDate(r.grantedOn, locale)}</span>
              </TableCell>
              <TableCell className="whitespace-nowrap text-xs">
                {formatDate(r.validFrom, locale)} –
                <span className="block">{r.validTo ? formatDate(r.validTo, locale) : t('openEnded')}</span>
              </TableCell>
              <TableCell>
                <IncentiveState row={r} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
