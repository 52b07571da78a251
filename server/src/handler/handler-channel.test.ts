// Handler endpoints resolve as the control port's do (process/endpoint.ts): relative ipc paths from the server's
// root, absolute ones under it when chrooted (Mongrel2 binds after chroot(2)), the socket's directory created.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareEndpoint } from './handler-channel.js';

const root = mkdtempSync(join(tmpdir(), 'm2-endpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('prepareEndpoint', () => {
  it('puts relative and (chrooted) absolute ipc paths under the root and creates their directory', () => {
    expect(prepareEndpoint('ipc://run/handler-send', root, true)).toBe(`ipc://${join(root, 'run/handler-send')}`);
    expect(prepareEndpoint('ipc:///sock/h', root, true)).toBe(`ipc://${join(root, 'sock/h')}`);
    expect(existsSync(join(root, 'run'))).toBe(true);
    expect(existsSync(join(root, 'sock'))).toBe(true);
  });

  it('leaves tcp endpoints alone', () => {
    expect(prepareEndpoint('tcp://127.0.0.1:9997', root, true)).toBe('tcp://127.0.0.1:9997');
  });
});
