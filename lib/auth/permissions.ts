import { AppError, notFound } from '@/lib/errors';
import { rolesIn, type Actor, type ParkRole } from './actor';

type Rule = {
  /** Park roles that may do it in their parks. */
  roles?: ParkRole[];
  /** Admins may do it in every park. */
  admin?: boolean;
  /** Applicants may do it (on their own companies' records, which the query scopes). */
  applicant?: boolean;
  /** The CLI, the seed and the data-set import may do it. */
  system?: boolean;
};

/** The one map of who may do what. Call sites ask `can(actor, action, parkId)`; they never list roles. */
export const permissions = {
  'park.read': { roles: ['manager', 'expert', 'analyst'], admin: true, system: true },
  'park.create': { admin: true, system: true },
  'park.update': { roles: ['manager'], admin: true, system: true },
  'user.manage': { admin: true, system: true },
  'audit.read': { admin: true },
  'outbox.read': { admin: true },
  /** Register a company and become its first representative. */
  'company.create': { applicant: true },
  /** See a company's representatives and list one's own companies. */
  'company.readOwn': { applicant: true },
  /** Edit one's company's profile and add representatives. */
  'company.manageOwn': { applicant: true },
  /** Accept or decline an invitation to one's own e-mail to represent a company, and list those waiting. */
  'company.join': { applicant: true },
  /** Draft, attach documents to, submit and discard an application of one's company. */
  'application.create': { applicant: true },
  /** Read an application of one's company, its history and its documents. */
  'application.readOwn': { applicant: true },
  'application.readPark': { roles: ['manager'], admin: true, system: true },
  'application.screen': { roles: ['manager'], system: true },
  'application.assign': { roles: ['manager'], system: true },
  /** Close an application that goes no further (lapsed, withdrawn, not admitted), with the reason. */
  'application.close': { roles: ['manager'], system: true },
  'rubric.manage': { roles: ['manager'], system: true },
  'council.meet': { roles: ['manager'], system: true },
  'council.decide': { roles: ['manager'], system: true },
  'review.submit': { roles: ['expert'] },
  /** As a member of the park's council: read the meetings one is called to, vote on their items, discuss reviewed applications. */
  'council.vote': { roles: ['expert'] },
  /** Read the residency record of one's own company in a park. */
  'resident.readOwn': { applicant: true },
  'resident.read': { roles: ['manager', 'analyst'], admin: true, system: true },
  'resident.admit': { roles: ['manager'], system: true },
  'resident.exit': { roles: ['manager'], system: true },
  'premises.manage': { roles: ['manager'], system: true },
  'lease.manage': { roles: ['manager'], system: true },
  'incentive.grant': { roles: ['manager'], system: true },
  'incentive.revoke': { roles: ['manager'], system: true },
  /** File the KPI reports of one's companies, and read their periods and reports. */
  'kpi.fileOwn': { applicant: true },
  'kpi.review': { roles: ['manager'], system: true },
  'kpi.bulkUpload': { roles: ['manager'], system: true },
  'budget.manage': { roles: ['manager'], system: true },
  /** Keep the park's service catalogue: add services, change prices (for new requests), deactivate. */
  'service.manage': { roles: ['manager'], system: true },
  /** Read the park's active catalogue, as a representative of a company resident there (the query scopes it). */
  'service.readOwn': { applicant: true },
  /** Read the park's service requests and the overdue list. */
  'serviceRequest.read': { roles: ['manager'], admin: true, system: true },
  /** Handle the park's service requests: assign, start, deliver, refuse. */
  'serviceRequest.handle': { roles: ['manager'], system: true },
  /** Request a service for one's own resident company, read and cancel its requests (the query scopes them). */
  'serviceRequest.createOwn': { applicant: true },
  'programme.manage': { roles: ['manager'], system: true },
  'report.read': { roles: ['manager', 'analyst'], admin: true, system: true },
  'report.compare': { roles: ['analyst', 'manager'], admin: true, system: true },
  'dataset.import': { admin: true, system: true },
  'dataset.export': { roles: ['manager'], admin: true, system: true },
  'apiToken.manage': { roles: ['manager'], admin: true },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

/** All an API token may do, and only in its own park: read the park and its reports. */
const TOKEN_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['park.read', 'report.read']);

/** May the actor do `action` in park `parkId` (or anywhere, for actions that are not park-scoped)? */
export function can(actor: Actor, action: Permission, parkId?: string | null): boolean {
  const rule: Rule = permissions[action];
  if (actor.type === 'system') return rule.system === true;
  if (actor.type === 'apiToken') return TOKEN_PERMISSIONS.has(action) && (!parkId || parkId === actor.parkId);
  if (actor.type === 'enrolling') return false;
  if (actor.kind === 'admin') return rule.admin === true;
  if (actor.kind === 'applicant') return rule.applicant === true;
  if (!rule.roles) return false;
  const roles = parkId ? rolesIn(actor, parkId) : actor.memberships.map((m) => m.role);
  return roles.some((r) => rule.roles!.includes(r));
}

/** Parks in which the actor may do `action`; `'all'` for admins and system actors that may. */
export function parksWhere(actor: Actor, action: Permission): string[] | 'all' {
  const rule: Rule = permissions[action];
  if (actor.type === 'system') return rule.system ? 'all' : [];
  if (actor.type === 'apiToken') return TOKEN_PERMISSIONS.has(action) ? [actor.parkId] : [];
  if (actor.type === 'enrolling') return [];
  if (actor.kind === 'admin') return rule.admin ? 'all' : [];
  if (!rule.roles) return [];
  return [...new Set(actor.memberships.filter((m) => rule.roles!.includes(m.role)).map((m) => m.parkId))];
}

/**
 * Refuses unless the actor may do `action` in the park. An actor with no business in the park at all
 * is told the park does not exist, so a forbidden record and a missing one look the same.
 */
export function assertCan(actor: Actor, action: Permission, parkId?: string | null): void {
  if (can(actor, action, parkId)) return;
  if (parkId && actor.type === 'user' && actor.kind === 'staff' && rolesIn(actor, parkId).length === 0) throw notFound('park');
  if (parkId && actor.type === 'apiToken' && parkId !== actor.parkId) throw notFound('park');
  throw new AppError('FORBIDDEN', `not allowed: ${action}`, { key: 'forbidden' });
}

export type UserActor = Extract<Actor, { type: 'user' }>;

/**
 * The person acting, if the map lets them do `action`; null for anyone else, the CLI and API tokens
 * included. For functions whose queries key on the person: their companies, their assignments.
 */
export function actingUser(actor: Actor, action: Permission): UserActor | null {
  return actor.type === 'user' && can(actor, action) ? actor : null;
}

/**
 * As `actingUser`, refusing anyone else: given `what`, as if that record did not exist (someone else's
 * and a missing one look the same); without it, FORBIDDEN, for a step that reads no record first.
 */
export function assertActingUser(actor: Actor, action: Permission, what?: string): asserts actor is UserActor {
  if (actingUser(actor, action)) return;
  if (what) throw notFound(what);
  throw new AppError('FORBIDDEN', `not allowed: ${action}`, { key: 'forbidden' });
}

export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first', { key: 'unauthenticated' });
}
