import type { Feature } from './features/types.ts';
import { authFeature } from './features/auth/routes.tsx';
import { accountFeature } from './features/account/routes.tsx';
import { dashboardFeature } from './features/dashboard/routes.tsx';
import { usersFeature } from './features/users/routes.tsx';
import { orgFeature } from './features/org/routes.tsx';
import { auditFeature } from './features/audit/routes.tsx';
import { outboxFeature } from './features/outbox/routes.tsx';
import { prosecutionFeature } from './features/prosecution/routes.tsx';
import { courtFeature } from './features/court/routes.tsx';
import { citizenFeature } from './features/citizen/routes.tsx';
import { complaintsFeature } from './features/complaints/routes.tsx';
import { publicFeature } from './features/public/routes.tsx';
import { investigationFeature } from './features/investigation/routes.tsx';
import { clocksFeature } from './features/clocks/routes.tsx';
import { peopleFeature } from './features/people/routes.tsx';
import { searchFeature } from './features/search/routes.tsx';
import { firsFeature } from './features/firs/routes.tsx';
import { gdFeature } from './features/gd/routes.tsx';

/**
 * Every feature of the web app. A new feature adds one line here; its routes, navigation,
 * dashboard links and count labels come with it (see features/types.ts), and its messages
 * are found by file name (features/<id>/messages.{en,hi}.json).
 */
export const features: Feature[] = [
  authFeature,
  accountFeature,
  dashboardFeature,
  usersFeature,
  orgFeature,
  auditFeature,
  outboxFeature,
  citizenFeature,
  complaintsFeature,
  publicFeature,
  prosecutionFeature,
  courtFeature,
  investigationFeature,
  clocksFeature,
  peopleFeature,
  searchFeature,
  firsFeature,
  gdFeature,
];
