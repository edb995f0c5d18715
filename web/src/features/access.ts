import { can, type Action, type Role } from '../policy.ts';
import type { Access } from './types.ts';

/** Whether a user of this role may see a link or screen that needs `action` and/or one of `roles`. */
export function allowed(role: Role | undefined, need: { action?: Action; roles?: readonly Role[] }): boolean {
  if (!role) return false;
  if (need.roles && !need.roles.includes(role)) return false;
  if (need.action && !can(role, need.action)) return false;
  return true;
}

export function routeAllowed(role: Role | undefined, access: Access): boolean {
  if (access.kind === 'public') return true;
  if (!role) return false;
  if (access.kind === 'user') return true;
  return can(role, access.action);
}
