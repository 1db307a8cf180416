import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/app/_components/page-header';
import { parkContext } from '@/app/_server/park-context';
import { searchValues, type SearchParams } from '@/app/_server/search-params';
import { Badge } from '@/app/_components/ui/badge';
import { Alert } from '@/app/_components/ui/alert';
import { FilterActions, FilterDateRange, FilterDisclosure, FilterForm, FilterSearch, FilterSelect } from '@/app/_components/ui/filter';
import { DataTable, type DataColumn } from '@/app/_components/ui/data-table';
import { PageLinks } from '@/app/_components/ui/page-links';
import { listInboxIndustries, listParkApplications, type InboxRow } from '@/lib/applications/inbox';
import { todayIso } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { APPLICATION_STATUSES, SERVICES, type InboxQuery } from '@/lib/validation/applications';
import { StatusBadge } from '../../../_applications/status-badge';


/** The inbox's query string with some parameters changed (undefined removes one); defaults are left out. */
function href(base: string, query: InboxQuery, change: Partial<Record<keyof InboxQuery, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) {
    if (v === undefined || v === '' || (k === 'sort' && v === 'submitted') || (k === 'dir' && v === 'desc')) continue;
    params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export default async function InboxPage({ params, searchParams }: { params: Promise<{ park: string }>; searchParams: Promise<SearchParams> }) {
  const { park: slug } = await params;
  const { actor, db, park } = await parkContext(slug, 'application.readPark');
  const raw = searchValues(await searchParams);
  const [result, industries] = await Promise.all([
    listParkApplications(db, { actor, parkId: park.id, query: raw, today: todayIso(park.timeZone) }),
    listInboxIndustries(db, { actor, parkId: park.id }),
  ]);
  const { query } = result;
  const t = await getTranslations('inbox');
  const ta = await getTranslations('applications');
  const tc = await getTranslations('closure');
  const locale = (await getLocale()) as Locale;
  const base = `/p/${slug}/applications`;
  /** A sortable column: its header and how the inbox is sorted by it. */
  const sorted = (column: InboxQuery['sort'], label: string) => {
    const active = query.sort === column;
    return {
      header: label,
      sort: {
        href: href(base, query, { sort: column, dir: active && query.dir === 'desc' ? 'asc' : 'desc', after: undefined, before: undefined }),
        sortLabel: t('sortBy', { column: label }),
        direction: active ? query.dir : undefined,
      },
    };
  };
  /** The closed items show why, by whom and when; the live ones how far their reviews have come. */
  const closureColumn: DataColumn<InboxRow> = {
    header: t('columns.closure'),
    className: 'min-w-52 max-w-72 text-sm',
    cell: (r) =>
      r.closure && (
        <>
          <span className="font-medium">{tc(`outcomes.${r.closure.outcome}`)}</span>
          <span className="block whitespace-pre-line">{r.closure.reason}</span>
          <span className="block text-xs text-muted-foreground">
            {r.closure.closedByName
              ? tc('byAt', { who: r.closure.closedByName, at: formatDateTime(r.closure.closedAt, locale, park.timeZone) })
              : tc('at', { at: formatDateTime(r.closure.closedAt, locale, park.timeZone) })}
          </span>
        </>
      ),
  };
  const reviewsColumn: DataColumn<InboxRow> = {
    header: t('columns.reviews'),
    className: 'whitespace-nowrap text-sm',
    cell: (r) => (
      <>
        {r.reviewsExpected > 0 ? (
          <span className="tabular-nums">
            {r.reviewsDone}/{r.reviewsExpected}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
        {r.overdue > 0 && (
          <Badge variant="destructive" className="ml-2">
            {t('overdue', { count: r.overdue })}
          </Badge>
        )}
      </>
    ),
  };
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} description={t('subtitle', { park: park.name })} />
      <FilterDisclosure label={t('filters')} active={[query.q, query.status, query.industry, query.support, query.from, query.to].filter(Boolean).length}>
        <FilterForm action={base} className="lg:grid-cols-6">
          <FilterSearch label={t('search')} value={query.q} placeholder={t('searchPlaceholder')} className="sm:col-span-2" />
          <FilterSelect
            name="status"
            label={t('status')}
            value={query.status}
            any={t('anyLive')}
            options={APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: ta(`statuses.${s}`) }))}
          />
          <FilterSelect name="industry" label={t('industry')} value={query.industry} any={t('any')} options={industries.map((i) => ({ value: i, label: i }))} />
          <FilterSelect
            name="support"
            label={t('support')}
            value={query.support}
            any={t('any')}
            options={(['premises', 'tax', ...SERVICES] as const).map((s) => ({ value: s, label: t(`supports.${s}`) }))}
            className="lg:col-span-2"
          />
          <FilterDateRange labels={{ from: t('from'), to: t('to') }} from={query.from} to={query.to} />
          {query.sort !== 'submitted' && <input type="hidden" name="sort" value={query.sort} />}
          {query.dir !== 'desc' && <input type="hidden" name="dir" value={query.dir} />}
          <FilterActions apply={t('apply')} reset={{ href: base, label: t('reset') }} status={t('total', { count: result.total })} className="sm:col-span-2 lg:col-span-4" />
        </FilterForm>
      </FilterDisclosure>
      {query.from && query.to && query.from > query.to ? (
        <Alert variant="warning" role="status">
          {t('datesReversed', { from: formatDate(query.from, locale), to: formatDate(query.to, locale) })}
        </Alert>
      ) : null}
      <DataTable
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          { ...sorted('title', t('columns.title')), className: 'min-w-64 max-w-96 font-medium', href: (r) => `${base}/${r.id}`, cell: (r) => r.title },
          { ...sorted('company', t('columns.company')), className: 'min-w-48 max-w-72', cell: (r) => r.companyName },
          { header: t('columns.industry'), className: 'max-w-40 truncate', cellProps: (r) => ({ title: r.industry ?? undefined }), cell: (r) => r.industry ?? '—' },
          {
            header: t('columns.support'),
            className: 'text-xs text-muted-foreground',
            cell: (r) =>
              [r.wantsPremises && t('supportShort.premises'), r.wantsTaxIncentives && t('supportShort.tax'), r.services.length > 0 && t('supportShort.services', { count: r.services.length })]
                .filter(Boolean)
                .join(', ') || '—',
          },
          { ...sorted('submitted', t('columns.submitted')), className: 'whitespace-nowrap', cell: (r) => formatDate(r.submittedOn, locale) },
          { ...sorted('status', t('columns.status')), cell: (r) => <StatusBadge status={r.status} /> },
          query.status === 'closed' ? closureColumn : reviewsColumn,
        ]}
      />
      <PageLinks
        label={t('pages')}
        previous={{ label: t('previous'), href: result.previous && href(base, query, { after: undefined, before: result.previous }) }}
        next={{ label: t('next'), href: result.next && href(base, query, { after: result.next, before: undefined }) }}
      />
    </div>
  );
}
