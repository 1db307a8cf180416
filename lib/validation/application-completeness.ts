/**
 * What an application still lacks before it can be submitted. Pure, so the form can show the same
 * list the server enforces on submit. Keys name fields; values are message keys under `validation.*`.
 */
export type CompletenessInput = {
  /** The form's choice, which may still be empty; a saved application always has both. */
  parkId?: string | null;
  companyId?: string | null;
  title: string;
  description: string | null;
  industry: string | null;
  wantsPremises: boolean;
  premisesAreaM2: string | null;
  wantsTaxIncentives: boolean;
  services: string[];
  plan: { year: number }[];
  attachments: { kind: string }[];
};

export const MIN_DESCRIPTION = 30;

export function missingForSubmit(a: CompletenessInput): Record<string, string> {
  const missing: Record<string, string> = {};
  if (a.companyId !== undefined && !a.companyId) missing.companyId = 'missingCompany';
  if (a.parkId !== undefined && !a.parkId) missing.parkId = 'missingPark';
  if (a.title.trim().length < 3) missing.title = 'missingTitle';
  if ((a.description ?? '').trim().length < MIN_DESCRIPTION) missing.description = 'missingDescription';
  if (!(a.industry ?? '').trim()) missing.industry = 'missingIndustry';
  if (!a.wantsPremises && !a.wantsTaxIncentives && a.services.length === 0) missing.support = 'missingSupport';
  if (a.wantsPremises && !(a.premisesAreaM2 && Number(a.premisesAreaM2) > 0)) missing.premisesAreaM2 = 'missingArea';
  if (a.plan.length === 0) missing.plan = 'missingPlan';
  if (!a.attachments.some((x) => x.kind === 'business_plan')) missing.attachments = 'missingBusinessPlan';
  return missing;
}
