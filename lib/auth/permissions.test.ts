import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from './actor';
import { actingUser, assertActingUser, can, permissions, type Permission } from './permissions';

const park = '00000000-0000-4000-8000-000000000001';
const person = (kind: 'applicant' | 'staff' | 'admin', memberships: Extract<Actor, { type: 'user' }>['memberships'] = []): Actor => ({
  type: 'user',
  userId: `user-${kind}`,
  email: `${kind}@example.com`,
  name: kind,
  kind,
  memberships,
});
const applicant = person('applicant');
const manager = person('staff', [{ parkId: park, role: 'manager' }]);
const admin = person('admin');
const token: Actor = { type: 'apiToken', tokenId: 't', parkId: park, name: 't' };

/** The actions on one's own companies' records: granted to applicants and to nobody else. */
const OWN: Permission[] = ['company.create', 'company.readOwn', 'company.manageOwn', 'company.join', 'application.create', 'application.readOwn', 'kpi.fileOwn'];

describe('the permission map', () => {
  it('grants the own-records actions to applicants only, never to staff, admins, the CLI or tokens', () => {
    for (const action of OWN) {
      expect(permissions[action]).toEqual({ applicant: true });
      expect(can(applicant, action)).toBe(true);
      for (const other of [manager, admin, systemActor('cli'), token]) expect(can(other, action, park)).toBe(false);
    }
  });

  it('names the acting person when the map lets them act, and refuses anyone else as asked', () => {
    expect(actingUser(applicant, 'company.manageOwn')).toBe(applicant);
    expect(actingUser(manager, 'company.manageOwn')).toBeNull();
    expect(actingUser(systemActor('cli'), 'application.readPark')).toBeNull();
    expect(actingUser(manager, 'review.submit')).toBeNull();
    expect(actingUser(person('staff', [{ parkId: park, role: 'expert' }]), 'review.submit')).not.toBeNull();
    expect(() => assertActingUser(manager, 'company.manageOwn', 'company')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND', params: { what: 'company' } }));
    expect(() => assertActingUser(manager, 'application.create')).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertActingUser(token, 'application.readOwn', 'application')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => assertActingUser(applicant, 'application.create')).not.toThrow();
  });
});
