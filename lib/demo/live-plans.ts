import { z } from 'zod';
import { RECOMMENDATIONS, SERVICES } from '@/db/schema/values';
import PLANS from './live-applications.json';
import { DEMO_CRITERIA, type DemoCriterionCode } from './rubric';

/*
 * What the demo's live stage (live.ts) brings about, relative to the day the demo is seeded. The plans
 * themselves are content and live in live-applications.json: per application, who files it, its texts
 * and three-year plan, when it was submitted and screened, and each assignment round with how far each
 * expert has got (`scores` in the rubric's order: novelty, market, team, feasibility, regional impact).
 * The file is read through the schema below, so a mistake in it stops the seed with the path to it.
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

const expert = z.enum(Object.keys(EXPERT) as [keyof typeof EXPERT, ...(keyof typeof EXPERT)[]]).transform((key) => EXPERT[key]);
const score = z.number().int().min(0).max(10).nullable();
const scores = z
  .tuple([score, score, score, score, score])
  .transform((row) => Object.fromEntries(DEMO_CRITERIA.map((criterion, i) => [criterion.code, row[i]])) as Scores);
const roubles = z.string().regex(/^\d+$/);

/** What an assigned expert has done so far. */
const expertStep = z.discriminatedUnion('step', [
  z.object({ expert, step: z.literal('untouched') }),
  z.object({ expert, step: z.literal('conflict'), reason: z.string().min(1) }),
  z.object({ expert, step: z.literal('draft'), scores, comment: z.string() }),
  z.object({ expert, step: z.literal('reviewed'), scores, recommendation: z.enum(RECOMMENDATIONS), comment: z.string() }),
]);

const liveApplication = z.object({
  /** What the application shows in the demo. */
  about: z.string(),
  /** The company's representative who drafts and submits it. */
  representative: z.email(),
  title: z.string(),
  /** The business plan's heading (the generated PDF holds Latin text only). */
  titleEn: z.string(),
  description: z.string(),
  industry: z.string(),
  /** The area asked for; null: no premises wanted. */
  premisesAreaM2: z.string().nullable(),
  wantsTaxIncentives: z.boolean(),
  services: z.array(z.enum(SERVICES)),
  /** Investment, of which capital, new jobs, income: this year and the next two. */
  plan: z.array(z.tuple([roubles, roubles, z.number().int().min(0), roubles])).length(3),
  /** The submission and screening dates, in days before today (0: today); screening null: not screened yet. */
  submittedDaysAgo: z.number().int().min(0),
  screenedDaysAgo: z.number().int().min(0).nullable(),
  /**
   * Assignment rounds, each one call of assignExperts with its due date, in days from today. A due date
   * cannot be in the past when experts are assigned, so an application decided at the meeting held a
   * few days ago still has today's.
   */
  rounds: z.array(z.object({ dueInDays: z.number().int().min(0), experts: z.array(expertStep).min(1) })),
});

export type ExpertStep = z.output<typeof expertStep>;
export type LiveApplication = z.output<typeof liveApplication>;

const plans = z.object({
  safety: liveApplication,
  quarry: liveApplication,
  reclamation: liveApplication,
  gasAnalyser: liveApplication,
  conveyors: liveApplication,
  sorbents: liveApplication,
}).parse(PLANS);

// What each one shows in the demo is its `about`.
export const { safety: SAFETY, quarry: QUARRY, reclamation: RECLAMATION, gasAnalyser: GAS_ANALYSER, conveyors: CONVEYORS, sorbents: SORBENTS } = plans;

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
