import crypto from 'node:crypto';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { saveDraft, submitApplication } from '@/lib/applications/applications';
import { uploadAttachment } from '@/lib/applications/attachments';
import { createCompany } from '@/lib/companies/companies';
import { uniq } from './fixtures';

type UserActor = Extract<Actor, { type: 'user' }>;

/** A random 10-digit INN with a correct check digit (weights 2 4 10 3 5 9 4 6 8, mod 11, mod 10). */
export function makeInn(): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? 1 + crypto.randomInt(9) : crypto.randomInt(10)));
  const check = (digits.reduce((s, d, i) => s + d * weights[i], 0) % 11) % 10;
  return [...digits, check].join('');
}

/** The smallest file that starts like a PDF. */
export const TINY_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function makeCompany(applicant: UserActor, overrides: Partial<{ name: string; inn: string }> = {}) {
  const db = await getDb();
  return createCompany(db, {
    actor: applicant,
    input: { name: overrides.name ?? `ООО «${uniq('Тест')}»`, inn: overrides.inn ?? makeInn(), smeCategory: 'small', manufacturing: false, industry: 'IT' },
  });
}

export const completeDraft = (parkId: string, companyId: string) => ({
  parkId,
  companyId,
  title: `Project ${uniq()}`,
  description: 'A pilot line for methane sensors in coal mines, with a partner mine ready to test it.',
  industry: 'mining technology',
  wantsPremises: true,
  premisesAreaM2: '120.50',
  wantsTaxIncentives: true,
  services: ['consulting', 'patent'] as ('consulting' | 'patent')[],
  plan: [
    { year: 2026, investmentRub: '1000000.00', capitalInvestmentRub: '400000.00', newJobs: 5, incomeRub: '0' },
    { year: 2027, investmentRub: '2500000.50', capitalInvestmentRub: '1000000', newJobs: 12, incomeRub: '3000000' },
  ],
});

/** A complete application, with a business plan attached; submitted unless `submit: false`. */
export async function makeApplication(applicant: UserActor, parkId: string, options: { submit?: boolean; companyId?: string } = {}) {
  const db = await getDb();
  const companyId = options.companyId ?? (await makeCompany(applicant)).id;
  const input = completeDraft(parkId, companyId);
  const { applicationId } = await saveDraft(db, { actor: applicant, input });
  await uploadAttachment(db, { actor: applicant, applicationId, kind: 'business_plan', fileName: 'plan.pdf', bytes: TINY_PDF });
  if (options.submit !== false) await submitApplication(db, { actor: applicant, applicationId });
  return { applicationId, companyId, title: input.title };
}
