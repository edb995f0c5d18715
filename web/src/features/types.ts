import type { ComponentType, LazyExoticComponent } from 'react';
import type { Action, Role } from '../policy.ts';

/**
 * What a feature plugs into the app. Each feature folder exports one `Feature` from its
 * `routes.tsx`, and `web/src/routes.ts` lists them: that one line is the only shared edit.
 */
export interface Feature {
  /** The folder name; also the prefix of every message key of the feature. */
  id: string;
  routes?: RouteDef[];
  nav?: NavItem[];
  /** Links shown on the dashboard, under "Quick links", to roles that may use them. */
  quickLinks?: QuickLink[];
  /** Labels (and where to go) for dashboard counts this feature's server module contributes. */
  counts?: Record<string, CountDef>;
}

export type Access =
  | { kind: 'public' }
  /** Anyone who is logged in. */
  | { kind: 'user' }
  /** Logged in with this policy action (server/src/policy PERMISSIONS). */
  | { kind: 'permission'; action: Action };

export interface RouteDef {
  /** '/admin/users/:id' */
  path: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
  access: Access;
  /** Reachable while the password must still be changed (the change screen, logout). */
  allowTemporaryPassword?: boolean;
  /** Reachable while a required two-factor set-up is still owed (the set-up screen). */
  allowMfaEnrolment?: boolean;
}

export interface NavItem {
  to: string;
  labelKey: string;
  /** Without it, every logged-in user sees the item. */
  action?: Action;
  /** Only these roles (for links that are role-specific rather than permission-specific). */
  roles?: readonly Role[];
  /** 'main' sits in the top navigation; 'account' in the user's own menu. */
  group?: 'main' | 'account';
  /** Lower first. Dashboard 0, daily work 10–50, supervision 60–80, administration 90+. */
  order: number;
}

export interface QuickLink {
  to: string;
  labelKey: string;
  descriptionKey?: string;
  action?: Action;
  roles?: readonly Role[];
  order?: number;
}

export interface CountDef {
  labelKey: string;
  /** Where the card leads, if the viewer may go there. */
  to?: string;
  action?: Action;
  /** Cards are sorted by it; lower first. */
  order?: number;
}
