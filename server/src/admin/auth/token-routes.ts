// API tokens (issue 6 §8): GET/POST /api/tokens and DELETE /api/tokens/:id. Anyone signed in manages their own
// tokens (an admin sees and revokes everyone's); a token's role may not exceed its creator's, and the token itself
// is answered once, at creation. Creations and revocations go to the commit log, never the token.
import type { FastifyInstance } from 'fastify';
import {
  ApiErr, authDoneAnswerSchema, roleAllows, tokenCreateBodySchema, tokenCreatedAnswerSchema, tokenListAnswerSchema,
  type TokenCreatedAnswer,
} from '@m2/shared';
import { whoOf, type AdminContext } from '../context.js';
import { recordChange } from '../changes.js';
import { ApiError, notFound, parseWith } from '../errors.js';
import { credentialOf } from './hook.js';
import { createToken, deleteToken, findToken, listTokens, toTokenInfo } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Registers the token routes. */
export function registerTokenRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/tokens', {
    config: { access: 'viewer', doc: { summary: "API tokens: one's own (an admin sees all)", tags: ['auth'], response: tokenListAnswerSchema } },
  }, async (req) => {
    const who = whoOf(req);
    const tokens = listTokens(ctx.db, who.role === 'admin' ? null : credentialOf(req)!.userId);
    return { tokens: tokens.map(toTokenInfo) };
  });

  app.post('/api/tokens', {
    config: { access: 'viewer', doc: { summary: 'Create an API token (shown once); its role may not exceed yours', tags: ['auth'], body: tokenCreateBodySchema, response: tokenCreatedAnswerSchema } },
  }, async (req): Promise<TokenCreatedAnswer> => {
    const body = parseWith(tokenCreateBodySchema, req.body);
    const who = whoOf(req);
    const role = body.role ?? who.role;
    if (!roleAllows(who.role, role)) {
      throw new ApiError(403, ApiErr.FORBIDDEN, `a token's role may not exceed yours: ${who.user} has ${who.role}, not ${role}`, [
        { path: 'role', message: `at most ${who.role}`, code: ApiErr.FORBIDDEN },
      ]);
    }
    const now = Date.now();
    const expiresAt = body.expiresInDays === undefined ? null : now + body.expiresInDays * DAY_MS;
    const lifetime = body.expiresInDays === undefined ? 'no expiry' : `expires in ${body.expiresInDays} days`;
    const made = recordChange(ctx, req, { what: `token '${body.name}' created for ${who.user} (${role}, ${lifetime})` }, (db) =>
      createToken(db, { userId: credentialOf(req)!.userId, name: body.name, role, expiresAt }, now));
    return { ...toTokenInfo(made.record), token: made.token };
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'viewer', doc: { summary: 'Revoke an API token (one of yours; an admin may revoke any)', tags: ['auth'], response: authDoneAnswerSchema } },
  }, async (req) => {
    const raw = (req.params as { id: string }).id;
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    const who = whoOf(req);
    const token = Number.isNaN(id) ? undefined : findToken(ctx.db, id);
    // Someone else's token is "not found" to a non-admin, so ids cannot be probed.
    if (!token || (who.role !== 'admin' && token.userId !== credentialOf(req)!.userId)) throw notFound(`token ${raw}`);
    recordChange(ctx, req, { what: `token '${token.name}' of ${token.username} revoked` }, (db) => deleteToken(db, token.id));
    return { ok: true as const };
  });
}
