import 'server-only';
import { and, asc, count, eq, isNull, notExists } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { companies, companyInvitations, companyMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actingUser, assertActingUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { AppError, notFound } from '@/lib/errors';
import { notify } from '@/lib/notifications/notifications';
import { parseInput } from '@/lib/validation/parse';
import { addRepresentativeSchema } from '@/lib/validation/companies';
import { isUuid } from '@/lib/validation/uuid';
import { representsCompany } from './companies';

/** Invitations a company may have waiting at once: enough for a team, too few to probe e-mails with. */
export const MAX_PENDING_INVITATIONS = 20;

/**
 * A representative invites an e-mail to represent the company too. The answer is the same whether
 * or not the e-mail has an account (or already represents the company), so this is no way to learn
 * who has one; the person joins only by accepting (acceptInvitation), and is told of the invitation
 * in the app and by e-mail if they already have an applicant account, or sees it once they sign up.
 */
export async function addRepresentative(db: Db, { actor, input }: { actor: Actor; input: { companyId: string; email: string } }): Promise<void> {
  const data = parseInput(addRepresentativeSchema, input);
  assertActingUser(actor, 'company.manageOwn', 'company');
  await db.transaction(async (tx) => {
    // The company's row serialises its invitations, so the limit holds against invitations sent at once.
    const [company] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, data.companyId)).for('no key update');
    if (!company || !(await representsCompany(tx, actor.userId, data.companyId))) throw notFound('company');
    const [{ pending }] = await tx.select({ pending: count() }).from(companyInvitations).where(eq(companyInvitations.companyId, data.companyId));
    if (Number(pending) >= MAX_PENDING_INVITATIONS)
      throw new AppError('VALIDATION', `at most ${MAX_PENDING_INVITATIONS} invitations may wait at once`, {
        key: 'tooManyInvitations',
        params: { max: MAX_PENDING_INVITATIONS },
        fieldErrors: { email: ['tooManyInvitations'] },
      });
    const inserted = await tx
      .insert(companyInvitations)
      .values({ companyId: data.companyId, email: data.email, invitedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: companyInvitations.id });
    if (!inserted.length) return;
    await writeAudit(tx, { actor, action: 'company.inviteRepresentative', entity: 'company', entityId: data.companyId, after: { email: data.email } });
    const [invitee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.email, data.email),
          eq(users.kind, 'applicant'),
          isNull(users.disabledAt),
          notExists(tx.select({ id: companyMembers.id }).from(companyMembers).where(and(eq(companyMembers.companyId, data.companyId), eq(companyMembers.userId, users.id)))),
        ),
      );
    if (invitee) await notify(tx, { userIds: [invitee.id], kind: 'representativeInvitation', params: { company: company.name, by: actor.name }, href: '/my/companies' });
  });
}

/** The e-mails a company's representatives have invited and that have not answered yet; for its representatives only (anyone else: not found). */
export async function listCompanyInvitations(db: DbOrTx, { actor, companyId }: { actor: Actor; companyId: string }): Promise<string[]> {
  assertActingUser(actor, 'company.manageOwn', 'company');
  if (!isUuid(companyId) || !(await representsCompany(db, actor.userId, companyId))) throw notFound('company');
  const rows = await db
    .select({ email: companyInvitations.email })
    .from(companyInvitations)
    .where(eq(companyInvitations.companyId, companyId))
    .orderBy(asc(companyInvitations.createdAt));
  return rows.map((r) => r.email);
}

export type MyInvitationDto = { id: string; companyName: string; invitedBy: string | null };

/** The invitations waiting for the actor's own e-mail. */
export async function listMyInvitations(db: DbOrTx, { actor }: { actor: Actor }): Promise<MyInvitationDto[]> {
  const invitee = actingUser(actor, 'company.join');
  if (!invitee) return [];
  return db
    .select({ id: companyInvitations.id, companyName: companies.name, invitedBy: users.name })
    .from(companyInvitations)
    .innerJoin(companies, eq(companies.id, companyInvitations.companyId))
    .leftJoin(users, eq(users.id, companyInvitations.invitedBy))
    .where(eq(companyInvitations.email, invitee.email.toLowerCase()))
    .orderBy(asc(companyInvitations.createdAt));
}

/** Accepts (the actor then represents the company) or declines an invitation to the actor's own e-mail; anyone else's: not found. */
export async function answerInvitation(db: Db, { actor, invitationId, accept }: { actor: Actor; invitationId: string; accept: boolean }): Promise<void> {
  assertActingUser(actor, 'company.join', 'invitation');
  if (!isUuid(invitationId)) throw notFound('invitation');
  await db.transaction(async (tx) => {
    const [invitation] = await tx
      .delete(companyInvitations)
      .where(and(eq(companyInvitations.id, invitationId), eq(companyInvitations.email, actor.email.toLowerCase())))
      .returning({ companyId: companyInvitations.companyId });
    if (!invitation) throw notFound('invitation');
    if (!accept) return;
    const inserted = await tx
      .insert(companyMembers)
      .values({ companyId: invitation.companyId, userId: actor.userId })
      .onConflictDoNothing()
      .returning({ id: companyMembers.id });
    if (inserted.length)
      await writeAudit(tx, { actor, action: 'company.addRepresentative', entity: 'company', entityId: invitation.companyId, after: { userId: actor.userId } });
  });
}
