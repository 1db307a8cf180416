import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, companies, companyMembers } from '@/db/schema';
import { makeApplication, makeCompany, makeInn } from '@/lib/test/application-fixtures';
import { makeAdmin, makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { createCompany, getCompany, updateCompany } from './companies';

const base = { name: 'ООО «Сбер-тест»', smeCategory: 'small' as const, manufacturing: true, industry: 'finance' };

describe('companies', () => {
  it('an applicant registers a company with a valid INN and OGRN and becomes its representative', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    // 7707083893: 7·2+7·4+0·10+7·3+0·5+8·9+3·4+8·6+9·8 = 267; 267 mod 11 = 3 = the last digit.
    // 1027700132195: 102770013219 mod 11 = 5 = the last digit.
    const { id } = await createCompany(db, { actor: applicant, input: { ...base, inn: ' 7707083893 ', ogrn: '1027700132195', contactEmail: 'Info@Example.com' } });
    const [row] = await db.select().from(companies).where(eq(companies.id, id));
    expect(row).toMatchObject({ inn: '7707083893', ogrn: '1027700132195', contactEmail: 'info@example.com', parkId: null, smeCategory: 'small' });
    const members = await db.select().from(companyMembers).where(eq(companyMembers.companyId, id));
    expect(members.map((m) => m.userId)).toEqual([applicant.userId]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['company.create']);
    const dto = await getCompany(db, { actor: applicant, companyId: id });
    expect(dto.representatives).toEqual([{ name: applicant.name, email: applicant.email }]);
  });

  it('refuses an impossible INN or OGRN, a duplicate INN, and non-applicants, changing nothing', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    await expect(createCompany(db, { actor: applicant, input: { ...base, inn: '7707083894' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { inn: ['innCheck'] } });
    await expect(createCompany(db, { actor: applicant, input: { ...base, inn: '77070838' } })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { inn: ['innFormat'] } });
    await expect(createCompany(db, { actor: applicant, input: { ...base, inn: makeInn(), ogrn: '1027700132196' } })).rejects.toMatchObject({ fieldErrors: { ogrn: ['ogrnCheck'] } });
    const inn = makeInn();
    await createCompany(db, { actor: applicant, input: { ...base, inn } });
    const other = await makeApplicant();
    await expect(createCompany(db, { actor: other, input: { ...base, inn } })).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { inn: ['innTaken'] } });
    const park = await makePark();
    const manager = await makeManager(park.id);
    await expect(createCompany(db, { actor: manager, input: { ...base, inn: makeInn() } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rows = await db.select().from(companies).where(eq(companies.inn, inn));
    expect(rows).toHaveLength(1);
  });

  it('only representatives edit; others see "not found"', async () => {
    const db = await getDb();
    const applicant = await makeApplicant();
    const { id } = await makeCompany(applicant);
    const stranger = await makeApplicant();
    const inn = makeInn();
    await expect(updateCompany(db, { actor: stranger, input: { ...base, companyId: id, inn } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCompany(db, { actor: stranger, companyId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await updateCompany(db, { actor: applicant, input: { ...base, companyId: id, inn, name: 'Renamed' } });
    const [row] = await db.select().from(companies).where(eq(companies.id, id));
    expect(row).toMatchObject({ name: 'Renamed', inn });
  });

  it('staff see a company only once it applied to (or resides in) their park', async () => {
    const db = await getDb();
    const park = await makePark();
    const otherPark = await makePark();
    const manager = await makeManager(park.id);
    const otherManager = await makeManager(otherPark.id);
    const expert = await makeExpert(park.id);
    const applicant = await makeApplicant();
    const { companyId } = await makeApplication(applicant, park.id, { submit: false });
    await expect(getCompany(db, { actor: manager, companyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { companyId: submittedCompany } = await makeApplication(applicant, park.id);
    expect((await getCompany(db, { actor: manager, companyId: submittedCompany })).representatives).toEqual([]);
    await expect(getCompany(db, { actor: otherManager, companyId: submittedCompany })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCompany(db, { actor: expert, companyId: submittedCompany })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const admin = await makeAdmin();
    expect((await getCompany(db, { actor: admin, companyId })).id).toBe(companyId);
  });
});
