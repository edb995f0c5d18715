import type { App, Deps } from './http/types.js';
import { authRoutes } from './modules/auth/routes.js';
import { orgRoutes } from './modules/org/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { firRoutes } from './modules/firs/routes.js';
import { gdRoutes } from './modules/gd/routes.js';
import { notifyRoutes } from './modules/notify/routes.js';
import { investigationRoutes } from './modules/investigation/routes.js';
import { investigationDutyRoutes } from './modules/investigation-duties/routes.js';
import { clockRoutes } from './modules/clocks/routes.js';
import { complaintRoutes } from './modules/complaints/routes.js';
import { citizenRoutes } from './modules/citizen/routes.js';
import { prosecutionRoutes } from './modules/prosecution/routes.js';
import { courtRoutes } from './modules/court/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { searchRoutes } from './modules/search/routes.js';

/** Every module's routes, registered under /api/v1. A new module adds one line here. */
export const routeModules: ((app: App, deps: Deps) => Promise<void>)[] = [
  authRoutes,
  orgRoutes,
  auditRoutes,
  dashboardRoutes,
  firRoutes,
  gdRoutes,
  notifyRoutes,
  investigationRoutes,
  investigationDutyRoutes,
  clockRoutes,
  complaintRoutes,
  citizenRoutes,
  prosecutionRoutes,
  courtRoutes,
  peopleRoutes,
  searchRoutes,
];
