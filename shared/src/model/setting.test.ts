// The setting schema and the settings catalogue: the corpus settings (ws_mongrel2.conf, configs_mongrel2.conf),
// rows as m2sh writes them (numbers stored as their text), the catalogue against spec §8, and value checks.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import { settingFromRow, settingInputSchema, settingSchema, settingToRow, type Setting, type SettingRow } from './setting.js';
import { SETTINGS_CATALOG, checkSettingValue, isKnownSetting } from './settings-catalog.js';

// `m2sh load` of ws_mongrel2.conf: `"limits.client_read_retries" : 80` is stored as the text '80'.
const rows: SettingRow[] = [
  { id: 1, key: 'zeromq.threads', value: '1' },
  { id: 2, key: 'limits.min_ping', value: '0' },
  { id: 5, key: 'limits.client_read_retries', value: '80' },
];

function errors(value: unknown): [string, string][] {
  const r = settingInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('setting', () => {
  it('maps the rows m2sh writes to API values and back', () => {
    for (const row of rows) {
      const value: Setting = settingFromRow(row);
      expect(value).toEqual(row);
      expect(settingToRow(value)).toEqual(row);
      expect(settingSchema.parse(value)).toEqual(value);
      expect(settingFromRow(settingToRow(value))).toEqual(value);
    }
  });

  it('accepts the corpus settings and unknown keys with any value', () => {
    const corpus: [string, string][] = [['zeromq.threads', '1'], ['upload.temp_store', '/home/zedshaw/projects/mongrel2/tmp/upload.XXXXXX'],
      ['upload.temp_store_mode', '0666'], ['limits.min_write_rate', '0'], ['my.own.key', 'anything at all'], ['x', '']];
    for (const [key, value] of corpus) expect(errors({ key, value })).toEqual([]);
    expect(settingToRow(settingInputSchema.parse({ key: 'zeromq.threads', value: '2' }))).toEqual({ key: 'zeromq.threads', value: '2' });
  });

  it.each([
    ['key', { key: '', value: '1' }, 'M2_ERR_MODEL_EMPTY'],
    ['value', { key: 'zeromq.threads', value: 1 }, 'M2_ERR_MODEL_TYPE'],
    ['value', { key: 'limits.min_ping', value: '10k' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'limits.min_ping', value: '-1' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'limits.buffer_size', value: '' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'limits.buffer_size', value: '99999999999' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'server.daemonize', value: 'true' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'request.relaxed', value: '2' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'control_port', value: 'run/control' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'certdir', value: './certs' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'upload.temp_store', value: '/tmp/upload' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['value', { key: 'upload.temp_store_mode', value: '600' }, 'M2_ERR_MODEL_SETTING_VALUE'],
    ['id', { id: 0, key: 'x', value: '' }, 'M2_ERR_MODEL_ID'],
  ])('refuses a bad %s (%j) with %s', (path, body, code) => {
    expect(errors(body)).toEqual([[path, code]]);
  });

  it('checks a stored setting the same way', () => {
    const r = settingSchema.safeParse({ id: 3, key: 'net.tcp_keepalive', value: 'yes' });
    expect(r.success ? [] : fieldErrors(r.error)).toEqual([
      { path: 'value', message: "net.tcp_keepalive must be 0 or 1, not 'yes'", code: 'M2_ERR_MODEL_SETTING_VALUE' },
    ]);
  });
});

describe('settings catalogue', () => {
  it('lists every setting of spec §8 with its default and kind', () => {
    expect(Object.keys(SETTINGS_CATALOG)).toHaveLength(38);
    expect(SETTINGS_CATALOG['limits.content_length']).toMatchObject({ default: '20480', type: 'int' });
    expect(SETTINGS_CATALOG.control_port).toMatchObject({ default: 'ipc://run/control', type: 'string' });
    expect(SETTINGS_CATALOG['upload.temp_store_mode']).toMatchObject({ default: '0600', type: 'int' });
    expect(SETTINGS_CATALOG['server.daemonize']).toMatchObject({ default: '1', type: 'bool' });
    expect(SETTINGS_CATALOG.certdir.default).toBeNull();
  });

  it('gives every entry its own key, a default its own check accepts, and a one-line help text', () => {
    for (const [key, info] of Object.entries(SETTINGS_CATALOG)) {
      expect(info.key).toBe(key);
      expect(isKnownSetting(key)).toBe(true);
      if (info.default !== null) expect(checkSettingValue(key, info.default)).toBeNull();
      expect(info.help).toMatch(/^[A-Z].{10,120}\.$/);
      expect(info.help).not.toContain('\n');
    }
  });

  it('knows no other keys, and checks nothing for them', () => {
    expect(isKnownSetting('toString')).toBe(false);
    expect(isKnownSetting('limits.unknown')).toBe(false);
    expect(checkSettingValue('limits.unknown', '10k')).toBeNull();
  });
});
