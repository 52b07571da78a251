// The `setting` table as the server reads it: Setting_get_int / Setting_get_str in src/setting.c, with the
// defaults of spec §8. Values are text; integers are read with C's atoi (leading digits, else 0).

/** Every setting the server reads, with Mongrel2's defaults (spec §8). */
export const SETTING_DEFAULTS = {
  'zeromq.threads': 1,
  control_port: 'ipc://run/control',
  'upload.temp_store': '',
  'upload.temp_store_mode': '0600',
  'upload.stream': 0,
  'download.flow_control': 0,
  'limits.content_length': 20480,
  'limits.buffer_size': 4096,
  'limits.connection_stack_size': 32768,
  'limits.client_read_retries': 5,
  'limits.proxy_read_retries': 100,
  'limits.proxy_read_retry_warn': 10,
  'limits.header_count': 1280,
  'limits.handler_targets': 128,
  'limits.handler_stack': 102400,
  'limits.fdtask_stack': 102400,
  'limits.host_name': 256,
  'limits.url_path': 256,
  'limits.dir_max_path': 256,
  'limits.dir_send_buffer': 16384,
  'limits.mime_ext_len': 128,
  'limits.tick_timer': 10,
  'limits.min_ping': 120,
  'limits.min_read_rate': 300,
  'limits.min_write_rate': 300,
  'limits.kill_limit': 2,
  'superpoll.max_fd': 10240,
  'superpoll.hot_dividend': 4,
  'server.daemonize': 1,
  'disable.access_logging': 0,
  no_clobber_xff: 0,
  'net.tcp_keepalive': 0,
  'request.relaxed': 0,
  certdir: '',
  ssl_ciphers: '',
  'ssl.ca_chain': '',
  'ssl.verify_optional': 0,
  'ssl.verify_required': 0,
} as const;

/** A known setting's name. */
export type SettingKey = keyof typeof SETTING_DEFAULTS;

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
    const v = this.values.get(key);
    return v === undefined ? Number(SETTING_DEFAULTS[key]) : atoi(v);
  }

  /** A string setting, or its default. */
  str(key: SettingKey): string {
    return this.values.get(key) ?? String(SETTING_DEFAULTS[key]);
  }

  /** Every stored setting, in row order. */
  entries(): [string, string][] {
    return [...this.values];
  }
}
