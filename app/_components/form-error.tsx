'use client';

import { useTranslations } from 'next-intl';

/** A field's error, translated when it is a catalogue key (`validation.*`), shown as is otherwise. */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  const t = useTranslations('validation');
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive" data-field-error>
      {t.has(message) ? t(message) : message}
    </p>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" aria-live="assertive" data-testid="form-error" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {message}
    </div>
  );
}
