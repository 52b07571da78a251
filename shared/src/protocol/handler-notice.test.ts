// Exact bytes of spec §3.3 (Handler_notify_leave, Handler_notify_credits in src/handler.c) and their
// decoding with decodeHandlerRequest.
import { describe, expect, it } from 'vitest';
import { encodeCredits, encodeDisconnect } from './handler-notice.js';
import { decodeHandlerRequest } from './handler-request.js';

const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('disconnect and credits notices', () => {
  it('encodes the JSON disconnect of §3.3', () => {
    expect(text(encodeDisconnect('SENDER', 'ID', 'json'))).toBe('SENDER ID @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},');
    expect(text(encodeDisconnect('u', 99999, 'json'))).toBe('u 99999 @* 17:{"METHOD":"JSON"},21:{"type":"disconnect"},');
  });

  it('encodes the tnetstring disconnect of §3.3 (body still a JSON netstring)', () => {
    expect(text(encodeDisconnect('SENDER', 'ID', 'tnetstring'))).toBe('SENDER ID @* 16:6:METHOD,4:JSON,}21:{"type":"disconnect"},');
  });

  it('encodes JSON credits with the count as a decimal string', () => {
    expect(text(encodeCredits('S', 4, 102400, 'json'))).toBe(
      'S 4 @* 45:{"METHOD":"JSON","DOWNLOAD_CREDITS":"102400"},18:{"type":"credits"},',
    );
  });

  it('encodes tnetstring credits in C outbuf order (DOWNLOAD_CREDITS before METHOD)', () => {
    expect(text(encodeCredits('S', 4, 512, 'tnetstring'))).toBe(
      'S 4 @* 42:16:DOWNLOAD_CREDITS,3:512,6:METHOD,4:JSON,}18:{"type":"credits"},',
    );
  });

  it('formats credits like %d (integer part)', () => {
    expect(text(encodeCredits('S', 1, 7.9, 'json'))).toContain('"DOWNLOAD_CREDITS":"7"');
  });

  for (const protocol of ['json', 'tnetstring'] as const) {
    it(`decodes its own ${protocol} notices`, () => {
      const leave = decodeHandlerRequest(encodeDisconnect('S', 8, protocol));
      expect(leave).toMatchObject({ sender: 'S', connId: '8', path: '@*' });
      expect(leave.headers).toEqual(new Map([['METHOD', 'JSON']]));
      expect(text(leave.body)).toBe('{"type":"disconnect"}');
      const credits = decodeHandlerRequest(encodeCredits('S', 8, 10, protocol));
      expect(credits.headers.get('DOWNLOAD_CREDITS')).toBe('10');
      expect(credits.headers.get('METHOD')).toBe('JSON');
      expect(text(credits.body)).toBe('{"type":"credits"}');
    });
  }
});
