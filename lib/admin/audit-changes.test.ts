import { describe, expect, it } from 'vitest';
import { auditChanges, changesLine } from './audit-changes';

describe('an audit entry’s change, field by field', () => {
  it('shows only the fields that changed, with their values before and after', () => {
    const before = { name: 'Ivan', email: 'ivan@example.com', kind: 'staff', memberships: ['kuzbass: manager'] };
    const after = { name: 'Ivan', email: 'ivan@example.com', kind: 'staff', memberships: ['itc-tomsk: manager', 'kuzbass: manager'] };
    expect(auditChanges(before, after)).toEqual([{ field: 'memberships', before: 'kuzbass: manager', after: 'itc-tomsk: manager, kuzbass: manager' }]);
  });

  it('shows every field on one side for a creation or a removal', () => {
    expect(auditChanges(null, { number: 3, heldOn: '2026-03-01', place: null })).toEqual([
      { field: 'number', before: null, after: '3' },
      { field: 'heldOn', before: null, after: '2026-03-01' },
    ]);
    expect(auditChanges({ id: 'a1', fileName: 'plan.pdf' }, null)).toEqual([
      { field: 'id', before: 'a1', after: null },
      { field: 'fileName', before: 'plan.pdf', after: null },
    ]);
  });

  it('names nested fields by their path, and a field that appears or disappears', () => {
    expect(auditChanges({ status: 'submitted', figures: { jobs: 3, revenue: '10.00' } }, { status: 'accepted', figures: { jobs: 4, revenue: '10.00' }, reason: 'ok' })).toEqual([
      { field: 'status', before: 'submitted', after: 'accepted' },
      { field: 'figures.jobs', before: '3', after: '4' },
      { field: 'reason', before: null, after: 'ok' },
    ]);
  });

  it('reads a list of records, or a single value, as one field', () => {
    const changes = auditChanges([{ parkId: 'p1', role: 'expert' }], [{ parkId: 'p1', role: 'manager' }, { parkId: 'p2', role: 'analyst' }]);
    expect(changes).toEqual([{ field: '', before: 'parkId: p1, role: expert', after: 'parkId: p1, role: manager; parkId: p2, role: analyst' }]);
    expect(auditChanges({ present: [] }, { present: ['u1', 'u2'] })).toEqual([{ field: 'present', before: null, after: 'u1, u2' }]);
    expect(auditChanges(null, { name: 'A', memberships: [] })).toEqual([{ field: 'name', before: null, after: 'A' }]);
    expect(auditChanges({ disabledAt: null }, { disabledAt: '2026-01-01T10:00:00.000Z' })).toEqual([{ field: 'disabledAt', before: null, after: '2026-01-01T10:00:00.000Z' }]);
    expect(auditChanges({ a: true }, { a: true })).toEqual([]);
  });

  it('writes the changes on one line for a file', () => {
    expect(changesLine([{ field: 'email', before: 'a@x.ru', after: 'b@x.ru' }, { field: 'reason', before: null, after: 'ok' }])).toBe('email: a@x.ru → b@x.ru; reason: — → ok');
  });
});
