import type { ApplicationDto } from '@/lib/applications/applications';
import type { Recommendation } from '@/lib/validation/council';
import TEXTS from './live-applications.json';
import { DEMO_CRITERIA, type DemoCriterionCode } from './rubric';

/*
 * What the demo's live stage (live.ts) brings about: who files which application and how far the expert
 * council has taken each, in days relative to the day the demo is seeded. The applications' own texts
 * (title, description, three-year plan) are content and live in live-applications.json.
 */

export const MANAGER = 'manager@technopark.demo';
export const APPLICANT = 'applicant@technopark.demo';
export const EXPERT = {
  volkov: 'expert@technopark.demo',
  lebedeva: 'expert2@technopark.demo',
  novikov: 'expert3@technopark.demo',
  pavlova: 'expert4@technopark.demo',
  smirnov: 'expert5@technopark.demo',
} as const;

/** Scores by criterion code of the demo rubric, 0–10; null: not scored yet. */
export type Scores = Record<DemoCriterionCode, number | null>;

/** What an assigned expert has done so far. */
export type ExpertStep =
  | { expert: string; step: 'untouched' }
  | { expert: string; step: 'conflict'; reason: string }
  | { expert: string; step: 'draft'; scores: Scores; comment: string }
  | { expert: string; step: 'reviewed'; scores: Scores; recommendation: Recommendation; comment: string };

/** Scores in the rubric's order: novelty, market, team, feasibility, regional impact. */
type ScoreRow = [number | null, number | null, number | null, number | null, number | null];

const scores = (row: ScoreRow) => Object.fromEntries(DEMO_CRITERIA.map((criterion, i) => [criterion.code, row[i]])) as Scores;
const untouched = (expert: string): ExpertStep => ({ expert, step: 'untouched' });
const conflict = (expert: string, reason: string): ExpertStep => ({ expert, step: 'conflict', reason });
const draft = (expert: string, row: ScoreRow, comment: string): ExpertStep => ({ expert, step: 'draft', scores: scores(row), comment });
const reviewed = (expert: string, row: ScoreRow, recommendation: Recommendation, comment: string): ExpertStep => ({
  expert,
  step: 'reviewed',
  scores: scores(row),
  recommendation,
  comment,
});

/** What the representative writes: a live application asks for premises when it names an area. */
type LiveApplicationText = Pick<ApplicationDto, 'title' | 'description' | 'industry' | 'premisesAreaM2' | 'wantsTaxIncentives' | 'services'> & {
  /** The business plan's heading (the generated PDF holds Latin text only). */
  titleEn: string;
  /** Investment, of which capital, new jobs, income: this year and the next two. */
  plan: [string, string, number, string][];
};

export type LiveApplication = LiveApplicationText & {
  /** The company's representative who drafts and submits it. */
  representative: string;
  /** The submission and screening dates, in days before today (0: today); screening null: not screened yet. */
  submittedDaysAgo: number;
  screenedDaysAgo: number | null;
  /** Assignment rounds, each one call of assignExperts with its due date, in days from today. */
  rounds: { dueInDays: number; experts: ExpertStep[] }[];
};

// saveDraft checks the texts as it checks what a representative types, so the JSON needs no schema of its own.
const live = (
  text: keyof typeof TEXTS,
  representative: string,
  days: { submitted: number; screened: number | null },
  rounds: LiveApplication['rounds'],
): LiveApplication => ({ ...(TEXTS[text] as LiveApplicationText), representative, submittedDaysAgo: days.submitted, screenedDaysAgo: days.screened, rounds });

/** An extraterritorial resident's new project: one review submitted, the demo expert's still a draft. */
export const SAFETY = live('safety', 'applicant2@technopark.demo', { submitted: 0, screened: 0 }, [
  {
    dueInDays: 12,
    experts: [
      draft(EXPERT.volkov, [8, 7, null, null, null], 'Технология сильная; команду и сроки сертификации ещё нужно проверить.'),
      reviewed(EXPERT.smirnov, [8, 8, 7, 6, 8], 'approve', 'Востребовано угольными компаниями региона; риск — сроки сертификации взрывозащиты.'),
    ],
  },
]);

/** Reviewed by three experts and on the agenda of the next meeting. */
export const QUARRY = live('quarry', 'applicant3@technopark.demo', { submitted: 0, screened: 0 }, [
  {
    dueInDays: 5,
    experts: [
      reviewed(EXPERT.volkov, [7, 6, 8, 7, 6], 'approve', 'Проработанный проект с понятным пилотом; рынок ограничен разрезами региона.'),
      reviewed(EXPERT.lebedeva, [6, 6, 7, 5, 7], 'revise', 'Экономический эффект посчитан на одном разрезе; нужен расчёт хотя бы для двух.'),
      reviewed(EXPERT.pavlova, [8, 7, 7, 6, 8], 'approve', 'Сильная команда геофизиков; снижение расхода ВВ заметно для отрасли.'),
    ],
  },
]);

/** Approved at the meeting held a few days ago; the manager can now admit its company. */
export const RECLAMATION = live('reclamation', 'applicant4@technopark.demo', { submitted: 24, screened: 20 }, [
  {
    // A due date cannot be in the past when experts are assigned, so it is today's even though the meeting was earlier.
    dueInDays: 0,
    experts: [
      reviewed(EXPERT.lebedeva, [8, 7, 8, 7, 8], 'approve', 'Результаты полевых испытаний убедительны; спрос со стороны угольных компаний обеспечен их обязательствами по рекультивации.'),
      reviewed(EXPERT.novikov, [7, 8, 7, 7, 6], 'approve', 'Рекомендую; стоит заранее согласовать с надзором порядок приёмки рекультивированных участков.'),
      reviewed(EXPERT.smirnov, [9, 7, 8, 8, 7], 'approve', 'Редкое сочетание углехимии и экологии; команда имеет опыт производства.'),
    ],
  },
]);

/** One expert declared a conflict of interest; the manager assigned another in their place. */
export const GAS_ANALYSER = live('gasAnalyser', 'applicant5@technopark.demo', { submitted: 0, screened: 0 }, [
  { dueInDays: 14, experts: [untouched(EXPERT.novikov), conflict(EXPERT.pavlova, 'В прошлом году консультировала компанию по подготовке этого проекта.')] },
  { dueInDays: 14, experts: [untouched(EXPERT.smirnov)] },
]);

/** Just submitted: waits for the manager's screening. */
export const CONVEYORS = live('conveyors', 'applicant6@technopark.demo', { submitted: 0, screened: null }, []);

/** The demo applicant's own: accepted for expert review, two experts assigned, nothing reviewed yet. */
export const SORBENTS = live('sorbents', APPLICANT, { submitted: 0, screened: 0 }, [
  { dueInDays: 10, experts: [untouched(EXPERT.volkov), untouched(EXPERT.lebedeva)] },
]);

/** The company a further representative speaks for. */
export type CompanyChoice = { kind: 'extraterritorial-resident' | 'refused-before'; industry: string };

/** The further representatives' companies, by representative. */
export const COMPANIES: Record<string, CompanyChoice> = {
  [SAFETY.representative]: { kind: 'extraterritorial-resident', industry: SAFETY.industry },
  [QUARRY.representative]: { kind: 'refused-before', industry: QUARRY.industry },
  [RECLAMATION.representative]: { kind: 'refused-before', industry: RECLAMATION.industry },
  [GAS_ANALYSER.representative]: { kind: 'refused-before', industry: GAS_ANALYSER.industry },
  [CONVEYORS.representative]: { kind: 'refused-before', industry: CONVEYORS.industry },
};

/** The held meeting's date and the planned one's, in days from today. */
export const HELD_MEETING_DAYS = -3;
export const PLANNED_MEETING_DAYS = 7;
