// Console users (issue 6 §8), admin only: GET/POST /api/users, PUT/DELETE /api/users/:username. The last admin
// can be neither deleted nor demoted (the console would have nobody left to manage it). Each change is one
// transaction with its commit-log row; passwords are hashed before it begins and never logged or answered.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type Database from 'better-sqlite3';
import {
  ApiErr, authDoneAnswerSchema, userAnswerSchema, userCreateBodySchema, userListAnswerSchema, userUpdateBodySchema,
  type UserInfo,
} from '@m2/shared';
import type { AdminContext } from '../context.js';
import { recordChange } from '../changes.js';
import { ApiError, notFound, parseWith } from '../errors.js';
import { credentialOf } from './hook.js';
import { hashPassword } from './password.js';
import { endUserSessions } from './sessions.js';
import {
  countAdmins, deleteUser, findUser, findUserById, insertUser, listUsers, setUserPassword, setUserRole, toUserInfo,
  type UserRecord,
} from './users.js';

function nameOf(req: FastifyRequest): string {
  return (req.params as { username: string }).username;
}

function existing(db: Database.Database, username: string): UserRecord {
  const user = findUser(db, username);
  if (!user) throw notFound(`user ${username}`);
  return user;
}

function lastAdmin(username: string, doing: string): ApiError {
  return new ApiError(409, ApiErr.CONFLICT, `${username} is the last admin and cannot be ${doing}; make another admin first`);
}

/** Registers the user routes. */
export function registerUserRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/users', {
    config: { access: 'admin', doc: { summary: 'Console users', tags: ['auth'], response: userListAnswerSchema } },
  }, async () => ({ users: listUsers(ctx.db).map(toUserInfo) }));

  app.post('/api/users', {
    config: { access: 'admin', doc: { summary: 'Add a console user', tags: ['auth'], body: userCreateBodySchema, response: userAnswerSchema } },
  }, async (req): Promise<{ user: UserInfo }> => {
    const body = parseWith(userCreateBodySchema, req.body);
    const passwordHash = await hashPassword(body.password);
    const user = recordChange(ctx, req, { what: `user ${body.username} created (${body.role})` }, (db) => {
      if (findUser(db, body.username)) {
        throw new ApiError(409, ApiErr.CONFLICT, `a user named ${body.username} already exists`, [
          { path: 'username', message: `a user named ${body.username} already exists`, code: ApiErr.CONFLICT },
        ]);
      }
      return insertUser(db, { username: body.username, passwordHash, role: body.role });
    });
    return { user: toUserInfo(user) };
  });

  app.put('/api/users/:username', {
    config: { access: 'admin', doc: { summary: "Change a user's role or password (a new password ends their sessions)", tags: ['auth'], body: userUpdateBodySchema, response: userAnswerSchema } },
  }, async (req): Promise<{ user: UserInfo }> => {
    const body = parseWith(userUpdateBodySchema, req.body);
    const username = nameOf(req);
    existing(ctx.db, username);
    const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
    const cred = credentialOf(req)!;
    const changes = [body.role && `role ${body.role}`, passwordHash && 'password reset'].filter(Boolean).join(', ');
    const user = recordChange(ctx, req, { what: `user ${username} changed (${changes})` }, (db) => {
      const user = existing(db, username);
      if (body.role !== undefined && body.role !== user.role) {
        if (user.role === 'admin' && countAdmins(db) <= 1) throw lastAdmin(username, 'demoted');
        setUserRole(db, user.id, body.role);
      }
      if (passwordHash !== null) {
        setUserPassword(db, user.id, passwordHash);
        // An admin resetting their own password keeps the session they are using.
        endUserSessions(db, user.id, cred.via === 'session' && cred.userId === user.id ? cred.session.idHash : null);
      }
      return findUserById(db, user.id)!;
    });
    return { user: toUserInfo(user) };
  });

  app.delete('/api/users/:username', {
    config: { access: 'admin', doc: { summary: 'Delete a user with their sessions and API tokens', tags: ['auth'], response: authDoneAnswerSchema } },
  }, async (req) => {
    const username = nameOf(req);
    recordChange(ctx, req, { what: `user ${username} deleted` }, (db) => {
      const user = existing(db, username);
      if (user.role === 'admin' && countAdmins(db) <= 1) throw lastAdmin(username, 'deleted');
      deleteUser(db, user.id);
    });
    return { ok: true as const };
  });
}
