// `m2sh access`: mirrors Command_access_logs in tools/m2sh/src/commands/access.c. Each access-log line is a
// tnetstring list [host, addr, port, time, method, path, version, status, size]; it prints
// `[time] addr:port host "METHOD PATH VERSION" status size`, and a WARN for each malformed line.
import { readFileSync } from 'node:fs';
import { decodeTns, type TnsValue } from '@m2/shared';
import type { Command } from '../io.js';
import { logErr, logWarn } from '../log.js';
import { cliPath, option, strerror } from '../options.js';

/** Renders one access-log entry, or null when the line is not a well-formed entry. */
export function renderAccessLine(line: Uint8Array): string | null {
  let item: TnsValue;
  try {
    item = decodeTns(line).value;
  } catch {
    return null;
  }
  if (!Array.isArray(item) || item.length < 9) return null;
  const [host, addr, port, time, method, path, version, status, size] = item;
  const str = (v: TnsValue | undefined) => (typeof v === 'string' ? v : null);
  const num = (v: TnsValue | undefined) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const fields = [str(host), str(addr), num(port), num(time), str(method), str(path), str(version), num(status), num(size)];
  if (fields.some((f) => f === null)) return null;
  const [h, a, p, t, m, pa, v, st, sz] = fields;
  return `[${t}] ${a}:${p} ${h} "${m} ${pa} ${v}" ${st} ${sz}\n`;
}

/** Prints the access log in a readable form. */
export const access: Command = {
  name: 'access',
  help: 'Prints the access log.',
  run(cmd, io) {
    const logFile = option(cmd, io, 'log', 'logs/access.log')!;
    let data: Buffer;
    try {
      data = readFileSync(cliPath(io, logFile));
    } catch (e) {
      logErr(io, `Failed to open log file: ${logFile}`, strerror((e as NodeJS.ErrnoException).code));
      return 255;
    }
    let out = '';
    let lineNumber = 0;
    for (let start = 0; start < data.length; ) {
      let end = data.indexOf(0x0a, start);
      end = end < 0 ? data.length : end + 1;
      lineNumber++;
      const rendered = renderAccessLine(data.subarray(start, end));
      if (rendered === null) {
        io.out(out);
        out = '';
        logWarn(io, `Malformed log line: ${lineNumber}.`);
      } else {
        out += rendered;
      }
      start = end;
    }
    io.out(out);
    return 0;
  },
};
