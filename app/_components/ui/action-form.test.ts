import { NextIntlClientProvider } from 'next-intl';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { ActionForm } from './action-form';

function render(props: { formError: string | null; layout?: 'grid' | 'stack' | 'compact'; submitVariant?: 'destructive' }) {
  function Harness() {
    const form = useForm<{ name: string }>({ defaultValues: { name: '' } });
    return h(ActionForm<{ name: string }>, { form, onSubmit: () => {}, submitLabel: 'Create', 'aria-label': 'New park', ...props, children: h('input', { name: 'name' }) });
  }
  return renderToStaticMarkup(h(NextIntlClientProvider, { locale: 'en', timeZone: DEFAULT_TIME_ZONE, messages: { validation: { required: 'Required.' } }, children: h(Harness) }));
}

describe('ActionForm', () => {
  it('is a named form the browser does not validate, with the form error before the fields and the submit button after them', () => {
    const html = render({ formError: 'The slug is taken.' });
    expect(html).toMatch(/^<form[^>]*noValidate=""/);
    expect(html).toContain('aria-label="New park"');
    const alert = html.indexOf('role="alert"');
    const field = html.indexOf('<input name="name"');
    const button = html.indexOf('<button ');
    expect(alert).toBeGreaterThan(-1);
    expect(html).toContain('The slug is taken.');
    expect(alert).toBeLessThan(field);
    expect(field).toBeLessThan(button);
    expect(html).toMatch(/<button [^>]*type="submit"[^>]*>Create<\/button>/);
  });

  it('shows no alert without a form error; the grid spans its button across both columns, the stack widens it, the compact one makes it small in the variant asked', () => {
    const grid = render({ formError: null });
    expect(grid).not.toContain('role="alert"');
    expect(grid).toMatch(/<div class="sm:col-span-2"><button [^>]*type="submit"/);
    const compact = render({ formError: null, layout: 'compact', submitVariant: 'destructive' });
    expect(compact).toMatch(/^<form class="space-y-3"/);
    expect(compact).toMatch(/<button class="[^"]*bg-destructive[^"]*h-8[^"]*" type="submit"/);
    expect(render({ formError: null, layout: 'stack' })).toMatch(/<button class="[^"]*w-full[^"]*" type="submit"/);
  });
});
