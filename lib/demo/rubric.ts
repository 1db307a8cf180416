/**
 * The demo parks' expert-council rubric: novelty 25 %, market 20 %, team 20 %, feasibility 20 %,
 * regional impact 15 %. Weights are written as percentages (summing to 100), the scale
 * lib/council/rubric.ts reads them on.
 */
export const DEMO_CRITERIA = [
  { code: 'novelty', nameEn: 'Novelty', nameRu: 'Новизна', weight: '25.00' },
  { code: 'market', nameEn: 'Market potential', nameRu: 'Рыночный потенциал', weight: '20.00' },
  { code: 'team', nameEn: 'Team', nameRu: 'Команда', weight: '20.00' },
  { code: 'feasibility', nameEn: 'Feasibility', nameRu: 'Реализуемость', weight: '20.00' },
  {
    code: 'regional_impact',
    nameEn: 'Regional impact: jobs and investment',
    nameRu: 'Влияние на регион: рабочие места и инвестиции',
    weight: '15.00',
  },
] as const;

export type DemoCriterionCode = (typeof DEMO_CRITERIA)[number]['code'];
