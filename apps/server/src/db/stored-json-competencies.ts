/** Shapes of the competencies feature's JSON columns (see stored-json.ts for why they are checked). */
import { z } from 'zod';

export const CompetenciesJson = {
  /** competency_assessments.ratings: one entry per competency rated, with its evidence */
  ratings: z.array(
    z.object({
      competencyId: z.string(),
      level: z.number(),
      evidenceKeys: z.array(z.string()),
      ownEvidence: z.array(
        z.object({ kind: z.enum(['note', 'certificate', 'supervision', 'training']), text: z.string() }),
      ),
      note: z.string(),
    }),
  ),
  /** competency_feedback_answers.ratings: competency id → level, or null for "cannot say" */
  feedbackRatings: z.record(z.string(), z.number().nullable()),
  /** competency_feedback_rounds.competency_ids, competency_goals.practice_method_ids */
  strings: z.array(z.string()),
};
export type StoredRating = z.infer<typeof CompetenciesJson.ratings>[number];
