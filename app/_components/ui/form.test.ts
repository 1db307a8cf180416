import { NextIntlClientProvider } from 'next-intl';
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm, type FieldErrors } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { CheckboxField, CheckboxGroupField } from './checkbox';
import { Field, Form, FormError, FormFieldset, FormItem } from './form';
import { Input } from './input';
import { RadioGroupField } from './radio-group';

type Values = { title: string; note: string; services: string[]; agreed: boolean; conflict?: boolean };

/** Renders `body` inside a react-hook-form form that holds `errors`, as the page would after a refused submit. */
function render(body: () => ReactNode, { errors, values }: { errors?: FieldErrors<Values>; values?: Partial<Values> } = {}) {
  function Harness() {
    const form = useForm<Values>({ defaultValues: { title: '', note: '', services: [], agreed: false, ...values }, errors });
    return h(Form<Values>, { ...form, children: h('form', null, body()) });
  }
  const html = renderToStaticMarkup(h(NextIntlClientProvider, { locale: 'en', timeZone: DEFAULT_TIME_ZONE, messages: { validation: { required: 'Required.' } }, children: h(Harness) }));
  return new DOMParserLite(html);
}

/** Just enough of the markup to follow ids: attributes by element, text by id. */
class DOMParserLite {
  constructor(readonly html: string) {}
  /** The attributes of the first element matching `tag` that has `attr="value"`. */
  element(tag: string, attr: string, value: string): Record<string, string> {
    const re = new RegExp(`<${tag}\\b([^>]*)>`, 'g');
    for (const m of this.html.matchAll(re)) {
      const attrs = Object.fromEntries([...m[1].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? '']));
      if (attrs[attr] === value) return attrs;
    }
    throw new Error(`no <${tag} ${attr}="${value}"> in ${this.html}`);
  }
  textOf(id: string): string {
    const m = new RegExp(`id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([^<]*)<`).exec(this.html);
    if (!m) throw new Error(`no element with id ${id} in ${this.html}`);
    return m[1];
  }
  labelFor(id: string): string {
    const m = new RegExp(`<label[^>]*for="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([^<]*)<`).exec(this.html);
    if (!m) throw new Error(`no label for ${id} in ${this.html}`);
    return m[1];
  }
}

describe('Field', () => {
  it('links the label, and the error through aria-describedby and aria-invalid, translating catalogue messages', () => {
    const doc = render(() => h(Field, { name: 'title', label: 'Project title', children: h(Input, { name: 'title' }) }), {
      errors: { title: { type: 'too_small', message: 'required' } },
    });
    const input = doc.element('input', 'name', 'title');
    expect(doc.labelFor(input.id)).toBe('Project title');
    expect(input['aria-invalid']).toBe('true');
    expect(input['aria-describedby']).toBe(`${input.id}-message`);
    expect(doc.textOf(`${input.id}-message`)).toBe('Required.');
    expect(doc.element('p', 'id', `${input.id}-message`)).toHaveProperty('data-field-error');
  });

  it('is described by its description, then its error, and only by what is shown', () => {
    const clean = render(() => h(Field, { name: 'note', label: 'Note', description: 'Seen by the applicant.', children: h(Input, { name: 'note' }) }));
    const quiet = clean.element('input', 'name', 'note');
    expect(quiet['aria-invalid']).toBeUndefined();
    expect(quiet['aria-describedby']).toBe(`${quiet.id}-description`);
    expect(clean.html).not.toContain('data-field-error');

    const refused = render(() => h(Field, { name: 'note', label: 'Note', description: 'Seen by the applicant.', children: h(Input, { name: 'note', 'aria-describedby': 'outside' }) }), {
      errors: { note: { type: 'custom', message: 'Too long.' } },
    });
    const input = refused.element('input', 'name', 'note');
    expect(input['aria-describedby']).toBe(`outside ${input.id}-description ${input.id}-message`);
    expect(refused.textOf(`${input.id}-message`)).toBe('Too long.');
  });

  it('takes the error as a prop for a control whose state is not in the form, and errorText in place of the message', () => {
    const doc = render(() => [
      h(Field, { key: 'file', label: 'File', error: 'Choose a file.', children: h(Input, { type: 'file', name: 'file' }) }),
      h(Field, { key: 'title', name: 'title', label: 'Title', errorText: 'required', children: h(Input, { name: 'title' }) }),
    ], { errors: { title: { type: 'invalid_format', message: 'Invalid UUID' } } });
    const file = doc.element('input', 'name', 'file');
    expect(file['aria-describedby']).toBe(`${file.id}-message`);
    expect(doc.textOf(`${file.id}-message`)).toBe('Choose a file.');
    const title = doc.element('input', 'name', 'title');
    expect(doc.textOf(`${title.id}-message`)).toBe('Required.');
  });

  it('gives two fields of one form different ids', () => {
    const doc = render(() => [h(Field, { key: 'a', name: 'title', label: 'A', children: h(Input, { name: 'a' }) }), h(Field, { key: 'b', name: 'note', label: 'B', children: h(Input, { name: 'b' }) })]);
    expect(doc.element('input', 'name', 'a').id).not.toBe(doc.element('input', 'name', 'b').id);
  });
});

describe('choices', () => {
  it('a checkbox list is a fieldset named by its legend and described by its error; each box is labelled and marked invalid', () => {
    const doc = render(
      () => h(CheckboxGroupField<Values>, { name: 'services', legend: 'Services', options: [{ value: 'patent', label: 'Patents' }, { value: 'consulting', label: 'Consulting' }] }),
      { values: { services: ['consulting'] }, errors: { services: { type: 'too_small', message: 'required' } } },
    );
    const fieldset = doc.element('fieldset', 'aria-describedby', doc.element('p', 'data-field-error', 'true').id);
    expect(fieldset).toBeDefined();
    const boxes = [...doc.html.matchAll(/<button type="button" role="checkbox" aria-checked="(\w+)"[^>]*\sid="([^"]+)"/g)].map((m) => ({ checked: m[1], label: doc.labelFor(m[2]) }));
    expect(boxes).toEqual([
      { checked: 'false', label: 'Patents' },
      { checked: 'true', label: 'Consulting' },
    ]);
    expect(doc.html.match(/role="checkbox"[^>]*aria-invalid="true"/g)).toHaveLength(2);
  });

  it('a yes/no checkbox is checked by the form value and labelled', () => {
    const doc = render(() => h(CheckboxField<Values>, { name: 'agreed', label: 'I agree' }), { values: { agreed: true } });
    const box = doc.element('button', 'role', 'checkbox');
    expect(box['aria-checked']).toBe('true');
    expect(doc.labelFor(box.id)).toBe('I agree');
  });

  it('a radio group of booleans chooses nothing until the value matches an option', () => {
    const options = [
      { value: false, label: 'No conflict' },
      { value: true, label: 'A conflict' },
    ];
    const none = render(() => h(RadioGroupField<Values, boolean>, { name: 'conflict', legend: 'Declaration', options }));
    expect(none.html.match(/role="radio" aria-checked="true"/g)).toBeNull();
    const chosen = render(() => h(RadioGroupField<Values, boolean>, { name: 'conflict', legend: 'Declaration', options }), { values: { conflict: true } });
    const radio = chosen.element('button', 'aria-checked', 'true');
    expect(chosen.labelFor(radio.id)).toBe('A conflict');
    expect(chosen.element('div', 'role', 'radiogroup')['aria-labelledby']).toBe(chosen.element('legend', 'id', chosen.element('div', 'role', 'radiogroup')['aria-labelledby']).id);
  });
});

describe('FormError', () => {
  it('is an alert holding the message (a catalogue key translated), and nothing without one', () => {
    expect(render(() => h(FormError, { message: null })).html).toBe('<form></form>');
    expect(render(() => h(FormError, { message: 'Wrong e-mail or password.' })).html).toMatch(/^<form><div[^>]*role="alert"[^>]*>Wrong e-mail or password\.<\/div><\/form>$/);
    expect(render(() => h(FormError, { message: 'required' })).html).toMatch(/role="alert"[^>]*>Required\.</);
  });
});

describe('FormFieldset', () => {
  it('is described by the error of the list it holds (a list of rows), not by its rows\' own errors', () => {
    const doc = render(
      () => h(FormItem, { name: 'services', children: h(FormFieldset, { legend: 'Services', children: h(Field, { name: 'title', label: 'Title', children: h(Input, { name: 'title' }) }) }) }),
      { errors: { services: { type: 'too_small', message: 'Choose at least one.' }, title: { type: 'custom', message: 'Too long.' } } },
    );
    const fieldset = doc.element('fieldset', 'class', 'space-y-2');
    expect(doc.textOf(fieldset['aria-describedby'])).toBe('Choose at least one.');
    const input = doc.element('input', 'name', 'title');
    expect(doc.textOf(input['aria-describedby'])).toBe('Too long.');
  });
});
