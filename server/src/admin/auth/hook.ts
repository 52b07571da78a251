// The console's gate (issue 6 §8): an onRequest hook on the /api plugin context that works out who is calling —
// from `Authorization: Bearer m2t_...` or else the `m2_session` cookie — and enforces the route's
// `config.access`. Writes through a session cookie must echo the session's CSRF token in `X-CSRF-Token`
// (a synchroniser token, OWASP CSRF cheat sheet); bearer requests are exempt, as a browser never adds that header
// on its own. Every refusal is an ApiError, rendered by errors.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiErr, roleAllows, type Access, type Who } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { ApiError } from '../errors.js';
import { sameSecret } from './secrets.js';
import { useSession, type SessionRecord } from './sessions.js';
import { useToken } from './tokens.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'm2_session';

/** The session cookie's attributes (the same when set and when cleared): never readable by scripts, never sent
 *  on a cross-site request, Secure behind TLS. */
export function sessionCookieOptions(ctx: AdminContext) {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.secureCookies } as const;
}

/** The header a cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** How a request proved who it is: its session, or the user and token behind its bearer token. */
export type Credential =
  | { via: 'session'; userId: number; session: SessionRecord }
  | { via: 'token'; userId: number; tokenId: number };

const credentials = new WeakMap<FastifyRequest, Credential>();

/** The credential the hook accepted for `req` (undefined on public routes). */
export function credentialOf(req: FastifyRequest): Credential | undefined {
  return credentials.get(req);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route requires: its `config.access`, else viewer to read and operator to change. */
export function accessOf(req: FastifyRequest): Access {
  return req.routeOptions.config?.access ?? (req.method === 'GET' || req.method === 'HEAD' ? 'viewer' : 'operator');
}

function unauthenticated(message: string): ApiError {
  return new ApiError(401, ApiErr.UNAUTHENTICATED, message);
}

/** The credential a request carries: a bad bearer token is refused even when a cookie is present. */
function authenticate(ctx: AdminContext, req: FastifyRequest, reply: FastifyReply): { who: Who; cred: Credential } | null {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer +(\S+) *$/i.exec(auth);
    const used = m ? useToken(ctx.db, m[1]!) : undefined;
    if (!used) throw unauthenticated('the API token is invalid, expired or revoked');
    return {
      who: { user: used.record.username, role: used.role, via: 'token' },
      cred: { via: 'token', userId: used.record.userId, tokenId: used.record.id },
    };
  }
  const id = req.cookies?.[SESSION_COOKIE];
  if (id === undefined || id === '') return null;
  const session = useSession(ctx.db, id);
  if (!session) {
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    throw unauthenticated('the session has ended; sign in again');
  }
  return { who: { user: session.username, role: session.role, via: 'session' }, cred: { via: 'session', userId: session.userId, session } };
}

/** Adds the gate to every route of `app`'s plugin context. */
export function installAuthHook(app: FastifyInstance, ctx: AdminContext): void {
  app.addHook('onRequest', async (req, reply) => {
    const access = accessOf(req);
    if (access === 'public') return;
    const found = authenticate(ctx, req, reply);
    if (!found) throw unauthenticated('sign in, or send an API token as Authorization: Bearer <token>');
    const { who, cred } = found;
    if (cred.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, cred.session.csrfToken)) {
        throw new ApiError(403, ApiErr.CSRF, `a change made through a session must carry the session's ${CSRF_HEADER} header`);
      }
    }
    if (!roleAllows(who.role, access)) {
      throw new ApiError(403, ApiErr.FORBIDDEN, `this needs the ${access} role; ${who.user} has ${who.role} here`);
    }
    req.who = who;
    credentials.set(req, cred);
  });
}
