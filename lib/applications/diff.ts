/** What the applicant writes in an application, besides the services, the plan and the documents. */
export type ApplicationAnswers = {
  title: string;
  description: string;
  industry: string;
  wantsPremises: boolean;
  premisesAreaM2: string | null;
  wantsTaxIncentives: boolean;
};

/** An application as submitted, kept with each version so that versions can be compared. */
export type ApplicationSnapshot = ApplicationAnswers & {
  services: string[];
  plan: { year: number; investmentRub: string; capitalInvestmentRub: string; newJobs: number; incomeRub: string }[];
  attachments: { id: string; kind: string; fileName: string; sizeBytes: number }[];
};

/** One changed field: `field` is a message key (`title`, `plan.investmentRub` …), `year` set for plan rows. */
export type VersionChange = { field: string; year?: number; before: string | null; after: string | null };

const PLAN_FIELDS = ['investmentRub', 'capitalInvestmentRub', 'newJobs', 'incomeRub'] as const;

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** Equal decimals compare equal whatever their trailing zeros ("10.50" and "10.5"). */
const sameValue = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && /^[\d.]+$/.test(a) && /^[\d.]+$/.test(b) && Number(a) === Number(b));

export function diffSnapshots(before: ApplicationSnapshot, after: ApplicationSnapshot): VersionChange[] {
  const changes: VersionChange[] = [];
  const scalar = (field: keyof ApplicationSnapshot, a: unknown, b: unknown) => {
    const [x, y] = [text(a), text(b)];
    if (!sameValue(x, y)) changes.push({ field, before: x, after: y });
  };
  scalar('title', before.title, after.title);
  scalar('description', before.description, after.description);
  scalar('industry', before.industry, after.industry);
  scalar('wantsPremises', before.wantsPremises, after.wantsPremises);
  scalar('premisesAreaM2', before.premisesAreaM2, after.premisesAreaM2);
  scalar('wantsTaxIncentives', before.wantsTaxIncentives, after.wantsTaxIncentives);
  scalar('services', [...before.services].sort().join(', '), [...after.services].sort().join(', '));
  const years = [...new Set([...before.plan, ...after.plan].map((p) => p.year))].sort((a, b) => a - b);
  for (const year of years) {
    const a = before.plan.find((p) => p.year === year);
    const b = after.plan.find((p) => p.year === year);
    for (const f of PLAN_FIELDS) {
      const [x, y] = [text(a?.[f]), text(b?.[f])];
      if (!sameValue(x, y)) changes.push({ field: `plan.${f}`, year, before: x, after: y });
    }
  }
  const names = (s: ApplicationSnapshot) => new Map(s.attachments.map((f) => [f.id, f.fileName]));
  const [was, now] = [names(before), names(after)];
  for (const [id, name] of was) if (!now.has(id)) changes.push({ field: 'attachments', before: name, after: null });
  for (const [id, name] of now) if (!was.has(id)) changes.push({ field: 'attachments', before: null, after: name });
  return changes;
}
