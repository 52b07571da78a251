// `m2sh uuid`: the C m2sh runs the external `uuidgen`; we generate a random (version 4) UUID ourselves, so the
// command works on machines without uuid-runtime (decision 12).
import { randomUUID } from 'node:crypto';
import type { Command } from '../io.js';

/** Prints a new random UUID and a newline, as uuidgen does. */
export const uuid: Command = {
  name: 'uuid',
  help: 'Prints out a randomly generated UUID.',
  run(_cmd, io) {
    io.out(`${randomUUID()}\n`);
    return 0;
  },
};
