// The admin API's error catalogue and wire shape (ARCHITECTURE principle 7): every refusal is
// `{ error: { code, message, fields? } }` with a stable `M2_ERR_*` code, rendered in one place on the server
// (server/src/admin/errors.ts) and read in one place by the console's client. Field errors come from the model's
// schemas (shared/src/model/errors.ts) and keep their own `M2_ERR_MODEL_*` codes.
import { z } from 'zod';

/** The admin API's own error codes. */
export const ApiErr = {
  VALIDATION: 'M2_ERR_API_VALIDATION',
  NOT_FOUND: 'M2_ERR_API_NOT_FOUND',
  CONFLICT: 'M2_ERR_API_CONFLICT',
  STALE: 'M2_ERR_API_STALE',
  IN_USE: 'M2_ERR_API_IN_USE',
  UNAUTHENTICATED: 'M2_ERR_API_UNAUTHENTICATED',
  FORBIDDEN: 'M2_ERR_API_FORBIDDEN',
  CSRF: 'M2_ERR_API_CSRF',
  RATE_LIMITED: 'M2_ERR_API_RATE_LIMITED',
  BAD_REQUEST: 'M2_ERR_API_BAD_REQUEST',
  TOO_LARGE: 'M2_ERR_API_TOO_LARGE',
  NOT_RUNNING: 'M2_ERR_API_NOT_RUNNING',
  CONTROL: 'M2_ERR_API_CONTROL',
  APPLY_FAILED: 'M2_ERR_API_APPLY_FAILED',
  BUSY: 'M2_ERR_API_BUSY',
  INTERNAL: 'M2_ERR_API_INTERNAL',
} as const;

/** One of the admin API's error codes. */
export type ApiErrorCode = (typeof ApiErr)[keyof typeof ApiErr];

/** One refused field: a dotted path into the body ('' for the body itself). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string(),
});

/** The body of every error answer. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    /** For a stale write (409 M2_ERR_API_STALE): the resource as it is now. */
    current: z.unknown().optional(),
    /** What the failed operation did before it failed (an apply's per-server outcome and its rollback). */
    detail: z.unknown().optional(),
  }),
});

/** The body of every error answer. */
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
