// m2sh's stderr log lines, as src/dbg.h prints them when built with -DNO_LINENOS:
// `Sun, 22 Nov 2026 00:45:39 GMT [WARN] (errno: None) message`.
import type { Io } from './io.js';

/** The levels dbg.h knows; m2sh uses WARN, ERROR and INFO. */
export type Level = 'INFO' | 'WARN' | 'ERROR';

/** Renders one log line (with its newline) the way m2sh does. `errno` is the C strerror text, or None. */
export function renderLogLine(level: Level, message: string, errno = 'None', now = new Date()): string {
  return `${now.toUTCString()} [${level}] (errno: ${errno}) ${message}\n`;
}

/** Writes a WARN line to the command's stderr. */
export function logWarn(io: Io, message: string, errno?: string): void {
  io.err(renderLogLine('WARN', message, errno));
}

/** Writes an ERROR line to the command's stderr. */
export function logErr(io: Io, message: string, errno?: string): void {
  io.err(renderLogLine('ERROR', message, errno));
}

/** Writes an INFO line to the command's stderr. */
export function logInfo(io: Io, message: string): void {
  io.err(renderLogLine('INFO', message));
}
