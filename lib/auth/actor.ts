import type { ParkRole, UserKind } from '@/db/schema/values';

export type { ParkRole, UserKind };

/** Who is acting. Domain functions take it explicitly; pages build it from the session, the CLI and seed from their context. */
export type Actor =
  | {
      type: 'user';
      userId: string;
      email: string;
      name: string;
      kind: UserKind;
      memberships: { parkId: string; role: ParkRole }[];
      /** The person's stored interface language (`users.locale`), when they chose one. */
      locale?: string | null;
      /** Their own time zone for the pages outside a park; null or absent: the installation's (lib/dates.ts). */
      timeZone?: string | null;
    }
  /**
   * A signed-in person whose role requires a second factor they have not set up yet
   * (lib/auth/totp.ts: REQUIRE_2FA_FOR). They may only enrol (lib/users/second-factor.ts); every
   * permission refuses them (lib/auth/permissions.ts), and pages send them to the enrolment.
   */
  | { type: 'enrolling'; userId: string; email: string; name: string; locale?: string | null }
  | { type: 'system'; label: SystemLabel }
  /**
   * A read-only API token (lib/api-tokens/tokens.ts). It belongs to one park and may only read
   * (lib/auth/permissions.ts: TOKEN_PERMISSIONS); it is not a person, so it holds no user id.
   */
  | { type: 'apiToken'; tokenId: string; parkId: string; name: string };

/** The CLI, the demo seed, a data set import, or the server's scheduled jobs (lib/scheduler.ts). */
export type SystemLabel = 'cli' | 'seed' | 'import' | 'scheduler';

export const systemActor = (label: SystemLabel): Actor => ({ type: 'system', label });

export function actorUserId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.userId : null;
}

export function rolesIn(actor: Actor, parkId: string): ParkRole[] {
  return actor.type === 'user' ? actor.memberships.filter((m) => m.parkId === parkId).map((m) => m.role) : [];
}
