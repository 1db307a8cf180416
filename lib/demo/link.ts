import 'server-only';
import { companyMembers } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { writeAudit } from '@/lib/audit';

/**
 * Makes a demo applicant account a representative of one of the park's data-set companies, with its
 * audit row. The domain's addRepresentative needs an existing representative to act; the seed has
 * none, so it acts as the system. Idempotent.
 */
export async function linkRepresentative(tx: DbOrTx, { parkId, userId, company }: { parkId: string; userId: string; company: { id: string; key: string | null } }) {
  const [member] = await tx.insert(companyMembers).values({ companyId: company.id, userId }).onConflictDoNothing().returning({ id: companyMembers.id });
  if (member)
    await writeAudit(tx, { actor: systemActor('seed'), parkId, action: 'company.addMember', entity: 'company', entityId: company.id, after: { userId, companyKey: company.key } });
}
