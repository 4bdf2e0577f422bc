import type { RouteObject } from 'react-router';
import { BigScreenPage } from './big-screen-page';
import { ConversationPage } from './conversation-page';
import { ConversationsPage } from './conversations-page';
import { ParticipantPage } from './participant-page';

/** Signed-in pages of this feature, inside the app frame. */
export const opinionsRoutes: RouteObject[] = [
  { path: 'conversations', element: <ConversationsPage /> },
  { path: 'conversations/:conversationId', element: <ConversationPage /> },
];

/** Pages for people without an account (participants, respondents), outside the app frame. */
export const opinionsPublicRoutes: RouteObject[] = [
  { path: 'c/:joinCode', element: <ParticipantPage /> },
  // The projected screen has no app frame; its API calls still need the facilitator's session.
  { path: 'screen/conversations/:orgId/:conversationId', element: <BigScreenPage /> },
];
