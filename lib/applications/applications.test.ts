import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationPlanYears, applications, applicationVersions, attachments, auditLog, notifications, outbox, screeningDecisions, users } from '@/db/schema';
import { todayIso } from '@/lib/dates';
import { completeDraft, makeApplication, makeCompany, TINY_PDF } from '@/lib/test/application-fixtures';
import { makeAnalyst, makeApplicant, makeExpert, makeManager, makePark } from '@/lib/test/fixtures';
import { deleteDraft, getMyApplication, getParkApplication, listMyApplications, saveDraft, submitApplication } from './applications';
import { attachmentsDir, deleteAttachment, readAttachment, uploadAttachment } from './attachments';
import { compareVersions, getTimeline, listVersions } from './history';
import { screenApplication } from './screening';

/** A minimal ZIP holding the named (empty, stored) entries, written by hand from the format. */
function zipOf(names: string[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(enc.encode(name));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe('drafts', () => {
  it('saves a draft on the first save and updates it on later ones, keeping everything typed', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { id: companyId } = await makeCompany(applicant);
    const { applicationId } = await saveDraft(db, { actor: applicant, input: { ...completeDraft(park.id, companyId), title: '', description: '', plan: [] } });
    const input = { ...completeDraft(park.id, companyId), applicationId, title: 'Methane sensors' };
    await saveDraft(db, { actor: applicant, input });
    const dto = await getMyApplication(db, { actor: applicant, applicationId });
    expect(dto).toMatchObject({ status: 'draft', title: 'Methane sensors', premisesAreaM2: '120.50', services: ['consulting', 'patent'], version: 0, submittedOn: null });
    expect(dto.plan).toEqual([
      { year: 2026, investmentRub: '1000000.00', capitalInvestmentRub: '400000.00', newJobs: 5, incomeRub: '0.00' },
      { year: 2027, investmentRub: '2500000.50', capitalInvestmentRub: '1000000.00', newJobs: 12, incomeRub: '3000000.00' },
    ]);
    await saveDraft(db, { actor: applicant, input: { ...input, plan: [input.plan[1]] } });
    const rows = await db.select().from(applicationPlanYears).where(eq(applicationPlanYears.applicationId, applicationId));
    expect(rows.map((r) => r.year)).toEqual([2027]);
    expect((await listMyApplications(db, { actor: applicant })).map((a) => a.id)).toEqual([applicationId]);
  });

  it('refuses capital investment above investment, duplicate years, and another company', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { id: companyId } = await makeCompany(applicant);
    const draft = completeDraft(park.id, companyId);
    await expect(
      saveDraft(db, { actor: applicant, input: { ...draft, plan: [{ year: 2026, investmentRub: '100', capitalInvestmentRub: '101', newJobs: 0, incomeRub: '' }] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { 'plan.0.capitalInvestmentRub': ['capexAboveInvestment'] } });
    await expect(saveDraft(db, { actor: applicant, input: { ...draft, plan: [draft.plan[0], draft.plan[0]] } })).rejects.toMatchObject({ fieldErrors: { plan: ['duplicateYear'] } });
    const stranger = await makeApplicant();
    await expect(saveDraft(db, { actor: stranger, input: draft })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { applicationId } = await saveDraft(db, { actor: applicant, input: draft });
    const { id: strangerCompany } = await makeCompany(stranger);
    await expect(saveDraft(db, { actor: stranger, input: { ...completeDraft(park.id, strangerCompany), applicationId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMyApplication(db, { actor: stranger, applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const manager = await makeManager(park.id);
    await expect(saveDraft(db, { actor: manager, input: draft })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getParkApplication(db, { actor: manager, parkId: park.id, applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deleting a draft', () => {
  it('deletes a never-submitted draft with its files; refuses a submitted one and another company’s', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const stranger = await makeApplicant();
    await expect(deleteDraft(db, { actor: stranger, applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteDraft(db, { actor: applicant, applicationId });
    expect(await db.select().from(applications).where(eq(applications.id, applicationId))).toHaveLength(0);
    expect(fs.existsSync(path.join(attachmentsDir(), applicationId))).toBe(false);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'application.deleteDraft')))).toHaveLength(1);
    const submitted = await makeApplication(applicant, park.id);
    await expect(deleteDraft(db, { actor: applicant, applicationId: submitted.applicationId })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('submission', () => {
  it('lists everything missing and changes nothing', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { id: companyId } = await makeCompany(applicant);
    const { applicationId } = await saveDraft(db, {
      actor: applicant,
      input: { ...completeDraft(park.id, companyId), title: '', description: 'short', industry: '', wantsPremises: true, premisesAreaM2: '', wantsTaxIncentives: false, services: [], plan: [] },
    });
    await expect(submitApplication(db, { actor: applicant, applicationId })).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'applicationIncomplete',
      fieldErrors: {
        title: ['missingTitle'],
        description: ['missingDescription'],
        industry: ['missingIndustry'],
        premisesAreaM2: ['missingArea'],
        plan: ['missingPlan'],
        attachments: ['missingBusinessPlan'],
      },
    });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: 'draft', version: 0, submittedOn: null });
    expect(await db.select().from(applicationVersions).where(eq(applicationVersions.applicationId, applicationId))).toHaveLength(0);
  });

  it('submits once: version 1, the date, an audit row, the managers told; a second submit is refused', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId, title } = await makeApplication(applicant, park.id, { submit: false });
    expect(await submitApplication(db, { actor: applicant, applicationId })).toEqual({ version: 1 });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: 'submitted', version: 1, submittedOn: todayIso() });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'application.submit')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: applicant.userId, parkId: park.id, before: { status: 'draft', version: 0 }, after: { status: 'submitted', version: 1 } });
    const told = await db.select().from(notifications).where(eq(notifications.userId, manager.userId));
    expect(told).toMatchObject([{ kind: 'applicationSubmitted', params: { title } }]);
    await expect(submitApplication(db, { actor: applicant, applicationId })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(saveDraft(db, { actor: applicant, input: { ...completeDraft(park.id, row.companyId), applicationId } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const stranger = await makeApplicant();
    await expect(submitApplication(db, { actor: stranger, applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(submitApplication(db, { actor: manager, applicationId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getParkApplication(db, { actor: manager, parkId: park.id, applicationId })).status).toBe('submitted');
  });
});

describe('attachments', () => {
  it('accepts a PDF by its content and stores it under the data folder', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const [row] = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    expect(row).toMatchObject({ mimeType: 'application/pdf', sizeBytes: TINY_PDF.byteLength, fileName: 'plan.pdf', kind: 'business_plan' });
    const stored = path.join(process.env.DATA_DIR!, 'attachments', row.storagePath);
    expect(attachmentsDir()).toBe(path.join(path.resolve(process.env.DATA_DIR!), 'attachments'));
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(TINY_PDF));
  });

  it('refuses an EXE renamed .pdf, an empty file, a file over 20 MB and a plain ZIP; accepts DOCX, XLSX, PNG, JPEG', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const upload = (fileName: string, bytes: Uint8Array) => uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName, bytes });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    await expect(upload('plan.pdf', exe)).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { file: ['fileTypeNotAllowed'] } });
    await expect(upload('empty.pdf', new Uint8Array())).rejects.toMatchObject({ fieldErrors: { file: ['fileEmpty'] } });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(TINY_PDF);
    await expect(upload('big.pdf', big)).rejects.toMatchObject({ fieldErrors: { file: ['fileTooLarge'] } });
    await expect(upload('archive.docx', zipOf(['readme.txt']))).rejects.toMatchObject({ fieldErrors: { file: ['fileTypeNotAllowed'] } });
    await upload('plan.docx', zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    await upload('model.xlsx', zipOf(['[Content_Types].xml', 'xl/workbook.xml']));
    await upload('chart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await upload('photo.jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    const rows = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    expect(rows.map((r) => r.mimeType).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/jpeg',
      'image/png',
    ]);
    const files = fs.readdirSync(path.join(attachmentsDir(), applicationId));
    expect(files).toHaveLength(5);
  });

  it('lets only those allowed download, and keeps the documents of a submitted version', async () => {
    const db = await getDb();
    const park = await makePark();
    const otherPark = await makePark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const [row] = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    const manager = await makeManager(park.id);
    const otherManager = await makeManager(otherPark.id);
    const expert = await makeExpert(park.id);
    const analyst = await makeAnalyst(park.id);
    const stranger = await makeApplicant();
    expect((await readAttachment(db, { actor: applicant, attachmentId: row.id })).mimeType).toBe('application/pdf');
    await expect(readAttachment(db, { actor: manager, attachmentId: row.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await submitApplication(db, { actor: applicant, applicationId });
    expect((await readAttachment(db, { actor: manager, attachmentId: row.id })).storageKey).toBe(row.storagePath);
    for (const actor of [otherManager, expert, analyst, stranger]) await expect(readAttachment(db, { actor, attachmentId: row.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName: 'late.pdf', bytes: TINY_PDF })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'returned', comment: 'Add the market study' } });
    await expect(deleteAttachment(db, { actor: applicant, attachmentId: row.id })).rejects.toMatchObject({ key: 'attachmentSubmitted' });
    const { id: added } = await uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName: 'market.pdf', bytes: TINY_PDF });
    await expect(deleteAttachment(db, { actor: stranger, attachmentId: added })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteAttachment(db, { actor: applicant, attachmentId: added });
    expect(fs.existsSync(path.join(attachmentsDir(), applicationId, added))).toBe(false);
    expect(fs.existsSync(path.join(attachmentsDir(), row.storagePath))).toBe(true);
  });
});

describe('screening', () => {
  it('accepts, returns with a comment, or rejects with a reason; each writes a decision, an audit row and tells the applicant', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const cases = [
      { outcome: 'accepted' as const, comment: '', status: 'in_review' },
      { outcome: 'returned' as const, comment: 'Please add the market study', status: 'returned' },
      { outcome: 'rejected' as const, comment: 'Out of the park’s scope', status: 'rejected' },
    ];
    for (const c of cases) {
      const { applicationId } = await makeApplication(applicant, park.id);
      expect(await screenApplication(db, { actor: manager, input: { applicationId, outcome: c.outcome, comment: c.comment } })).toEqual({ status: c.status });
      const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
      expect(row.status).toBe(c.status);
      const decisions = await db.select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, applicationId));
      expect(decisions).toMatchObject([{ outcome: c.outcome, comment: c.comment || null, decidedBy: manager.userId, decidedOn: todayIso() }]);
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'application.screen')));
      expect(audit).toMatchObject([{ before: { status: 'submitted' }, after: { status: c.status, outcome: c.outcome } }]);
      const told = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, applicant.userId), eq(notifications.href, `/my/applications/${applicationId}`), eq(notifications.kind, 'applicationStatusChanged')));
      expect(told).toMatchObject([{ params: { status: c.status } }]);
    }
    const returned = await listMyApplications(db, { actor: applicant });
    const back = returned.find((a) => a.status === 'returned')!;
    expect((await getMyApplication(db, { actor: applicant, applicationId: back.id })).returnComment).toMatchObject({ comment: 'Please add the market study', source: 'screening' });
  });

  it('refuses a return without a comment, the wrong roles, another park, a draft and a decided application', async () => {
    const db = await getDb();
    const park = await makePark();
    const otherPark = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    const screen = (actor: Parameters<typeof screenApplication>[1]['actor'], outcome: 'accepted' | 'returned' | 'rejected' = 'accepted', id = applicationId) =>
      screenApplication(db, { actor, input: { applicationId: id, outcome, comment: outcome === 'accepted' ? '' : 'reason' } });
    await expect(screenApplication(db, { actor: manager, input: { applicationId, outcome: 'returned', comment: '  ' } })).rejects.toMatchObject({ fieldErrors: { comment: ['commentRequired'] } });
    await expect(screen(await makeExpert(park.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen(await makeAnalyst(park.id))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen(applicant)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(screen(await makeManager(otherPark.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { applicationId: draftId } = await makeApplication(applicant, park.id, { submit: false });
    await expect(screen(manager, 'accepted', draftId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, applicationId))).toHaveLength(0);
    await screen(manager, 'accepted');
    await expect(screen(manager, 'rejected')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`already decided by ${manager.name}`) });
  });

  it('of two screenings at once, one wins and the other is told who decided and when', async () => {
    const db = await getDb();
    const park = await makePark();
    const [first, second] = [await makeManager(park.id), await makeManager(park.id)];
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    const results = await Promise.allSettled([
      screenApplication(db, { actor: first, input: { applicationId, outcome: 'accepted' } }),
      screenApplication(db, { actor: second, input: { applicationId, outcome: 'rejected', comment: 'Out of scope' } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT', key: 'alreadyDecided' });
    expect(lost[0].reason.message).toMatch(/already decided by User .+ at \d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+3$/);
    expect(await db.select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, applicationId))).toHaveLength(1);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'application.screen')))).toHaveLength(1);
  });
});

describe('revision, versions and the timeline', () => {
  it('a returned application is edited and resubmitted as version 2; the versions compare field by field', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId, companyId } = await makeApplication(applicant, park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'returned', comment: 'Raise the 2027 income estimate' } });
    const draft = completeDraft(park.id, companyId);
    const current = await getMyApplication(db, { actor: applicant, applicationId });
    await saveDraft(db, {
      actor: applicant,
      input: { ...draft, applicationId, title: current.title, plan: [draft.plan[0], { ...draft.plan[1], incomeRub: '4500000' }], services: ['consulting'] },
    });
    const otherPark = await makePark();
    await expect(saveDraft(db, { actor: applicant, input: { ...draft, applicationId, parkId: otherPark.id } })).rejects.toMatchObject({ key: 'fixedAfterSubmit' });
    expect(await submitApplication(db, { actor: applicant, applicationId })).toEqual({ version: 2 });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: 'submitted', version: 2, submittedOn: todayIso() });
    expect((await listVersions(db, { actor: manager, applicationId })).map((v) => v.version)).toEqual([1, 2]);
    const diff = await compareVersions(db, { actor: applicant, applicationId, from: 1, to: 2 });
    expect(diff.changes).toEqual([
      { field: 'services', before: 'consulting, patent', after: 'consulting' },
      { field: 'plan.incomeRub', year: 2027, before: '3000000.00', after: '4500000.00' },
    ]);
    const stranger = await makeApplicant();
    await expect(compareVersions(db, { actor: stranger, applicationId, from: 1, to: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listVersions(db, { actor: await makeManager(otherPark.id), applicationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const timeline = await getTimeline(db, { actor: applicant, applicationId });
    expect(timeline.map((e) => e.kind)).toEqual(['created', 'submitted', 'screened', 'resubmitted']);
    expect(timeline[2]).toMatchObject({ outcome: 'returned', comment: 'Raise the 2027 income estimate', who: null });
    const staffTimeline = await getTimeline(db, { actor: manager, applicationId });
    expect(staffTimeline[2].who).toBe(manager.name);
  });
});

describe('the receipt and the cover note', () => {
  const mailTo = async (userId: string) => {
    const db = await getDb();
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return db.select({ subject: outbox.subject, body: outbox.body }).from(outbox).where(eq(outbox.to, user.email));
  };

  it('tells the submitter, in the app and by e-mail, the application, the park, the day and what happens next', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    const { applicationId, title } = await makeApplication(applicant, park.id, { submit: false });
    await submitApplication(db, { actor: applicant, applicationId, today: '2026-03-02' });
    const receipts = await db.select().from(notifications).where(and(eq(notifications.userId, applicant.userId), eq(notifications.kind, 'applicationReceived')));
    expect(receipts).toMatchObject([{ parkId: park.id, params: { title, park: park.name, version: 1, on: '2026-03-02' }, href: `/my/applications/${applicationId}` }]);
    const [mail] = await mailTo(applicant.userId);
    // Russian unless the person chose a language: the title, the park, the day as a Russian letter writes it, the next steps.
    expect(mail.subject).toContain(title);
    expect(mail.body).toContain(`«${park.name}»`);
    expect(mail.body).toContain('02.03.2026');
    expect(mail.body).toContain('менеджеры парка');
    expect(mail.body).toContain('экспертный совет');
  });

  it('keeps the cover note of a resubmission with its version, shows it in the history and quotes it to the managers', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'returned', comment: 'Add the 2028 plan' } });
    const note = 'Added 2028 to the plan and attached the updated business plan.';
    expect(await submitApplication(db, { actor: applicant, applicationId, coverNote: `  ${note}\n` })).toEqual({ version: 2 });
    const versions = await db.select().from(applicationVersions).where(eq(applicationVersions.applicationId, applicationId));
    expect(versions.map((v) => [v.version, v.coverNote]).sort()).toEqual([
      [1, null],
      [2, note],
    ]);
    for (const actor of [manager, applicant]) {
      const timeline = await getTimeline(db, { actor, applicationId });
      expect(timeline.find((e) => e.kind === 'resubmitted')).toMatchObject({ version: 2, comment: note });
    }
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'applicationResubmitted')));
    expect(told).toHaveLength(1);
    expect((await mailTo(manager.userId)).some((m) => m.body.includes(note))).toBe(true);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, 'application.resubmit')));
    expect(audit[0].after).toMatchObject({ version: 2, coverNote: note });
  });

  it('refuses a cover note over 5,000 characters and changes nothing', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'returned', comment: 'More detail' } });
    await expect(submitApplication(db, { actor: applicant, applicationId, coverNote: 'x'.repeat(5001) })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { coverNote: ['coverNoteTooLong'] },
    });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: 'returned', version: 1 });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'applicationResubmitted')))).toHaveLength(0);
  });
});
