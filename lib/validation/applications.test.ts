import { describe, expect, it } from 'vitest';
import { missingForSubmit } from './application-completeness';
import { applicationDraftSchema, planYearSchema, submitApplicationSchema } from './applications';
import { createUnitSchema } from './premises';
import en from '@/lib/i18n/messages/en/applications.json';
import ru from '@/lib/i18n/messages/ru/applications.json';
import enCommon from '@/lib/i18n/messages/en/common.json';
import enKpi from '@/lib/i18n/messages/en/kpi.json';
import enPremises from '@/lib/i18n/messages/en/premises.json';

/*
 * What the application form says about bad input: each refusal names its limit, in words a person
 * reads in both languages, not the generic "A whole number." or "Too long.".
 */

const english: Record<string, string> = { ...enCommon.validation, ...enKpi.validation, ...enPremises.validation, ...en.validation };
const messageOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, path: string) =>
  result.error?.issues.find((i) => i.path.join('.') === path)?.message;

const draft = {
  parkId: '00000000-0000-4000-8000-000000000001',
  companyId: '00000000-0000-4000-8000-000000000002',
  title: 'Sensors',
  description: 'x'.repeat(40),
  industry: 'Electronics',
  wantsPremises: true,
  premisesAreaM2: '50',
  wantsTaxIncentives: false,
  services: [],
  plan: [],
};

describe('the application form’s refusals', () => {
  it('says a description over 20,000 characters is too long, with the limit, in both languages', () => {
    const key = messageOf(applicationDraftSchema.safeParse({ ...draft, description: 'x'.repeat(20_001) }), 'description');
    expect(key).toBe('descriptionTooLong');
    expect(english[key!]).toBe('At most 20,000 characters.');
    expect((ru.validation as Record<string, string>)[key!]).toBe('Не более 20 000 символов.');
    expect(applicationDraftSchema.safeParse({ ...draft, description: 'x'.repeat(20_000) }).success).toBe(true);
    expect(english[messageOf(applicationDraftSchema.safeParse({ ...draft, title: 'x'.repeat(301) }), 'title')!]).toBe('At most 300 characters.');
  });

  it('says negative new jobs must be 0 or more, not that they are no whole number', () => {
    for (const jobs of ['-3', '−3']) {
      const key = messageOf(planYearSchema.safeParse({ year: '2026', investmentRub: '', capitalInvestmentRub: '', newJobs: jobs, incomeRub: '' }), 'newJobs');
      expect(english[key!]).toContain('0 or more');
    }
  });

  it('says a negative area must be greater than zero, for the premises wanted and for a park’s unit', () => {
    expect(english[messageOf(applicationDraftSchema.safeParse({ ...draft, premisesAreaM2: '-50' }), 'premisesAreaM2')!]).toBe('The area must be greater than zero.');
    const unit = createUnitSchema.safeParse({ buildingId: '00000000-0000-4000-8000-000000000003', name: 'Cell 1', kind: 'office', areaM2: '-10' });
    expect(english[messageOf(unit, 'areaM2')!]).toBe('The area must be greater than zero.');
  });

  it('requires the park and the company, and lists them among what is missing', () => {
    expect(messageOf(applicationDraftSchema.safeParse({ ...draft, parkId: '' }), 'parkId')).toBe('required');
    expect(missingForSubmit({ ...draft, parkId: '', premisesAreaM2: '50', attachments: [] })).toMatchObject({ parkId: 'missingPark' });
    // A saved application always has its park: the server's list is unchanged.
    const saved = { ...draft, premisesAreaM2: '50', attachments: [{ kind: 'business_plan' }], plan: [{ year: 2026 }], services: ['legal'] };
    expect(missingForSubmit(saved)).toEqual({});
  });

  it('takes a cover note up to 5,000 characters, trimmed', () => {
    const id = '00000000-0000-4000-8000-000000000004';
    expect(submitApplicationSchema.parse({ applicationId: id, coverNote: '  changed  ' })).toEqual({ applicationId: id, coverNote: 'changed' });
    expect(submitApplicationSchema.parse({ applicationId: id })).toEqual({ applicationId: id, coverNote: '' });
    expect(english[messageOf(submitApplicationSchema.safeParse({ applicationId: id, coverNote: 'x'.repeat(5001) }), 'coverNote')!]).toBe('At most 5,000 characters.');
  });
});
