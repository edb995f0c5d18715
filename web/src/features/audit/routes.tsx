import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The hash-chained audit trail. */
export const auditFeature: Feature = {
  id: 'audit',
  routes: [
    { path: '/admin/audit', component: lazy(() => import('./AuditPage.tsx')), access: { kind: 'permission', action: 'audit.read' } },
  ],
  nav: [{ to: '/admin/audit', labelKey: 'audit.nav', action: 'audit.read', order: 95 }],
  quickLinks: [{ to: '/admin/audit', labelKey: 'audit.link', descriptionKey: 'audit.link_desc', action: 'audit.read', order: 30 }],
};
