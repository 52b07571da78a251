// Who may do what in the console (issue 6 §8): three roles, each including the one before it, and API-token scopes
// that narrow a token to a role's powers or less.
import { z } from 'zod';

/** The roles, weakest first: a viewer reads; an operator also edits, applies and steers servers; an admin also
 *  manages users and tokens and restores backups. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;

/** A role. */
export type Role = (typeof ROLES)[number];

/** A role as a schema. */
export const roleSchema = z.enum(ROLES);

/** What a route requires: `public` needs nobody; otherwise the weakest role allowed. */
export type Access = 'public' | Role;

/** Whether `role` includes the powers of `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The signed-in party of a request. */
export interface Who {
  /** The user's name: what the commit log's `who` records. */
  user: string;
  /** The effective role (a token's scope may lower the user's). */
  role: Role;
  /** How the request proved who it is. */
  via: 'session' | 'token';
}
