// Host-address vectors: IPv4 as inet_pton takes it, the RFC 4291 §2.2 IPv6 text forms, RFC 1123 host names, and
// what checkHostAddress says about the rest.
import { describe, expect, it } from 'vitest';
import { checkHostAddress, isHostname, isIpv4, isIpv6 } from './net-address.js';

describe('isIpv4', () => {
  it.each(['0.0.0.0', '127.0.0.1', '255.255.255.255', '10.0.0.2', '192.168.1.10'])('accepts %s', (a) => {
    expect(isIpv4(a)).toBe(true);
  });
  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..2.3', ' 1.2.3.4', '1.2.3.4 ', ''])('refuses %j', (a) => {
    expect(isIpv4(a)).toBe(false);
  });
});

describe('isIpv6', () => {
  it.each(['::', '::1', '1::', 'fe80::1', 'fe80::1%eth0', '2001:db8::ff00:42:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329',
    '::ffff:10.0.0.1', '64:ff9b::192.0.2.33', '1:2:3:4:5:6:7::', '1:2:3:4:5:6:1.2.3.4'])('accepts %s', (a) => {
    expect(isIpv6(a)).toBe(true);
  });
  it.each([':1', '1:', ':::', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8',
    '1.2.3.4::', '::1.2.3', 'fe80::1%', '[::1]', ''])('refuses %j', (a) => {
    expect(isIpv6(a)).toBe(false);
  });
});

describe('isHostname', () => {
  it.each(['localhost', 'mongrel2.org', 'ashley-jason.com', 'api.example.com.', 'eth0', 'my_host', 'a'.repeat(63) + '.com', 'x1'])(
    'accepts %s', (a) => {
      expect(isHostname(a)).toBe(true);
    },
  );
  it.each(['', '.', '-bad.com', 'bad-.com', 'a..b', 'a'.repeat(64) + '.com', 'has space', 'a/b', 'x:80', '1.2.3.999', '12',
    `${'a'.repeat(60)}.`.repeat(5)])('refuses %j', (a) => {
    expect(isHostname(a)).toBe(false);
  });
});

describe('checkHostAddress', () => {
  it('accepts literals of both families and names', () => {
    for (const a of ['0.0.0.0', '::', 'localhost']) expect(checkHostAddress(a)).toBeNull();
  });

  it('says what is wrong, to follow a field name', () => {
    expect(checkHostAddress('')).toBe('must not be empty');
    expect(checkHostAddress('[::1]')).toBe("must be written without brackets: '::1'");
    expect(checkHostAddress('http://x')).toBe("'http://x' is not an IPv4 address, an IPv6 address or a host name");
  });
});
