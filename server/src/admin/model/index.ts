// The model API (issue 6 §1-2): list/read/create/replace/delete for every config table, and the commit log.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { registerCrud } from './crud.js';
import { registerLogRoutes } from './log-routes.js';
import { RESOURCES } from './resources.js';

/** Registers the model routes. */
export function registerModelRoutes(app: FastifyInstance, ctx: AdminContext): void {
  for (const res of RESOURCES) registerCrud(app, ctx, res);
  registerLogRoutes(app, ctx);
}
