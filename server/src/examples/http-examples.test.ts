// Runs the HTTP examples (echo, upload, stream) in-process through their exported `start`, with FakeMongrel2
// playing the server: requests go in as exact JSON-protocol messages, replies are checked byte for byte.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeMongrel2, disconnectNotice, jsonRequest, splitReply, type ReplyParts } from '../handler-lib/index.js';
import { start as startEcho } from './echo.js';
import type { StopFn } from './example-runner.js';
import { STREAM_HEAD, start as startStream } from './stream.js';
import { start as startUpload } from './upload.js';

const S = 'f00dcafe-0000-4000-8000-000000000001';
const GET = { METHOD: 'GET', VERSION: 'HTTP/1.1', URI: '/echo?x=1', QUERY: 'x=1', PATTERN: '/', host: 'localhost' };
const text = (b: Buffer) => b.toString('latin1');
const http = (body: string) =>
  `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

let fake: FakeMongrel2;
let stop: StopFn | undefined;
let logged: string[];
const opts = () => ({ sendSpec: fake.sendSpec, recvSpec: fake.recvSpec, senderId: 'example-test', log: (l: string) => logged.push(l) });

beforeEach(async () => {
  fake = await FakeMongrel2.start();
  logged = [];
});

afterEach(async () => {
  await stop?.();
  stop = undefined;
  fake.close();
});

describe('echo example', () => {
  it('answers with the request dump, closes killme and HTTP/1.0 requests, ignores disconnects', async () => {
    stop = await startEcho(opts());
    await fake.send(jsonRequest(S, 5, '/echo', GET, 'hi "there"'));
    const dump =
      `SENDER: ${S}\nIDENT: 5\nPATH: /echo\n` +
      `HEADERS: {"PATH":"/echo","METHOD":"GET","VERSION":"HTTP/1.1","URI":"/echo?x=1","QUERY":"x=1","PATTERN":"/","host":"localhost"}\n` +
      `BODY: "hi \\"there\\""\n`;
    expect(text(await fake.next())).toBe(`${S} 1:5, ${http(dump)}`);
    await fake.send(jsonRequest(S, 6, '/echo', { ...GET, killme: 'yes' }));
    expect(text(await fake.next())).toBe(`${S} 1:6, `);
    await fake.send(jsonRequest(S, 7, '/echo', { METHOD: 'GET', VERSION: 'HTTP/1.0' }));
    const [reply, close] = (await fake.take(2)).map(splitReply);
    expect(reply!.body.toString()).toContain('IDENT: 7\n');
    expect([close!.ids, close!.body.length]).toEqual([['7'], 0]);
    await fake.send(disconnectNotice(S, 5));
    expect(await fake.quiet()).toEqual([]);
    expect(logged).toContain('disconnect 5');
    await stop();
    await stop(); // idempotent
  });

  it('answers HEAD with headers only, JSON on request, and JSON socket messages bare', async () => {
    stop = await startEcho(opts());
    await fake.send(jsonRequest(S, 5, '/echo', { ...GET, METHOD: 'HEAD' }));
    const head = text(await fake.next());
    expect(head).toMatch(new RegExp(`^${S} 1:5, HTTP/1\\.1 200 OK\\r\\nContent-Type: text/plain; charset=utf-8\\r\\nContent-Length: \\d+\\r\\n\\r\\n$`));
    await fake.send(jsonRequest(S, 5, '/echo', { ...GET, QUERY: 'format=json' }, 'b'));
    const json = splitReply(await fake.next()).body.toString();
    expect(json).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: application\/json\r\n/);
    expect(JSON.parse(json.slice(json.indexOf('\r\n\r\n') + 4))).toMatchObject({ sender: S, ident: '5', path: '/echo', body: 'b' });
    await fake.send(jsonRequest(S, 12, '@echo', { METHOD: 'JSON', PATTERN: '@echo' }, '{"type":"hello"}'));
    const bare = splitReply(await fake.next());
    expect(JSON.parse(bare.body.toString())).toEqual({
      sender: S,
      ident: '12',
      path: '@echo',
      headers: { PATH: '@echo', METHOD: 'JSON', PATTERN: '@echo' },
      body: '{"type":"hello"}',
    });
  });
});

describe('upload example', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'm2-upload-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('waits on upload-start, then reports the size and md5 of the finished file', async () => {
    const data = Buffer.alloc(30000, 'abc');
    writeFileSync(join(dir, 'upload.XXab12'), data);
    stop = await startUpload({ ...opts(), uploadRoot: dir });
    const post = { METHOD: 'POST', VERSION: 'HTTP/1.1', 'content-length': '30000' };
    await fake.send(jsonRequest(S, 8, '/up', { ...post, 'x-mongrel2-upload-start': 'upload.XXab12' }));
    expect(await fake.quiet()).toEqual([]);
    await fake.send(
      jsonRequest(S, 8, '/up', { ...post, 'x-mongrel2-upload-start': 'upload.XXab12', 'x-mongrel2-upload-done': 'upload.XXab12' }),
    );
    const md5 = createHash('md5').update(data).digest('hex');
    expect(text(await fake.next())).toBe(`${S} 1:8, ${http(`UPLOAD GOOD: 30000 bytes, md5 ${md5}\n`)}`);
  });

  it('refuses mismatched or missing files and echoes ordinary requests', async () => {
    stop = await startUpload({ ...opts(), extra: [dir] });
    await fake.send(jsonRequest(S, 9, '/up', { METHOD: 'POST', 'x-mongrel2-upload-start': 'a', 'x-mongrel2-upload-done': 'b' }));
    const bad = (await fake.take(2)).map(text);
    expect(bad[0]).toMatch(new RegExp(`^${S} 1:9, HTTP/1\\.1 400 Bad Request\\r\\n`));
    expect(bad[1]).toBe(`${S} 1:9, `);
    await fake.send(jsonRequest(S, 10, '/up', { METHOD: 'POST', 'x-mongrel2-upload-start': 'gone', 'x-mongrel2-upload-done': 'gone' }));
    const missing = (await fake.take(2)).map(text);
    expect(missing[0]).toMatch(/^\S+ 2:10, HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(missing[1]).toBe(`${S} 2:10, `);
    await fake.send(jsonRequest(S, 11, '/up', GET));
    expect(splitReply(await fake.next()).body.toString()).toContain('PATH: /up\n');
  });
});

describe('stream example', () => {
  const isTick = (r: ReplyParts) => r.body.toString().includes('tick ');
  /** Reads replies until one satisfies `done`, returning them all (no fixed sleeps: robust on a loaded machine). */
  const readUntil = async (done: (r: ReplyParts, seen: ReplyParts[]) => boolean): Promise<ReplyParts[]> => {
    const seen: ReplyParts[] = [];
    for (;;) {
      const r = splitReply(await fake.next(5000));
      seen.push(r);
      if (done(r, seen)) return seen;
    }
  };

  it('streams chunks to every listener with one deliver, dropping disconnected ids', async () => {
    stop = await startStream({ ...opts(), intervalMs: 40 });
    await fake.send(jsonRequest(S, 1, '/stream', GET));
    await fake.send(jsonRequest(S, 2, '/stream', GET));
    const first = await readUntil((r) => isTick(r) && r.ids.length === 2);
    expect(first.filter((r) => r.body.equals(STREAM_HEAD)).map((r) => r.ids)).toEqual([['1'], ['2']]);
    expect(first.at(-1)!.ids).toEqual(['1', '2']);
    expect(first.at(-1)!.body.toString()).toMatch(/^[0-9a-f]+\r\ntick \d+ at \S+, 2 listening\n\r\n$/);
    await fake.send(disconnectNotice(S, 1));
    await readUntil((r) => isTick(r) && r.ids.join() === '2');
    expect(splitReply(await fake.next()).ids).toEqual(['2']); // and never '1' again
    for (let id = 100; id < 300; id++) await fake.send(jsonRequest(S, id, '/stream', GET));
    // 201 listeners: each tick is one deliver, split by the library into messages of 128 and 73 ids.
    const split = await readUntil((r, seen) => r.ids.length === 73 && seen.at(-2)?.ids.length === 128);
    expect(split.slice(-2).every(isTick)).toBe(true);
    expect(split.slice(-2).flatMap((r) => r.ids)).toEqual(['2', ...Array.from({ length: 200 }, (_, i) => String(i + 100))]);
    await stop();
    stop = undefined;
    const isClose = (r: ReplyParts) => r.body.length === 0;
    const end = await readUntil((r, seen) => isClose(r) && seen.filter(isClose).flatMap((c) => c.ids).length === 201);
    expect(end.filter((r) => r.body.toString() === '0\r\n\r\n').flatMap((r) => r.ids)).toHaveLength(201);
  });

  it('turns away listeners beyond the limit with a 503', async () => {
    stop = await startStream({ ...opts(), intervalMs: 1000, maxListeners: 1 });
    await fake.send(jsonRequest(S, 1, '/stream', GET));
    await fake.send(jsonRequest(S, 2, '/stream', GET));
    const msgs = (await fake.take(3)).map(text);
    expect(msgs[0]).toBe(`${S} 1:1, ${STREAM_HEAD.toString('latin1')}`);
    expect(msgs[1]).toMatch(new RegExp(`^${S} 1:2, HTTP/1\\.1 503 Service Unavailable\\r\\n`));
    expect(msgs[2]).toBe(`${S} 1:2, `);
  });
});
