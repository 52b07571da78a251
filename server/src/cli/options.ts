// Mirrors `option()` in tools/m2sh/src/commands.c: reading an option with a default logs
// `No option --NAME given, using "DEFAULT" as the default.` at WARN, exactly once per read, in read order.
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandLine, Io } from './io.js';
import { logErr, logWarn } from './log.js';

/** The option's value; when absent, `def` (logging m2sh's warning) or undefined when there is no default. */
export function option(cmd: CommandLine, io: Io, name: string, def?: string): string | undefined {
  const value = cmd.options.get(name);
  if (value !== undefined) return value;
  if (def === undefined) return undefined;
  logWarn(io, `No option --${name} given, using "${def}" as the default.`);
  cmd.options.set(name, def);
  return def;
}

/** The C library's strerror text for the errno codes m2sh reports. */
export function strerror(code: string | undefined): string {
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EACCES': return 'Permission denied';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
    case 'EROFS': return 'Read-only file system';
    case 'EPERM': return 'Operation not permitted';
    default: return code ?? 'None';
  }
}

/** Resolves a path given on the command line against the command's working directory. */
export function cliPath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}

/**
 * Mirrors the `check_file` macro: logs `Can't access WHAT 'PATH' properly.` with the errno text and returns
 * false when the file is not there with the wanted permissions.
 */
export function checkFile(io: Io, path: string, what: string, writable: boolean): boolean {
  try {
    accessSync(cliPath(io, path), writable ? constants.R_OK | constants.W_OK : constants.R_OK);
    return true;
  } catch (e) {
    logErr(io, `Can't access ${what} '${path}' properly.`, strerror((e as NodeJS.ErrnoException).code));
    return false;
  }
}
