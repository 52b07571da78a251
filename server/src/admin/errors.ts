// The console API's one place where refusals become answers (ARCHITECTURE principle 7): an ApiError carries its
// HTTP status, a stable code from shared/src/api/errors.ts and the fields at fault; Fastify's own errors (bad
// JSON, too large, validation) and unexpected throws are mapped here too. No stack traces on the wire.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ApiErr, fieldErrors, type ApiErrorBody, type FieldError } from '@m2/shared';

/** A refusal the API answers with `{ error: { code, message, fields?, current? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly current?: unknown,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The answer's body. */
  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.current !== undefined ? { current: this.current } : {}),
        ...(this.detail !== undefined ? { detail: this.detail } : {}),
      },
    };
  }
}

/** 404 for a resource that is not there. */
export function notFound(what: string): ApiError {
  return new ApiError(404, ApiErr.NOT_FOUND, `${what} not found`);
}

/** 400 with the fields a zod schema refused. */
export function invalid(error: z.ZodError, what = 'the request'): ApiError {
  const fields = fieldErrors(error);
  const first = fields[0];
  const message = first ? `${what} is invalid: ${first.message}${fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''}` : `${what} is invalid`;
  return new ApiError(400, ApiErr.VALIDATION, message, fields);
}

/** Parses `value` with `schema` or throws the API's 400 naming every field at fault. */
export function parseWith<S extends z.ZodTypeAny>(schema: S, value: unknown, what?: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error, what);
  return r.data as z.output<S>;
}

/** Installs the error and not-found answers on `app`; with `spaIndex`, a browser's GET of a non-/api path gets the
 *  SPA (which routes itself) instead of a 404. */
export function installErrorHandling(app: FastifyInstance, spaIndex: Buffer | null = null): void {
  app.setNotFoundHandler((req, reply) => {
    if (spaIndex && req.method === 'GET' && !req.url.startsWith('/api/') && req.headers.accept?.includes('text/html')) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(spaIndex);
    }
    return reply.code(404).send(new ApiError(404, ApiErr.NOT_FOUND, `no such endpoint: ${req.method} ${req.url.split('?')[0]}`).body());
  });
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(err.body());
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) return reply.code(413).send(new ApiError(413, ApiErr.TOO_LARGE, 'the request body is too large').body());
    if (status >= 400 && status < 500) {
      const code = status === 429 ? ApiErr.RATE_LIMITED : ApiErr.BAD_REQUEST;
      return reply.code(status).send(new ApiError(status, code, err.message).body());
    }
    req.log.error({ err }, 'unexpected error');
    return reply.code(500).send(new ApiError(500, ApiErr.INTERNAL, 'internal error; the console log has the details').body());
  });
}
