import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** Administration of users: create, edit, move, disable, temporary passwords, sessions, 2FA. */
export const usersFeature: Feature = {
  id: 'users',
  routes: [
    { path: '/admin/users', component: lazy(() => import('./UsersPage.tsx')), access: { kind: 'permission', action: 'users.read' } },
    {
      path: '/admin/users/new',
      component: lazy(() => import('./NewUserPage.tsx')),
      access: { kind: 'permission', action: 'users.manage' },
    },
    { path: '/admin/users/:id', component: lazy(() => import('./UserPage.tsx')), access: { kind: 'permission', action: 'users.read' } },
  ],
  nav: [{ to: '/admin/users', labelKey: 'users.nav', action: 'users.read', order: 90 }],
  quickLinks: [
    { to: '/admin/users/new', labelKey: 'users.link.new', descriptionKey: 'users.link.new_desc', action: 'users.manage', order: 10 },
    { to: '/admin/users', labelKey: 'users.link.list', descriptionKey: 'users.link.list_desc', action: 'users.read', order: 11 },
  ],
};
