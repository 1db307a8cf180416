import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataColumn } from './data-table';

type Row = { id: number; name: string; jobs: number };

const columns: (DataColumn<Row> | false)[] = [
  { header: 'Company', rowHeader: true, href: (r) => `/residents/${r.id}`, cell: (r) => r.name },
  false,
  { header: 'Jobs', align: 'right', className: 'tabular-nums', cell: (r) => r.jobs, cellProps: (r) => ({ title: `${r.jobs} jobs`, className: r.jobs > 4 ? 'text-destructive' : undefined }) },
  { header: 'Created', sort: { href: '/list?sort=created', sortLabel: 'Sort by Created', direction: 'desc' }, cell: () => '—' },
];

function render(rows: Row[], extra: Record<string, unknown> = {}) {
  return renderToStaticMarkup(h(DataTable<Row>, { columns, rows, rowKey: (r) => r.id, 'aria-label': 'Residents', ...extra }));
}

describe('DataTable', () => {
  it('writes a named table: the headers in order, a row header per row linking to its page, the cells aligned and classed as their column and row say', () => {
    const html = render([
      { id: 1, name: 'Alpha', jobs: 3 },
      { id: 2, name: 'Beta', jobs: 5 },
    ]);
    expect(html).toMatch(/<table [^>]*aria-label="Residents"/);
    const heads = [...html.matchAll(/<th class="[^"]*"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(heads.slice(0, 3)).toEqual(['Company', 'Jobs', 'Created↓']);
    expect(html).toMatch(/<th scope="row" class="[^"]*"><a class="hover:underline" href="\/residents\/1">Alpha<\/a><\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums text-destructive" title="5 jobs">5<\/td>/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums" title="3 jobs">3<\/td>/);
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('aria-label="Sort by Created"');
    expect(html.indexOf('Alpha')).toBeLessThan(html.indexOf('Beta'));
  });

  it('shows the empty line across all shown columns when there are no rows, and nothing when it is not given', () => {
    expect(render([], { empty: 'No residents yet.' })).toMatch(/<td class="[^"]*text-center[^"]*" colSpan="3">No residents yet.<\/td>/);
    expect(render([])).not.toContain('colSpan');
  });

  it('puts the footer rows after the list and gives each row its own attributes', () => {
    const html = render([{ id: 1, name: 'Alpha', jobs: 3 }], {
      rowProps: (r: Row) => ({ 'aria-current': r.id === 1 ? 'true' : undefined }),
      footer: h('tr', null, h('td', null, 'Total')),
    });
    expect(html).toMatch(/<tr [^>]*aria-current="true"/);
    expect(html.indexOf('Alpha')).toBeLessThan(html.indexOf('Total'));
  });
});
