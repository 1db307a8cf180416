import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { auditChanges } from '@/lib/admin/audit-changes';
import { hashPassword } from '@/lib/auth/password';
import { databaseFingerprint } from '@/lib/test/refusal-world';
import { makeAdmin, makeAnalyst, makeApplicant, makeExpert, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { loadSessionActor, startSession } from './sessions';
import { getUser, listUsersPage, setUserDisabled, updateUser, USERS_PAGE_SIZE } from './users';

type Park = Awaited<ReturnType<typeof makePark>>;
let kuzbass: Park;
let tomsk: Park;

beforeAll(async () => {
  [kuzbass, tomsk] = await Promise.all([makePark(), makePark()]);
});

/** The edit form's values for a user as they are now. */
async function current(userId: string) {
  const admin = await makeAdmin();
  const u = await getUser(await getDb(), { actor: admin, userId });
  return { userId: u.id, name: u.name, email: u.email, kind: u.kind, memberships: u.memberships.map(({ parkId, role }) => ({ parkId, role })) };
}

describe('an administrator edits an account', () => {
  it('changes name, e-mail (lower-cased), kind and park roles in one step, audited field by field', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const manager = await makeManager(kuzbass.id);
    const email = `${uniq('Renamed.')}@Example.COM`;
    const saved = await updateUser(db, {
      actor: admin,
      input: { ...(await current(manager.userId)), name: '  Ирина Петрова ', email, memberships: [{ parkId: kuzbass.id, role: 'manager' }, { parkId: tomsk.id, role: 'manager' }] },
    });
    expect(saved).toMatchObject({ name: 'Ирина Петрова', email: email.toLowerCase(), kind: 'staff', disabled: false });
    expect(saved.memberships.map((m) => [m.parkSlug, m.role]).sort()).toEqual([[kuzbass.slug, 'manager'], [tomsk.slug, 'manager']].sort());
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.update'), eq(auditLog.entityId, manager.userId)));
    expect(entry.actorId).toBe(admin.userId);
    expect(auditChanges(entry.before, entry.after)).toEqual([
      { field: 'name', before: manager.name, after: 'Ирина Петрова' },
      { field: 'email', before: manager.email, after: email.toLowerCase() },
      { field: 'memberships', before: `${kuzbass.slug}: manager`, after: [`${kuzbass.slug}: manager`, `${tomsk.slug}: manager`].sort().join(', ') },
    ]);
  });

  it('takes effect on the person’s next request: the session reads the new roles and kind', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const expert = await makeExpert(kuzbass.id);
    const sessionId = await startSession(db, expert.userId);
    const before = await loadSessionActor(db, { userId: expert.userId, sessionId });
    expect(before).toMatchObject({ kind: 'staff', memberships: [{ parkId: kuzbass.id, role: 'expert' }] });
    await updateUser(db, { actor: admin, input: { ...(await current(expert.userId)), memberships: [{ parkId: tomsk.id, role: 'manager' }] } });
    const after = await loadSessionActor(db, { userId: expert.userId, sessionId });
    expect(after).toMatchObject({ kind: 'staff', memberships: [{ parkId: tomsk.id, role: 'manager' }] });
    await updateUser(db, { actor: admin, input: { ...(await current(expert.userId)), kind: 'admin', memberships: [] } });
    expect(await loadSessionActor(db, { userId: expert.userId, sessionId })).toMatchObject({ kind: 'admin', memberships: [] });
  });

  it('is refused to everyone but administrators, changing nothing', async () => {
    const db = await getDb();
    const target = await makeAnalyst(kuzbass.id);
    const input = { ...(await current(target.userId)), name: 'Hijacked', memberships: [{ parkId: kuzbass.id, role: 'manager' as const }] };
    for (const actor of [await makeManager(kuzbass.id), await makeExpert(kuzbass.id), await makeApplicant(), target]) {
      const before = await databaseFingerprint();
      await expect(updateUser(db, { actor, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(getUser(db, { actor, userId: target.userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listUsersPage(db, { actor, query: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await databaseFingerprint()).toEqual(before);
    }
  });

  it('refuses an e-mail another account has, on the e-mail field, changing nothing', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const [a, b] = [await makeManager(kuzbass.id), await makeApplicant()];
    const input = { ...(await current(a.userId)), name: 'Changed too', email: b.email.toUpperCase(), memberships: [{ parkId: tomsk.id, role: 'expert' as const }] };
    const before = await databaseFingerprint();
    await expect(updateUser(db, { actor: admin, input })).rejects.toMatchObject({ code: 'CONFLICT', key: 'emailTaken', fieldErrors: { email: ['emailTaken'] } });
    expect(await databaseFingerprint()).toEqual(before);
    expect(await current(a.userId)).toMatchObject({ name: a.name, email: a.email, memberships: [{ parkId: kuzbass.id, role: 'manager' }] });
  });

  it('refuses bad input with its reason, changing nothing', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const applicant = await makeApplicant();
    const base = await current(applicant.userId);
    const cases: [unknown, Record<string, unknown>][] = [
      [{ ...base, memberships: [{ parkId: kuzbass.id, role: 'manager' }] }, { code: 'VALIDATION', fieldErrors: { memberships: ['onlyStaffHaveRoles'] } }],
      [{ ...base, email: 'not-an-email' }, { code: 'VALIDATION', fieldErrors: { email: ['invalidEmail'] } }],
      [{ ...base, name: '   ' }, { code: 'VALIDATION', fieldErrors: { name: ['required'] } }],
      [{ ...base, kind: 'root' }, { code: 'VALIDATION' }],
      [{ ...base, password: 'sneaked-in-password' }, { code: 'VALIDATION' }],
      [{ ...base, kind: 'staff', memberships: [{ parkId: crypto.randomUUID(), role: 'manager' }] }, { code: 'NOT_FOUND' }],
      [{ ...base, userId: crypto.randomUUID() }, { code: 'NOT_FOUND' }],
      [{ ...base, userId: 'not-a-uuid' }, { code: 'VALIDATION' }],
      [{ ...(await current(admin.userId)), kind: 'staff' }, { code: 'VALIDATION', key: 'cannotDemoteSelf' }],
    ];
    for (const [input, refusal] of cases) {
      const before = await databaseFingerprint();
      await expect(updateUser(db, { actor: admin, input: input as never }), JSON.stringify(input)).rejects.toMatchObject(refusal);
      expect(await databaseFingerprint()).toEqual(before);
    }
  });
});

describe('the users list', () => {
  const tag = uniq('list');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const make = async (key: string, kind: 'staff' | 'applicant' | 'admin', memberships: { parkId: string; role: 'manager' | 'expert' | 'analyst' }[] = []) => {
      const u = await makeAdmin();
      await updateUser(db, { actor: admin, input: { userId: u.userId, name: `${key} ${tag}`, email: `${key.toLowerCase()}.${tag}@example.com`, kind, memberships } });
      ids[key] = u.userId;
    };
    await make('Anna', 'staff', [{ parkId: kuzbass.id, role: 'manager' }]);
    await make('Boris', 'staff', [{ parkId: kuzbass.id, role: 'expert' }, { parkId: tomsk.id, role: 'manager' }]);
    await make('Vera', 'staff', [{ parkId: tomsk.id, role: 'analyst' }]);
    await make('Gleb', 'applicant');
    await make('Dina', 'admin');
    await setUserDisabled(db, { actor: admin, userId: ids.Vera, disabled: true });
  });

  const names = async (query: Record<string, string>) => {
    const page = await listUsersPage(await getDb(), { actor: await makeAdmin(), query: { q: tag, ...query } });
    expect(page.total).toBe(page.rows.length);
    return page.rows.map((r) => r.name.split(' ')[0]);
  };

  it('searches name or e-mail, case-insensitively, taking % and _ literally', async () => {
    expect(await names({})).toEqual(['Anna', 'Boris', 'Dina', 'Gleb', 'Vera']);
    expect(await names({ q: `BORIS ${tag}` })).toEqual(['Boris']);
    expect(await names({ q: `gleb.${tag}@` })).toEqual(['Gleb']);
    expect(await names({ q: `%${tag}` })).toEqual([]);
    expect(await names({ q: `Anna\u0000` })).toEqual([]);
  });

  it('filters by role, park and state, alone and together', async () => {
    expect(await names({ role: 'manager' })).toEqual(['Anna', 'Boris']);
    expect(await names({ role: 'admin' })).toEqual(['Dina']);
    expect(await names({ role: 'applicant' })).toEqual(['Gleb']);
    expect(await names({ park: tomsk.id })).toEqual(['Boris', 'Vera']);
    expect(await names({ park: kuzbass.id, role: 'manager' })).toEqual(['Anna']);
    // A role in one park and the park filter on another: Boris manages Tomsk and is an expert in Kuzbass.
    expect(await names({ park: kuzbass.id, role: 'expert' })).toEqual(['Boris']);
    expect(await names({ park: tomsk.id, role: 'expert' })).toEqual([]);
    expect(await names({ state: 'disabled' })).toEqual(['Vera']);
    expect(await names({ state: 'active', park: tomsk.id })).toEqual(['Boris']);
    // A value that is not one of the choices is ignored, as on the other lists.
    expect(await names({ role: 'owner', state: 'gone', park: 'kuzbass' })).toEqual(['Anna', 'Boris', 'Dina', 'Gleb', 'Vera']);
  });

  it('pages by e-mail, forwards and back, without repeating or skipping a user', async () => {
    const db = await getDb();
    const admin = await makeAdmin();
    const crowd = uniq('crowd');
    const passwordHash = await hashPassword('correct-horse-battery');
    const count = USERS_PAGE_SIZE * 2 + 7;
    await db.insert(users).values(Array.from({ length: count }, (_, i) => ({ email: `${crowd}.${String(i).padStart(3, '0')}@example.com`, name: `Crowd ${i}`, kind: 'applicant' as const, passwordHash })));
    const pages: string[][] = [];
    let page = await listUsersPage(db, { actor: admin, query: { q: crowd } });
    expect(page.previous).toBeNull();
    for (;;) {
      expect(page.total).toBe(count);
      pages.push(page.rows.map((r) => r.email));
      if (!page.next) break;
      page = await listUsersPage(db, { actor: admin, query: { q: crowd, after: page.next } });
    }
    expect(pages.map((p) => p.length)).toEqual([USERS_PAGE_SIZE, USERS_PAGE_SIZE, 7]);
    expect(pages.flat()).toEqual(Array.from({ length: count }, (_, i) => `${crowd}.${String(i).padStart(3, '0')}@example.com`));
    const back = await listUsersPage(db, { actor: admin, query: { q: crowd, before: page.previous! } });
    expect(back.rows.map((r) => r.email)).toEqual(pages[1]);
    // A cursor that is not one shows the first page.
    expect((await listUsersPage(db, { actor: admin, query: { q: crowd, after: 'garbage' } })).rows.map((r) => r.email)).toEqual(pages[0]);
  });
});
