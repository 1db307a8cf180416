import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notifications, outbox, threadAttachments, threadMessages } from '@/db/schema';
import { assignExperts } from '@/lib/council/assignments';
import { saveKpiDraft, submitKpiReport } from '@/lib/kpi/filing';
import { figures } from '@/lib/kpi/test-fixtures';
import { screenApplication } from '@/lib/applications/screening';
import { createService } from '@/lib/services/catalogue';
import { createServiceRequest, deliverServiceRequest } from '@/lib/services/requests';
import { localDocumentsDir } from '@/lib/storage';
import { makeApplication, TINY_PDF } from '@/lib/test/application-fixtures';
import { codeOf } from '@/lib/test/code-of';
import { makeAdmin, makeApplicant, makeExpert, makeManagedPark, makeManager, makePark } from '@/lib/test/fixtures';
import { makeRepresentative, makeResident } from '@/lib/test/residents-fixtures';
import { getThread, postThreadMessage, readThreadAttachment } from './threads';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const application = (subjectId: string) => ({ subject: 'application' as const, subjectId });
const kpiReport = (subjectId: string) => ({ subject: 'kpiReport' as const, subjectId });
const serviceRequest = (subjectId: string) => ({ subject: 'serviceRequest' as const, subjectId });

async function rowCounts() {
  const db = await getDb();
  const [m] = await db.select({ n: count() }).from(threadMessages);
  const [a] = await db.select({ n: count() }).from(threadAttachments);
  const [n] = await db.select({ n: count() }).from(notifications);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { messages: m.n, attachments: a.n, notifications: n.n, outbox: o.n };
}

describe('the conversation on an application', () => {
  it('the applicant and the park staff write to each other with documents; each side is told in the app and by e-mail; experts never see it', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const secondManager = await makeManager(parkId);
    const applicant = await makeApplicant();
    const { applicationId, companyId, title } = await makeApplication(applicant, parkId);
    const colleague = await makeRepresentative(companyId);

    const first = await postThreadMessage(db, {
      actor: applicant,
      input: { ...application(applicationId), body: '  Could we add the updated financial model?  ' },
      files: [{ fileName: '../../model.pdf', bytes: TINY_PDF }],
    });
    // The park's managers are told, with a link to the staff page and the words in the e-mail.
    const staffNotices = await db.select().from(notifications).where(eq(notifications.kind, 'threadApplicationMessage'));
    expect(staffNotices.map((n) => n.userId).sort()).toEqual([manager.userId, secondManager.userId].sort());
    expect(staffNotices[0]).toMatchObject({ parkId, href: `/p/${staffNotices[0].href!.split('/')[2]}/applications/${applicationId}`, params: { title, author: applicant.name } });
    const mails = await db.select().from(outbox).where(eq(outbox.to, manager.email));
    expect(mails.filter((m) => m.body.includes('Could we add the updated financial model?'))).toHaveLength(1);

    await postThreadMessage(db, { actor: manager, input: { ...application(applicationId), body: 'Yes, attach it here.' }, files: [{ fileName: 'checklist.png', bytes: PNG }] });
    // Every representative of the company is told (the writer never is).
    const companyNotices = await db.select().from(notifications).where(and(eq(notifications.kind, 'threadApplicationMessage'), eq(notifications.href, `/my/applications/${applicationId}`)));
    expect(companyNotices.map((n) => n.userId).sort()).toEqual([applicant.userId, colleague.userId].sort());

    const seenByApplicant = await getThread(db, { actor: colleague, subject: application(applicationId) });
    expect(seenByApplicant).toMatchObject({ side: 'company', mayPost: true, closedReason: null });
    expect(seenByApplicant.messages.map((m) => [m.side, m.authorName, m.body, m.mine])).toEqual([
      ['company', applicant.name, 'Could we add the updated financial model?', false],
      ['staff', manager.name, 'Yes, attach it here.', false],
    ]);
    expect(seenByApplicant.messages[0].files).toEqual([expect.objectContaining({ fileName: 'model.pdf', mimeType: 'application/pdf', sizeBytes: TINY_PDF.byteLength })]);
    const seenByStaff = await getThread(db, { actor: manager, subject: application(applicationId) });
    expect(seenByStaff).toMatchObject({ side: 'staff', mayPost: true });
    expect(seenByStaff.messages[1].mine).toBe(true);

    // Both sides download the documents; the bytes are what was sent.
    const fileId = seenByApplicant.messages[0].files[0].id;
    for (const reader of [applicant, manager]) expect((await readThreadAttachment(db, { actor: reader, attachmentId: fileId })).fileName).toBe('model.pdf');
    const stored = await readThreadAttachment(db, { actor: manager, attachmentId: fileId });
    expect(new Uint8Array(fs.readFileSync(path.join(localDocumentsDir(), stored.storageKey)))).toEqual(TINY_PDF);

    // An expert assigned to the application reads the application but not its conversation.
    const expert = await makeExpert(parkId);
    await screenApplication(db, { actor: manager, input: { applicationId, outcome: 'accepted', comment: '' } });
    await assignExperts(db, { actor: manager, input: { applicationId, expertIds: [expert.userId], dueOn: '2099-01-01' } });
    expect(await codeOf(getThread(db, { actor: expert, subject: application(applicationId) }))).toBe('NOT_FOUND');
    expect(await codeOf(readThreadAttachment(db, { actor: expert, attachmentId: fileId }))).toBe('NOT_FOUND');
    expect(await codeOf(postThreadMessage(db, { actor: expert, input: { ...application(applicationId), body: 'Hello' } }))).toBe('NOT_FOUND');

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'thread.post'), eq(auditLog.entityId, applicationId), eq(auditLog.actorId, applicant.userId)));
    expect(audit.after).toMatchObject({ messageId: first.id, side: 'company', files: [expect.objectContaining({ fileName: 'model.pdf' })] });
  });

  it('another park, another company and a stranger find neither the conversation nor its documents, and change nothing', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    await postThreadMessage(db, { actor: manager, input: { ...application(applicationId), body: 'Please send the lease terms.' }, files: [{ fileName: 'terms.pdf', bytes: TINY_PDF }] });
    const [file] = await db.select({ id: threadAttachments.id }).from(threadAttachments).innerJoin(threadMessages, eq(threadMessages.id, threadAttachments.messageId)).where(eq(threadMessages.applicationId, applicationId));

    const other = await makeManagedPark();
    const otherApplicant = await makeApplicant();
    const before = await rowCounts();
    for (const outsider of [other.manager, otherApplicant]) {
      expect(await codeOf(getThread(db, { actor: outsider, subject: application(applicationId) }))).toBe('NOT_FOUND');
      expect(await codeOf(postThreadMessage(db, { actor: outsider, input: { ...application(applicationId), body: 'Hi' }, files: [{ fileName: 'x.pdf', bytes: TINY_PDF }] }))).toBe('NOT_FOUND');
      expect(await codeOf(readThreadAttachment(db, { actor: outsider, attachmentId: file.id }))).toBe('NOT_FOUND');
    }
    // A record that does not exist looks the same.
    expect(await codeOf(getThread(db, { actor: manager, subject: application('00000000-0000-4000-8000-000000000000') }))).toBe('NOT_FOUND');
    expect(await rowCounts()).toEqual(before);
  });

  it('an administrator reads the conversation but does not write in it; a draft has no conversation yet', async () => {
    const db = await getDb();
    const { parkId } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    const admin = await makeAdmin();
    expect(await getThread(db, { actor: admin, subject: application(applicationId) })).toMatchObject({ side: 'staff', mayPost: false, closedReason: 'readOnly' });
    expect(await codeOf(postThreadMessage(db, { actor: admin, input: { ...application(applicationId), body: 'Hi' } }))).toBe('FORBIDDEN');

    const draft = await makeApplication(applicant, parkId, { submit: false });
    expect(await getThread(db, { actor: applicant, subject: application(draft.applicationId) })).toMatchObject({ mayPost: false, closedReason: 'draft', messages: [] });
    expect(await codeOf(postThreadMessage(db, { actor: applicant, input: { ...application(draft.applicationId), body: 'Hi' } }))).toBe('INVALID_TRANSITION');
  });

  it('refuses bad input with the field named and writes nothing: an empty or too long message, too many documents, a disguised file, an empty file', async () => {
    const db = await getDb();
    const { parkId, manager } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    const before = await rowCounts();
    const refusal = async (body: string, files: { fileName: string; bytes: Uint8Array }[] = []) => {
      const error = await postThreadMessage(db, { actor: applicant, input: { ...application(applicationId), body }, files }).then(
        () => null,
        (e: { code: string; fieldErrors?: Record<string, string[]> }) => e,
      );
      return error && { code: error.code, fieldErrors: error.fieldErrors };
    };
    expect(await refusal('   ')).toEqual({ code: 'VALIDATION', fieldErrors: { body: ['messageRequired'] } });
    expect(await refusal('x'.repeat(5001))).toEqual({ code: 'VALIDATION', fieldErrors: { body: ['messageTooLong'] } });
    expect(await refusal('four files', Array.from({ length: 4 }, (_, i) => ({ fileName: `${i}.pdf`, bytes: TINY_PDF })))).toEqual({ code: 'VALIDATION', fieldErrors: { files: ['tooManyMessageFiles'] } });
    expect(await refusal('a program', [{ fileName: 'report.pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf') }])).toEqual({ code: 'VALIDATION', fieldErrors: { files: ['fileTypeNotAllowed'] } });
    expect(await refusal('empty', [{ fileName: 'empty.pdf', bytes: new Uint8Array() }])).toEqual({ code: 'VALIDATION', fieldErrors: { files: ['fileEmpty'] } });
    expect(await codeOf(getThread(db, { actor: manager, subject: { subject: 'minutes', subjectId: applicationId } as never }))).toBe('VALIDATION');
    expect(await rowCounts()).toEqual(before);
  });

  it('documents sent in messages count towards the writer\'s storage allowance, and a refused message leaves no file behind', async () => {
    const db = await getDb();
    const { parkId } = await makeManagedPark();
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, parkId);
    const previous = process.env.ATTACHMENT_QUOTA_MB;
    // The application's business plan already takes TINY_PDF's bytes; allow room for exactly one more.
    process.env.ATTACHMENT_QUOTA_MB = String((TINY_PDF.byteLength * 2) / 1024 / 1024);
    try {
      await postThreadMessage(db, { actor: applicant, input: { ...application(applicationId), body: 'One more fits.' }, files: [{ fileName: 'a.pdf', bytes: TINY_PDF }] });
      const before = await rowCounts();
      const files = () => fs.readdirSync(path.join(localDocumentsDir(), 'threads'), { recursive: true }).length;
      const stored = files();
      expect(await codeOf(postThreadMessage(db, { actor: applicant, input: { ...application(applicationId), body: 'This one does not.' }, files: [{ fileName: 'b.pdf', bytes: TINY_PDF }] }))).toBe('VALIDATION');
      expect(await rowCounts()).toEqual(before);
      expect(files()).toBe(stored);
    } finally {
      if (previous === undefined) delete process.env.ATTACHMENT_QUOTA_MB;
      else process.env.ATTACHMENT_QUOTA_MB = previous;
    }
  });
});

describe('the conversation on a KPI report', () => {
  it('opens once the report is submitted; the representative and the reviewing manager write; the other side is told with a link to their page', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const { companyId, companyName, representative } = await makeResident(manager, park.id, { represented: true, startOn: '2021-04-01', endOn: '2023-09-30' });
    const period = { parkId: park.id, companyId, year: 2022, quarter: null };
    const draft = await saveKpiDraft(db, { actor: representative, input: { ...period, ...figures() }, today: '2023-02-01' });
    expect(await getThread(db, { actor: representative, subject: kpiReport(draft.id) })).toMatchObject({ side: 'company', mayPost: false, closedReason: 'draft' });
    // Staff never see a draft, nor its conversation.
    expect(await codeOf(getThread(db, { actor: manager, subject: kpiReport(draft.id) }))).toBe('NOT_FOUND');
    expect(await codeOf(postThreadMessage(db, { actor: representative, input: { ...kpiReport(draft.id), body: 'Hi' } }))).toBe('INVALID_TRANSITION');

    await submitKpiReport(db, { actor: representative, input: { ...period, ...figures() }, today: '2023-02-01' });
    await postThreadMessage(db, { actor: manager, input: { ...kpiReport(draft.id), body: 'Taxes look low compared with 2021; can you confirm?' } });
    const [toCompany] = await db.select().from(notifications).where(and(eq(notifications.userId, representative.userId), eq(notifications.kind, 'threadKpiMessage')));
    expect(toCompany).toMatchObject({ parkId: park.id, href: `/my/kpi/report?park=${park.slug}&company=${companyId}&year=2022`, params: { company: companyName, year: 2022, quarter: 0, author: manager.name } });
    await postThreadMessage(db, { actor: representative, input: { ...kpiReport(draft.id), body: 'Confirmed: we paid a deferred amount in 2021.' } });
    const [toStaff] = await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'threadKpiMessage')));
    expect(toStaff.href).toBe(`/p/${park.slug}/kpi/${draft.id}`);
    expect((await getThread(db, { actor: manager, subject: kpiReport(draft.id) })).messages.map((m) => m.side)).toEqual(['staff', 'company']);

    // Another park's manager and another company's representative find nothing.
    const other = await makeManagedPark();
    const stranger = await makeApplicant();
    for (const outsider of [other.manager, stranger]) expect(await codeOf(getThread(db, { actor: outsider, subject: kpiReport(draft.id) }))).toBe('NOT_FOUND');
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(threadMessages).where(eq(threadMessages.kpiReportId, draft.id));
    expect(n).toBe(2);
  });
});

describe('the conversation on a service request', () => {
  it('the representative and the desk write to each other, each told with a link to their own page; an administrator reads; outsiders find nothing', async () => {
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const { companyId, companyName, representative } = await makeResident(manager, park.id, { represented: true, startOn: '2020-01-01' });
    const service = await createService(db, { actor: manager, parkId: park.id, input: { name: 'Patent search', kind: 'ip', unit: 'item', marketPriceRub: '45000', residentPriceRub: '15000' } });
    const request = await createServiceRequest(db, { actor: representative, parkId: park.id, input: { companyId, serviceId: service.id, quantity: '1', description: 'An invention' }, today: '2024-03-01' });

    expect(await getThread(db, { actor: representative, subject: serviceRequest(request.id) })).toMatchObject({ side: 'company', mayPost: true, messages: [] });
    await postThreadMessage(db, { actor: representative, input: { ...serviceRequest(request.id), body: 'The draft claims are attached.' }, files: [{ fileName: 'claims.pdf', bytes: TINY_PDF }] });
    const [toStaff] = await db.select().from(notifications).where(and(eq(notifications.userId, manager.userId), eq(notifications.kind, 'threadServiceRequestMessage')));
    expect(toStaff).toMatchObject({ parkId: park.id, href: `/p/${park.slug}/services/requests/${request.id}`, params: { company: companyName, service: 'Patent search', author: representative.name } });

    expect(await getThread(db, { actor: manager, subject: serviceRequest(request.id) })).toMatchObject({ side: 'staff', mayPost: true });
    await postThreadMessage(db, { actor: manager, input: { ...serviceRequest(request.id), body: 'Received; we start on Monday.' } });
    const [toCompany] = await db.select().from(notifications).where(and(eq(notifications.userId, representative.userId), eq(notifications.kind, 'threadServiceRequestMessage')));
    expect(toCompany).toMatchObject({ href: `/my/services/${request.id}` });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'serviceRequest'), eq(auditLog.entityId, request.id), eq(auditLog.action, 'thread.post'))).limit(1);
    expect(entry).toBeDefined();

    // The conversation stays open once the request is done: the company may still have a question.
    await deliverServiceRequest(db, { actor: manager, parkId: park.id, input: { requestId: request.id, quantity: '1' }, today: '2024-03-05' });
    const thread = await getThread(db, { actor: representative, subject: serviceRequest(request.id) });
    expect(thread.messages.map((m) => [m.side, m.body])).toEqual([
      ['company', 'The draft claims are attached.'],
      ['staff', 'Received; we start on Monday.'],
    ]);
    const fileId = thread.messages[0].files[0].id;
    expect(await readThreadAttachment(db, { actor: manager, attachmentId: fileId })).toMatchObject({ fileName: 'claims.pdf' });

    // An administrator may read the desk but does not handle it: reads, does not write.
    const admin = await makeAdmin();
    expect(await getThread(db, { actor: admin, subject: serviceRequest(request.id) })).toMatchObject({ side: 'staff', mayPost: false, closedReason: 'readOnly' });
    expect(await codeOf(postThreadMessage(db, { actor: admin, input: { ...serviceRequest(request.id), body: 'Hello' } }))).toBe('FORBIDDEN');

    // Another park's manager, another company's representative and an expert of the park find nothing.
    const other = await makeManagedPark();
    const stranger = await makeApplicant();
    const expert = await makeExpert(park.id);
    for (const outsider of [other.manager, stranger, expert]) {
      expect(await codeOf(getThread(db, { actor: outsider, subject: serviceRequest(request.id) }))).toBe('NOT_FOUND');
      expect(await codeOf(postThreadMessage(db, { actor: outsider, input: { ...serviceRequest(request.id), body: 'Hi' } }))).toBe('NOT_FOUND');
      expect(await codeOf(readThreadAttachment(db, { actor: outsider, attachmentId: fileId }))).toBe('NOT_FOUND');
    }
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(threadMessages).where(eq(threadMessages.serviceRequestId, request.id));
    expect(n).toBe(2);
  });
});
