import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DetailItem, DetailList } from './detail-list';

describe('DetailList', () => {
  it('is a dl of label and value pairs in order, the dense one with a fixed label column', () => {
    const html = renderToStaticMarkup(
      h(DetailList, { className: 'rounded-lg border' }, h(DetailItem, { label: 'INN', children: '4205000000' }), h(DetailItem, { label: 'Industry', dense: true, children: 'IT' })),
    );
    expect(html).toMatch(/^<dl class="divide-y rounded-lg border">/);
    expect(html).toMatch(/<dt class="text-muted-foreground">INN<\/dt><dd class="[^"]*">4205000000<\/dd>/);
    expect(html.indexOf('INN')).toBeLessThan(html.indexOf('Industry'));
    expect(html).toMatch(/<div class="grid gap-1 [^"]*sm:grid-cols-\[12rem_1fr\]"><dt[^>]*>INN/);
    expect(html).toMatch(/<div class="grid grid-cols-\[minmax\(0,10rem\)_1fr\][^"]*"><dt[^>]*>Industry/);
  });
});
