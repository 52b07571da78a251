// Vectors: spec §3.2 OBSERVED messages, tests/request_tests.c EXPECTED_COOKIE_HEADER, §3.6 JSON socket and
// WebSocket forms, §3.5 upload forms; then decode(encode(x)) round trips and malformed inputs.
import { describe, expect, it } from 'vitest';
import {
  decodeHandlerRequest,
  encodeHandlerRequest,
  HandlerProtocolError,
  MAX_DUPE_HEADERS,
  utf8ByteString,
  type HandlerRequestFields,
} from './handler-request.js';

const enc = new TextEncoder();
/** Byte string -> bytes (one byte per char), for expected vectors holding bytes >= 0x80. */
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

const observedJson: HandlerRequestFields = {
  sender: '54c6755b-9628-40a4-9a2d-cc82a816345e',
  connId: 13,
  path: '/handler/p',
  headers: [
    ['x-forwarded-for', '127.0.0.1'],
    ['content-type', 'text/plain'],
    ['content-length', '5'],
    ['x-weird-case', 'va\\lue "q"'],
    ['host', 'localhost'],
    ['cookie', 'a=1'],
    ['cookie', 'b="2"'],
  ],
  method: 'POST',
  version: 'HTTP/1.1',
  uri: '/handler/p?a=1&b=%20x',
  query: 'a=1&b=%20x',
  fragment: 'frag',
  pattern: '/handler',
  urlScheme: 'http',
  remoteAddr: '127.0.0.1',
  body: enc.encode('hello'),
};

const observedTnet: HandlerRequestFields = {
  sender: '34f9ceee-cd52-4b7f-b197-88bf2f0ec378',
  connId: '14',
  path: '/tnet/p',
  headers: [
    ['cookie', 'a=1'],
    ['cookie', 'b=2'],
    ['host', 'localhost'],
    ['content-length', '5'],
    ['x-forwarded-for', '127.0.0.1'],
  ],
  method: 'POST',
  version: 'HTTP/1.1',
  uri: '/tnet/p?a=1',
  query: 'a=1',
  fragment: 'frag',
  pattern: '/tnet/',
  urlScheme: 'http',
  remoteAddr: '127.0.0.1',
  body: enc.encode('hello'),
};

describe('encodeHandlerRequest vectors', () => {
  it('reproduces tests/request_tests.c EXPECTED_COOKIE_HEADER', () => {
    const msg = encodeHandlerRequest(
      {
        sender: 'JSON',
        connId: 1,
        path: '/',
        headers: [['cookie', 'foo=bar'], ['cookie', 'test=yes; go=no']],
        method: 'GET',
        version: 'HTTP/1.0',
        uri: '/',
        urlScheme: 'http',
        remoteAddr: '',
        body: new Uint8Array(0),
      },
      'json',
    );
    expect(text(msg)).toBe(
      'JSON 1 / 134:{"PATH":"/","cookie":["foo=bar","test=yes; go=no"],"METHOD":"GET","VERSION":"HTTP/1.0","URI":"/","URL_SCHEME":"http","REMOTE_ADDR":""},0:,',
    );
  });

  it('reproduces the OBSERVED JSON request of §3.2', () => {
    expect(text(encodeHandlerRequest(observedJson, 'json'))).toBe(
      '54c6755b-9628-40a4-9a2d-cc82a816345e 13 /handler/p 350:{"PATH":"/handler/p","x-forwarded-for":"127.0.0.1","content-type":"text/plain","content-length":"5","x-weird-case":"va\\\\lue \\"q\\"","host":"localhost","cookie":["a=1","b=\\"2\\""],"METHOD":"POST","VERSION":"HTTP/1.1","URI":"/handler/p?a=1&b=%20x","QUERY":"a=1&b=%20x","FRAGMENT":"frag","PATTERN":"/handler","URL_SCHEME":"http","REMOTE_ADDR":"127.0.0.1"},5:hello,',
    );
  });

  it('reproduces the OBSERVED tnetstring request of §3.2', () => {
    expect(text(encodeHandlerRequest(observedTnet, 'tnetstring'))).toBe(
      '34f9ceee-cd52-4b7f-b197-88bf2f0ec378 14 /tnet/p 271:11:REMOTE_ADDR,9:127.0.0.1,6:METHOD,4:POST,10:URL_SCHEME,4:http,7:PATTERN,6:/tnet/,8:FRAGMENT,4:frag,5:QUERY,3:a=1,3:URI,11:/tnet/p?a=1,7:VERSION,8:HTTP/1.1,4:PATH,7:/tnet/p,6:cookie,12:3:a=1,3:b=2,]4:host,9:localhost,14:content-length,1:5,15:x-forwarded-for,9:127.0.0.1,}5:hello,',
    );
  });

  it('builds the §3.6 JSON socket message (METHOD JSON, PATTERN @chat, no VERSION)', () => {
    const f: HandlerRequestFields = {
      sender: 'S', connId: 3, path: '@chat', headers: [['x-forwarded-for', '10.0.0.1']],
      method: 'JSON', pattern: '@chat', urlScheme: 'http', remoteAddr: '10.0.0.1', body: enc.encode('{"a":1}'),
    };
    expect(text(encodeHandlerRequest(f, 'json'))).toBe(
      'S 3 @chat 124:{"PATH":"@chat","x-forwarded-for":"10.0.0.1","METHOD":"JSON","PATTERN":"@chat","URL_SCHEME":"http","REMOTE_ADDR":"10.0.0.1"},7:{"a":1},',
    );
  });

  it('places extra keys with the client headers: JSON before METHOD, tnetstring at the end', () => {
    const f: HandlerRequestFields = {
      sender: 'S', connId: 2, path: '/ws', headers: [['host', 'h']], extra: [['FLAGS', '0x81']],
      method: 'WEBSOCKET', remoteAddr: '::1', body: enc.encode('hi'),
    };
    expect(text(encodeHandlerRequest(f, 'json'))).toBe(
      'S 2 /ws 81:{"PATH":"/ws","host":"h","FLAGS":"0x81","METHOD":"WEBSOCKET","REMOTE_ADDR":"::1"},2:hi,',
    );
    expect(text(encodeHandlerRequest(f, 'tnetstring'))).toBe(
      'S 2 /ws 81:11:REMOTE_ADDR,3:::1,6:METHOD,9:WEBSOCKET,4:PATH,3:/ws,4:host,1:h,5:FLAGS,4:0x81,}2:hi,',
    );
  });

  it('lets an extra key replace a client header of the same name (C Request_set replace=1)', () => {
    const f: HandlerRequestFields = {
      sender: 'S', connId: 1, path: '/', body: new Uint8Array(0),
      headers: [['x-mongrel2-upload-start', 'forged'], ['host', 'h'], ['x-mongrel2-upload-start', 'again']],
      extra: [['x-mongrel2-upload-start', '/tmp/up.ABC123']],
    };
    expect(text(encodeHandlerRequest(f, 'json'))).toBe(
      'S 1 / 66:{"PATH":"/","host":"h","x-mongrel2-upload-start":"/tmp/up.ABC123"},0:,',
    );
  });

  it('emits only the extra keys in bare (altheaders) form, as upload streaming does', () => {
    const f: HandlerRequestFields = {
      sender: 'S', connId: 9, path: '/up', headers: [['host', 'h']], method: 'POST', bare: true,
      extra: [['UPLOAD_STREAM', '4096'], ['UPLOAD_STREAM_DONE', '1']], body: enc.encode('abc'),
    };
    expect(text(encodeHandlerRequest(f, 'json'))).toBe('S 9 /up 49:{"UPLOAD_STREAM":"4096","UPLOAD_STREAM_DONE":"1"},3:abc,');
    expect(text(encodeHandlerRequest(f, 'tnetstring'))).toBe(
      'S 9 /up 50:13:UPLOAD_STREAM,4:4096,18:UPLOAD_STREAM_DONE,1:1,}3:abc,',
    );
    expect(text(encodeHandlerRequest({ ...f, extra: [] }, 'json'))).toBe('S 9 /up 2:{},3:abc,');
  });

  it(`keeps at most ${MAX_DUPE_HEADERS} values of a repeated header`, () => {
    const headers: [string, string][] = Array.from({ length: 8 }, (_, i) => ['c', String(i)]);
    const f: HandlerRequestFields = { sender: 'S', connId: 1, path: '/', headers, body: new Uint8Array(0) };
    expect(text(encodeHandlerRequest(f, 'json'))).toContain('"c":["0","1","2","3","4"]}');
    expect(text(encodeHandlerRequest(f, 'tnetstring'))).toContain('1:c,20:1:0,1:1,1:2,1:3,1:4,]}');
  });

  it('groups repeats at their first position even with many headers (Set path)', () => {
    const headers: [string, string][] = Array.from({ length: 30 }, (_, i) => [`h${i}`, 'v']);
    headers.push(['h3', 'w']);
    const f: HandlerRequestFields = { sender: 'S', connId: 1, path: '/', headers, body: new Uint8Array(0) };
    expect(text(encodeHandlerRequest(f, 'json'))).toContain('"h2":"v","h3":["v","w"],"h4":"v"');
  });

  it('writes header bytes raw: latin1 chars become single bytes, TAB and >= 0x80 unescaped', () => {
    const f: HandlerRequestFields = {
      sender: 'S', connId: 1, path: '/', headers: [['x-\u00ff', 'caf\u00e9\t\\"']], body: new Uint8Array(0),
    };
    const json = encodeHandlerRequest(f, 'json');
    expect(new Uint8Array(json)).toEqual(bytes('S 1 / 30:{"PATH":"/","x-\u00ff":"caf\u00e9\t\\\\\\""},0:,'));
    expect(new Uint8Array(encodeHandlerRequest(f, 'tnetstring'))).toEqual(bytes('S 1 / 27:4:PATH,1:/,3:x-\u00ff,7:caf\u00e9\t\\",}0:,'));
  });

  it('refuses chars above U+00FF with E_NOT_LATIN1', () => {
    const f: HandlerRequestFields = { sender: 'S', connId: 1, path: '/', headers: [['x', '\u20ac']], body: new Uint8Array(0) };
    for (const p of ['json', 'tnetstring'] as const) {
      expect(() => encodeHandlerRequest(f, p)).toThrow(expect.objectContaining({ code: 'E_NOT_LATIN1' }));
    }
  });

  it('takes config text (send_ident, a pattern) as its UTF-8 bytes through utf8ByteString', () => {
    expect(utf8ByteString('plain-ASCII ~')).toBe('plain-ASCII ~');
    expect(utf8ByteString('')).toBe('');
    expect(utf8ByteString('caf\u00e9')).toBe('caf\u00c3\u00a9');
    expect(utf8ByteString('\u65e5\u{1f600}\u007f')).toBe('\u00e6\u0097\u00a5\u00f0\u009f\u0098\u0080\u007f');
    const f: HandlerRequestFields = { sender: utf8ByteString('id-\u65e5'), connId: 1, path: '/', headers: [], pattern: utf8ByteString('/\u00e9'), body: new Uint8Array(0) };
    expect(new Uint8Array(encodeHandlerRequest(f, 'json'))).toEqual(
      new Uint8Array([...enc.encode('id-\u65e5 1 / 28:{"PATH":"/","PATTERN":"/\u00e9"},0:,')]),
    );
  });

  it('appends all 256 body byte values untouched', () => {
    const msg = encodeHandlerRequest({ sender: 'S', connId: 1, path: '/', headers: [], body: ALL_BYTES }, 'json');
    const head = 'S 1 / 12:{"PATH":"/"},256:';
    expect(text(msg.subarray(0, head.length))).toBe(head);
    expect(new Uint8Array(msg.subarray(head.length, head.length + 256))).toEqual(ALL_BYTES);
    expect(msg[msg.length - 1]).toBe(0x2c);
    expect(msg.length).toBe(head.length + 257);
  });
});

describe('decodeHandlerRequest', () => {
  const odd = String.fromCharCode(...ALL_BYTES);
  const fields: HandlerRequestFields = {
    ...observedJson,
    headers: [
      ...observedJson.headers,
      ['x-odd', 'q"uo\\te\ttab \u0080\u00ff\u00e9'],
      ['x-"name\\', 'v'],
      ['x-all', odd],
      ['x-empty', ''],
    ],
    extra: [['FLAGS', '0x82']],
    body: ALL_BYTES,
  };

  for (const protocol of ['json', 'tnetstring'] as const) {
    it(`round-trips a ${protocol} message with binary body and odd header bytes`, () => {
      const d = decodeHandlerRequest(encodeHandlerRequest(fields, protocol));
      expect(d.sender).toBe(fields.sender);
      expect(d.connId).toBe('13');
      expect(d.path).toBe('/handler/p');
      expect(new Uint8Array(d.body)).toEqual(ALL_BYTES);
      const want = new Map<string, string | string[]>([
        ['PATH', '/handler/p'],
        ['x-forwarded-for', '127.0.0.1'],
        ['content-type', 'text/plain'],
        ['content-length', '5'],
        ['x-weird-case', 'va\\lue "q"'],
        ['host', 'localhost'],
        ['cookie', ['a=1', 'b="2"']],
        ['x-odd', 'q"uo\\te\ttab \u0080\u00ff\u00e9'],
        ['x-"name\\', 'v'],
        ['x-all', odd],
        ['x-empty', ''],
        ['FLAGS', '0x82'],
        ['METHOD', 'POST'],
        ['VERSION', 'HTTP/1.1'],
        ['URI', '/handler/p?a=1&b=%20x'],
        ['QUERY', 'a=1&b=%20x'],
        ['FRAGMENT', 'frag'],
        ['PATTERN', '/handler'],
        ['URL_SCHEME', 'http'],
        ['REMOTE_ADDR', '127.0.0.1'],
      ]);
      expect(new Map([...d.headers].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
        new Map([...want].sort(([a], [b]) => (a < b ? -1 : 1))),
      );
    });
  }

  it('decodes the OBSERVED tnetstring message with its list value', () => {
    const d = decodeHandlerRequest(encodeHandlerRequest(observedTnet, 'tnetstring'));
    expect([...d.headers.keys()].slice(0, 2)).toEqual(['REMOTE_ADDR', 'METHOD']);
    expect(d.headers.get('cookie')).toEqual(['a=1', 'b=2']);
    expect(text(d.body)).toBe('hello');
  });

  it('honours standard JSON escapes and whitespace from other producers', () => {
    const json = '{ "a" : "\\u00e9\\n\\/" , "b" : [ ] , "c":["x" ,"y"] }';
    const d = decodeHandlerRequest(enc.encode(`S 1 / ${json.length}:${json},0:,`));
    expect(d.headers).toEqual(new Map<string, string | string[]>([['a', '\u00e9\n/'], ['b', []], ['c', ['x', 'y']]]));
  });

  const bad: [string, string][] = [
    ['', 'E_REQ_ENVELOPE'],
    ['S 1 /', 'E_REQ_ENVELOPE'],
    [' 1 / 2:{},0:,', 'E_REQ_ENVELOPE'],
    ['S x / 2:{},0:,', 'E_REQ_ENVELOPE'],
    ['S 1 / ', 'E_REQ_HEADERS'],
    ['S 1 / x:{},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 2{},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 9:{},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 2:{}]0:,', 'E_REQ_HEADERS'],
    ['S 1 / 3:{}x,0:,', 'E_REQ_HEADERS'],
    ['S 1 / 5:{"a"},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 7:{"a":1},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 8:{"a":"b},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 10:{"a":"\\q"},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 12:{"a":"\\u12"},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 9:{"a":"b"}},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 10:{"a":["b"},0:,', 'E_REQ_HEADERS'],
    ['S 1 / 4:1:a,}0:,', 'E_REQ_HEADERS'],
    ['S 1 / 8:1:a,1:1#}0:,', 'E_REQ_HEADERS'],
    ['S 1 / 8:1:1#1:a,}0:,', 'E_REQ_HEADERS'],
    ['S 1 / 11:1:a,5:1:1#]}0:,', 'E_REQ_HEADERS'],
    ['S 1 / 8:1:a,9:b,}0:,', 'E_REQ_HEADERS'],
    ['S 1 / 2:{},', 'E_REQ_BODY'],
    ['S 1 / 2:{},5:abc,', 'E_REQ_BODY'],
    ['S 1 / 2:{},3:abc]', 'E_REQ_BODY'],
    ['S 1 / 2:{},3:abc,x', 'E_REQ_BODY'],
  ];
  for (const [msg, code] of bad) {
    it(`rejects ${JSON.stringify(msg)} with ${code}`, () => {
      let caught: unknown;
      try {
        decodeHandlerRequest(enc.encode(msg));
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(HandlerProtocolError);
      expect((caught as HandlerProtocolError).code).toBe(code);
    });
  }

  it('throws only HandlerProtocolError on every truncation of valid messages', () => {
    for (const protocol of ['json', 'tnetstring'] as const) {
      const msg = encodeHandlerRequest(observedTnet, protocol);
      for (let cut = 0; cut < msg.length; cut++) {
        expect(() => decodeHandlerRequest(msg.subarray(0, cut))).toThrow(HandlerProtocolError);
      }
    }
  });
});
