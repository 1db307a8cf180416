/*
 * An audit entry's before and after (JSON, whatever shape the step wrote) as a list of fields that
 * differ, each with its value before and after as text: what the audit page and its export show instead
 * of the raw JSON. Nested objects become dotted fields (`figures.jobs`); a list is one field, its items
 * joined (`kuzbass: manager, itc-tomsk: expert`). A step that only created (no before) or only removed
 * (no after) shows every field, on one side.
 */

export type AuditChange = {
  /** The dotted path of the field; empty when the entry's value is a list or a single value rather than a record. */
  field: string;
  before: string | null;
  after: string | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as one line of text; null for none. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // An empty list is nothing, as no list is: `memberships: []` on a new applicant says nothing.
  if (Array.isArray(value) && value.length === 0) return null;
  if (Array.isArray(value)) return value.map((item) => text(item) ?? '—').join(isRecord(value[0]) ? '; ' : ', ');
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${text(v) ?? '—'}`)
      .join(', ');
  return String(value);
}

/** The fields of a value by dotted path, in the order they were written. */
function fields(value: unknown, prefix = '', out = new Map<string, string | null>()): Map<string, string | null> {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) fields(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== null && value !== undefined) {
    out.set(prefix, text(value));
  }
  return out;
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = fields(before);
  const is = fields(after);
  const names = [...new Set([...was.keys(), ...is.keys()])];
  return names
    .map((field) => ({ field, before: was.get(field) ?? null, after: is.get(field) ?? null }))
    .filter((c) => c.before !== c.after);
}

/** The changes as one line for a file: `field: before → after; …`. */
export function changesLine(changes: AuditChange[]): string {
  return changes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ');
}
