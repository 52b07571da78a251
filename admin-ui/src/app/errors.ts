// How the console reads a refusal (principle 7): the API's coded error becomes a one-line message for a toast and
// a path → message map for inline form errors. Anything else (network down, a bug) still gets a real message.
import { ApiClientError } from '@m2/shared';

/** The error's message as an operator should read it, with its code. */
export function describeError(e: unknown): { title: string; detail?: string } {
  if (e instanceof ApiClientError) return { title: e.message, detail: e.code };
  if (e instanceof TypeError) return { title: 'The console cannot reach its server', detail: e.message };
  return { title: e instanceof Error ? e.message : String(e) };
}

/** Field errors by dotted path ('' = the body as a whole). */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiClientError) for (const f of e.fields) out[f.path] ??= f.message;
  return out;
}

/** Whether the error is the API saying "sign in first". */
export function isSignedOut(e: unknown): boolean {
  return e instanceof ApiClientError && e.status === 401;
}
