// Vectors for the control-port wire format: the error constants of src/control.c and the OBSERVED replies of
// spec §4.4, plus the request validation order of Control_task / Control_execute.
import { describe, expect, it } from 'vitest';
import {
  CONTROL_CALLBACK_NOT_FOUND, CONTROL_CALLBACK_RETURN, CONTROL_INVALID_ARGUMENT, CONTROL_INVALID_DATA,
  CONTROL_INVALID_REQUEST, CONTROL_NOT_CONNECTED, CONTROL_SIGNAL_FAILED, decodeControlReply, decodeControlRequest,
  encodeControlError, encodeControlMsg, encodeControlRequest, encodeControlTable,
} from './control.js';
import { parseTns, type TnsValue } from './tnetstring.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const UUID = 'f400bf85-4538-4f7a-8908-67e313d515c2';

function replyOf(text: string): string {
  const r = decodeControlRequest(enc.encode(text));
  return r.ok ? `ok ${r.name} ${JSON.stringify([...r.args])}` : dec.decode(r.reply);
}

describe('error constants (spec §4.4)', () => {
  it('are the exact bytes, each a well-formed {code, error} dict', () => {
    const all: [string, string, string][] = [
      [CONTROL_INVALID_REQUEST, 'INVALID_REQUEST', 'Invalid request format, must be a list with two elements in it.'],
      [CONTROL_INVALID_DATA, 'INVALID_DATA', 'Invalid data, expecting a list with a string and a hash in it.'],
      [CONTROL_CALLBACK_RETURN, 'CALLBACK_RETURN', 'Callback failed and returned NULL, should not happen.'],
      [CONTROL_CALLBACK_NOT_FOUND, 'CALLBACK_NOT_FOUND', 'Callback requested was not found.'],
      [CONTROL_SIGNAL_FAILED, 'SIGNAL_FAILED', "raise call failed, can't signal process"],
      [CONTROL_INVALID_ARGUMENT, 'INVALID_ARGUMENT', 'Invalid argument type.'],
      [CONTROL_NOT_CONNECTED, 'NOT_CONNECTED', 'Socket not connected.'],
    ];
    for (const [text, code, error] of all) {
      expect(parseTns(text)).toEqual(new Map([['code', code], ['error', error]]));
    }
    expect(CONTROL_INVALID_REQUEST.startsWith('101:')).toBe(true);
    expect(CONTROL_NOT_CONNECTED).toBe('57:4:code,13:NOT_CONNECTED,5:error,21:Socket not connected.,}');
  });
});

describe('decodeControlRequest', () => {
  it('accepts [name, {args}], ignoring extra elements and trailing bytes (m2sh sends a NUL)', () => {
    expect(replyOf('21:4:kill,10:2:id,2:25#}]\0')).toBe('ok kill [["id",25]]');
    expect(replyOf('17:4:time,0:}4:true!]junk')).toBe('ok time []');
  });
  it('answers INVALID_DATA for unparseable input and null', () => {
    expect(replyOf('hello')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('0:~')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('9:4:time,0:]')).toBe(CONTROL_INVALID_DATA); // length runs past the data
    expect(replyOf('22:4:kill,11:2:id,3:1.0^}]')).toBe(CONTROL_INVALID_DATA); // C's float parser always fails
    expect(replyOf('17:4:time,0:}4:1.25^]')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('17:4:time,0:}4:1250#]')).toBe('ok time []'); // the same shape with an integer is fine
  });
  it('answers INVALID_REQUEST for anything parsed that is not a list', () => {
    expect(replyOf('0:}')).toBe(CONTROL_INVALID_REQUEST);
    expect(replyOf('4:time,')).toBe(CONTROL_INVALID_REQUEST);
    expect(replyOf('2:12#')).toBe(CONTROL_INVALID_REQUEST);
  });
  it('answers INVALID_DATA for lists without a string then a dict', () => {
    expect(replyOf('0:]')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('7:4:time,]')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('14:1:1#0:}4:time,]')).toBe(CONTROL_INVALID_DATA);
    expect(replyOf('10:4:time,0:]]')).toBe(CONTROL_INVALID_DATA);
  });
});

describe('reply encoders reproduce the OBSERVED bytes (spec §4.4)', () => {
  it('time, uuid, stop, kill', () => {
    expect(encodeControlMsg('time', '1795304782')).toBe('49:7:headers,7:4:time,]4:rows,18:14:10:1795304782,]]}');
    expect(encodeControlMsg('uuid', UUID)).toBe(`75:7:headers,7:4:uuid,]4:rows,44:40:36:${UUID},]]}`);
    expect(encodeControlMsg('msg', 'signal sent to server')).toBe('59:7:headers,6:3:msg,]4:rows,29:25:21:signal sent to server,]]}');
    expect(encodeControlMsg('status', 'OK')).toBe('40:7:headers,9:6:status,]4:rows,8:5:2:OK,]]}');
  });
  it('info, with an integer port', () => {
    const headers = ['port', 'bind_addr', 'uuid', 'chroot', 'access_log', 'error_log', 'pid_file', 'default_hostname'];
    const row = [16767, '127.0.0.1', UUID, './', '/logs/access.log', '/logs/error.log', '/run/mongrel2.pid', 'localhost'];
    expect(encodeControlTable(headers, [row])).toBe('260:7:headers,92:4:port,9:bind_addr,4:uuid,6:chroot,10:access_log,'
      + '9:error_log,8:pid_file,16:default_hostname,]4:rows,142:137:5:16767#9:127.0.0.1,36:' + UUID
      + ',2:./,16:/logs/access.log,15:/logs/error.log,17:/run/mongrel2.pid,9:localhost,]]}');
  });
  it('status what=net', () => {
    const headers = ['id', 'fd', 'type', 'last_ping', 'last_read', 'last_write', 'bytes_read', 'bytes_written'];
    expect(encodeControlTable(headers, [[25, 29, 1, 0, 0, 0, 47, 0], [-1, 30, 1, 0, 0, 0, 51, 202]])).toBe(
      '191:7:headers,86:2:id,2:fd,4:type,9:last_ping,9:last_read,10:last_write,10:bytes_read,13:bytes_written,]4:rows,'
      + '80:35:2:25#2:29#1:1#1:0#1:0#1:0#2:47#1:0#]37:2:-1#2:30#1:1#1:0#1:0#1:0#2:51#3:202#]]}');
  });
  it('an empty table, UTF-8 lengths, the bare error dict', () => {
    expect(encodeControlTable(['a'], [])).toBe('27:7:headers,4:1:a,]4:rows,0:]}');
    expect(encodeControlMsg('é', 'ü')).toBe('36:7:headers,5:2:é,]4:rows,8:5:2:ü,]]}');
    expect(encodeControlError("Expected argument what=['net'|'tasks'].")).toBe(
      "51:5:error,39:Expected argument what=['net'|'tasks'].,}");
  });
});

describe('client side', () => {
  it('encodes requests as m2sh does (without its trailing NUL)', () => {
    expect(encodeControlRequest('kill', new Map([['id', 25]]))).toBe('21:4:kill,10:2:id,2:25#}]');
    expect(encodeControlRequest('help')).toBe('10:4:help,0:}]');
    expect(encodeControlRequest('status', new Map<string, TnsValue>([['what', 'net']]))).toBe('26:6:status,13:4:what,3:net,}]');
  });
  it('decodes tables, errors and nonsense with m2sh\'s complaints', () => {
    expect(decodeControlReply('40:7:headers,9:6:status,]4:rows,8:5:2:OK,]]}'))
      .toEqual({ kind: 'table', headers: ['status'], rows: [['OK']] });
    expect(decodeControlReply(enc.encode(CONTROL_INVALID_ARGUMENT)))
      .toEqual({ kind: 'error', message: 'Invalid argument type.' });
    expect(decodeControlReply('junk')).toEqual({ kind: 'invalid', problem: 'Server returned an invalid response, must be a dict.' });
    expect(decodeControlReply('0:]')).toEqual({ kind: 'invalid', problem: 'Server returned an invalid response, must be a dict.' });
    expect(decodeControlReply('0:}')).toEqual({ kind: 'invalid', problem: "Server returned an invalid response, need a 'headers'." });
    expect(decodeControlReply('13:7:headers,0:~}')).toEqual({ kind: 'invalid', problem: 'Headers must be a list, server is screwed up.' });
    expect(decodeControlReply('13:7:headers,0:]}')).toEqual({ kind: 'invalid', problem: "Server returned an invalid response, need a 'rows'." });
    expect(decodeControlReply('23:7:headers,0:]4:rows,0:,}')).toEqual({ kind: 'invalid', problem: 'Rows must be a list, server is screwed up.' });
  });
});
