// download.flow_control (§3.3, §3.4) and zeromq.threads: the handler is told its credits, gets a credit notice
// for each write flushed to the client, and a handler that outruns its credits has its client disconnected.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHandlerRequest, encodeCredits, renderTns } from '@m2/shared';
import { freePort } from '../helpers/c-mongrel2.js';
import { FakeHandler } from '../helpers/fake-handler.js';
import { tempDir } from '../helpers/processes.js';
import { makeSite, startServer, type RunningServer } from '../helpers/servers.js';

const tmp = tempDir();
let srv: RunningServer;
let h: FakeHandler;

beforeAll(async () => {
  const [a, b] = [await freePort(), await freePort()];
  const db = makeSite(tmp.dir, `main = Server(uuid="fc1", name="main", chroot="./", access_log="/logs/access.log",
    error_log="/logs/error.log", pid_file="/run/mongrel2.pid", default_host="localhost", port=6767,
    hosts=[Host(name="localhost", routes={'/h': Handler(send_spec='tcp://127.0.0.1:${a}', send_ident='fc', recv_spec='tcp://127.0.0.1:${b}', recv_ident='')})])
servers = [main]
`, { 'download.flow_control': '1', 'zeromq.threads': '2', 'upload.stream': '1', 'limits.content_length': '16' });
  srv = await startServer('ours', tmp.dir, db, 'fc1');
  h = new FakeHandler(`tcp://127.0.0.1:${a}`, `tcp://127.0.0.1:${b}`);
  await h.settle();
});
afterAll(async () => {
  h?.close();
  await srv?.stop();
  tmp.cleanup();
});

describe('download.flow_control', () => {
  it('announces 102400 credits once, credits each flushed write, and disconnects a client past its credits', async () => {
    const sock = connect(srv.port, '127.0.0.1');
    let got = 0;
    let closed = false;
    sock.on('data', (d) => (got += d.length));
    sock.on('close', () => (closed = true));
    await new Promise<void>((r) => sock.once('connect', () => r()));
    sock.write('GET /h/1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /h/2 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const first = decodeHandlerRequest(await h.waitForPath('/h/1'));
    const second = decodeHandlerRequest(await h.waitForPath('/h/2'));
    expect(first.headers.get('DOWNLOAD_CREDITS')).toBe('102400');
    expect(second.headers.has('DOWNLOAD_CREDITS')).toBe(false);
    const id = first.connId;
    await h.send(`fc ${id.length}:${id}, ${'x'.repeat(1000)}`);
    await expect.poll(() => got).toBe(1000);
    const credit = Buffer.from(encodeCredits('fc', id, 1000, 'json')).toString('latin1');
    await expect.poll(() => h.received.some((m) => m.toString('latin1') === credit)).toBe(true);
    expect(credit).toBe(`fc ${id} @* 43:{"METHOD":"JSON","DOWNLOAD_CREDITS":"1000"},18:{"type":"credits"},`);
    sock.pause();
    await h.send(`fc ${id.length}:${id}, ${'y'.repeat(110000)}`);
    await expect.poll(() => closed).toBe(true);
  });
});

describe('upload.stream', () => {
  it('sends the headers with what is buffered, then the rest only as credits arrive, the last part marked done', async () => {
    const sock = connect(srv.port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    const from = h.received.length;
    const body = Buffer.from('a'.repeat(30) + 'b'.repeat(50) + 'c'.repeat(20));
    sock.write(Buffer.concat([Buffer.from(`POST /h/up HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body.length}\r\n\r\n`), body.subarray(0, 30)]));
    const first = decodeHandlerRequest(await h.waitForPath('/h/up', from));
    expect(first.headers.get('UPLOAD_STREAM')).toBe('0');
    expect(first.headers.has('UPLOAD_STREAM_DONE')).toBe(false);
    expect(first.headers.get('METHOD')).toBe('POST');
    expect(Buffer.from(first.body).toString()).toBe('a'.repeat(30));
    const id = first.connId;
    sock.write(body.subarray(30));
    await new Promise((r) => setTimeout(r, 200));
    const parts = () => h.received.slice(from).filter((m) => m.toString('latin1').split(' ')[2] === '/h/up');
    expect(parts()).toHaveLength(1);
    const ctl = (n: number) => h.send(`fc ${id.length + 2}:X ${id}, ${renderTns(['ctl', new Map([['credits', n]])])}`);
    await ctl(50);
    await expect.poll(() => parts().length).toBe(2);
    const second = decodeHandlerRequest(parts()[1]!);
    expect([...second.headers.keys()]).toEqual(['UPLOAD_STREAM']);
    expect(second.headers.get('UPLOAD_STREAM')).toBe('30');
    expect(Buffer.from(second.body).toString()).toBe('b'.repeat(50));
    await ctl(100);
    await expect.poll(() => parts().length).toBe(3);
    const third = decodeHandlerRequest(parts()[2]!);
    expect(third.headers.get('UPLOAD_STREAM')).toBe('80');
    expect(third.headers.get('UPLOAD_STREAM_DONE')).toBe('1');
    expect(Buffer.from(third.body).toString()).toBe('c'.repeat(20));
    sock.destroy();
  });
});
