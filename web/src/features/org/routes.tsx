import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The organisation: police stations and their beats. */
export const orgFeature: Feature = {
  id: 'org',
  routes: [
    { path: '/org/stations', component: lazy(() => import('./StationsPage.tsx')), access: { kind: 'permission', action: 'org.read' } },
    {
      path: '/org/stations/new',
      component: lazy(() => import('./NewStationPage.tsx')),
      access: { kind: 'permission', action: 'org.manage' },
    },
    { path: '/org/stations/:id', component: lazy(() => import('./StationPage.tsx')), access: { kind: 'permission', action: 'org.read' } },
  ],
  nav: [{ to: '/org/stations', labelKey: 'org.nav', action: 'org.manage', order: 91 }],
  quickLinks: [
    { to: '/org/stations', labelKey: 'org.link.stations', descriptionKey: 'org.link.stations_desc', action: 'org.manage', order: 20 },
  ],
};
