// The control port through the console (issue 6 §5, spec §4.3): a proxy for the commands that read (status,
// time, info, uuid — any viewer) or act without ending the server (kill, reload — operators, logged), the
// open connections as objects, and killing one. Stopping has its own endpoints (process-routes.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ApiErr, CONTROL_READ_COMMANDS, connectionsAnswerSchema, controlAnswerSchema, controlBodySchema, killAnswerSchema,
  roleAllows, type Server,
} from '@m2/shared';
import { MAX_REGISTERED_FDS } from '../../control/commands.js';
import { whoOf, type AdminContext } from '../context.js';
import { recordChange } from '../changes.js';
import { ApiError, parseWith } from '../errors.js';
import { controlCall } from './control.js';
import { parseNetStatus } from './net-status.js';
import { serverProcessState } from './process.js';
import { serverLabel, serverOfRequest } from './servers.js';

const tags = ['running'];

const killParamsSchema = z.object({
  id: z.coerce.number().int().min(1),
  connId: z.coerce.number().int().min(0).max(MAX_REGISTERED_FDS - 1),
});

/** 409 unless the server runs (cheaper and clearer than waiting for a control port nobody serves). */
export function requireRunning(ctx: AdminContext, server: Server): void {
  if (!serverProcessState(ctx, server).running) {
    throw new ApiError(409, ApiErr.NOT_RUNNING, `server ${serverLabel(server)} is not running`);
  }
}

/** Registers the control proxy, the connections list and the connection kill. */
export function registerControlRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post('/api/servers/:id/control', {
    config: {
      access: 'viewer',
      doc: { summary: 'Send a control-port command (status, time, info, uuid; kill and reload need operator) and answer its decoded reply', tags, body: controlBodySchema, response: controlAnswerSchema },
    },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    const body = parseWith(controlBodySchema, req.body, 'the control request');
    const who = whoOf(req);
    if (!(CONTROL_READ_COMMANDS as readonly string[]).includes(body.command) && !roleAllows(who.role, 'operator')) {
      throw new ApiError(403, ApiErr.FORBIDDEN, `${body.command} needs the operator role; ${who.user} has ${who.role} here`);
    }
    requireRunning(ctx, server);
    const answer = await controlCall(ctx, server, body.command, body.args ?? {});
    if (answer.kind !== 'error' && body.command === 'reload') {
      recordChange(ctx, req, { what: `server ${serverLabel(server)} reloaded` }, () => undefined);
    }
    if (answer.kind !== 'error' && body.command === 'kill') {
      recordChange(ctx, req, { what: `connection ${String(body.args?.id)} killed on server ${serverLabel(server)}` }, () => undefined);
    }
    return answer;
  });

  app.get('/api/servers/:id/connections', {
    config: { access: 'viewer', doc: { summary: "The server's open connections (status what=net)", tags, response: connectionsAnswerSchema } },
  }, async (req) => {
    const server = serverOfRequest(ctx, req.params);
    requireRunning(ctx, server);
    const parsed = parseNetStatus(await controlCall(ctx, server, 'status', { what: 'net' }));
    if (typeof parsed === 'string') throw new ApiError(502, ApiErr.CONTROL, parsed);
    return { connections: parsed };
  });

  app.post('/api/servers/:id/connections/:connId/kill', {
    config: { access: 'operator', doc: { summary: 'Disconnect one connection by its id (kill id=N); 404 when the server has no such connection', tags, response: killAnswerSchema } },
  }, async (req) => {
    const { connId } = parseWith(killParamsSchema, req.params, 'the connection id');
    const server = serverOfRequest(ctx, req.params);
    requireRunning(ctx, server);
    const answer = await controlCall(ctx, server, 'kill', { id: connId });
    if (answer.kind === 'error') {
      if (answer.code === 'INVALID_ARGUMENT' || answer.code === 'NOT_CONNECTED') {
        throw new ApiError(404, ApiErr.NOT_FOUND, `server ${serverLabel(server)} has no connection ${connId} (only connections that talked to a handler have an id)`);
      }
      throw new ApiError(502, ApiErr.CONTROL, `kill ${connId} failed: ${answer.code}: ${answer.message}`);
    }
    recordChange(ctx, req, { what: `connection ${connId} killed on server ${serverLabel(server)}` }, () => undefined);
    return { id: connId, status: answer.kind === 'msg' ? (answer.values.status ?? 'OK') : 'OK' };
  });
}
