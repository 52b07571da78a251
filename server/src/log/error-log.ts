// The server's error log (src/dbg.h, src/log.c): `<RFC 1123 date> [LEVEL] (errno: X) message` lines, filtered by
// the server's error_log_level (0 error, 1 warn, 2 info, 3 debug), written to the error_log file, or to stderr
// in test mode and before the file is open. Reopened on SIGHUP / reload for log rotation.
import { closeSync, openSync, writeSync } from 'node:fs';
import { renderLogLine } from '../cli/log.js';

const LEVELS = { ERROR: 0, WARN: 1, INFO: 2, DEBUG: 3 } as const;
/** A log level name. */
export type LogLevel = keyof typeof LEVELS;

/** Where the server's diagnostic lines go. */
export class ErrorLog {
  private fd: number | null = null;
  private path: string | null = null;

  constructor(private level = 2, private readonly stderr: (text: string) => void = (t) => process.stderr.write(t)) {}

  /** Sends lines to `path` from now on (appending), or to stderr when null. */
  open(path: string | null): void {
    this.close();
    this.path = path;
    if (path !== null) this.fd = openSync(path, 'a', 0o640);
  }

  /** Closes and reopens the file (log rotation). */
  reopen(): void {
    this.open(this.path);
  }

  /** Changes the level filter. */
  setLevel(level: number): void {
    this.level = level;
  }

  /** Writes one line when `level` passes the filter. */
  log(level: LogLevel, message: string): void {
    if (LEVELS[level] > this.level) return;
    const line = level === 'DEBUG' ? renderLogLine('INFO', message).replace('[INFO]', '[DEBUG]') : renderLogLine(level, message);
    if (this.fd !== null) {
      try {
        writeSync(this.fd, line);
        return;
      } catch {
        /* fall through to stderr: a log that cannot be written must not take the server down */
      }
    }
    this.stderr(line);
  }

  /** Logs at ERROR. */
  error(message: string): void { this.log('ERROR', message); }
  /** Logs at WARN. */
  warn(message: string): void { this.log('WARN', message); }
  /** Logs at INFO. */
  info(message: string): void { this.log('INFO', message); }
  /** Logs at DEBUG. */
  debug(message: string): void { this.log('DEBUG', message); }

  /** Closes the file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
