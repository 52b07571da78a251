// Request (the questions of examples/python/mongrel2/request.py, on messages written out as in spec §3.2-§3.6)
// and the reply builders of reply-builders.ts, without sockets.
import { describe, expect, it } from 'vitest';
import { closePayload, httpChunk, httpHead, httpResponse, parseClosePayload, websocketHandshakeResponse, WsCloseCode } from './reply-builders.js';
import { disconnectNotice, jsonRequest, splitReply } from './fake-mongrel2.js';
import { Request, WsOpcode } from './request.js';

const parse = (msg: string | Buffer) => Request.parse(typeof msg === 'string' ? Buffer.from(msg, 'latin1') : msg);

describe('Request', () => {
  it('parses the unit-test vector of tests/request_tests.c', () => {
    const req = parse(
      'JSON 1 / 134:{"PATH":"/","cookie":["foo=bar","test=yes; go=no"],"METHOD":"GET","VERSION":"HTTP/1.0","URI":"/","URL_SCHEME":"http","REMOTE_ADDR":""},0:,',
    );
    expect([req.sender, req.connId, req.path, req.method, req.body.length]).toEqual(['JSON', '1', '/', 'GET', 0]);
    expect(req.headerValues('cookie')).toEqual(['foo=bar', 'test=yes; go=no']);
    expect(req.header('cookie')).toBe('foo=bar');
    expect(req.header('REMOTE_ADDR')).toBe('');
    expect(req.shouldClose()).toBe(true); // HTTP/1.0 without keep-alive
    expect(req.raw?.toString('latin1').startsWith('JSON 1 / 134:')).toBe(true);
  });

  it('decides shouldClose like the Python library, honouring HTTP/1.0 keep-alive', () => {
    const close = (version: string, connection?: string) =>
      parse(jsonRequest('S', 1, '/', { METHOD: 'GET', VERSION: version, ...(connection ? { connection } : {}) })).shouldClose();
    expect(close('HTTP/1.1')).toBe(false);
    expect(close('HTTP/1.1', 'close')).toBe(true);
    expect(close('HTTP/1.1', 'Keep-Alive, Close')).toBe(true);
    expect(close('HTTP/1.0')).toBe(true);
    expect(close('HTTP/1.0', 'keep-alive')).toBe(false);
  });

  it('recognises disconnect and credits notices and parses JSON bodies', () => {
    const leave = parse(disconnectNotice('S', 9));
    expect([leave.isDisconnect(), leave.isCredits(), leave.path, leave.data]).toEqual([true, false, '@*', { type: 'disconnect' }]);
    const credits = parse('S 9 @* 43:{"METHOD":"JSON","DOWNLOAD_CREDITS":"4096"},18:{"type":"credits"},');
    expect([credits.isCredits(), credits.isDisconnect(), credits.header('DOWNLOAD_CREDITS')]).toEqual([true, false, '4096']);
    const chat = parse(jsonRequest('S', 2, '@chat', { METHOD: 'JSON', PATTERN: '@chat' }, '{"type":"msg","msg":"hi"}'));
    expect(chat.data).toEqual({ type: 'msg', msg: 'hi' });
    expect(chat.isDisconnect()).toBe(false);
    const broken = parse(jsonRequest('S', 2, '@chat', { METHOD: 'JSON' }, '{nope'));
    expect(broken.data).toBeUndefined();
    expect(() => broken.json()).toThrow();
    const post = parse(jsonRequest('S', 3, '/p', { METHOD: 'POST' }, '[1,2]'));
    expect([post.data, post.json()]).toEqual([undefined, [1, 2]]);
  });

  it('reads WebSocket FLAGS and the handshake', () => {
    const frame = (flags: string) => parse(jsonRequest('S', 4, '/ws', { METHOD: 'WEBSOCKET', FLAGS: flags }, 'x'));
    expect([frame('0x81').flags, frame('0x81').opcode, frame('0x81').isWebSocket()]).toEqual([0x81, WsOpcode.TEXT, true]);
    expect(frame('0x89').opcode).toBe(WsOpcode.PING);
    expect(frame('0x88').opcode).toBe(WsOpcode.CLOSE);
    expect(frame('0xC1').flags).toBe(0xc1);
    expect([frame('bogus').flags, frame('bogus').opcode]).toEqual([undefined, undefined]);
    const hs = parse(jsonRequest('S', 4, '/ws', { METHOD: 'WEBSOCKET_HANDSHAKE' }, 's3pPLMBiTxaQ9kYGzzhZRbK+xOo='));
    expect([hs.isWebSocketHandshake(), hs.isWebSocket(), hs.text()]).toEqual([true, false, 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=']);
  });

  it('describes async uploads', () => {
    const up = (h: Record<string, string>) => parse(jsonRequest('S', 5, '/up', { METHOD: 'POST', ...h })).upload;
    expect(up({})).toBeUndefined();
    expect(up({ 'x-mongrel2-upload-start': '/tmp/up.ABC' })).toEqual({ stage: 'start', file: '/tmp/up.ABC', valid: true });
    expect(up({ 'x-mongrel2-upload-start': '/tmp/up.ABC', 'x-mongrel2-upload-done': '/tmp/up.ABC' })).toEqual({
      stage: 'done',
      file: '/tmp/up.ABC',
      valid: true,
    });
    expect(up({ 'x-mongrel2-upload-start': '/tmp/a', 'x-mongrel2-upload-done': '/etc/passwd' })?.valid).toBe(false);
  });

  it('keeps header values as byte strings', () => {
    const req = parse(Buffer.concat([Buffer.from('S 6 / 29:{"PATH":"/","x-name":"caf'), Buffer.from([0xc3, 0xa9]), Buffer.from('"},0:,')]));
    expect(req.header('x-name')).toBe('caf\u00c3\u00a9');
    expect(Buffer.from(req.header('X-Name')!, 'latin1').toString('utf8')).toBe('café');
  });
});

describe('reply builders', () => {
  it('builds HTTP responses like http_response, with Content-Length last', () => {
    expect(httpResponse('hi').toString()).toBe('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi');
    expect(httpResponse('é', { code: 201, status: 'Created', headers: new Map([['X-A', 1]]) }).toString()).toBe(
      'HTTP/1.1 201 Created\r\nX-A: 1\r\nContent-Length: 2\r\n\r\né',
    );
    expect(httpResponse('', { headers: { 'content-length': 99 } }).toString()).toBe('HTTP/1.1 200 OK\r\ncontent-length: 99\r\n\r\n');
    expect(httpResponse('', { headers: { 'Transfer-Encoding': 'chunked' } }).toString()).toBe(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    expect(() => httpResponse('', { headers: { 'X-Evil': 'a\r\nSet-Cookie: b' } })).toThrow(/line break/);
    expect(httpHead(204, 'No Content').toString()).toBe('HTTP/1.1 204 No Content\r\n\r\n');
  });

  it('builds chunks and the 101 answer', () => {
    expect(httpChunk('hello world, sixteen+').toString()).toBe('15\r\nhello world, sixteen+\r\n');
    expect(httpChunk('').toString()).toBe('0\r\n\r\n');
    expect(websocketHandshakeResponse('KEY=', { 'Sec-WebSocket-Protocol': 'chat' }).toString()).toBe(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: KEY=\r\nSec-WebSocket-Protocol: chat\r\n\r\n',
    );
  });

  it('builds and reads close frame payloads', () => {
    expect(closePayload(WsCloseCode.NORMAL, 'bye')).toEqual(Buffer.from([0x03, 0xe8, 0x62, 0x79, 0x65]));
    expect(closePayload(WsCloseCode.GOING_AWAY)).toEqual(Buffer.from([0x03, 0xe9]));
    expect(() => closePayload(1000, 'x'.repeat(124))).toThrow(RangeError);
    expect(parseClosePayload(closePayload(1007, 'bad é'))).toEqual({ code: 1007, reason: 'bad é' });
    expect(parseClosePayload(new Uint8Array(0))).toEqual({ reason: '' });
  });

  it('splits reply messages for tests', () => {
    expect(splitReply(Buffer.from('U-1 6:X 1 22, body'))).toEqual({ uuid: 'U-1', ids: ['1', '22'], extended: true, body: Buffer.from('body') });
    expect(() => splitReply(Buffer.from('U-1 9:1, x'))).toThrow();
  });
});
