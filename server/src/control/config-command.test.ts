// The `config` control command (our extension): exact reply bytes, and CALLBACK_NOT_FOUND from a target that
// cannot say (as from the C Mongrel2, which has no such command).
import { describe, expect, it } from 'vitest';
import { CONTROL_CALLBACK_NOT_FOUND } from '@m2/shared';
import { executeControl, type ControlTarget } from './commands.js';
import { fakeTarget } from './test-target.js';

const FP = 'ab'.repeat(32);

function run(target: ControlTarget): string {
  return String(executeControl(new TextEncoder().encode('12:6:config,0:}]'), target, () => {}).reply);
}

describe('control command config', () => {
  it('answers the fingerprint, generation, attempts, load time, last error, restart list and handler state', () => {
    const target: ControlTarget = {
      ...fakeTarget('u'),
      config: () => ({
        fingerprint: FP, generation: 3, attempts: 4, loadedAt: 1700000000, error: 'bad', restartNeeded: ['port', 'chroot'],
        handlers: [
          { sendSpec: 'tcp://a:1', recvSpec: 'tcp://a:2', state: 'bound', error: '' },
          { sendSpec: 'tcp://b:1', recvSpec: 'tcp://b:2', state: 'failing', error: 'handler send_spec tcp://b:1: Address in use' },
          { sendSpec: 'tcp://c:1', recvSpec: 'tcp://c:2', state: 'binding', error: '' },
        ],
      }),
    };
    const headers = '7:headers,116:11:fingerprint,10:generation,8:attempts,9:loaded_at,5:error,14:restart_needed,16:handlers_binding,14:handler_errors,]';
    const row = `64:${FP},1:3#1:4#10:1700000000#3:bad,11:port,chroot,1:1#43:handler send_spec tcp://b:1: Address in use,`;
    const rows = `${row.length}:${row}]`;
    const body = `${headers}4:rows,${rows.length}:${rows}]`;
    expect(run(target)).toBe(`${body.length}:${body}}`);
  });

  it('is CALLBACK_NOT_FOUND when the target has no load state', () => {
    const { config: _none, ...plain } = { ...fakeTarget('u'), config: undefined };
    expect(run(plain as ControlTarget)).toBe(CONTROL_CALLBACK_NOT_FOUND);
  });
});
