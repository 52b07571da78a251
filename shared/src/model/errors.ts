// The model's error catalogue and the one place a zod failure becomes the admin API's `fields` list
// (ARCHITECTURE principle 7: `{ error: { code, message, fields } }`). Every check in the model schemas raises a zod
// custom issue carrying a stable `M2_ERR_MODEL_*` code in `params.code`; zod's own issues (wrong type, missing
// field, unknown field) are given codes here, so every field error a client sees has one.
import { z } from 'zod';

/** The stable error codes of the config model, one per kind of refusal. */
export const ModelErr = {
  REQUIRED: 'M2_ERR_MODEL_REQUIRED',
  TYPE: 'M2_ERR_MODEL_TYPE',
  UNKNOWN_FIELD: 'M2_ERR_MODEL_UNKNOWN_FIELD',
  INVALID: 'M2_ERR_MODEL_INVALID',
  EMPTY: 'M2_ERR_MODEL_EMPTY',
  TOO_LONG: 'M2_ERR_MODEL_TOO_LONG',
  ID: 'M2_ERR_MODEL_ID',
  PORT: 'M2_ERR_MODEL_PORT',
  ADDRESS: 'M2_ERR_MODEL_ADDRESS',
  FLAG: 'M2_ERR_MODEL_FLAG',
  LOG_LEVEL: 'M2_ERR_MODEL_LOG_LEVEL',
  ZMQ_ENDPOINT: 'M2_ERR_MODEL_ZMQ_ENDPOINT',
  PROTOCOL: 'M2_ERR_MODEL_PROTOCOL',
  DIR_BASE: 'M2_ERR_MODEL_DIR_BASE',
  INDEX_FILE: 'M2_ERR_MODEL_INDEX_FILE',
  CACHE_TTL: 'M2_ERR_MODEL_CACHE_TTL',
  PATTERN: 'M2_ERR_MODEL_PATTERN',
  TARGET: 'M2_ERR_MODEL_TARGET',
  SETTING_VALUE: 'M2_ERR_MODEL_SETTING_VALUE',
  EXTENSION: 'M2_ERR_MODEL_EXTENSION',
  MIMETYPE: 'M2_ERR_MODEL_MIMETYPE',
  TNETSTRING: 'M2_ERR_MODEL_TNETSTRING',
} as const;

/** One of the model's error codes. */
export type ModelErrorCode = (typeof ModelErr)[keyof typeof ModelErr];

/** One refused field, as the admin API lists it: a dotted path (`hosts.0.name`; '' for the body itself). */
export interface FieldError {
  path: string;
  message: string;
  code: `M2_ERR_${string}`;
}

/** A user's text as messages show it: in single quotes, cut short after 60 characters. */
export function quoted(text: string): string {
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

/** Raises a coded custom issue on `ctx` (at the current path, or `path` below it). */
export function addModelIssue(ctx: z.RefinementCtx, code: `M2_ERR_${string}`, message: string, path?: (string | number)[]): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { code }, ...(path ? { path } : {}) });
}

/** Wraps `schema` with a check: `test` returns null when the value is fine, else the message for `code`. */
export function coded<T extends z.ZodTypeAny>(
  schema: T, code: ModelErrorCode, test: (value: z.output<T>) => string | null,
): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return schema.superRefine((value: z.output<T>, ctx) => {
    const message = test(value);
    if (message !== null) addModelIssue(ctx, code, message);
  }) as z.ZodEffects<T, z.output<T>, z.input<T>>;
}

/** A value of a fixed set, refused with `code` and `message` (the type stays the literal union). */
export function oneOf<const T extends readonly (string | number)[]>(values: T, code: ModelErrorCode, message: string) {
  return z.custom<T[number]>((v) => values.includes(v as T[number]), (v: unknown) => ({
    message: `${message}, not ${typeof v === 'string' ? quoted(v) : (JSON.stringify(v) ?? 'nothing')}`,
    params: { code },
  }));
}

function dotted(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

function issueToField(issue: z.ZodIssue): FieldError[] {
  const path = dotted(issue.path);
  const label = path === '' ? 'the body' : path;
  switch (issue.code) {
    case z.ZodIssueCode.custom: {
      const code: unknown = issue.params?.code;
      const m2 = typeof code === 'string' && code.startsWith('M2_ERR_') ? (code as `M2_ERR_${string}`) : ModelErr.INVALID;
      return [{ path, message: issue.message, code: m2 }];
    }
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined'
        ? [{ path, message: `${label} is required`, code: ModelErr.REQUIRED }]
        : [{ path, message: `${label} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}, not ${issue.received}`, code: ModelErr.TYPE }];
    case z.ZodIssueCode.unrecognized_keys:
      return issue.keys.map((k) => ({
        path: dotted([...issue.path, k]), message: `${k} is not a field here`, code: ModelErr.UNKNOWN_FIELD,
      }));
    default:
      return [{ path, message: issue.message, code: ModelErr.INVALID }];
  }
}

/** Flattens a zod failure into the API's field list, one entry per problem, in zod's order. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap(issueToField);
}
