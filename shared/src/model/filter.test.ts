// The filter / xrequest schema: configs_filters.conf's null.so filter as m2sh stores it (its settings dict rendered
// as a tnetstring in m2sh's key order), the empty-settings default, and the refusals.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  EMPTY_PLUGIN_SETTINGS, filterFromRow, filterInputSchema, filterSchema, filterToRow, pluginSettingsProblem,
  xrequestInputSchema, type Filter, type FilterRow,
} from './filter.js';

// `m2sh load` of configs_filters.conf.
const row: FilterRow = {
  id: 1, server_id: 1, name: '/usr/local/lib/mongrel2/filters/null.so',
  settings: '53:8:min_size,4:1000#10:extensions,17:6:*.html,5:*.txt,]}',
};
const filter: Filter = {
  id: 1, serverId: 1, name: '/usr/local/lib/mongrel2/filters/null.so',
  settings: '53:8:min_size,4:1000#10:extensions,17:6:*.html,5:*.txt,]}',
};

function errors(value: unknown): [string, string][] {
  const r = filterInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

const ok = { serverId: 1, name: '/usr/local/lib/mongrel2/filters/sendfile.so', settings: '0:}' };

describe('filter and xrequest', () => {
  it('maps the row m2sh writes to the API value and back, byte for byte', () => {
    expect(filterFromRow(row)).toEqual(filter);
    expect(filterToRow(filter)).toEqual(row);
    expect(filterSchema.parse(filter)).toEqual(filter);
    expect(filterFromRow(filterToRow({ ...filter, id: 2, serverId: 3 }))).toEqual({ ...filter, id: 2, serverId: 3 });
  });

  it('defaults settings to an empty dict; xrequests share the schema', () => {
    const { settings: _s, ...noSettings } = ok;
    expect(filterInputSchema.parse(noSettings).settings).toBe(EMPTY_PLUGIN_SETTINGS);
    expect(xrequestInputSchema.parse(ok)).toEqual(ok);
    expect(filterToRow(filterInputSchema.parse(ok))).toEqual({ server_id: 1, name: ok.name, settings: '0:}' });
  });

  it('wants the settings to be one whole tnetstring dict', () => {
    expect(pluginSettingsProblem(row.settings)).toBeNull();
    expect(pluginSettingsProblem('0:]')).toBe('settings must be a tnetstring dict (ending in })');
    expect(pluginSettingsProblem('0:}0:}')).toMatch(/^settings is not a tnetstring: trailing data/);
    expect(pluginSettingsProblem('{"min_size": 1000}')).toMatch(/^settings is not a tnetstring/);
  });

  it.each([
    ['settings', { settings: '' }, 'M2_ERR_MODEL_TNETSTRING'],
    ['settings', { settings: '5:hello,' }, 'M2_ERR_MODEL_TNETSTRING'],
    ['settings', { settings: '9:8:min_size}' }, 'M2_ERR_MODEL_TNETSTRING'],
    ['settings', { settings: { min_size: 1000 } }, 'M2_ERR_MODEL_TYPE'],
    ['name', { name: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['serverId', { serverId: 0 }, 'M2_ERR_MODEL_ID'],
    ['serverId', { serverId: undefined }, 'M2_ERR_MODEL_REQUIRED'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ ...ok, ...patch })).toEqual([[path, code]]);
  });
});
