import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The search box for police (server: modules/search): persons, FIR numbers, vehicles, phones, property; MO and property search. */
export const searchFeature: Feature = {
  id: 'search',
  routes: [
    { path: '/search', component: lazy(() => import('./SearchPage.tsx')), access: { kind: 'permission', action: 'search.use' } },
    { path: '/search/mo', component: lazy(() => import('./MoSearchPage.tsx')), access: { kind: 'permission', action: 'search.use' } },
    {
      path: '/search/property',
      component: lazy(() => import('./PropertySearchPage.tsx')),
      access: { kind: 'permission', action: 'search.use' },
    },
  ],
  nav: [{ to: '/search', labelKey: 'search.nav', action: 'search.use', order: 25 }],
  quickLinks: [
    { to: '/search/mo', labelKey: 'search.quick.mo', descriptionKey: 'search.quick.mo_desc', action: 'search.use', order: 40 },
    {
      to: '/search/property',
      labelKey: 'search.quick.property',
      descriptionKey: 'search.quick.property_desc',
      action: 'search.use',
      order: 41,
    },
  ],
};
