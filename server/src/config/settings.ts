// The `setting` table as the server reads it: Setting_get_int / Setting_get_str in src/setting.c, with the
// defaults of spec §8 from the shared settings catalogue. Values are text; integers are read with C's atoi.
import { SETTINGS_CATALOG, type KnownSettingKey } from '@m2/shared';

/** A known setting's name (the settings catalogue in shared/src/model, spec §8). */
export type SettingKey = KnownSettingKey;

/** C's atoi: optional whitespace and sign, then leading digits; anything else is 0. */
export function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  if (!m) return 0;
  const n = Number.parseInt(m[1]!, 10);
  return Math.max(-2147483648, Math.min(2147483647, n));
}

/** The settings of a config database, read-only, with typed getters falling back to Mongrel2's defaults. */
export class Settings {
  private readonly values: ReadonlyMap<string, string>;

  constructor(rows: Iterable<[key: string, value: string]>) {
    // A repeated key: the last row wins (Setting_add's duplicate check is broken, spec §1.3).
    this.values = new Map(rows);
  }

  /** The raw text of a setting, or undefined when it is not set. */
  raw(key: string): string | undefined {
    return this.values.get(key);
  }

  /** An integer setting (atoi of its text), or its default. */
  int(key: SettingKey): number {
    const v = this.values.get(key) ?? SETTINGS_CATALOG[key].default;
    return v === null ? 0 : atoi(v);
  }

  /** A string setting, or its default. */
  str(key: SettingKey): string {
    return this.values.get(key) ?? SETTINGS_CATALOG[key].default ?? '';
  }

  /** Every stored setting, in row order. */
  entries(): [string, string][] {
    return [...this.values];
  }
}
