// The handler schema: the corpus handlers (configs_complex.conf, ws_mongrel2.conf with protocol='tnetstring'),
// rows as m2sh writes them, the column defaults, and each refusal with its code.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.js';
import {
  handlerFromRow, handlerInputSchema, handlerSchema, handlerToRow, type Handler, type HandlerRow,
} from './handler.js';

// `m2sh load` of ws_mongrel2.conf, handler 1.
const row: HandlerRow = {
  id: 1, send_spec: 'tcp://127.0.0.1:9990', send_ident: '34f9ceee-cd52-4b7f-b197-88bf2f0ec378',
  recv_spec: 'tcp://127.0.0.1:9989', recv_ident: '', raw_payload: 0, protocol: 'tnetstring',
};
const handler: Handler = {
  id: 1, sendSpec: 'tcp://127.0.0.1:9990', sendIdent: '34f9ceee-cd52-4b7f-b197-88bf2f0ec378',
  recvSpec: 'tcp://127.0.0.1:9989', recvIdent: '', rawPayload: 0, protocol: 'tnetstring',
};

// configs_complex.conf's xml_test handler, as written in the file.
const xmlTest = {
  sendSpec: 'tcp://127.0.0.1:9995', sendIdent: 'C2217DE8-BF62-4E80-872D-08EA364D4BCE',
  recvSpec: 'tcp://127.0.0.1:9994', recvIdent: '',
};

function errors(value: unknown): [string, string][] {
  const r = handlerInputSchema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error).map((e) => [e.path, e.code]);
}

describe('handler', () => {
  it('maps the row m2sh writes to the API value and back', () => {
    expect(handlerFromRow(row)).toEqual(handler);
    expect(handlerToRow(handler)).toEqual(row);
    expect(handlerSchema.parse(handler)).toEqual(handler);
  });

  it('reads the columns as the C server does: NULL or unknown protocol is json, any non-zero raw_payload is on', () => {
    expect(handlerFromRow({ ...row, protocol: null, raw_payload: null })).toEqual({ ...handler, protocol: 'json', rawPayload: 0 });
    expect(handlerFromRow({ ...row, protocol: 'json', raw_payload: 1 })).toEqual({ ...handler, protocol: 'json', rawPayload: 1 });
  });

  it('round-trips values through rows', () => {
    const values: Handler[] = [handler, { ...handler, id: 9, protocol: 'json', rawPayload: 1, recvIdent: 'sub',
      sendSpec: 'ipc://run/send', recvSpec: 'inproc://recv' }];
    for (const v of values) expect(handlerFromRow(handlerToRow(v))).toEqual(v);
  });

  it('fills in the column defaults (json, raw_payload 0)', () => {
    expect(handlerInputSchema.parse(xmlTest)).toEqual({ ...xmlTest, rawPayload: 0, protocol: 'json' });
    const { recvIdent: _r, ...noRecvIdent } = xmlTest;
    expect(handlerInputSchema.parse(noRecvIdent).recvIdent).toBe('');
    expect(handlerToRow(handlerInputSchema.parse(xmlTest))).toEqual({
      send_spec: 'tcp://127.0.0.1:9995', send_ident: 'C2217DE8-BF62-4E80-872D-08EA364D4BCE',
      recv_spec: 'tcp://127.0.0.1:9994', recv_ident: '', raw_payload: 0, protocol: 'json',
    });
  });

  it('accepts every endpoint form a handler can bind', () => {
    for (const sendSpec of ['tcp://*:9999', 'tcp://0.0.0.0:*', 'tcp://[::1]:9999', 'tcp://eth0:5000', 'ipc:///tmp/m2-send', 'inproc://send']) {
      expect(errors({ ...xmlTest, sendSpec })).toEqual([]);
    }
  });

  it.each([
    ['sendSpec', { sendSpec: '127.0.0.1:9999' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['sendSpec', { sendSpec: 'tcp://127.0.0.1:0' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['recvSpec', { recvSpec: 'tcp://127.0.0.1' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['recvSpec', { recvSpec: 'udp://127.0.0.1:9' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['recvSpec', { recvSpec: '' }, 'M2_ERR_MODEL_ZMQ_ENDPOINT'],
    ['sendIdent', { sendIdent: '' }, 'M2_ERR_MODEL_EMPTY'],
    ['sendIdent', { sendIdent: undefined }, 'M2_ERR_MODEL_REQUIRED'],
    ['recvIdent', { recvIdent: 5 }, 'M2_ERR_MODEL_TYPE'],
    ['protocol', { protocol: 'xml' }, 'M2_ERR_MODEL_PROTOCOL'],
    ['protocol', { protocol: 'JSON' }, 'M2_ERR_MODEL_PROTOCOL'],
    ['rawPayload', { rawPayload: 2 }, 'M2_ERR_MODEL_FLAG'],
    ['rawPayload', { rawPayload: '1' }, 'M2_ERR_MODEL_FLAG'],
  ])('refuses a bad %s (%j) with %s', (path, patch, code) => {
    expect(errors({ ...xmlTest, ...patch })).toEqual([[path, code]]);
  });

  it('explains a bad endpoint in its message', () => {
    const r = handlerInputSchema.safeParse({ ...xmlTest, sendSpec: 'tcp://127.0.0.1:70000' });
    expect(r.success ? '' : fieldErrors(r.error)[0]?.message)
      .toBe("sendSpec: tcp port '70000' must be a number from 1 to 65535, or *");
  });
});
