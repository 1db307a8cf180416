import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { companies, kpiReports, residencies } from '@/db/schema';
import { grantIncentive } from '@/lib/incentives/incentives';
import { createLease } from '@/lib/premises/leases';
import { makeAnalyst, makeApplicant, makeExpert, makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { makeApprovedApplication, makeRepresentative, makeResident, makeUnits } from '@/lib/test/residents-fixtures';
import { RESIDENT_SORTS } from '@/lib/validation/residents';
import { countResidents, exportResidents, listResidentIndustries, listResidents, listResidentsPage, RESIDENTS_PAGE_SIZE } from './directory';
import { getResidentProfile } from './profile';
import { exitResident } from './residents';

/*
 * Today is 2025-03-01. Residents, worked out by hand:
 *   Alpha   small,  software, on site,  from 2025-01-15, leases 30 m², profit-tax incentive in force
 *   Bravo   micro,  coal,     extraterritorial, from 2024-02-01, accepted 2024 report
 *   Charlie none,   software, on site,  2023-01-01..2024-06-30 (exited): former, 2023 and 2024 unreported
 *   Delta   none,   coal,     on site,  from 2022-01-01: 2022 accepted, 2023 submitted, 2024 missing → 1 overdue
 *   Echo    micro,  software, on site,  from 2025-06-01: not yet begun
 * Residents now: Alpha, Bravo, Delta = 3; SMEs (micro/small/medium) Alpha, Bravo = 2; on site Alpha, Delta = 2.
 */
const TODAY = '2025-03-01';
type Manager = Awaited<ReturnType<typeof makeManager>>;
let parkId: string;
let manager: Manager;
const ids: Record<string, { companyId: string; residencyId: string }> = {};

beforeAll(async () => {
  const db = await getDb();
  ({ parkId, manager } = await makeManagedPark());
  const decided = { submittedOn: '2021-10-01', decidedOn: '2021-11-25' };
  ids.Alpha = await makeResident(manager, parkId, { ...decided, name: 'Alpha', sme: 'small', industry: 'software', startOn: '2025-01-15' });
  ids.Bravo = await makeResident(manager, parkId, { ...decided, name: 'Bravo', sme: 'micro', industry: 'coal', placement: 'extraterritorial', startOn: '2024-02-01' });
  ids.Charlie = await makeResident(manager, parkId, { ...decided, name: 'Charlie', sme: 'none', industry: 'software', startOn: '2023-01-01' });
  ids.Delta = await makeResident(manager, parkId, { ...decided, name: 'Delta', sme: 'none', industry: 'coal', startOn: '2022-01-01' });
  ids.Echo = await makeResident(manager, parkId, { ...decided, name: 'Echo', sme: 'micro', industry: 'software', startOn: '2025-06-01' });
  await exitResident(db, { actor: manager, parkId, input: { residencyId: ids.Charlie.residencyId, endOn: '2024-06-30', reason: 'terminated', note: 'Breach of the agreement' } });
  const { unitIds } = await makeUnits(manager, parkId, [{ name: 'Office 30', areaM2: '30' }]);
  await createLease(db, { actor: manager, parkId, input: { residencyId: ids.Alpha.residencyId, premisesId: unitIds[0], startOn: '2025-02-01', endOn: null } });
  await grantIncentive(db, {
    actor: manager,
    parkId,
    input: {
      residencyId: ids.Alpha.residencyId,
      kind: 'profit_tax',
      legalBasis: 'Regional law No. 1, art. 2',
      decisionNumber: 'D-1',
      grantedOn: '2025-02-10',
      validFrom: '2025-02-10',
      validTo: '2029-12-31',
      conditions: null,
    },
  });
  const report = (companyId: string, year: number, status: 'submitted' | 'accepted') => ({ parkId, companyId, year, status, jobsCreated: 3, investmentRub: '1000.00' });
  await db.insert(kpiReports).values([
    report(ids.Bravo.companyId, 2024, 'accepted'),
    report(ids.Delta.companyId, 2022, 'accepted'),
    report(ids.Delta.companyId, 2023, 'submitted'),
  ]);
});

const names = async (filters: Parameters<typeof listResidents>[1]['filters']) =>
  (await listResidents(await getDb(), { actor: manager, parkId, today: TODAY, filters })).map((r) => r.companyName);

describe('resident directory', () => {
  it('counts residents today, SMEs and on site', async () => {
    expect(await countResidents(await getDb(), { actor: manager, parkId, today: TODAY })).toEqual({ now: 3, sme: 2, onSite: 2 });
  });

  it('lists current residents by default, former ones on request', async () => {
    expect(await names({})).toEqual(['Alpha', 'Bravo', 'Delta', 'Echo']);
    expect(await names({ status: 'former' })).toEqual(['Charlie']);
    expect(await names({ status: 'all' })).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
  });

  it('filters by placement, SME category, industry, incentive and overdue reporting', async () => {
    expect(await names({ placement: 'extraterritorial' })).toEqual(['Bravo']);
    expect(await names({ sme: 'micro' })).toEqual(['Bravo', 'Echo']);
    expect(await names({ industry: 'coal' })).toEqual(['Bravo', 'Delta']);
    expect(await names({ incentive: 'yes' })).toEqual(['Alpha']);
    expect(await names({ overdue: 'yes' })).toEqual(['Delta']);
    expect(await names({ overdue: 'yes', status: 'all' })).toEqual(['Charlie', 'Delta']);
    const rows = await listResidents(await getDb(), { actor: manager, parkId, today: TODAY, filters: { status: 'all' } });
    expect(Object.fromEntries(rows.map((r) => [r.companyName, r.overdueYears]))).toEqual({ Alpha: 0, Bravo: 0, Charlie: 2, Delta: 1, Echo: 0 });
  });

  it('searches names case-insensitively, taking % and _ literally', async () => {
    expect(await names({ q: 'ELT' })).toEqual(['Delta']);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ q: '_' })).toEqual([]);
  });

  it('sorts by leased area, start and SME category', async () => {
    expect((await names({ sort: 'area', dir: 'desc' }))[0]).toBe('Alpha');
    expect(await names({ sort: 'start' })).toEqual(['Delta', 'Bravo', 'Alpha', 'Echo']);
    expect(await names({ sort: 'start', dir: 'desc' })).toEqual(['Echo', 'Alpha', 'Bravo', 'Delta']);
    expect(await names({ sort: 'sme' })).toEqual(['Bravo', 'Echo', 'Alpha', 'Delta']);
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const db = await getDb();
    const label = (key: string) => key;
    const csv = await exportResidents(db, { actor: manager, parkId, today: TODAY, filters: { industry: 'coal' }, format: 'csv', label });
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFcolumns.company,columns.inn,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Bravo,,sme\.micro,coal,values\.no,placement\.extraterritorial,KT-/);
    const xlsx = await exportResidents(db, { actor: manager, parkId, today: TODAY, filters: { status: 'all' }, format: 'xlsx', label });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).getCell(1).value).toBe('Alpha');
    expect(sheet.getRow(2).getCell(11).value).toBe(30);
  });

  it('is the park’s staff’s: experts and other parks see none of it', async () => {
    const db = await getDb();
    const analyst = await makeAnalyst(parkId);
    expect((await listResidents(db, { actor: analyst, parkId, today: TODAY })).length).toBe(4);
    await expect(listResidents(db, { actor: await makeExpert(parkId), parkId, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listResidents(db, { actor: await makeManager((await makePark()).id), parkId, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listResidents(db, { actor: await makeApplicant(), parkId, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('resident directory pages', () => {
  /**
   * A park with 120 residents written as rows, full of ties: seven names, three start dates, open and
   * ended residencies, every SME category, no leases (every area 0).
   */
  async function crowdedPark() {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const sme = ['micro', 'small', 'medium', 'none'] as const;
    const made = await db
      .insert(companies)
      .values(Array.from({ length: 120 }, (_, i) => ({ name: `Crowd ${i % 7}`, smeCategory: sme[i % 4], industry: i % 3 ? `industry ${i % 5}` : null })))
      .returning({ id: companies.id });
    await db.insert(residencies).values(
      made.map(({ id }, i) => ({
        parkId,
        companyId: id,
        agreementNumber: `CR-${i}`,
        startOn: ['2020-01-01', '2021-06-01', '2022-03-15'][i % 3],
        endOn: i % 5 === 0 ? '2024-12-31' : i % 5 === 1 ? '2030-12-31' : null,
        placement: i % 2 ? ('on_site' as const) : ('extraterritorial' as const),
      })),
    );
    return { parkId, manager };
  }

  it('pages every sort both ways through ties, 50 a page, in the order of the whole list', async () => {
    const db = await getDb();
    const { parkId: crowd, manager: boss } = await crowdedPark();
    for (const sort of RESIDENT_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const filters of [{ status: 'all' as const }, { sme: 'small' as const, placement: 'on_site' as const }, { q: 'crowd 3' }]) {
          const label = `${sort} ${dir} ${JSON.stringify(filters)}`;
          const whole = await listResidents(db, { actor: boss, parkId: crowd, today: TODAY, filters: { ...filters, sort, dir } });
          const pages: string[][] = [];
          let page = await listResidentsPage(db, { actor: boss, parkId: crowd, today: TODAY, query: { ...filters, sort, dir } });
          expect(page.previous, label).toBeNull();
          for (;;) {
            pages.push(page.rows.map((r) => r.residencyId));
            expect(page.total, label).toBe(whole.length);
            if (!page.next) break;
            page = await listResidentsPage(db, { actor: boss, parkId: crowd, today: TODAY, query: { ...filters, sort, dir, after: page.next } });
          }
          expect(pages.flat(), label).toEqual(whole.map((r) => r.residencyId));
          expect(pages.every((p, i) => p.length === (i < pages.length - 1 ? RESIDENTS_PAGE_SIZE : p.length)), label).toBe(true);
          const backward: string[][] = [];
          for (let before = page.previous; before; ) {
            const p = await listResidentsPage(db, { actor: boss, parkId: crowd, today: TODAY, query: { ...filters, sort, dir, before } });
            backward.unshift(p.rows.map((r) => r.residencyId));
            before = p.previous;
          }
          expect(backward, label).toEqual(pages.slice(0, -1));
        }
      }
    }
    // 120 current and former: three pages; the export is the whole filtered list, not a page.
    expect((await listResidents(db, { actor: boss, parkId: crowd, today: TODAY, filters: { status: 'all' } })).length).toBe(120);
    const csv = await exportResidents(db, { actor: boss, parkId: crowd, today: TODAY, filters: { status: 'all' }, format: 'csv', label: (key) => key });
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(121);
    expect(await listResidentIndustries(db, { actor: boss, parkId: crowd })).toEqual(['industry 0', 'industry 1', 'industry 2', 'industry 3', 'industry 4']);
  });

  it('shows the first page for a cursor that is not one, and nothing for a NUL in the search', async () => {
    const db = await getDb();
    const first = await listResidentsPage(db, { actor: manager, parkId, today: TODAY, query: {} });
    expect(first).toMatchObject({ total: 4, next: null, previous: null });
    for (const after of ['garbage', Buffer.from('["Alpha", "not-a-uuid"]').toString('base64url'), Buffer.from('[1, 2]').toString('base64url')]) {
      expect((await listResidentsPage(db, { actor: manager, parkId, today: TODAY, query: { after } })).rows.map((r) => r.companyName)).toEqual(['Alpha', 'Bravo', 'Delta', 'Echo']);
    }
    expect(await listResidentsPage(db, { actor: manager, parkId, today: TODAY, query: { q: 'Alpha\u0000' } })).toMatchObject({ total: 0, rows: [] });
    expect(await listResidentsPage(db, { actor: manager, parkId, today: TODAY, query: { industry: 'coal\u0000' } })).toMatchObject({ total: 0, rows: [] });
    expect(await listResidentIndustries(db, { actor: manager, parkId })).toEqual(['coal', 'software']);
  });
});

describe('resident profile', () => {
  it('shows the company’s record with a timeline, current premises, incentives and KPI by year', async () => {
    const db = await getDb();
    const p = await getResidentProfile(db, { actor: manager, parkId, companyId: ids.Delta.companyId, today: TODAY });
    expect(p.company.name).toBe('Delta');
    expect(p.openResidency).toMatchObject({ startOn: '2022-01-01', activeToday: true });
    expect(p.kpi.map((k) => [k.year, k.status])).toEqual([
      [2022, 'accepted'],
      [2023, 'submitted'],
    ]);
    const alpha = await getResidentProfile(db, { actor: manager, parkId, companyId: ids.Alpha.companyId, today: TODAY });
    expect(alpha.leases).toEqual([expect.objectContaining({ unitName: 'Office 30', areaM2: '30.00', active: true })]);
    expect(alpha.incentives).toEqual([expect.objectContaining({ kind: 'profit_tax', decisionNumber: 'D-1', inForce: true })]);
    expect(alpha.timeline.map((e) => [e.date, e.kind])).toEqual([
      ['2025-02-10', 'incentiveGranted'],
      ['2025-02-01', 'leaseStarted'],
      ['2025-01-15', 'admitted'],
      ['2021-11-25', 'councilDecision'],
      ['2021-10-01', 'applicationSubmitted'],
      ['2021-10-01', 'screened'],
    ]);
    const charlie = await getResidentProfile(db, { actor: manager, parkId, companyId: ids.Charlie.companyId, today: TODAY });
    expect(charlie.openResidency).toBeNull();
    expect(charlie.timeline[0]).toMatchObject({ date: '2024-06-30', kind: 'exited', params: { reason: 'terminated' } });
    expect(charlie.residencies[0].exitNote).toBe('Breach of the agreement');
  });

  it('is readable by the company’s own representative only, without the park’s internal note', async () => {
    const db = await getDb();
    const rep = await makeRepresentative(ids.Charlie.companyId);
    const own = await getResidentProfile(db, { actor: rep, parkId, companyId: ids.Charlie.companyId, today: TODAY });
    expect(own.residencies[0]).toMatchObject({ exitReason: 'terminated', exitNote: null });
    await expect(getResidentProfile(db, { actor: rep, parkId, companyId: ids.Delta.companyId, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResidentProfile(db, { actor: await makeApplicant(), parkId, companyId: ids.Charlie.companyId, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResidentProfile(db, { actor: await makeExpert(parkId), parkId, companyId: ids.Charlie.companyId, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not exist for a company that never was a resident of the park', async () => {
    const db = await getDb();
    const applicantOnly = await makeApprovedApplication(parkId);
    await expect(getResidentProfile(db, { actor: manager, parkId, companyId: applicantOnly.companyId, today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResidentProfile(db, { actor: manager, parkId, companyId: 'not-a-uuid', today: TODAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
