import type { AppInstance } from '../app-instance.ts';
import { ssoRoutes } from '../http/sso.routes.ts';
import { ssoAdminRoutes } from '../http/sso-admin.routes.ts';

/** Route plugins of single sign-on (OpenID Connect), in registration order. */
export const ssoPlugins: ((app: AppInstance) => Promise<void>)[] = [ssoRoutes, ssoAdminRoutes];
