// Placeholder while this area is being built; replaced by its real module.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';

/** Registers this area's routes. */
export function registerModelRoutes(_app: FastifyInstance, _ctx: AdminContext): void {}
