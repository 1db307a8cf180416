import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { companyMembers, notifications, outbox } from '@/db/schema';
import { makeCompany } from '@/lib/test/application-fixtures';
import { makeApplicant, makeManager, makePark, TEST_PASSWORD, uniq } from '@/lib/test/fixtures';
import { loadActor, signUp } from '@/lib/users/users';
import { getCompany } from './companies';
import { addRepresentative, answerInvitation, listCompanyInvitations, listMyInvitations, MAX_PENDING_INVITATIONS } from './invitations';

async function membersOf(companyId: string): Promise<string[]> {
  const db = await getDb();
  return (await db.select({ userId: companyMembers.userId }).from(companyMembers).where(eq(companyMembers.companyId, companyId))).map((m) => m.userId);
}

describe('inviting a representative', () => {
  it('answers the same whether or not the e-mail has an account, and adds no one by itself', async () => {
    const db = await getDb();
    const founder = await makeApplicant();
    const { id } = await makeCompany(founder);
    const partner = await makeApplicant();
    const manager = await makeManager((await makePark()).id);
    const nobody = `${uniq()}@example.com`;
    const answers = [];
    for (const email of [partner.email.toUpperCase(), manager.email, nobody, founder.email, partner.email])
      answers.push(await addRepresentative(db, { actor: founder, input: { companyId: id, email } }));
    expect(answers).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(await membersOf(id)).toEqual([founder.userId]);
    expect(await listCompanyInvitations(db, { actor: founder, companyId: id })).toEqual([partner.email, manager.email, nobody, founder.email]);
    // Only the applicant account that could accept hears of it; the inviter cannot tell who did.
    const noticed = async (userId: string) => (await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'representativeInvitation')))).length;
    expect([await noticed(partner.userId), await noticed(manager.userId), await noticed(founder.userId)]).toEqual([1, 0, 0]);
    expect(await db.select().from(outbox).where(eq(outbox.to, partner.email))).toHaveLength(1);
    expect(await db.select().from(outbox).where(eq(outbox.to, nobody))).toHaveLength(0);
  });

  it('the invitee joins by accepting, or declines; no one else can answer for them', async () => {
    const db = await getDb();
    const founder = await makeApplicant();
    const name = `ООО «${uniq('Партнёр')}»`;
    const { id } = await makeCompany(founder, { name });
    const partner = await makeApplicant();
    const stranger = await makeApplicant();
    await addRepresentative(db, { actor: founder, input: { companyId: id, email: partner.email } });
    const [invitation] = await listMyInvitations(db, { actor: partner });
    expect(invitation).toMatchObject({ companyName: name, invitedBy: founder.name });
    expect(await listMyInvitations(db, { actor: stranger })).toEqual([]);
    await expect(answerInvitation(db, { actor: stranger, invitationId: invitation.id, accept: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerInvitation(db, { actor: founder, invitationId: invitation.id, accept: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await answerInvitation(db, { actor: partner, invitationId: invitation.id, accept: true });
    expect((await membersOf(id)).sort()).toEqual([founder.userId, partner.userId].sort());
    expect((await getCompany(db, { actor: partner, companyId: id })).mine).toBe(true);
    await expect(answerInvitation(db, { actor: partner, invitationId: invitation.id, accept: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Declining leaves the company as it was.
    await addRepresentative(db, { actor: founder, input: { companyId: id, email: stranger.email } });
    const [declined] = await listMyInvitations(db, { actor: stranger });
    await answerInvitation(db, { actor: stranger, invitationId: declined.id, accept: false });
    expect(await membersOf(id)).toHaveLength(2);
    expect(await listCompanyInvitations(db, { actor: founder, companyId: id })).toEqual([]);
  });

  it('someone who signs up later with the invited e-mail finds the invitation waiting', async () => {
    const db = await getDb();
    const founder = await makeApplicant();
    const { id } = await makeCompany(founder);
    const email = `${uniq()}@example.com`;
    await addRepresentative(db, { actor: founder, input: { companyId: id, email } });
    const user = await signUp(db, { name: 'Later Partner', email, password: TEST_PASSWORD });
    const actor = (await loadActor(db, user.id))!;
    const [invitation] = await listMyInvitations(db, { actor });
    await answerInvitation(db, { actor, invitationId: invitation.id, accept: true });
    expect(await membersOf(id)).toContain(user.id);
  });

  it('only representatives invite, and only so many may wait at once', async () => {
    const db = await getDb();
    const founder = await makeApplicant();
    const { id } = await makeCompany(founder);
    const outsider = await makeApplicant();
    await expect(addRepresentative(db, { actor: outsider, input: { companyId: id, email: outsider.email } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addRepresentative(db, { actor: founder, input: { companyId: crypto.randomUUID(), email: outsider.email } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listCompanyInvitations(db, { actor: outsider, companyId: id })).rejects.toMatchObject({ code: 'NOT_FOUND', params: { what: 'company' } });
    await Promise.all(
      Array.from({ length: MAX_PENDING_INVITATIONS + 5 }, (_, i) => addRepresentative(db, { actor: founder, input: { companyId: id, email: `probe-${i}-${uniq()}@example.com` } }).catch((e) => e)),
    );
    expect(await listCompanyInvitations(db, { actor: founder, companyId: id })).toHaveLength(MAX_PENDING_INVITATIONS);
    await expect(addRepresentative(db, { actor: founder, input: { companyId: id, email: `${uniq()}@example.com` } })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { email: ['tooManyInvitations'] },
    });
  });
});
