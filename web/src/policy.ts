/**
 * The role and permission table is the server's own (server/src/policy): the web app draws its
 * navigation and buttons from the same table the server enforces, so they cannot drift.
 * (Keep server/src/policy free of Node-only imports: it is bundled into the browser.)
 */
export {
  can,
  PERMISSIONS,
  ROLES,
  RANKS,
  POLICE_ROLES,
  ROLE_LEVEL,
  type Action,
  type Role,
  type Rank,
} from '../../server/src/policy/index.ts';
