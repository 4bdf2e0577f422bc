import type { AppInstance } from '../app-instance.ts';
import { engagementRoutes } from '../http/engagements.routes.ts';
import { optionsBoardRoutes } from '../http/options-boards.routes.ts';
import { peopleRoutes } from '../http/people.routes.ts';

/** Route plugins of engagements (the engagement, options boards, people and collectives), in registration order. */
export const engagementsPlugins: ((app: AppInstance) => Promise<void>)[] = [
  engagementRoutes,
  optionsBoardRoutes,
  peopleRoutes,
];
