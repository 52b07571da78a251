// ConfigError as the loader uses it too: file:line:col, the source line, and a caret that lines up.

import { describe, expect, it } from 'vitest';
import { ConfigError } from './error.js';
import * as lang from './index.js';

describe('ConfigError', () => {
  it('renders file:line:col, the line, and a caret, keeping tabs in the padding', () => {
    const source = 'a = 1\n\tb =\t[x]\r\nc = 2';
    const err = new ConfigError('M2_ERR_CONFIG_SYNTAX', 'bad x', 'f.conf', source, { line: 2, col: 7, offset: 12 });
    expect(err).toMatchObject({ name: 'ConfigError', code: 'M2_ERR_CONFIG_SYNTAX', file: 'f.conf', line: 2, col: 7, offset: 12, message: 'bad x' });
    expect(err.sourceLine).toBe('\tb =\t[x]');
    expect(err.render()).toBe('f.conf:2:7: bad x\n\tb =\t[x]\n\t   \t ^');
    expect(err).toBeInstanceOf(Error);
  });

  it('pads past the end of the line and accepts the loader own codes', () => {
    const err = new ConfigError('M2_ERR_CONFIG_MISSING', 'missing uuid', 'f.conf', 'x = Server()', { line: 1, col: 14, offset: 12 });
    expect(err.render()).toBe('f.conf:1:14: missing uuid\nx = Server()\n             ^');
  });

  it('is exported with parseConfig from the folder index', () => {
    expect(lang.ConfigError).toBe(ConfigError);
    expect(lang.parseConfig('servers = []', 's.conf')).toMatchObject({ syntax: 'm2sh', file: 's.conf', statements: [{ kind: 'assign', name: 'servers' }] });
    expect(lang.detectSyntax('commit([])')).toBe('python');
  });
});
