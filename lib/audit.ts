import { auditLog } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';

/** Who the row names: an actor, or a person acting on their own account without a session (a password reset link). */
type AuditActor = Actor | { type: 'person'; userId: string };

type AuditInput = {
  actor: AuditActor;
  parkId?: string | null;
  /** Verb-noun, e.g. `application.submit`, `lease.create`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const toJson = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Writes the audit row. Call it inside the transaction that makes the change. */
export async function writeAudit(tx: DbOrTx, input: AuditInput | AuditInput[]): Promise<void> {
  const rows = (Array.isArray(input) ? input : [input]).map((e) => ({
    actorId: e.actor.type === 'user' || e.actor.type === 'enrolling' || e.actor.type === 'person' ? e.actor.userId : null,
    actorLabel: e.actor.type === 'system' ? e.actor.label : null,
    parkId: e.parkId ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    before: toJson(e.before),
    after: toJson(e.after),
  }));
  if (rows.length) await tx.insert(auditLog).values(rows);
}
