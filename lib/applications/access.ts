import 'server-only';
import { and, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { applications, companyMembers, councilMeetings, expertAssignments, meetingItems, parks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, can, parksWhere, type Permission } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors';
import type { ApplicationStatus } from '@/lib/validation/applications';

/**
 * Who may see an application is decided here and nowhere else. One query, scoped in SQL, returns the
 * application with the actor's audience:
 * - `applicant`: a representative of its company (drafts included);
 * - `staff`: the park's staff once it has been submitted (`application.readPark` there);
 * - `expert`: an expert of the park assigned to it and not stood down (assigned or reviewed);
 * - `member`: a member of the park's council, when it is on the agenda of one of the park's meetings
 *   and the member has not declared a conflict with it (the meeting page, its documents and reviews).
 * Functions that follow take the returned access instead of deciding again.
 */
export type Audience = 'applicant' | 'staff' | 'expert' | 'member';

/** The staff steps on an application, answered once with the access. */
const STEPS = ['application.readPark', 'application.screen', 'application.assign', 'application.close', 'council.meet', 'council.decide'] as const satisfies readonly Permission[];
export type ApplicationStep = (typeof STEPS)[number];

export type AccessedApplication = {
  id: string;
  parkId: string;
  parkSlug: string;
  companyId: string;
  title: string;
  status: ApplicationStatus;
  version: number;
  submittedOn: string | null;
  lastSubmittedAt: Date | null;
  createdAt: Date;
};

declare const issued: unique symbol;

/** Proof that the actor may see the application, and as whom. Only this module makes one. */
export type ApplicationAccess = {
  readonly actor: Actor;
  readonly audience: Audience;
  readonly application: Readonly<AccessedApplication>;
  /** The staff steps the actor may take on it; all false for its applicants and experts. */
  readonly may: Readonly<Record<ApplicationStep, boolean>>;
  readonly [issued]: true;
};

export type AccessNeed = {
  /** Only these audiences; anyone else is told the application does not exist. */
  as?: readonly Audience[];
  /**
   * A staff step. Someone who can see the application's park (or the application) but may not take the
   * step is refused FORBIDDEN, as `assertCan` refuses; anyone else is told it does not exist.
   */
  permission?: ApplicationStep;
};

/** A function that acts on one application takes either the access a caller already holds or the actor and the id. */
export type ApplicationTarget = { access: ApplicationAccess } | { actor: Actor; applicationId: string };

const made = new WeakSet<object>();
const uuid = z.uuid();

const inParks = (scope: string[] | 'all'): SQL | undefined => (scope === 'all' ? undefined : inArray(applications.parkId, scope));

function forbidden(step: ApplicationStep): AppError {
  return new AppError('FORBIDDEN', `not allowed: ${step}`, { key: 'forbidden' });
}

/** The one refusal rule, for an access decided now or held by a caller. */
function check(access: ApplicationAccess, need: AccessNeed): ApplicationAccess {
  if (need.permission && !access.may[need.permission]) throw forbidden(need.permission);
  if (!access.audience || (need.as && !need.as.includes(access.audience))) throw notFound('application');
  return access;
}

/**
 * The applications among `applicationIds` the actor may see, each with its audience, in one query. The
 * rows an actor can reach at all are those of parks they may see (beyond drafts) and of the companies
 * they represent; among them, the audience decides what they may read.
 */
async function reach(
  db: DbOrTx,
  actor: Actor,
  applicationIds: readonly string[],
  { parkId, lock = false }: { parkId?: string; lock?: boolean },
): Promise<(AccessedApplication & { audience: Audience | null })[]> {
  const ids = applicationIds.filter((id) => uuid.safeParse(id).success);
  if (!ids.length || (parkId !== undefined && !uuid.safeParse(parkId).success)) return [];
  const submitted = ne(applications.status, 'draft');
  const applicant = actingUser(actor, 'application.readOwn');
  const represented = applicant
    ? exists(
        db
          .select({ one: sql`1` })
          .from(companyMembers)
          .where(and(eq(companyMembers.companyId, applications.companyId), eq(companyMembers.userId, applicant.userId))),
      )
    : sql`false`;
  const reviewer = actingUser(actor, 'review.submit');
  const assigned = reviewer
    ? and(
        inParks(parksWhere(reviewer, 'review.submit')),
        exists(
          db
            .select({ one: sql`1` })
            .from(expertAssignments)
            .where(
              and(
                eq(expertAssignments.applicationId, applications.id),
                eq(expertAssignments.expertId, reviewer.userId),
                inArray(expertAssignments.status, ['assigned', 'reviewed']),
              ),
            ),
        ),
      )!
    : sql`false`;
  const member = actingUser(actor, 'council.vote');
  const onAgenda = member
    ? and(
        inParks(parksWhere(member, 'council.vote')),
        exists(
          db
            .select({ one: sql`1` })
            .from(meetingItems)
            .innerJoin(councilMeetings, eq(councilMeetings.id, meetingItems.meetingId))
            .where(and(eq(meetingItems.applicationId, applications.id), eq(councilMeetings.parkId, applications.parkId))),
        ),
        sql`NOT EXISTS (SELECT 1 FROM expert_assignments c WHERE c.application_id = ${applications.id} AND c.expert_id = ${member.userId} AND c.status = 'conflict')`,
      )!
    : sql`false`;
  const staff = and(submitted, inParks(parksWhere(actor, 'application.readPark')))!;
  const query = db
    .select({
      id: applications.id,
      parkId: applications.parkId,
      parkSlug: parks.slug,
      companyId: applications.companyId,
      title: applications.title,
      status: applications.status,
      version: applications.version,
      submittedOn: applications.submittedOn,
      lastSubmittedAt: applications.lastSubmittedAt,
      createdAt: applications.createdAt,
      audience: sql<Audience | null>`CASE WHEN ${staff} THEN 'staff' WHEN ${assigned} THEN 'expert' WHEN ${onAgenda} THEN 'member' WHEN ${represented} THEN 'applicant' END`,
    })
    .from(applications)
    .innerJoin(parks, eq(parks.id, applications.parkId))
    .where(
      and(
        inArray(applications.id, ids),
        parkId !== undefined ? eq(applications.parkId, parkId) : undefined,
        or(and(submitted, inParks(parksWhere(actor, 'park.read'))), represented),
      ),
    );
  return lock ? query.for('update', { of: applications }) : query;
}

/** The access for a row the actor reached; only one with an audience is ever handed out. */
function grant(actor: Actor, { audience, ...application }: AccessedApplication & { audience: Audience | null }): ApplicationAccess {
  const may = Object.fromEntries(STEPS.map((step) => [step, audience === 'staff' && can(actor, step, application.parkId)])) as Record<ApplicationStep, boolean>;
  const access = { actor, audience, application, may } as ApplicationAccess;
  if (audience) made.add(access);
  return access;
}

/**
 * The application with the actor's audience. A missing application, another park's or another
 * company's, a draft for staff, and (without `parkId`'s park) one outside the given park: all
 * "not found". `lock` takes the row for update, for steps that change it.
 */
export async function accessApplication(
  db: DbOrTx,
  { actor, applicationId, parkId, lock, ...need }: AccessNeed & { actor: Actor; applicationId: string; parkId?: string; lock?: boolean },
): Promise<ApplicationAccess> {
  const [row] = await reach(db, actor, [applicationId], { parkId, lock });
  if (!row) throw notFound('application');
  return check(grant(actor, row), need);
}

/** Several applications of one park at once (a meeting's agenda): those the actor may see with `need`, by id. */
export async function accessApplications(
  db: DbOrTx,
  { actor, applicationIds, parkId, ...need }: AccessNeed & { actor: Actor; applicationIds: readonly string[]; parkId: string },
): Promise<Map<string, ApplicationAccess>> {
  const rows = await reach(db, actor, applicationIds, { parkId });
  const granted = new Map<string, ApplicationAccess>();
  for (const row of rows) {
    try {
      granted.set(row.id, check(grant(actor, row), need));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return granted;
}

/** The access a caller holds, checked for `need`; or, given the actor and the id, decided now. */
export async function applicationAccess(db: DbOrTx, target: ApplicationTarget, need: AccessNeed = {}): Promise<ApplicationAccess> {
  if (!('access' in target)) return accessApplication(db, { actor: target.actor, applicationId: target.applicationId, ...need });
  if (!made.has(target.access)) throw new Error('an ApplicationAccess is made only by lib/applications/access.ts');
  return check(target.access, need);
}
