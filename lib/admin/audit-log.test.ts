import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { auditLog } from '@/db/schema';
import type { UserActor } from '@/lib/auth/permissions';
import { messagesFor } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { makeAdmin, makeApplicant, makeManager, makePark, uniq } from '@/lib/test/fixtures';
import { AUDIT_EXPORT_LIMIT, AUDIT_PAGE_SIZE, exportAuditLog, listAuditPage } from './audit-log';

/*
 * Entries written by hand at known moments (UTC; the installation's clock, Moscow, is 3 hours ahead),
 * in March 2020, before anything the fixtures write:
 *   e1 2020-03-01 20:59Z = 1 Mar 23:59 MSK  manager  Kuzbass  lease.create
 *   e2 2020-03-01 21:00Z = 2 Mar 00:00 MSK  manager  Tomsk    lease.end     endOn: — → 2020-03-02
 *   e3 2020-03-02 10:00Z = 2 Mar           admin    —        user.update   name: Old → New
 *   e4 2020-03-03 10:00Z = 3 Mar           cli      Kuzbass  park.create
 *   e5 2020-03-03 10:00Z (same moment)     admin    Kuzbass  user.disable  (written after e4: comes first)
 *   e6 2020-03-04 10:00Z = 4 Mar           manager  —        legacy.code   (a code this version has no words for)
 */
let admin: UserActor;
let manager: UserActor;
let kuzbass: { id: string; name: string };
let tomsk: { id: string; name: string };
const MARCH = { from: '2020-03-01', to: '2020-03-04' };

beforeAll(async () => {
  const db = await getDb();
  [kuzbass, tomsk] = await Promise.all([makePark(), makePark()]);
  admin = await makeAdmin();
  manager = await makeManager(kuzbass.id);
  const entry = (at: string, who: UserActor | string, parkId: string | null, action: string, before: unknown, after: unknown) => ({
    at: new Date(at),
    actorId: typeof who === 'string' ? null : who.userId,
    actorLabel: typeof who === 'string' ? who : null,
    parkId,
    action,
    entity: 'test',
    entityId: action,
    before,
    after,
  });
  for (const row of [
    entry('2020-03-01T20:59:00Z', manager, kuzbass.id, 'lease.create', null, { unit: 'A1' }),
    entry('2020-03-01T21:00:00Z', manager, tomsk.id, 'lease.end', { endOn: null }, { endOn: '2020-03-02' }),
    entry('2020-03-02T10:00:00Z', admin, null, 'user.update', { name: 'Old' }, { name: 'New' }),
    entry('2020-03-03T10:00:00Z', 'cli', kuzbass.id, 'park.create', null, { slug: 'k' }),
    entry('2020-03-03T10:00:00Z', admin, kuzbass.id, 'user.disable', { disabledAt: null }, { disabledAt: '2020-03-03T10:00:00.000Z' }),
    entry('2020-03-04T10:00:00Z', manager, null, 'legacy.code', null, null),
  ])
    await db.insert(auditLog).values(row);
});

const actions = async (query: Record<string, string>) =>
  (await listAuditPage(await getDb(), { actor: admin, query: { ...MARCH, ...query } })).rows.map((r) => r.action);

describe('the audit log', () => {
  it('reads newest first, the same moment by the order written, with who and where', async () => {
    expect(await actions({})).toEqual(['legacy.code', 'user.disable', 'park.create', 'user.update', 'lease.end', 'lease.create']);
    const { rows } = await listAuditPage(await getDb(), { actor: admin, query: MARCH });
    expect(rows.find((r) => r.action === 'park.create')).toMatchObject({ actor: 'cli', actorName: null, parkName: kuzbass.name });
    expect(rows.find((r) => r.action === 'lease.end')).toMatchObject({
      actor: manager.email,
      actorName: manager.name,
      parkName: tomsk.name,
      changes: [{ field: 'endOn', before: null, after: '2020-03-02' }],
    });
  });

  it('filters by days on the installation’s clock, inclusive at both ends', async () => {
    expect(await actions({ from: '2020-03-02', to: '2020-03-02' })).toEqual(['user.update', 'lease.end']);
    expect(await actions({ from: '2020-01-01', to: '2020-03-01' })).toEqual(['lease.create']);
    expect(await actions({ from: '2020-03-04', to: '' })).toContain('legacy.code');
    expect(await actions({ from: '2020-03-04', to: '' })).not.toContain('user.disable');
  });

  it('filters by who acted (e-mail, name or the system’s label), park and action, alone and together', async () => {
    expect(await actions({ user: manager.email.toUpperCase() })).toEqual(['legacy.code', 'lease.end', 'lease.create']);
    expect(await actions({ user: admin.name })).toEqual(['user.disable', 'user.update']);
    expect(await actions({ user: 'cli' })).toEqual(['park.create']);
    expect(await actions({ user: '%' })).toEqual([]);
    expect(await actions({ park: kuzbass.id })).toEqual(['user.disable', 'park.create', 'lease.create']);
    expect(await actions({ action: 'lease.end' })).toEqual(['lease.end']);
    expect(await actions({ park: kuzbass.id, user: manager.email })).toEqual(['lease.create']);
    expect(await actions({ park: tomsk.id, action: 'lease.create' })).toEqual([]);
    // A park or action that is not one of the choices is ignored, as on the other lists.
    expect(await actions({ park: 'kuzbass', action: 'drop.table' })).toHaveLength(6);
  });

  it('refuses a range that ends before it starts, or a day that is not one, with its reason', async () => {
    const db = await getDb();
    await expect(listAuditPage(db, { actor: admin, query: { from: '2020-03-04', to: '2020-03-01' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { to: ['fromAfterTo'] } });
    await expect(listAuditPage(db, { actor: admin, query: { from: '2020-02-30' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { from: ['invalidDate'] } });
    await expect(exportAuditLog(db, { actor: admin, filters: { from: '2020-03-04', to: '2020-03-01' }, format: 'csv', label: (k) => k })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { to: ['fromAfterTo'] },
    });
  });

  it('is read by administrators only', async () => {
    const db = await getDb();
    for (const actor of [manager, await makeApplicant()]) {
      await expect(listAuditPage(db, { actor, query: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(exportAuditLog(db, { actor, filters: {}, format: 'csv', label: (k) => k })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('pages by keyset forwards and back, entries of one moment in a steady order', async () => {
    const db = await getDb();
    const tag = uniq('page');
    // 2019: 130 entries, 60 of them at one moment.
    await db.insert(auditLog).values(
      Array.from({ length: 130 }, (_, i) => ({ at: new Date(i < 60 ? Date.UTC(2019, 5, 1, 12) : Date.UTC(2019, 5, 2, 12) + (i - 60) * 1000), actorLabel: tag, action: 'kpi.remind', entity: 'test' })),
    );
    const query = { user: tag, from: '2019-01-01', to: '2019-12-31' };
    const whole = await queryRows<{ id: string }>(db, sql`SELECT id::text FROM audit_log WHERE actor_label = ${tag} ORDER BY at DESC, id DESC`);
    const pages: number[][] = [];
    let page = await listAuditPage(db, { actor: admin, query });
    expect(page.previous).toBeNull();
    for (;;) {
      pages.push(page.rows.map((r) => r.id));
      if (!page.next) break;
      page = await listAuditPage(db, { actor: admin, query: { ...query, after: page.next } });
    }
    expect(pages.map((p) => p.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 30]);
    expect(pages.flat()).toEqual(whole.map((r) => Number(r.id)));
    const backward: number[][] = [];
    for (let before = page.previous; before; ) {
      const p = await listAuditPage(db, { actor: admin, query: { ...query, before } });
      backward.unshift(p.rows.map((r) => r.id));
      before = p.previous;
    }
    expect(backward).toEqual(pages.slice(0, -1));
  });
});

/** The `auditLog` catalogue's words for a key, as the export route passes them. */
const labelIn = (locale: Locale) => (key: string) =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], (messagesFor(locale) as Record<string, unknown>).auditLog) as string;

describe('the audit log’s download', () => {
  it('is the filtered log as CSV, newest first, actions in words and changes field by field', async () => {
    const csv = await exportAuditLog(await getDb(), { actor: admin, filters: { ...MARCH, user: manager.email }, format: 'csv', label: labelIn('en') });
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('When,Who,Park,What,Record,Record id,Changes');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('legacy.code');
    expect(lines[2]).toBe(`2020-03-02 00:00 GMT+3,${manager.name} <${manager.email}>,${tomsk.name},Ended a lease,test,lease.end,endOn: — → 2020-03-02`);
    expect(lines[3]).toContain('Signed a lease');
  });

  it('is the same log as XLSX, in the reader’s language', async () => {
    const xlsx = await exportAuditLog(await getDb(), { actor: admin, filters: { ...MARCH, action: 'user.disable' }, format: 'xlsx', label: labelIn('ru') });
    const buffer = xlsx.body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Журнал аудита');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(4).value).toBe('Что');
    expect(sheet.getRow(2).getCell(4).value).toBe('Заблокировал учётную запись');
    expect(sheet.getRow(2).getCell(7).value).toBe('disabledAt: — → 2020-03-03T10:00:00.000Z');
  });

  it('refuses more than it can hold, asking to narrow the filters', async () => {
    const db = await getDb();
    const tag = uniq('bulk');
    await db.execute(sql`INSERT INTO audit_log (at, actor_label, action, entity) SELECT '2018-01-01T00:00:00Z', ${tag}, 'kpi.remind', 'test' FROM generate_series(1, ${AUDIT_EXPORT_LIMIT + 1})`);
    await expect(exportAuditLog(db, { actor: admin, filters: { user: tag }, format: 'csv', label: labelIn('en') })).rejects.toMatchObject({ code: 'VALIDATION', key: 'auditExportTooLarge' });
    const csv = await exportAuditLog(db, { actor: admin, filters: { user: tag, from: '2018-01-02' }, format: 'csv', label: labelIn('en') });
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(1);
  });
});
