import type { AppInstance } from '../app-instance.ts';
import { competenciesRoutes } from '../http/competencies.routes.ts';
import { competenciesPublicRoutes } from '../http/competencies-public.routes.ts';

/** Route plugins of the competencies feature (consultant self-assessment, issue 19). */
export const competenciesPlugins: ((app: AppInstance) => Promise<void>)[] = [
  competenciesRoutes,
  competenciesPublicRoutes,
];
