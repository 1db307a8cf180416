import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { attachments, companyInvitations, notifications, reviewCriteria, threadAttachments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/api-tokens/tokens';
import { screenApplication } from '@/lib/applications/screening';
import { addRepresentative } from '@/lib/companies/invitations';
import { createBudgetEntry } from '@/lib/budget/budget';
import { assignExperts } from '@/lib/council/assignments';
import { addAgendaItem, createMeeting, setAttendance } from '@/lib/council/meetings';
import { declareConflict } from '@/lib/council/reviews';
import { addDays, todayIso } from '@/lib/dates';
import { grantIncentive } from '@/lib/incentives/incentives';
import { saveKpiDraft, submitKpiReport } from '@/lib/kpi/filing';
import { createLease } from '@/lib/premises/leases';
import { createService } from '@/lib/services/catalogue';
import { createServiceRequest } from '@/lib/services/requests';
import { createBooking, createResource } from '@/lib/services/bookings';

import { addIndicator, createProgramme } from '@/lib/programmes/programmes';
import { postThreadMessage } from '@/lib/threads/threads';
import { makeApplication, makeCompany, TINY_PDF } from './application-fixtures';
import { makeApplicant, makeExpert, makeManager, makePark, uniq } from './fixtures';
import { makeApprovedApplication, makeResident, makeUnits } from './residents-fixtures';

const FIGURES = { jobsCreated: '3', headcount: '10', investmentRub: '1000', capitalInvestmentRub: '500', incomeRub: '2000', taxesPaidRub: '100', rndSpendRub: '' };

/**
 * One park with a record of every kind, built through the domain functions, and two outsiders: the
 * manager of another park and an applicant who represents another company. lib/auth/refusals.test.ts
 * points every domain function at this park's records as each outsider.
 */
export async function buildRefusalWorld() {
  const db = await getDb();
  const today = todayIso();
  const park = await makePark();
  const otherPark = await makePark();
  const manager = await makeManager(park.id);
  const expert = await makeExpert(park.id);
  const applicant = await makeApplicant();
  const { id: companyId } = await makeCompany(applicant);
  const invitedEmail = `${uniq('invitee-')}@example.com`;
  await addRepresentative(db, { actor: applicant, input: { companyId, email: invitedEmail } });
  const [invitation] = await db.select({ id: companyInvitations.id }).from(companyInvitations).where(eq(companyInvitations.companyId, companyId));

  const draft = await makeApplication(applicant, park.id, { companyId, submit: false });
  const [attachment] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.applicationId, draft.applicationId));
  const inReview = await makeApplication(applicant, park.id, { companyId });
  await screenApplication(db, { actor: manager, input: { applicationId: inReview.applicationId, outcome: 'accepted' } });
  const {
    assignmentIds: [assignmentId],
  } = await assignExperts(db, { actor: manager, input: { applicationId: inReview.applicationId, expertIds: [expert.userId], dueOn: '2099-12-31' } });
  await declareConflict(db, { actor: expert, input: { assignmentId, hasConflict: false } });
  const [criterion] = await db.select({ id: reviewCriteria.id }).from(reviewCriteria).where(and(eq(reviewCriteria.parkId, park.id), eq(reviewCriteria.active, true))).limit(1);
  const meeting = await createMeeting(db, { actor: manager, input: { parkId: park.id, number: 1, heldOn: today } });
  await addAgendaItem(db, { actor: manager, input: { meetingId: meeting.id, applicationId: inReview.applicationId } });
  await setAttendance(db, { actor: manager, input: { meetingId: meeting.id, userIds: [expert.userId] } });

  const resident = await makeResident(manager, park.id, { companyId, startOn: '2023-03-01' });
  const admittable = await makeApprovedApplication(park.id, { companyId });
  const {
    buildingId,
    unitIds: [unitId],
  } = await makeUnits(manager, park.id, [{ name: '101', areaM2: '50' }]);
  const lease = await createLease(db, { actor: manager, parkId: park.id, input: { residencyId: resident.residencyId, premisesId: unitId, startOn: '2023-03-01', endOn: null } });
  const service = await createService(db, {
    actor: manager,
    parkId: park.id,
    input: { name: 'Business consulting', kind: 'consulting', unit: 'hour', marketPriceRub: '3000', residentPriceRub: '1500' },
  });
  const room = await createService(db, {
    actor: manager,
    parkId: park.id,
    input: { name: 'Meeting room', kind: 'room', unit: 'hour', marketPriceRub: '1500', residentPriceRub: '500' },
  });
  const resource = await createResource(db, {
    actor: manager,
    parkId: park.id,
    input: { serviceId: room.id, name: 'Board room', opensAt: '00:00', closesAt: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7], slotMinutes: 60 },
  });
  // Two days ahead on the park's clock: in the future, and outside the notice, whenever the test runs.
  const booking = await createBooking(db, {
    actor: applicant,
    input: { resourceId: resource.id, companyId, date: addDays(todayIso(resource.timeZone), 2), startAt: '10:00', endAt: '11:00' },
  });
  const serviceRequest = await createServiceRequest(db, { actor: applicant, parkId: park.id, input: { companyId, serviceId: service.id, quantity: '2', description: 'A business plan review' } });
  const incentive = await grantIncentive(db, {
    actor: manager,
    parkId: park.id,
    input: { residencyId: resident.residencyId, kind: 'property_tax', legalBasis: 'Regional law 1-OZ', decisionNumber: uniq('D-'), grantedOn: '2023-04-01', validFrom: '2023-04-01', validTo: null, conditions: '' },
  });
  const budgetEntry = await createBudgetEntry(db, { actor: manager, input: { parkId: park.id, year: 2023, source: 'federal', amountRub: '1000', document: null } });
  const programmeKey = uniq('prog-');
  const programme = await createProgramme(db, { actor: manager, input: { parkId: park.id, key: programmeKey, name: 'Regional programme' } });
  const indicator = await addIndicator(db, { actor: manager, input: { parkId: park.id, programmeId: programme.id, key: 'jobs', name: 'Jobs', unit: 'people', direction: 'higher' } });
  const kpiDraft = await saveKpiDraft(db, { actor: applicant, input: { parkId: park.id, companyId, year: 2023, quarter: null, ...FIGURES } });
  const kpiSubmitted = await submitKpiReport(db, { actor: applicant, input: { parkId: park.id, companyId, year: 2024, quarter: null, ...FIGURES } });
  await postThreadMessage(db, { actor: manager, input: { subject: 'application', subjectId: inReview.applicationId, body: 'Please send the lease terms.' }, files: [{ fileName: 'terms.pdf', bytes: TINY_PDF }] });
  const [threadFile] = await db.select({ id: threadAttachments.id }).from(threadAttachments).orderBy(desc(threadAttachments.createdAt)).limit(1);
  const token = await createApiToken(db, { actor: manager, parkSlug: park.slug, name: 'reports' });
  const [notice] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, manager.userId)).limit(1);

  const otherManager = await makeManager(otherPark.id);
  const otherApplicant = await makeApplicant();
  const { id: otherCompanyId } = await makeCompany(otherApplicant);
  await makeApplication(otherApplicant, otherPark.id, { companyId: otherCompanyId });

  return {
    today,
    park,
    otherPark,
    manager,
    expert,
    applicant,
    companyId,
    invitationId: invitation.id,
    invitedEmail,
    draftId: draft.applicationId,
    applicationId: inReview.applicationId,
    applicationTitle: inReview.title,
    attachmentId: attachment.id,
    assignmentId,
    criterionId: criterion.id,
    meetingId: meeting.id,
    residencyId: resident.residencyId,
    admittableId: admittable.applicationId,
    buildingId,
    unitId,
    leaseId: lease.id,
    serviceId: service.id,
    serviceRequestId: serviceRequest.id,
    roomServiceId: room.id,
    resourceId: resource.id,
    bookingId: booking.id,
    incentiveId: incentive.id,
    budgetEntryId: budgetEntry.id,
    programme: { id: programme.id, key: programmeKey },
    indicatorId: indicator.id,
    kpiDraftId: kpiDraft.id,
    kpiSubmittedId: kpiSubmitted.id,
    threadFileId: threadFile.id,
    tokenId: token.id,
    notificationId: notice.id,
    figures: FIGURES,
    outsiders: { otherPark: otherManager as Actor, otherCompany: otherApplicant as Actor },
    otherCompanyId,
  };
}

export type RefusalWorld = Awaited<ReturnType<typeof buildRefusalWorld>>;

/** A fingerprint of every table's rows: equal before and after a call that changed nothing. */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables.map(({ name }) => sql`SELECT ${name} AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS print FROM ${sql.identifier(name)} t`);
  const rows = await queryRows<{ name: string; print: string }>(db, sql.join(parts, sql` UNION ALL `));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** Strings that only this park's records contain: none may appear in what an outsider is shown. */
export function secretsOf(w: RefusalWorld): string[] {
  return [w.park.id, w.park.slug, w.companyId, w.invitationId, w.invitedEmail, w.draftId, w.applicationId, w.applicationTitle, w.attachmentId, w.meetingId, w.residencyId, w.leaseId, w.serviceId, w.serviceRequestId, w.roomServiceId, w.resourceId, w.bookingId, w.incentiveId, w.programme.key, w.kpiDraftId, w.threadFileId, w.tokenId, w.manager.userId, w.manager.email];
}
