// Signing in and out (issue 6 §8): POST/GET/DELETE /api/session and POST /api/session/password. A sign-in sets
// the `m2_session` cookie (HttpOnly, SameSite=Strict, Path=/, Secure behind TLS) and answers the CSRF token the
// SPA echoes on writes. Unknown users and wrong passwords get the same answer in about the same time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErr, authDoneAnswerSchema, passwordChangeBodySchema, sessionAnswerSchema, signInBodySchema, type SessionAnswer,
} from '@m2/shared';
import type { AdminContext } from '../context.js';
import { whoOf } from '../context.js';
import { recordChange } from '../changes.js';
import { ApiError, parseWith } from '../errors.js';
import { credentialOf, SESSION_COOKIE, sessionCookieOptions } from './hook.js';
import { hashPassword, verifyNobody, verifyPassword } from './password.js';
import type { LoginLimiter } from './rate-limit.js';
import { digestSecret } from './secrets.js';
import { createSession, endSession, endUserSessions, SESSION_MAX_MS } from './sessions.js';
import { findUser, findUserById, setUserPassword } from './users.js';

const WRONG = 'wrong username or password';

function tooMany(reply: FastifyReply, seconds: number): ApiError {
  reply.header('retry-after', String(seconds));
  return new ApiError(429, ApiErr.RATE_LIMITED, `too many failed sign-ins; try again in ${seconds} seconds`);
}

function setSessionCookie(reply: FastifyReply, ctx: AdminContext, id: string): void {
  reply.setCookie(SESSION_COOKIE, id, { ...sessionCookieOptions(ctx), maxAge: SESSION_MAX_MS / 1000 });
}

function sessionOf(req: FastifyRequest) {
  const cred = credentialOf(req);
  if (cred?.via !== 'session') throw new ApiError(401, ApiErr.UNAUTHENTICATED, 'no session: this request carries an API token, not a session cookie');
  return cred.session;
}

/** Registers the session routes; `limiter` counts failed sign-ins and wrong current passwords. */
export function registerSessionRoutes(app: FastifyInstance, ctx: AdminContext, limiter: LoginLimiter): void {
  app.post('/api/session', {
    config: { access: 'public', doc: { summary: 'Sign in: sets the m2_session cookie and answers the CSRF token', tags: ['auth'], body: signInBodySchema, response: sessionAnswerSchema } },
  }, async (req, reply): Promise<SessionAnswer> => {
    const body = parseWith(signInBodySchema, req.body);
    const wait = limiter.retryAfter(body.username, req.ip);
    if (wait > 0) throw tooMany(reply, wait);
    const user = findUser(ctx.db, body.username);
    const ok = user ? await verifyPassword(body.password, user.passwordHash) : await verifyNobody(body.password);
    if (!user || !ok) {
      limiter.failed(body.username, req.ip);
      throw new ApiError(401, ApiErr.UNAUTHENTICATED, WRONG);
    }
    limiter.succeeded(body.username);
    const old = req.cookies?.[SESSION_COOKIE];
    if (old) endSession(ctx.db, digestSecret(old));
    const session = createSession(ctx.db, user.id);
    setSessionCookie(reply, ctx, session.id);
    return { user: { username: user.username, role: user.role }, csrfToken: session.csrfToken };
  });

  app.get('/api/session', {
    config: { access: 'viewer', doc: { summary: 'Who is signed in, and the CSRF token to send on writes', tags: ['auth'], response: sessionAnswerSchema } },
  }, async (req): Promise<SessionAnswer> => {
    const session = sessionOf(req);
    return { user: { username: session.username, role: session.role }, csrfToken: session.csrfToken };
  });

  app.delete('/api/session', {
    config: { access: 'viewer', doc: { summary: 'Sign out: ends the session and clears its cookie', tags: ['auth'], response: authDoneAnswerSchema } },
  }, async (req, reply) => {
    const cred = credentialOf(req);
    if (cred?.via === 'session') endSession(ctx.db, cred.session.idHash);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
    return { ok: true as const };
  });

  app.post('/api/session/password', {
    config: { access: 'viewer', doc: { summary: "Change one's own password (ends one's other sessions)", tags: ['auth'], body: passwordChangeBodySchema, response: authDoneAnswerSchema } },
  }, async (req, reply) => {
    const body = parseWith(passwordChangeBodySchema, req.body);
    const cred = credentialOf(req)!;
    const user = findUserById(ctx.db, cred.userId);
    if (!user) throw new ApiError(401, ApiErr.UNAUTHENTICATED, 'the user no longer exists');
    const wait = limiter.retryAfter(user.username, req.ip);
    if (wait > 0) throw tooMany(reply, wait);
    if (!(await verifyPassword(body.current, user.passwordHash))) {
      limiter.failed(user.username, req.ip);
      throw new ApiError(400, ApiErr.VALIDATION, 'the current password is wrong', [
        { path: 'current', message: 'the current password is wrong', code: ApiErr.VALIDATION },
      ]);
    }
    limiter.succeeded(user.username);
    const hash = await hashPassword(body.password);
    const keep = cred.via === 'session' ? cred.session.idHash : null;
    recordChange(ctx, req, { what: `user ${whoOf(req).user} changed their password` }, (db) => {
      setUserPassword(db, user.id, hash);
      endUserSessions(db, user.id, keep);
    });
    return { ok: true as const };
  });
}
