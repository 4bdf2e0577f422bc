import type { AppInstance } from '../app-instance.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { respondRoutes } from '../http/respond.routes.ts';
import { surveysRoutes } from '../http/surveys.routes.ts';
import { registerPersonalData } from '../services/personal-data.ts';
import { registerTableTraceKind } from '../services/trace.service.ts';

// A campaign can be trace-linked (e.g. a diagnostic that informs an options board).
registerTableTraceKind('survey', 'survey_campaigns', 'title');

// Answers are linked to an account only when the respondent chose to link their participation.
registerPersonalData({
  name: 'survey-responses',
  async export(db, userId) {
    return (await surveysRepository.responsesOfUser(db, userId)).map((r) => ({
      campaignId: r.campaign_id,
      answers: r.answers,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    }));
  },
  async erase(db, userId, orgId) {
    await surveysRepository.deleteResponsesOfUser(db, userId, orgId);
  },
});

/** Route plugins of the surveys feature, in registration order. */
export const surveysPlugins: ((app: AppInstance) => Promise<void>)[] = [surveysRoutes, respondRoutes];
