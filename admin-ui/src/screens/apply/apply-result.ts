// What an apply (or a restore that applies) came to, read from the mutation's answer or its error: a success
// carries the ApplyOutcome; a 409 M2_ERR_API_APPLY_FAILED carries it in the error's detail (with the rollback);
// a 400 lists per-server validation problems; anything else is a plain refusal.
import { ApiClientError, ApiErr, type ApplyOutcome } from '@m2/shared';
import { describeError } from '../../app/errors';

/** The honest outcome of an apply, ready to render. */
export interface ApplyResult {
  applied: boolean;
  /** Why it was not applied (the API's message) and its code. */
  message?: string;
  code?: string;
  /** What happened on each server, and the rollback (when the API says). */
  outcome?: ApplyOutcome;
  /** Problems the validation found, one per server and problem. */
  problems: { path: string; message: string }[];
}

function isOutcome(v: unknown): v is ApplyOutcome {
  return typeof v === 'object' && v !== null && Array.isArray((v as ApplyOutcome).servers) && typeof (v as ApplyOutcome).ok === 'boolean';
}

/** Reads an apply's answer (`outcome`) or failure (`error`); null when there is neither yet. */
export function readApplyResult(outcome: ApplyOutcome | undefined, error: unknown): ApplyResult | null {
  if (error) {
    if (error instanceof ApiClientError) {
      const detail = error.code === ApiErr.APPLY_FAILED && isOutcome(error.body.detail) ? error.body.detail : undefined;
      return { applied: false, message: error.message, code: error.code, outcome: detail, problems: error.fields.map((f) => ({ path: f.path, message: f.message })) };
    }
    const d = describeError(error);
    return { applied: false, message: d.title, code: d.detail, problems: [] };
  }
  if (!outcome) return null;
  return { applied: outcome.ok, message: outcome.ok ? undefined : outcome.error, outcome, problems: [] };
}
