// The console's transfer area (issue 6 §6–§7): the configuration in and out as m2sh config files (export,
// import preview, import), the whole database in and out (backup, restore), and the route tester. Each file
// registers its own routes; this one only gathers them.
import type { FastifyInstance } from 'fastify';
import type { AdminContext } from '../context.js';
import { registerBackupRoutes } from './backup.js';
import { registerExportRoutes } from './export.js';
import { registerImportRoutes } from './import.js';
import { registerRouteTestRoutes } from './route-test.js';

/** Registers the export, import, backup/restore and route-test routes. */
export function registerTransferRoutes(app: FastifyInstance, ctx: AdminContext): void {
  registerExportRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerBackupRoutes(app, ctx);
  registerRouteTestRoutes(app, ctx);
}
