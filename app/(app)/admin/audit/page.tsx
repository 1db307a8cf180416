import { getLocale, getTranslations } from 'next-intl/server';
import { describeRefusal } from '@/app/_server/action';
import { adminContext } from '@/app/_server/admin-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { PageHeader } from '@/app/_components/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { DataTable } from '@/app/_components/ui/data-table';
import { FilterActions, FilterDateRange, FilterField, FilterForm, FilterSelect } from '@/app/_components/ui/filter';
import { Input } from '@/app/_components/ui/input';
import { PageLinks } from '@/app/_components/ui/page-links';
import { listAuditPage, type AuditEntryDto, type AuditPage } from '@/lib/admin/audit-log';
import { AUDIT_ACTIONS, isAuditAction } from '@/lib/audit-actions';
import { AppError } from '@/lib/errors';
import { zoneOr } from '@/lib/dates';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { listParks } from '@/lib/parks/parks';

const BASE = '/admin/audit';
const FILTERS = ['user', 'park', 'action', 'from', 'to'] as const;

/** An address under the log with the reader's filters and some parameters changed (undefined removes one). */
function href(path: string, filters: Record<string, string>, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor, db } = await adminContext();
  const raw = searchValues(await searchParams);
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : []))) as Record<string, string>;
  const t = await getTranslations('auditLog');
  const locale = (await getLocale()) as Locale;
  let page: AuditPage | null = null;
  let problem: string | null = null;
  try {
    page = await listAuditPage(db, { actor, query: { ...filters, after: raw.after, before: raw.before } });
  } catch (error) {
    // Filters that cannot be applied (a range that ends before it starts, a date that is not one): said so, not an empty list.
    if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
    problem = await describeRefusal(error);
  }
  const parks = await listParks(db, { actor });
  const actionWords = (code: string) => (isAuditAction(code) ? t(`actions.${code}`) : code);
  const who = (e: AuditEntryDto) => {
    if (!e.actor) return <span className="text-muted-foreground">{t('deletedUser')}</span>;
    if (!e.actorName) return t('system', { label: e.actor });
    return (
      <>
        {e.actorName}
        <span className="block text-xs text-muted-foreground">{e.actor}</span>
      </>
    );
  };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        description={t('subtitle')}
        actions={
          !problem && (
            <>
              <Button asChild variant="outline" size="sm">
                <a href={href(`${BASE}/export`, filters, { format: 'csv' })} download>
                  {t('exportCsv')}
                </a>
              </Button>
              <Button asChild variant="outline" size="sm">
                <a href={href(`${BASE}/export`, filters, { format: 'xlsx' })} download>
                  {t('exportXlsx')}
                </a>
              </Button>
            </>
          )
        }
      />
      <FilterForm action={BASE} className="lg:grid-cols-7">
        <FilterField label={t('filterUser')} className="lg:col-span-2">
          <Input name="user" type="search" defaultValue={filters.user ?? ''} placeholder={t('filterUserPlaceholder')} />
        </FilterField>
        <FilterSelect name="park" label={t('filterPark')} value={filters.park} any={t('any')} options={parks.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="action" className="lg:col-span-2" label={t('filterAction')} value={filters.action} any={t('any')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionWords(a) }))} />
        <FilterDateRange labels={{ from: t('filterFrom'), to: t('filterTo') }} from={filters.from} to={filters.to} />
        <FilterActions apply={t('apply')} reset={{ href: BASE, label: t('reset') }} className="sm:col-span-2 lg:col-span-7" />
      </FilterForm>
      {problem && (
        <Alert variant="warning" role="alert">
          <AlertTitle>{t('badFilters')}</AlertTitle>
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}
      {page && (
        <>
          <DataTable
            rows={page.rows}
            rowKey={(e) => e.id}
            empty={t('empty')}
            columns={[
              { header: t('columns.at'), className: 'whitespace-nowrap align-top', cell: (e) => formatDateTime(e.at, locale, zoneOr(actor.timeZone)) },
              { header: t('columns.actor'), className: 'align-top', cell: who },
              {
                header: t('columns.action'),
                className: 'min-w-48 align-top',
                cell: (e) => (
                  <>
                    <span className="font-medium">{actionWords(e.action)}</span>
                    {e.parkName && <span className="block text-xs text-muted-foreground">{e.parkName}</span>}
                    <span className="block text-xs text-muted-foreground">{t('record', { entity: e.entity, id: e.entityId?.slice(0, 8) ?? '—' })}</span>
                  </>
                ),
              },
              {
                header: t('columns.changes'),
                className: 'w-1/2 align-top',
                cell: (e) =>
                  e.changes.length === 0 ? (
                    <span className="text-xs text-muted-foreground">{t('noChange')}</span>
                  ) : (
                    <table className="w-full table-fixed text-xs">
                      <colgroup>
                        <col className="w-[28%]" />
                        <col className="w-[36%]" />
                        <col className="w-[36%]" />
                      </colgroup>
                      <thead className="text-muted-foreground">
                        <tr>
                          <th scope="col" className="pr-3 text-left font-normal">{t('field')}</th>
                          <th scope="col" className="pr-3 text-left font-normal">{t('before')}</th>
                          <th scope="col" className="text-left font-normal">{t('after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.changes.map((c) => (
                          <tr key={c.field} className="align-top">
                            <th scope="row" className="pr-3 text-left font-mono font-normal wrap-anywhere">{c.field || t('wholeValue')}</th>
                            <td className="pr-3 text-muted-foreground wrap-anywhere">{c.before ?? '—'}</td>
                            <td className="wrap-anywhere">{c.after ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ),
              },
            ]}
          />
          <PageLinks
            label={t('pages')}
            previous={{ label: t('previous'), href: page.previous && href(BASE, filters, { before: page.previous }) }}
            next={{ label: t('next'), href: page.next && href(BASE, filters, { after: page.next }) }}
          />
        </>
      )}
    </div>
  );
}
