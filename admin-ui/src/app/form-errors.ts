// How every form of the console holds its errors (principle 7): the shared zod schema's issues on submit, else the
// API's field errors, both keyed by the dotted path and worded as the API would (shared fieldErrors), plus the
// stale-write case (409 M2_ERR_API_STALE) that asks the operator to reload. One map feeds the fields; what no field
// shows goes to the form's <FormError>.
import { useState } from 'react';
import type { z } from 'zod';
import { ApiClientError, ApiErr, fieldErrors } from '@m2/shared';
import { describeError } from './errors';

/** What a form says when its record changed under it. */
export const STALE_MESSAGE = 'Changed by someone else since you opened it';

/** Field errors by dotted path ('' = the body), first message per path. */
export type FieldErrors = Record<string, string>;

/** A zod failure as the API would report it: path → message (the shared model's own wording). */
export function zodErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fieldErrors(error)) out[f.path] ??= f.message;
  return out;
}

/** Validates `body` with `schema`: the errors by path, empty when it passes. */
export function validate(schema: z.ZodTypeAny, body: unknown): FieldErrors {
  const r = schema.safeParse(body);
  return r.success ? {} : zodErrorsOf(r.error);
}

/** Whether `e` is the API refusing a write based on an older version. */
export function isStale(e: unknown): boolean {
  return e instanceof ApiClientError && e.code === ApiErr.STALE;
}

/** What no shown field explains: the messages at paths not in `shown`, or the refusal's own message when it
 *  named no field at all. FormProblem words a stale write its own way before asking. */
export function leftoverMessage(errors: FieldErrors, shown: readonly string[], apiError: unknown): string | null {
  const rest = Object.entries(errors).filter(([p]) => !shown.includes(p)).map(([p, m]) => (p && !m.includes(p) ? `${p}: ${m}` : m));
  if (rest.length) return rest.join('; ');
  if (apiError && Object.keys(errors).length === 0) return describeError(apiError).title;
  return null;
}

/** What useFormErrors gives a form. */
export interface FormErrors {
  /** The errors to show by path: the client-side check's while it holds, else the API's. */
  errors: FieldErrors;
  /** Whether `errors` are the client-side check's (so the API's refusal is not the form's to show). */
  fromClient: boolean;
  /** Records a client-side result; true when it found nothing and the form may be sent. */
  check: (found: FieldErrors) => boolean;
  /** Forgets the client-side result, so the API's errors show again (an edit answering the check). */
  clear: () => void;
  /** Shows no errors at all, the API's included, until the next `check` (an edit that makes them all moot). */
  hide: () => void;
}

/** A form's errors: the client-side check's while the last submit failed it, else the API's `apiErrors`. */
export function useFormErrors(apiErrors: FieldErrors): FormErrors {
  const [client, setClient] = useState<FieldErrors | null>(null);
  const check = (found: FieldErrors) => {
    const ok = Object.keys(found).length === 0;
    setClient(ok ? null : found);
    return ok;
  };
  return {
    errors: client ?? apiErrors, fromClient: client !== null, check,
    clear: () => setClient(null), hide: () => setClient({}),
  };
}
