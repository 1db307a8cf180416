import crypto from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { listActorFunctions } from '@/lib/test/actor-functions';
import { TINY_PDF, completeDraft, makeInn } from '@/lib/test/application-fixtures';
import { buildRefusalWorld, databaseFingerprint, secretsOf, type RefusalWorld } from '@/lib/test/refusal-world';

/**
 * Every exported domain function that takes an actor, called by the manager of another park and by an
 * applicant of another company against a park full of records: each refuses with NOT_FOUND, exactly as
 * for records that do not exist, and changes no row. A function added without an entry here fails.
 */

type DomainFn = (db: Db, args: Record<string, unknown>) => Promise<unknown>;
type Park = { id: string; slug: string };
type Call = (c: { f: DomainFn; db: Db; w: RefusalWorld; actor: Actor; park: Park }) => Promise<unknown>;
/** NOT_FOUND unless an entry says otherwise, with its reason. */
type Outcome =
  /** Refused FORBIDDEN by the actor's kind or role before any record is read: the same answer as for records that do not exist. */
  | { byRole: string }
  /** Answers with the actor's own records only (none of this park's). */
  | { scoped: string }
  /** Not called as this outsider. */
  | { skip: string };
type Entry =
  | {
      call: Call;
      /**
       * Also through the manager's own park, where they hold a role: this park's records named there must
       * still look missing (or, given an outcome, that outcome).
       */
      ownPark?: true | Outcome;
      otherPark?: Outcome;
      otherCompany?: Outcome;
    }
  | { exempt: string };

const STAFF = { byRole: 'a staff step: an applicant holds no park role, and assertCan refuses that FORBIDDEN in every park alike' };
const ADMIN = { byRole: 'an installation-wide step for admins (and the CLI): refused by role, no park or record is read first' };
const APPLICANT = { byRole: 'a step applicants take for their companies: staff are refused by kind before any record is read' };
const RULES = { exempt: 'the permission rules themselves, tested in lib/auth/permissions.test.ts' };
const ACCESS_ONLY = { exempt: 'takes an access object, never an actor: only lib/applications/access.ts makes one, and a made-up one is refused (access.test.ts)' };
const period = { from: 2020, to: 2024 };
const figures = (w: RefusalWorld) => w.figures;

const TABLE: Record<string, Entry> = {
  'admin/getInstallationStats': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: ADMIN, otherCompany: ADMIN },
  'admin/importDatasetUpload': { call: ({ f, db, actor }) => f(db, { actor, file: new TextEncoder().encode('{}'), dryRun: true }), otherPark: ADMIN, otherCompany: ADMIN },
  'admin/exportAuditLog': { call: ({ f, db, actor, park }) => f(db, { actor, filters: { park: park.id }, format: 'csv', label: (key: string) => key }), otherPark: ADMIN, otherCompany: ADMIN },
  'admin/listAuditPage': { call: ({ f, db, actor, park }) => f(db, { actor, query: { park: park.id } }), otherPark: ADMIN, otherCompany: ADMIN },
  'admin/listOutbox': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: ADMIN, otherCompany: ADMIN },
  'api-tokens/createApiToken': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, name: 'probe' }) },
  'api-tokens/listApiTokens': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug }) },
  'api-tokens/revokeApiToken': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkSlug: park.slug, tokenId: w.tokenId }), ownPark: true },
  'applications/accessApplication': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'applications/accessApplications': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, applicationIds: [w.applicationId, w.draftId], parkId: park.id }),
    otherPark: { scoped: 'keeps the applications the actor may see: none of these' },
    otherCompany: { scoped: 'keeps the applications the actor may see: none of these' },
  },
  'applications/applicationAccess': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'applications/closeApplication': { call: ({ f, db, w, actor }) => f(db, { actor, input: { applicationId: w.admittableId, outcome: 'not_admitted', reason: 'probe' } }) },
  'applications/compareVersions': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId, from: 1, to: 1 }) },
  'applications/deleteAttachment': { call: ({ f, db, w, actor }) => f(db, { actor, attachmentId: w.attachmentId }) },
  'applications/deleteDraft': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.draftId }) },
  'applications/getMyApplication': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'applications/getParkApplication': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, applicationId: w.applicationId }), ownPark: true },
  'applications/getTimeline': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'applications/listClosedApprovals': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'applications/listInboxIndustries': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'applications/listMyApplications': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: { scoped: 'their own companies’ applications' }, otherCompany: { scoped: 'their own companies’ applications' } },
  'applications/listParkApplications': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, query: {}, today: w.today }), otherCompany: STAFF },
  'applications/listVersions': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'applications/moveApplication': ACCESS_ONLY,
  'applications/readApplication': ACCESS_ONLY,
  'applications/readAttachment': { call: ({ f, db, w, actor }) => f(db, { actor, attachmentId: w.attachmentId }) },
  'applications/saveDraft': { call: ({ f, db, w, actor, park }) => f(db, { actor, input: { ...completeDraft(park.id, w.companyId), applicationId: w.draftId } }), otherPark: APPLICANT },
  'applications/refusal': ACCESS_ONLY,
  'applications/screenApplication': { call: ({ f, db, w, actor }) => f(db, { actor, input: { applicationId: w.applicationId, outcome: 'rejected', comment: 'probe' } }) },
  'applications/submitApplication': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.draftId }), otherPark: APPLICANT },
  'applications/uploadAttachment': {
    call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.draftId, kind: 'other', fileName: 'probe.pdf', bytes: TINY_PDF }),
    otherPark: APPLICANT,
  },
  'audit/writeAudit': { exempt: 'records what an authorized step did, inside its transaction; decides nothing' },
  'auth/actingUser': RULES,
  'auth/actorUserId': RULES,
  'auth/assertActingUser': RULES,
  'auth/assertCan': RULES,
  'auth/assertSignedIn': RULES,
  'auth/can': RULES,
  'auth/parksWhere': RULES,
  'auth/rolesIn': RULES,
  'budget/budgetTotals': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'budget/createBudgetEntry': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, year: 2031, source: 'regional', amountRub: '5', document: null } }), otherCompany: STAFF },
  'budget/deleteBudgetEntry': { call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, id: w.budgetEntryId } }), ownPark: true, otherCompany: STAFF },
  'budget/listBudgetFunding': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'budget/updateBudgetEntry': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, id: w.budgetEntryId, year: 2023, source: 'federal', amountRub: '7', document: null } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'companies/addRepresentative': { call: ({ f, db, w, actor }) => f(db, { actor, input: { companyId: w.companyId, email: w.manager.email } }) },
  'companies/answerInvitation': { call: ({ f, db, w, actor }) => f(db, { actor, invitationId: w.invitationId, accept: true }) },
  'companies/createCompany': {
    call: ({ f, db, actor }) => f(db, { actor, input: { name: 'ООО «Проба»', inn: makeInn(), smeCategory: 'small', manufacturing: false, industry: 'IT' } }),
    otherPark: APPLICANT,
    otherCompany: { skip: 'registers a company of their own: reads no other company' },
  },
  'companies/getCompany': { call: ({ f, db, w, actor }) => f(db, { actor, companyId: w.companyId }) },
  'companies/listCompanyInvitations': { call: ({ f, db, w, actor }) => f(db, { actor, companyId: w.companyId }) },
  'companies/listMyCompanies': { call: ({ f, db, w, actor }) => f(db, { actor, today: w.today }), otherPark: { scoped: 'the companies they represent' }, otherCompany: { scoped: 'the companies they represent' } },
  'companies/listMyInvitations': {
    call: ({ f, db, actor }) => f(db, { actor }),
    otherPark: { scoped: 'the invitations to their own e-mail: staff are invited to none' },
    otherCompany: { scoped: 'the invitations to their own e-mail: not the one this company sent' },
  },
  'companies/updateCompany': {
    call: ({ f, db, w, actor }) => f(db, { actor, input: { companyId: w.companyId, name: 'ООО «Проба»', inn: makeInn(), smeCategory: 'small', manufacturing: false, industry: 'IT' } }),
  },
  'council/addCouncilComment': { call: ({ f, db, w, actor }) => f(db, { actor, input: { applicationId: w.applicationId, body: 'A question for the members' } }) },
  'council/castVote': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, applicationId: w.applicationId, vote: 'for' } }) },
  'council/getMemberMeeting': { call: ({ f, db, w, actor }) => f(db, { actor, meetingId: w.meetingId }) },
  'council/meetingInvitation': { call: ({ f, db, w, actor }) => f(db, { actor, meetingId: w.meetingId }) },
  'council/listCouncilComments': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'council/listMemberMeetings': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: { byRole: 'a council member’s step: an applicant holds no park role, and assertCan refuses that FORBIDDEN in every park alike' } },
  'council/meetingInPark': {
    call: ({ f, db, w, actor }) => (f as unknown as (...args: unknown[]) => Promise<unknown>)(db, actor, w.meetingId, 'council.meet'),
  },
  'council/reviewSummaryOf': ACCESS_ONLY,
  'council/updateMeetingDetails': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, heldOn: w.today, startsAt: '10:00' } }) },
  'council/addAgendaItem': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, applicationId: w.applicationId } }) },
  'council/assignExperts': { call: ({ f, db, w, actor }) => f(db, { actor, input: { applicationId: w.applicationId, expertIds: [w.expert.userId], dueOn: '2099-12-31' } }) },
  'council/createMeeting': { call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, number: 99, heldOn: w.today } }), otherCompany: STAFF },
  'council/declareConflict': { call: ({ f, db, w, actor }) => f(db, { actor, input: { assignmentId: w.assignmentId, hasConflict: false } }) },
  'council/approveMinutes': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId } }) },
  'council/getMinutes': { call: ({ f, db, w, actor }) => f(db, { actor, meetingId: w.meetingId }) },
  'council/getMinutesExtract': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'council/getMinutesPdf': { call: ({ f, db, w, actor }) => f(db, { actor, meetingId: w.meetingId }) },
  'council/reopenMinutes': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, reason: 'A correction' } }) },
  'council/getMeeting': { call: ({ f, db, w, actor }) => f(db, { actor, meetingId: w.meetingId }) },
  'council/getReviewContext': { call: ({ f, db, w, actor }) => f(db, { actor, assignmentId: w.assignmentId }) },
  'council/getReviewSummary': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'council/cancelMeeting': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, reason: 'Postponed' } }) },
  'council/getCouncilRules': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'council/getRubric': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'council/listAssignments': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'council/listMeetings': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'council/listMyAssignments': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'council/nextMeetingNumber': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'council/recordDecision': {
    call: ({ f, db, w, actor }) =>
      f(db, { actor, input: { meetingId: w.meetingId, applicationId: w.applicationId, votesFor: 1, votesAgainst: 0, votesAbstain: 0, decision: 'approved', reason: '', paperTally: true, reviewsShortReason: 'none' } }),
  },
  'council/removeAgendaItem': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, applicationId: w.applicationId } }) },
  'council/saveReviewDraft': { call: ({ f, db, w, actor }) => f(db, { actor, input: { assignmentId: w.assignmentId, scores: [], recommendation: null, comment: '' } }) },
  'council/saveCouncilRules': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, minReviews: 3 } }), otherCompany: STAFF },
  'council/saveRubric': {
    call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, criteria: [{ code: 'novelty', nameEn: 'Novelty', nameRu: 'Новизна', weight: '10', active: true }] } }),
    otherCompany: STAFF,
  },
  'council/setAttendance': { call: ({ f, db, w, actor }) => f(db, { actor, input: { meetingId: w.meetingId, userIds: [] } }) },
  'council/submitReview': {
    call: ({ f, db, w, actor }) => f(db, { actor, input: { assignmentId: w.assignmentId, scores: [{ criterionId: w.criterionId, score: 5, comment: '' }], recommendation: 'approve', comment: '' } }),
  },
  'council/suggestExperts': { call: ({ f, db, w, actor }) => f(db, { actor, applicationId: w.applicationId }) },
  'council/withdrawAssignment': { call: ({ f, db, w, actor }) => f(db, { actor, input: { assignmentId: w.assignmentId } }) },
  'dataset/exportDataset': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug }) },
  'dataset/importDataset': { call: ({ f, db, actor }) => f(db, { actor, input: {}, dryRun: true }), otherPark: ADMIN, otherCompany: ADMIN },
  'incentives/exportIncentives': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today, filters: {}, format: 'csv', label: (key: string) => key }),
    otherCompany: STAFF,
  },
  'incentives/getIncentive': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today, incentiveId: w.incentiveId }), ownPark: true, otherCompany: STAFF },
  'incentives/grantIncentive': {
    call: ({ f, db, w, actor, park }) =>
      f(db, {
        actor,
        parkId: park.id,
        input: { residencyId: w.residencyId, kind: 'land_tax', legalBasis: 'Probe', decisionNumber: 'P-1', grantedOn: '2024-01-01', validFrom: '2024-01-01', validTo: null, conditions: '' },
      }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'incentives/listExpiringIncentives': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'incentives/listGrantableResidencies': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'incentives/listIncentives': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'incentives/listIncentivesPage': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'incentives/revokeIncentive': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { incentiveId: w.incentiveId, revokedOn: w.today, reason: 'Probe' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'kpi/accessKpiReport': { call: ({ f, db, w, actor }) => f(db, { actor, reportId: w.kpiSubmittedId }) },
  'kpi/acceptKpiReport': { call: ({ f, db, w, actor }) => f(db, { actor, input: { reportId: w.kpiSubmittedId } }) },
  'kpi/buildKpiTemplate': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, year: 2023 } }), otherCompany: STAFF },
  'kpi/commitKpiUpload': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, year: 2023 }, file: TINY_PDF }), otherCompany: STAFF },
  'kpi/countKpiReports': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'kpi/getKpiReportForReview': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, reportId: w.kpiSubmittedId }), ownPark: true, otherCompany: STAFF },
  'kpi/getKpiSettings': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'kpi/getMyKpiReport': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkSlug: park.slug, companyId: w.companyId, year: 2023, quarter: null }) },
  'kpi/listKpiReports': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id, status: 'all' }), otherCompany: STAFF },
  'kpi/countMissingKpiReports': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'kpi/listMissingKpiReports': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'kpi/listMyKpiPeriods': { call: ({ f, db, w, actor }) => f(db, { actor, today: w.today }), otherPark: { scoped: 'their own residencies’ periods' }, otherCompany: { scoped: 'their own residencies’ periods' } },
  'kpi/previewKpiUpload': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, year: 2023 }, file: TINY_PDF }), otherCompany: STAFF },
  'kpi/returnKpiReport': { call: ({ f, db, w, actor }) => f(db, { actor, input: { reportId: w.kpiSubmittedId, comment: 'Probe' } }) },
  'kpi/saveKpiDraft': { call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, companyId: w.companyId, year: 2023, quarter: null, ...figures(w) } }) },
  'kpi/sendKpiReminders': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'kpi/submitKpiReport': { call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, companyId: w.companyId, year: 2023, quarter: null, ...figures(w) } }) },
  'kpi/updateKpiSettings': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, deadlineMonth: 3, deadlineDay: 1, quarterlyReports: false } }), otherCompany: STAFF },
  'notifications/countUnread': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: { scoped: 'their own notifications' }, otherCompany: { scoped: 'their own notifications' } },
  'notifications/listNotifications': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: { scoped: 'their own notifications' }, otherCompany: { scoped: 'their own notifications' } },
  'notifications/markNotificationsRead': {
    call: ({ f, db, w, actor }) => f(db, { actor, ids: [w.notificationId] }),
    otherPark: { scoped: 'marks only their own notifications: the manager’s named here stays unread' },
    otherCompany: { scoped: 'marks only their own notifications: the manager’s named here stays unread' },
  },
  'parks/createPark': { call: ({ f, db, actor }) => f(db, { actor, input: { slug: `probe-${crypto.randomBytes(3).toString('hex')}`, name: 'Probe', region: 'R', type: 'mixed' } }), otherPark: ADMIN, otherCompany: ADMIN },
  'parks/authorizePark': { call: async ({ f, actor, park }) => (f as unknown as (a: Actor, p: Park, action: string) => Park)(actor, park, 'report.read') },
  'parks/getParkBySlug': { call: ({ f, db, actor, park }) => f(db, { actor, slug: park.slug }) },
  'parks/getParkDashboard': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'parks/setParkTimeZone': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, timeZone: 'Asia/Tomsk' } }), otherPark: ADMIN, otherCompany: ADMIN },
  'parks/setParkServiceTargetDays': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, serviceTargetDays: 9 } }), otherCompany: STAFF },
  'parks/listParks': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: { scoped: 'the parks they work in' }, otherCompany: { scoped: 'the parks they work in: none' } },
  'premises/createBuilding': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id, input: { name: 'Probe' } }), otherCompany: STAFF },
  'premises/createLease': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { residencyId: w.residencyId, premisesId: w.unitId, startOn: '2030-01-01', endOn: null } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'premises/createUnit': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { buildingId: w.buildingId, name: 'Probe', kind: 'office', areaM2: '10', availableFrom: null, availableTo: null } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'premises/deleteBuilding': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, buildingId: w.buildingId }), ownPark: true, otherCompany: STAFF },
  'premises/endLease': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { leaseId: w.leaseId, endOn: '2030-01-01' } }), ownPark: true, otherCompany: STAFF },
  'premises/getOccupancy': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, at: w.today }), otherCompany: STAFF },
  'premises/getUnit': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, unitId: w.unitId }), ownPark: true, otherCompany: STAFF },
  'premises/listBuildings': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'premises/listLeaseOptions': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'premises/listLeases': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'premises/listUnitLeases': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, unitId: w.unitId }),
    ownPark: { scoped: 'the leases of the named park only (in the query): another park’s unit has none there, as a missing one' },
    otherCompany: STAFF,
  },
  'premises/listUnits': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'premises/renameBuilding': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { buildingId: w.buildingId, name: 'Probe' } }), ownPark: true, otherCompany: STAFF },
  'premises/setLeaseRates': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { leaseId: w.leaseId, rateRubPerM2Month: '1.00', marketRateRubPerM2Month: '2.00' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'premises/retireUnit': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { unitId: w.unitId, availableTo: '2030-01-01' } }), ownPark: true, otherCompany: STAFF },
  'premises/updateUnit': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { unitId: w.unitId, name: 'Probe', kind: 'office', areaM2: '10', availableFrom: null, availableTo: null } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'programmes/addIndicator': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, programmeId: w.programme.id, key: 'probe', name: 'Probe', unit: 'pcs', direction: 'higher' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'programmes/createProgramme': { call: ({ f, db, actor, park }) => f(db, { actor, input: { parkId: park.id, key: 'probe', name: 'Probe' } }), otherCompany: STAFF },
  'programmes/getProgrammeGrid': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, key: w.programme.key }), ownPark: true, otherCompany: STAFF },
  'programmes/listParkProgrammes': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'programmes/saveIndicatorValues': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, input: { parkId: park.id, programmeId: w.programme.id, cells: [{ indicatorId: w.indicatorId, year: 2023, kind: 'actual', value: '1' }] } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'reports/compareParks': { call: ({ f, db, actor }) => f(db, { actor, ...period }), otherPark: { scoped: 'compares the parks the actor may compare: their own' }, otherCompany: STAFF },
  'reports/getBudgetAnalytics': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getComparisonYears': { call: ({ f, db, actor }) => f(db, { actor }), otherPark: { scoped: 'the years of the parks the actor may compare: their own' }, otherCompany: STAFF },
  'reports/getFunnel': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getIndicatorReport': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkSlug: park.slug, programmeKey: w.programme.key }) },
  'reports/getKpiDynamics': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getOccupancyHistory': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getParkAnalytics': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getParkSummary': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getReportingGaps': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getSupportByKind': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/getReportYears': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug }) },
  'reports/listProgrammes': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug }) },
  'reports/parkScope': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'reports/reportScope': { call: ({ f, db, actor, park }) => f(db, { actor, parkSlug: park.slug, ...period }) },
  'residents/admitResident': {
    call: ({ f, db, w, actor, park }) =>
      f(db, { actor, parkId: park.id, input: { applicationId: w.admittableId, agreementNumber: 'P-1', agreementDate: '2024-01-01', startOn: '2024-01-01', endOn: null, placement: 'on_site' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'residents/countResidents': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'residents/exitResident': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { residencyId: w.residencyId, endOn: w.today, reason: 'left', note: '' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'residents/exportResidents': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today, filters: {}, format: 'csv', label: (key: string) => key }),
    otherCompany: STAFF,
  },
  'residents/getAdmittableApplication': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today, applicationId: w.admittableId }), ownPark: true, otherCompany: STAFF },
  'residents/getResidentProfile': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, companyId: w.companyId, today: w.today }), ownPark: true },
  'residents/listAdmittableApplications': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'residents/listRepresentedResidencyParks': { call: ({ f, db, w, actor }) => f(db, { actor, companyId: w.companyId }) },
  'residents/listResidentIndustries': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'residents/listResidents': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today }), otherCompany: STAFF },
  'residents/listResidentsPage': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, today: w.today, query: {} }), otherCompany: STAFF },
  'threads/getThread': { call: ({ f, db, w, actor }) => f(db, { actor, subject: { subject: 'application', subjectId: w.applicationId } }) },
  'threads/postThreadMessage': { call: ({ f, db, w, actor }) => f(db, { actor, input: { subject: 'application', subjectId: w.applicationId, body: 'probe' }, files: [{ fileName: 'probe.pdf', bytes: TINY_PDF }] }) },
  'threads/readThreadAttachment': { call: ({ f, db, w, actor }) => f(db, { actor, attachmentId: w.threadFileId }) },
  'services/buildServiceImportTemplate': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'services/importServiceRequests': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id, file: new TextEncoder().encode('probe') }), otherCompany: STAFF },
  'services/listServices': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'services/listOfferedServices': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }) },
  'services/createService': {
    call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id, input: { name: 'Probe', kind: 'legal', unit: 'hour', marketPriceRub: '10', residentPriceRub: '5' } }),
    otherCompany: STAFF,
  },
  'services/updateService': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { serviceId: w.serviceId, name: 'Probe', kind: 'legal', unit: 'hour', marketPriceRub: '10', residentPriceRub: '5' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/deactivateService': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { serviceId: w.serviceId } }), ownPark: true, otherCompany: STAFF },
  'services/createServiceRequest': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { companyId: w.companyId, serviceId: w.serviceId, quantity: '1' } }),
  },
  'services/listParkServiceRequests': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'services/listMyServiceRequests': {
    call: ({ f, db, actor }) => f(db, { actor }),
    otherPark: APPLICANT,
    otherCompany: { scoped: 'their own companies’ requests' },
  },
  'services/accessServiceRequest': { call: ({ f, db, w, actor }) => f(db, { actor, requestId: w.serviceRequestId }) },
  'services/getServiceRequest': { call: ({ f, db, w, actor }) => f(db, { actor, requestId: w.serviceRequestId }) },
  'services/listServiceStaff': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'services/listRequestableServices': {
    call: ({ f, db, actor }) => f(db, { actor }),
    otherPark: APPLICANT,
    otherCompany: { scoped: 'the parks where their own companies are resident: not this one' },
  },
  'services/assignServiceRequest': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { requestId: w.serviceRequestId, assigneeId: w.manager.userId } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/startServiceRequest': { call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { requestId: w.serviceRequestId } }), ownPark: true, otherCompany: STAFF },
  'services/deliverServiceRequest': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { requestId: w.serviceRequestId, quantity: '1' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/refuseServiceRequest': {
    call: ({ f, db, w, actor, park }) => f(db, { actor, parkId: park.id, input: { requestId: w.serviceRequestId, reason: 'probe' } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/cancelServiceRequest': { call: ({ f, db, w, actor }) => f(db, { actor, input: { requestId: w.serviceRequestId } }) },
  'services/listResources': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id }), otherCompany: STAFF },
  'services/listBookableResources': {
    call: ({ f, db, actor }) => f(db, { actor }),
    otherPark: APPLICANT,
    otherCompany: { scoped: 'the parks where their own companies are resident: not this one' },
  },
  'services/createResource': {
    call: ({ f, db, w, actor, park }) =>
      f(db, { actor, parkId: park.id, input: { serviceId: w.roomServiceId, name: 'Probe', opensAt: '09:00', closesAt: '18:00', weekdays: [1], slotMinutes: 30 } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/updateResource': {
    call: ({ f, db, w, actor, park }) =>
      f(db, { actor, parkId: park.id, input: { resourceId: w.resourceId, serviceId: w.roomServiceId, name: 'Probe', opensAt: '09:00', closesAt: '18:00', weekdays: [1], slotMinutes: 30 } }),
    ownPark: true,
    otherCompany: STAFF,
  },
  'services/setBookingNotice': { call: ({ f, db, actor, park }) => f(db, { actor, parkId: park.id, input: { hours: 1 } }), otherCompany: STAFF },
  'services/getResourceCalendar': { call: ({ f, db, w, actor }) => f(db, { actor, resourceId: w.resourceId }) },
  'services/createBooking': {
    call: ({ f, db, w, actor }) => f(db, { actor, input: { resourceId: w.resourceId, companyId: w.companyId, date: '2099-01-05', startAt: '10:00', endAt: '11:00' } }),
    otherPark: APPLICANT,
  },
  'services/cancelBooking': { call: ({ f, db, w, actor }) => f(db, { actor, input: { bookingId: w.bookingId } }) },
  'users/createUser': {
    call: ({ f, db, actor }) => f(db, { actor, input: { name: 'Probe', email: `probe-${crypto.randomBytes(3).toString('hex')}@example.com`, password: 'correct-horse-battery', kind: 'applicant' } }),
    otherPark: ADMIN,
    otherCompany: ADMIN,
  },
  'users/getUser': { call: ({ f, db, w, actor }) => f(db, { actor, userId: w.manager.userId }), otherPark: ADMIN, otherCompany: ADMIN },
  'users/listUsersPage': { call: ({ f, db, actor, park }) => f(db, { actor, query: { park: park.id } }), otherPark: ADMIN, otherCompany: ADMIN },
  'users/setMemberships': { call: ({ f, db, w, actor }) => f(db, { actor, userId: w.manager.userId, assignments: [] }), otherPark: ADMIN, otherCompany: ADMIN },
  'users/confirmTotpEnrolment': { exempt: 'the acting person’s own second factor only; it names no record of anyone else' },
  'users/disableSecondFactor': { exempt: 'the acting person’s own second factor only; it names no record of anyone else' },
  'users/getSecondFactorStatus': { exempt: 'the acting person’s own second factor only; it names no record of anyone else' },
  'users/regenerateRecoveryCodes': { exempt: 'the acting person’s own second factor only; it names no record of anyone else' },
  'users/resetSecondFactor': { call: ({ f, db, w, actor }) => f(db, { actor, userId: w.manager.userId }), otherPark: ADMIN, otherCompany: ADMIN },
  'users/sendPasswordResetLink': { call: ({ f, db, w, actor }) => f(db, { actor, userId: w.manager.userId }), otherPark: ADMIN, otherCompany: ADMIN },
  'users/startTotpEnrolment': { exempt: 'the acting person’s own second factor only; it names no record of anyone else' },
  'users/setMyLocale': { exempt: 'changes the acting user’s own account only; it names no record of anyone else' },
  'users/updateUser': {
    call: ({ f, db, w, actor, park }) =>
      f(db, { actor, input: { userId: w.manager.userId, name: 'Probe', email: w.manager.email, kind: 'staff', memberships: [{ parkId: park.id, role: 'analyst' }] } }),
    otherPark: ADMIN,
    otherCompany: ADMIN,
  },
  'users/setMyTimeZone': { exempt: 'changes the acting user’s own account only; it names no record of anyone else' },
  'users/setUserDisabled': { call: ({ f, db, w, actor }) => f(db, { actor, userId: w.manager.userId, disabled: true }), otherPark: ADMIN, otherCompany: ADMIN },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same world with every record id (and the programme's key) replaced: records that do not exist. */
function ghostOf(w: RefusalWorld): RefusalWorld {
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return UUID.test(value) ? crypto.randomUUID() : value;
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object' && value.constructor === Object) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const { outsiders, park, otherPark, figures: f, ...records } = w;
  return { ...(swap(records) as typeof records), outsiders, park, otherPark, figures: f, programme: { id: crypto.randomUUID(), key: 'no-such-programme' } };
}

type Result = { ok: true; value: unknown } | { ok: false; code: string; what: unknown; error: unknown };

async function attempt(entry: Extract<Entry, { call: unknown }>, f: DomainFn, w: RefusalWorld, actor: Actor, park: Park): Promise<Result> {
  try {
    return { ok: true, value: await entry.call({ f, db: await getDb(), w, actor, park }) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, what: error.params?.what, error };
    return { ok: false, code: 'not an AppError', what: undefined, error };
  }
}

/** What an outsider is shown, Maps and Sets included, for looking for this park's records in it. */
const shown = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v)) ?? '';

const discovered = listActorFunctions();
let world: RefusalWorld;

describe('every domain function that takes an actor refuses other parks and other companies', () => {
  beforeAll(async () => {
    world = await buildRefusalWorld();
  });

  it('has an entry for every such function, and none for a function that is gone', () => {
    const keys = new Set(discovered.map((d) => d.key));
    expect(discovered.filter((d) => !(d.key in TABLE)).map((d) => `${d.key} (${d.file})`)).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !keys.has(k))).toEqual([]);
  });

  for (const { key, file, name } of discovered) {
    const entry = TABLE[key];
    if (!entry || 'exempt' in entry) continue;
    it(key, async () => {
      const f = (await import(/* @vite-ignore */ path.resolve(file)))[name] as DomainFn;
      expect(typeof f, `${file} exports ${name}`).toBe('function');
      const secrets = secretsOf(world);
      for (const who of ['otherPark', 'otherCompany'] as const) {
        const actor = world.outsiders[who];
        const parks = who === 'otherPark' && entry.ownPark ? [world.park, world.otherPark] : [world.park];
        for (const park of parks) {
          const outcome: Outcome | undefined = park === world.otherPark && entry.ownPark !== true ? entry.ownPark : entry[who];
          if (outcome && 'skip' in outcome) continue;
          const label = `${key} as the ${who === 'otherPark' ? 'manager of another park' : 'applicant of another company'}${park === world.otherPark ? ', through their own park' : ''}`;
          const before = await databaseFingerprint();
          const real = await attempt(entry, f, world, actor, park);
          expect(await databaseFingerprint(), `${label}: no row changes`).toEqual(before);
          if (outcome && 'scoped' in outcome) {
            expect(real.ok ? '' : (real.error as Error).message, `${label}: answers with the actor's own records`).toBe('');
            const leaked = secrets.filter((s) => shown(real.ok && real.value).includes(s));
            expect(leaked, `${label}: shows nothing of the other park`).toEqual([]);
            continue;
          }
          const expected = outcome && 'byRole' in outcome ? 'FORBIDDEN' : 'NOT_FOUND';
          expect(real.ok ? 'resolved' : real.code, `${label}: refused`).toBe(expected);
          // The refusal must not tell the record apart from one that does not exist.
          const ghost = await attempt(entry, f, ghostOf(world), actor, park === world.park ? { id: crypto.randomUUID(), slug: 'no-such-park' } : park);
          expect(ghost.ok ? { code: 'resolved' } : { code: ghost.code, what: ghost.what }, `${label}: as for a missing record`).toEqual(
            real.ok ? {} : { code: real.code, what: real.what },
          );
          expect(await databaseFingerprint(), `${label}: no row changes`).toEqual(before);
        }
      }
    });
  }
});
