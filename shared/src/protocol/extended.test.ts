// Vectors for parse_extended_request (src/handler.c): exactly one tnetstring list [name: string, args], and
// the `ctl` args that handler_process_control_request / is_cancel_request read.
import { describe, expect, it } from 'vitest';
import { isCancelRequest, parseExtendedBody, readCtl } from './extended.js';
import { renderTns } from './tnetstring.js';

const enc = new TextEncoder();

describe('parseExtendedBody (parse_extended_request)', () => {
  it('accepts a two-element list whose first element is a string', () => {
    const body = enc.encode(renderTns(['sendfile', '/tmp/x']));
    expect(parseExtendedBody(body)).toEqual({ ok: true, name: 'sendfile', args: '/tmp/x' });
    expect(parseExtendedBody(enc.encode('22:3:ctl,12:6:cancel,0:~}]'))).toEqual({
      ok: true,
      name: 'ctl',
      args: new Map([['cancel', null]]),
    });
  });

  const bad: [string, RegExp][] = [
    ['', /invalid extended response/],
    ['garbage', /invalid extended response/],
    ['5:hello,', /not a list/],
    ['9:3:ctl,0:~]0:~', /extra data/],
    ['6:3:ctl,]', /exactly 2/],
    ['12:3:ctl,0:~0:~]', /exactly 2/],
    ['7:1:1#0:~]', /key is not a string/],
    ['5:3:ct,]', /invalid extended response/],
  ];
  for (const [body, why] of bad) {
    it(`rejects ${JSON.stringify(body)}`, () => {
      const r = parseExtendedBody(enc.encode(body));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
    });
  }

  it('reads ctl args like handler_process_control_request', () => {
    expect(readCtl(new Map([['keep-alive', true]]))).toEqual({ keepAlive: true, credits: 0, cancel: false });
    expect(readCtl(new Map<string, number | null>([['credits', 4096], ['cancel', null]]))).toEqual({
      keepAlive: false,
      credits: 4096,
      cancel: true,
    });
    expect(readCtl(new Map([['credits', 'lots']]))?.credits).toBe(0);
    expect(readCtl(['keep-alive'])).toBeNull();
    expect(isCancelRequest('ctl', new Map([['cancel', 1]]))).toBe(true);
    expect(isCancelRequest('ctl', new Map([['keep-alive', 1]]))).toBe(false);
    expect(isCancelRequest('sendfile', new Map([['cancel', 1]]))).toBe(false);
  });
});
