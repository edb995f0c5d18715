import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The dev outbox (embedded mode): e-mail and SMS that would have been sent. */
export const outboxFeature: Feature = {
  id: 'outbox',
  routes: [
    { path: '/admin/dev-outbox', component: lazy(() => import('./OutboxPage.tsx')), access: { kind: 'permission', action: 'outbox.read' } },
  ],
  nav: [{ to: '/admin/dev-outbox', labelKey: 'outbox.nav', action: 'outbox.read', order: 99 }],
  quickLinks: [{ to: '/admin/dev-outbox', labelKey: 'outbox.link', descriptionKey: 'outbox.link_desc', action: 'outbox.read', order: 90 }],
};
