import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { dashboardFor } from './service.js';

export async function dashboardRoutes(app: App, deps: Deps) {
  app.get(
    '/dashboard',
    { schema: { tags: ['dashboard'], summary: 'Counts for the caller’s role and jurisdiction' }, config: { permission: 'dashboard.read' } },
    async (req) => dashboardFor(deps, authOf(req)),
  );
}
