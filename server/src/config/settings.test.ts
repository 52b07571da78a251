// The server's reading of the setting table: Mongrel2's defaults when unset, C's atoi for integers, the last of
// repeated keys winning (Setting_add's broken duplicate check, spec §1.3).
import { describe, expect, it } from 'vitest';
import { atoi, Settings } from './settings.js';

describe('Settings', () => {
  it('falls back to the defaults of spec §8', () => {
    const s = new Settings([]);
    expect(s.int('limits.content_length')).toBe(20480);
    expect(s.int('limits.buffer_size')).toBe(4096);
    expect(s.int('limits.kill_limit')).toBe(2);
    expect(s.int('server.daemonize')).toBe(1);
    expect(s.str('control_port')).toBe('ipc://run/control');
    expect(s.str('upload.temp_store')).toBe('');
    expect(s.str('upload.temp_store_mode')).toBe('0600');
  });

  it('reads stored values, the last of a repeated key winning', () => {
    const s = new Settings([['limits.content_length', '10'], ['zeromq.threads', '2'], ['limits.content_length', '99']]);
    expect(s.int('limits.content_length')).toBe(99);
    expect(s.int('zeromq.threads')).toBe(2);
    expect(s.raw('nope')).toBeUndefined();
  });

  it('reads integers as C atoi does', () => {
    expect([atoi('42'), atoi('  7x'), atoi('-3'), atoi('+5'), atoi('x1'), atoi(''), atoi('99999999999')]).toEqual([42, 7, -3, 5, 0, 0, 2147483647]);
  });
});
