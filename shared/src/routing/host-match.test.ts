// Spec §5.2: host selection by the Host header, with the OBSERVED behaviour of hosts `example.com` and
// `(.*).wild.org` next to the default host `localhost`.
import { describe, expect, it } from 'vitest';
import { defaultHostIndex, hostnameOf, selectHost, type HostReason } from './host-match.js';

const HOSTS = [
  { name: 'localhost', matching: 'localhost' },
  { name: 'example.com', matching: 'example.com' },
  { name: 'wild', matching: '(.*).wild.org' },
];

describe('spec §5.2 OBSERVED host selection', () => {
  it.each<[string | undefined, string | null, HostReason]>([
    ['example.com', 'example.com', 'suffix'],
    ['www.example.com', 'example.com', 'suffix'],
    ['notexample.com', 'example.com', 'suffix'], // no dot boundary
    ['ample.com', 'example.com', 'extension'], // the TST extension quirk
    ['EXAMPLE.COM', 'localhost', 'default'], // case-sensitive
    ['a.wild.org', 'wild', 'pattern'],
    ['wild.org', 'localhost', 'default'],
    ['example.com:8080', 'example.com', 'suffix'], // the port is cut at the first `:`
    ['localhost:16767', 'localhost', 'suffix'],
    [undefined, 'localhost', 'default'], // no Host header
    ['', 'localhost', 'default'],
    ['nowhere.net', 'localhost', 'default'],
  ])('Host: %s → %s (%s)', (header, expected, reason) => {
    const s = selectHost(HOSTS, 'localhost', header);
    expect(s.host?.name ?? null).toBe(expected);
    expect(s.reason).toBe(reason);
  });
});

describe('selection details', () => {
  it('says why it fell back to the default host', () => {
    expect(selectHost(HOSTS, 'localhost', undefined)).toMatchObject({ fallback: 'no-host-header', hostname: null, header: null });
    expect(selectHost(HOSTS, 'localhost', 'EXAMPLE.COM')).toMatchObject({ fallback: 'no-key', found: null });
    const wild = selectHost(HOSTS, 'localhost', 'wild.org');
    expect(wild).toMatchObject({ fallback: 'pattern-failed', found: { text: '(.*).wild.org', prefix: 'gro.dliw.' } });
    expect(wild.attempts.map((a) => a.outcome)).toEqual(['too-short']);
    expect(selectHost(HOSTS, 'localhost', 'b.wild.org:80')).toMatchObject({ reason: 'pattern', hostname: 'b.wild.org', index: 2 });
  });

  it('returns no host when nothing matches and no host has the default name', () => {
    expect(selectHost(HOSTS, 'missing', 'nowhere.net')).toMatchObject({ reason: 'none', host: null, index: null });
  });

  it('lets the first inserted of two hosts with the same key win', () => {
    const hosts = [
      { name: 'one', matching: 'same.org' },
      { name: 'two', matching: 'same.org' },
    ];
    expect(selectHost(hosts, 'one', 'same.org').host?.name).toBe('one');
  });

  it('is plain JSON data', () => {
    const s = selectHost(HOSTS, 'localhost', 'www.example.com');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('cuts the hostname at the first colon only', () => {
    expect(hostnameOf('a:b:c')).toBe('a');
    expect(hostnameOf('plain')).toBe('plain');
  });

  it('takes the last host row named like the default host', () => {
    expect(defaultHostIndex([{ name: 'a', matching: 'x' }, { name: 'a', matching: 'y' }], 'a')).toBe(1);
    expect(defaultHostIndex([], 'a')).toBe(-1);
  });
});
