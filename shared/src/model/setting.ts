// The `setting` table (spec §1.1, §8): global key/value tuning, read by every server in the database. Values are
// text, as m2sh stores them (a number in a config file is written as its digits). A key the server knows gets its
// value checked by the catalogue (settings-catalog.ts); any other key is kept, as the server simply ignores it.
import { z } from 'zod';
import { ModelErr, addModelIssue } from './errors.js';
import { idSchema, nonEmptySchema, textSchema } from './fields.js';
import { checkSettingValue } from './settings-catalog.js';

const fields = {
  key: nonEmptySchema('key'),
  value: textSchema('value'),
};

function checkKnownValue(v: { key: string; value: string }, ctx: z.RefinementCtx): void {
  const problem = checkSettingValue(v.key, v.value);
  if (problem !== null) addModelIssue(ctx, ModelErr.SETTING_VALUE, problem, ['value']);
}

/** A setting as the admin API shows it. */
export const settingSchema = z.object({ id: idSchema, ...fields }).superRefine(checkKnownValue);

/** What a client sends to create or replace a setting. */
export const settingInputSchema = z.object({ ...fields, id: idSchema.optional() }).strict().superRefine(checkKnownValue);

/** A setting. */
export type Setting = z.infer<typeof settingSchema>;
/** A setting as a client may send it. */
export type SettingInput = z.input<typeof settingInputSchema>;

/** A `setting` row's columns as the C m2sh writes them, without the id. */
export interface SettingColumns {
  key: string;
  value: string;
}

/** A `setting` row as SQLite returns it. */
export interface SettingRow extends SettingColumns {
  id: number;
}

/** Maps a row to the API's value (no validation). */
export function settingFromRow(row: SettingRow): Setting {
  return { id: row.id, key: row.key, value: row.value };
}

/** Maps a value to its row: with `id` when the value has one, without for an insert. */
export function settingToRow(value: Setting): SettingRow;
export function settingToRow(value: z.output<typeof settingInputSchema>): SettingColumns & { id?: number };
export function settingToRow(value: z.output<typeof settingInputSchema>): SettingColumns & { id?: number } {
  return { ...(value.id === undefined ? {} : { id: value.id }), key: value.key, value: value.value };
}
