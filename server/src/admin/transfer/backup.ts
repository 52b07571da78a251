// GET /api/backup and POST /api/backup (issue 6 §6, admin only): download the whole config.sqlite, made
// consistently while the console and servers run, and restore one — the upload (the raw file, as
// application/vnd.sqlite3 or application/octet-stream) is checked first, then Mongrel2's config tables are
// replaced in one transaction with a `log` row whose why comes from the `M2-Why` header or `?why=`.
import { createReadStream, fstatSync, openSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiErr, restoreResultSchema, type RestoreResult } from '@m2/shared';
import { recordChange, whyOf } from '../changes.js';
import type { AdminContext } from '../context.js';
import { ApiError } from '../errors.js';
import { backupToTemp, openUpload } from './backup-file.js';
import { restoreTables } from './restore.js';

/** The media types a database upload may be sent as. */
export const SQLITE_TYPES = ['application/vnd.sqlite3', 'application/octet-stream'] as const;

/** The download's file name: the database's own when it is plain, else `config.sqlite`. */
function downloadName(dbPath: string): string {
  const name = basename(dbPath);
  return /^[\w.-]+$/.test(name) ? name : 'config.sqlite';
}

/** Registers the backup download and the restore. */
export function registerBackupRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/api/backup', {
    config: {
      access: 'admin',
      doc: { summary: 'The whole config database (a consistent copy) as a file to keep', tags: ['transfer'], produces: SQLITE_TYPES[0] },
    },
  }, async (_req, reply) => {
    const file = backupToTemp(ctx.db);
    // Open, then delete at once: the open descriptor keeps the data readable until the stream closes it.
    let fd: number;
    try {
      fd = openSync(file.path, 'r');
    } finally {
      file.cleanup();
    }
    return reply
      .header('content-type', SQLITE_TYPES[0])
      .header('content-length', fstatSync(fd).size)
      .header('content-disposition', `attachment; filename="${downloadName(ctx.dbPath)}"`)
      .send(createReadStream('', { fd }));
  });

  // The raw-file parsers live in their own scope so that no other route accepts a binary body.
  void app.register(async (scope) => {
    scope.addContentTypeParser([...SQLITE_TYPES], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/api/backup', {
      config: {
        access: 'admin',
        doc: {
          summary: 'Restores Mongrel2\'s config tables from a backup (raw file body; why in M2-Why or ?why=); users and the log are kept',
          tags: ['transfer'],
          response: restoreResultSchema,
        },
      },
    }, async (req): Promise<RestoreResult> => {
      const why = whyOf(req)?.trim();
      if (!why) {
        const message = 'why is required: send it in the M2-Why header or as ?why=';
        throw new ApiError(400, ApiErr.VALIDATION, message, [{ path: 'why', message, code: ApiErr.VALIDATION }]);
      }
      if (!Buffer.isBuffer(req.body)) {
        const message = `send the database file itself as the body, with Content-Type ${SQLITE_TYPES.join(' or ')}`;
        throw new ApiError(400, ApiErr.VALIDATION, message, [{ path: 'body', message, code: ApiErr.VALIDATION }]);
      }
      const upload = openUpload(req.body);
      try {
        const rows = recordChange(ctx, req, { what: 'restore backup', why }, (db) => restoreTables(db, upload));
        return { restored: true, rows };
      } finally {
        upload.close();
      }
    });
  });
}
