// The console's sign-in, user and API-token bodies and answers (issue 6 §8-9): one zod schema each, which the
// server parses with, /api/openapi.json documents, and the console's client types itself from (principle 5).
import { z } from 'zod';
import { roleSchema } from './access.js';

/** The longest username. */
export const USERNAME_MAX = 64;

/** The shortest password the console accepts. */
export const PASSWORD_MIN = 10;

/** The longest password (bounds the work one sign-in can ask of scrypt). */
export const PASSWORD_MAX = 1024;

/** A username: 1-64 letters, digits and `._@-`. */
export const usernameSchema = z.string()
  .min(1, 'username is required')
  .max(USERNAME_MAX, `username may be at most ${USERNAME_MAX} characters`)
  .regex(/^[A-Za-z0-9._@-]+$/, 'username may only hold letters, digits and . _ @ -');

/** A new password: 10 to 1024 characters. */
export const passwordSchema = z.string()
  .min(PASSWORD_MIN, `password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `password may be at most ${PASSWORD_MAX} characters`);

/** POST /api/session: sign in (any text is tried, so a malformed name is refused like a wrong one). */
export const signInBodySchema = z.object({
  username: z.string().min(1, 'username is required').max(PASSWORD_MAX),
  password: z.string().min(1, 'password is required').max(PASSWORD_MAX),
}).strict();

/** A user as the API shows them (never their password hash). */
export const userInfoSchema = z.object({
  username: z.string(),
  role: roleSchema,
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601. */
  updatedAt: z.string(),
});

/** A user as the API shows them. */
export type UserInfo = z.infer<typeof userInfoSchema>;

/** GET and POST /api/session: who is signed in and the token to send as `X-CSRF-Token` on writes. */
export const sessionAnswerSchema = z.object({
  user: z.object({ username: z.string(), role: roleSchema }),
  csrfToken: z.string(),
});

/** GET and POST /api/session's answer. */
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

/** POST /api/session/password: change one's own password. */
export const passwordChangeBodySchema = z.object({
  current: z.string().min(1, 'current is required').max(PASSWORD_MAX),
  password: passwordSchema,
}).strict();

/** The answer of a sign-out, a password change or a deletion. */
export const authDoneAnswerSchema = z.object({ ok: z.literal(true) });

/** GET /api/users. */
export const userListAnswerSchema = z.object({ users: z.array(userInfoSchema) });

/** POST /api/users. */
export const userCreateBodySchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
}).strict();

/** PUT /api/users/:username: a new role, a new password, or both. */
export const userUpdateBodySchema = z.object({
  role: roleSchema.optional(),
  password: passwordSchema.optional(),
}).strict().refine((b) => b.role !== undefined || b.password !== undefined, { message: 'give a role, a password or both' });

/** POST and PUT /api/users answers. */
export const userAnswerSchema = z.object({ user: userInfoSchema });

/** An API token as the API shows it (never the token itself after creation). */
export const tokenInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The owner's username. */
  user: z.string(),
  /** The token's scope: what it may do at most (its owner's role caps it too). */
  role: roleSchema,
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601, or null for a token that never expires. */
  expiresAt: z.string().nullable(),
  /** ISO 8601, or null when never used. */
  lastUsedAt: z.string().nullable(),
});

/** An API token as the API shows it. */
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** GET /api/tokens. */
export const tokenListAnswerSchema = z.object({ tokens: z.array(tokenInfoSchema) });

/** POST /api/tokens: a name, a scope (default: the caller's role) and a lifetime in days (default: none). */
export const tokenCreateBodySchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100, 'name may be at most 100 characters'),
  role: roleSchema.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
}).strict();

/** POST /api/tokens' answer: the token's details and, this once only, the token (`m2t_...`). */
export const tokenCreatedAnswerSchema = tokenInfoSchema.extend({ token: z.string() });

/** POST /api/tokens' answer. */
export type TokenCreatedAnswer = z.infer<typeof tokenCreatedAnswerSchema>;
