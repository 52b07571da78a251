// Who and where, for commit-log rows. Mirrors log_action in tools/m2sh/src/commands/logging.c, which asks
// getlogin() then $LOGNAME; with neither it logs an error and writes no row. Node has no getlogin(), so we take
// $LOGNAME, then $USER, then the account name of our uid: a row is always written.
import { hostname, userInfo } from 'node:os';
import type { Io } from './io.js';
import { logWarn } from './log.js';

/** The login name for the `who` column. */
export function whoAmI(io: Io): string {
  const fromEnv = io.env.LOGNAME || io.env.USER;
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** This machine's name for the `location` column. */
export function whereAmI(): string {
  return hostname();
}

/** m2sh's warning when the commit log records root. */
export function warnIfRoot(io: Io, who: string): void {
  if (who === 'root') logWarn(io, `You shouldn't be running things as ${who}.  Use a safe user instead.`);
}
