import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getMyApplication, getParkApplication } from '@/lib/applications/applications';
import { makeApplication } from '@/lib/test/application-fixtures';
import { makeApplicant, makeManagedPark } from '@/lib/test/fixtures';
import { pdfText } from '@/lib/test/pdf-text';
import { applicationToPdf } from './application-pdf';

describe('an application packet as a PDF', () => {
  it('holds the form as submitted: version, park, company, support, plan by year and the documents, in the reader’s language', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    const app = await getParkApplication(db, { actor: manager, parkId, applicationId });
    const en = await pdfText(await applicationToPdf(app, { locale: 'en', timeZone: 'Asia/Tomsk' }));
    expect(en).toContain('Application for technopark residency');
    expect(en).toContain(app.title);
    expect(en).toContain(`Version 1`);
    expect(en).toContain(app.parkName);
    expect(en).toContain(`INN ${app.companyInn}`);
    expect(en).toContain('A pilot line for methane sensors in coal mines');
    expect(en).toContain('Yes, 120.5 m²');
    expect(en).toContain('Consulting, Patent and licence support');
    expect(en).toContain('2027 2,500,000.50 1,000,000 12 3,000,000');
    expect(en).toContain('Business plan: plan.pdf');
    const ru = await pdfText(await applicationToPdf(await getMyApplication(db, { actor: applicant, applicationId }), { locale: 'ru', timeZone: 'Asia/Tomsk' }));
    expect(ru).toContain('Заявка на резидентство в технопарке');
    expect(ru).toContain('Бизнес-план: plan.pdf');
  });
});
