/**
 * The database schema as Kysely sees it: one `<Feature>Tables` interface per file in `tables/`, merged
 * here. Timestamps are ISO strings, booleans 0/1, JSON columns strings (see connect.ts for why both
 * dialects agree on this).
 */
import type { ChartersTables } from './tables/charters.ts';
import type { CompetenciesTables } from './tables/competencies.ts';
import type { ConversationsTables } from './tables/conversations.ts';
import type { DecisionsTables } from './tables/decisions.ts';
import type { EngagementTables } from './tables/engagements.ts';
import type { EvaluationTables } from './tables/evaluation.ts';
import type { IdentityTables } from './tables/identity.ts';
import type { MethodsTables } from './tables/methods.ts';
import type { NetworksTables } from './tables/networks.ts';
import type { NotificationsTables } from './tables/notifications.ts';
import type { PlansTables } from './tables/plans.ts';
import type { PollinationTables } from './tables/pollination.ts';
import type { ReportsTables } from './tables/reports.ts';
import type { SsoTables } from './tables/sso.ts';
import type { SurveysTables } from './tables/surveys.ts';
import type { WebhooksTables } from './tables/webhooks.ts';
import type { WorkshopsTables } from './tables/workshops.ts';

export type * from './tables/engagements.ts';
export type * from './tables/identity.ts';

export interface Database
  extends IdentityTables,
    EngagementTables,
    MethodsTables,
    SurveysTables,
    NetworksTables,
    WorkshopsTables,
    ConversationsTables,
    CompetenciesTables,
    DecisionsTables,
    SsoTables,
    ChartersTables,
    PlansTables,
    WebhooksTables,
    ReportsTables,
    NotificationsTables,
    PollinationTables,
    EvaluationTables {}
